import { ImportDevices } from '../features/inventory/components/import-devices.tsx';
import { PageHeader } from '../ui/page-header.tsx';

export function Component() {
  return (
    <>
      <PageHeader
        title="Import devices"
        description="Add async connections from a CSV file: every row is checked first, and a file with any bad row changes nothing."
      />
      <ImportDevices />
    </>
  );
}
