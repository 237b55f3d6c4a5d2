/** Shown while the first route module and the session load. */
export function PageLoading() {
  return (
    <div className="sign-in-page" role="status" aria-live="polite">
      <span className="muted">Loading Connect Master Console…</span>
    </div>
  );
}
