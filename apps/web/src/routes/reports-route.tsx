import { AvailabilityReport } from '../features/reports/components/availability-report.tsx';
import { PageHeader } from '../ui/page-header.tsx';

export function Component() {
  return (
    <>
      <PageHeader
        title="Availability reports"
        description="Per device, gateway or tenant: share of time connected, drops, longest outage and mean time to reconnect, from the connection history."
      />
      <AvailabilityReport />
    </>
  );
}
