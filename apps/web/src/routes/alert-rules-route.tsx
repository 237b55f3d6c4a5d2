import { RuleList } from '../features/alert-rules/components/rule-list.tsx';
import { WebhookList } from '../features/alert-rules/components/webhook-list.tsx';
import { PageHeader } from '../ui/page-header.tsx';

export function Component() {
  return (
    <>
      <PageHeader
        title="Alert rules"
        description="Conditions that raise alarms, and the webhooks they notify."
      />
      <RuleList />
      <WebhookList />
    </>
  );
}
