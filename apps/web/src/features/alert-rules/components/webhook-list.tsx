import { useState, type FormEvent } from 'react';
import { createWebhookRequest, type Webhook } from '@cmc/api';
import { isApiError } from '../../../lib/api-error.ts';
import { validate } from '../../../lib/zod-fields.ts';
import { ErrorAlert } from '../../../ui/error-alert.tsx';
import { TextField } from '../../../ui/field.tsx';
import { QueryView } from '../../../ui/query-view.tsx';
import { useCreateWebhook } from '../api/create-webhook.ts';
import { useDeleteWebhook } from '../api/delete-webhook.ts';
import { useWebhooks } from '../api/list-webhooks.ts';
import { useTestWebhook } from '../api/test-webhook.ts';

function CreateWebhookForm() {
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useCreateWebhook();
  const server = isApiError(create.error) ? create.error.fieldErrors : {};
  function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = validate(createWebhookRequest, { name, url });
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    create.mutate(parsed.value, { onSuccess: () => (setName(''), setUrl('')) });
  }
  return (
    <form className="stack-sm" onSubmit={submit} noValidate aria-label="Add a webhook">
      <div className="toolbar">
        <TextField
          label="Webhook name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors['name'] ?? server['name']}
        />
        <TextField
          label="URL"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          error={errors['url'] ?? server['url']}
          placeholder="https://example.com/hooks/cmc"
        />
        <button className="btn btn-primary" type="submit" disabled={create.isPending}>
          Add webhook
        </button>
      </div>
      <ErrorAlert error={create.error} title="Could not add the webhook" />
      {create.data ? (
        <div className="alert alert-info" role="status">
          Signing secret of <strong>{create.data.webhook.name}</strong> — copy it now, it is not
          shown again: <code data-testid="webhook-secret">{create.data.secret}</code>
        </div>
      ) : null}
    </form>
  );
}

function WebhookRow({ webhook }: { webhook: Webhook }) {
  const test = useTestWebhook();
  const remove = useDeleteWebhook();
  const result = test.data;
  return (
    <tr data-testid="webhook-row" data-webhook-id={webhook.id}>
      <td>{webhook.name}</td>
      <td>
        <code>{webhook.url}</code>
      </td>
      <td>
        <code>{webhook.secretHint}</code>
      </td>
      <td>
        <button
          className="btn btn-sm"
          type="button"
          disabled={test.isPending}
          onClick={() => test.mutate(webhook.id)}
        >
          Send test
        </button>{' '}
        <button
          className="btn btn-sm btn-danger"
          type="button"
          disabled={remove.isPending}
          aria-label={`Remove webhook ${webhook.name}`}
          onClick={() => remove.mutate(webhook.id)}
        >
          Remove
        </button>
        {result ? (
          <span role="status" data-testid="webhook-test-result" data-state={result.state}>
            {' '}
            {result.state === 'delivered'
              ? `Test delivered (HTTP ${result.lastStatus ?? '?'})`
              : `Test failed: ${result.lastError ?? 'no answer'}`}
          </span>
        ) : null}
        <ErrorAlert error={test.error ?? remove.error} />
      </td>
    </tr>
  );
}

export function WebhookList() {
  const query = useWebhooks();
  return (
    <section className="card" aria-labelledby="webhooks-title">
      <div className="card-header">
        <h2 id="webhooks-title">Webhooks</h2>
      </div>
      <div className="card-body">
        <p className="muted">
          Each notification is a JSON POST signed with HMAC-SHA256 of the body in the{' '}
          <code>X-CMC-Signature: sha256=…</code> header; failed deliveries are retried with backoff.
        </p>
        <CreateWebhookForm />
      </div>
      <QueryView
        query={query}
        errorTitle="Webhooks could not be read"
        skeletonRows={2}
        padSkeleton
        isEmpty={(d) => d.webhooks.length === 0}
        empty="No webhooks yet"
      >
        {(data) => (
          <table className="table" aria-label="Webhooks">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">URL</th>
                <th scope="col">Secret</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {data.webhooks.map((w) => (
                <WebhookRow key={w.id} webhook={w} />
              ))}
            </tbody>
          </table>
        )}
      </QueryView>
    </section>
  );
}
