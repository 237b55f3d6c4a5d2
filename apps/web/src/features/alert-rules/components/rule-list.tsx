import type { AlertRule } from '@cmc/api';
import { ErrorAlert } from '../../../ui/error-alert.tsx';
import { QueryView } from '../../../ui/query-view.tsx';
import { useDeleteRule } from '../api/delete-rule.ts';
import { useAlertRules } from '../api/list-rules.ts';
import { useWebhooks } from '../api/list-webhooks.ts';
import { useUpdateRule } from '../api/update-rule.ts';
import { describeCondition, describeScope } from './describe-rule.ts';
import { RuleForm } from './rule-form.tsx';

function RuleRow({ rule, webhookName }: { rule: AlertRule; webhookName: (id: number) => string }) {
  const remove = useDeleteRule();
  const update = useUpdateRule();
  return (
    <tr data-testid="rule-row" data-rule-id={rule.id}>
      <td>{rule.name}</td>
      <td>{describeCondition(rule)}</td>
      <td>{describeScope(rule)}</td>
      <td>{rule.webhookIDs.length ? rule.webhookIDs.map(webhookName).join(', ') : '—'}</td>
      <td>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={rule.enabled}
            disabled={update.isPending}
            onChange={(e) =>
              update.mutate({
                id: rule.id,
                body: {
                  name: rule.name,
                  enabled: e.target.checked,
                  condition: rule.condition,
                  scope: rule.scope,
                  webhookIDs: rule.webhookIDs,
                },
              })
            }
          />{' '}
          Enabled
        </label>
      </td>
      <td>
        <button
          className="btn btn-sm btn-danger"
          type="button"
          disabled={remove.isPending}
          aria-label={`Remove rule ${rule.name}`}
          onClick={() => remove.mutate(rule.id)}
        >
          Remove
        </button>
        <ErrorAlert error={remove.error ?? update.error} />
      </td>
    </tr>
  );
}

export function RuleList() {
  const query = useAlertRules();
  const webhooks = useWebhooks();
  const webhookName = (id: number) =>
    webhooks.data?.webhooks.find((w) => w.id === id)?.name ?? `#${id}`;
  return (
    <section className="card" aria-labelledby="rules-title">
      <div className="card-header">
        <h2 id="rules-title">Alert rules</h2>
      </div>
      <div className="card-body">
        <RuleForm />
      </div>
      <QueryView
        query={query}
        errorTitle="Rules could not be read"
        skeletonRows={2}
        padSkeleton
        isEmpty={(d) => d.rules.length === 0}
        empty="No alert rules yet"
      >
        {(data) => (
          <table className="table" aria-label="Alert rules">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Condition</th>
                <th scope="col">Watches</th>
                <th scope="col">Webhooks</th>
                <th scope="col">State</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {data.rules.map((r) => (
                <RuleRow key={r.id} rule={r} webhookName={webhookName} />
              ))}
            </tbody>
          </table>
        )}
      </QueryView>
    </section>
  );
}
