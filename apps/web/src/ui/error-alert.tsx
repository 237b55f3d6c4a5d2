import { errorMessage, isApiError } from '../lib/api-error.ts';

/** Shows the server's reason for a failure; field errors are listed when no form shows them. */
export function ErrorAlert({
  error,
  title,
  showFields = false,
}: {
  error: unknown;
  title?: string;
  showFields?: boolean;
}) {
  if (!error) return null;
  const fields = isApiError(error) && showFields ? Object.entries(error.fieldErrors) : [];
  return (
    <div className="alert alert-error" role="alert">
      {title ? <strong>{title}: </strong> : null}
      {errorMessage(error)}
      {fields.length > 0 ? (
        <ul>
          {fields.map(([path, message]) => (
            <li key={path}>
              <code>{path || 'request'}</code> {message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
