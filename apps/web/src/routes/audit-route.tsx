import { AuditLog } from '../features/audit/components/audit-log.tsx';
import { PageHeader } from '../ui/page-header.tsx';

export function Component() {
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every sign-in attempt and every change, with who, when and the outcome."
      />
      <AuditLog />
    </>
  );
}
