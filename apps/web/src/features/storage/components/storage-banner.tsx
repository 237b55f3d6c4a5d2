import { dateTime, formatCount } from '../../../lib/format.ts';
import { useStorageStatus } from '../api/storage-status.ts';

/**
 * Tells administrators when the console's own database stops taking writes (disk full, read-only
 * file): what still works, what is held in memory, and that it resumes by itself.
 */
export function StorageBanner() {
  const { data } = useStorageStatus(true);
  if (!data || data.writable) return null;
  return (
    <div
      className="alert alert-error"
      role="alert"
      data-testid="storage-banner"
      style={{ margin: '12px 24px 0' }}
    >
      <strong>The console cannot save data.</strong> Its database stopped taking writes
      {data.since ? ` at ${dateTime(data.since)}` : ''}: {data.error}. Reading works; new accounts
      and password changes are refused. {formatCount(data.pending)} history and audit rows are held
      in memory and will be written when space returns
      {data.dropped > 0 ? ` (${formatCount(data.dropped)} oldest rows dropped)` : ''}. Free disk
      space on the server (or make the data folder writable).
    </div>
  );
}
