import { exportDevicesUrl } from '../api/export-devices.ts';

/** A plain download link: the browser sends the session cookie, the BFF streams the file. */
export function ExportDevicesLink({ query }: { query: Parameters<typeof exportDevicesUrl>[0] }) {
  return (
    <a className="btn" href={exportDevicesUrl(query)} download>
      Download CSV
    </a>
  );
}
