import { isRouteErrorResponse, useRouteError } from 'react-router';
import { errorMessage } from '../lib/api-error.ts';

/** Error boundary of every route: one broken page never blanks the whole console. */
export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : errorMessage(error);
  return (
    <div className="stack" style={{ padding: 24 }}>
      <div className="alert alert-error" role="alert">
        <strong>This page failed to load.</strong> {message}
      </div>
      <div>
        <button className="btn" type="button" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    </div>
  );
}
