import { AlarmList } from '../features/alarms/components/alarm-list.tsx';
import { NotificationToggle } from '../features/alarms/components/notification-toggle.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { useCurrentUser } from './use-current-user.ts';

export function Component() {
  const user = useCurrentUser();
  return (
    <>
      <PageHeader
        title="Alarms"
        description={
          user.isAdmin
            ? 'Raised by alert rules, live. Acknowledge what you are handling; alarms clear by themselves when the condition ends.'
            : 'Alarms of your gateways, live. Administrators acknowledge them.'
        }
      >
        {user.isAdmin ? <NotificationToggle /> : null}
      </PageHeader>
      <AlarmList canAcknowledge={user.isAdmin} />
    </>
  );
}
