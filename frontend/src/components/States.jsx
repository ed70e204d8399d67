export function Loading({ label = 'Loading…', compact = false }) {
  return (
    <div className={compact ? 'state state-compact' : 'state'} role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

export function Empty({ children = 'No data for this period.' }) {
  return (
    <div className="state state-empty" data-testid="empty-state">
      {children}
    </div>
  );
}

export function ErrorMessage({ error, onRetry }) {
  const message = typeof error?.userMessage === 'function' ? error.userMessage() : String(error?.message ?? error);
  return (
    <div className="state state-error" role="alert">
      <span>{message}</span>
      {onRetry && (
        <button type="button" className="button button-small" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** Renders loading, error and empty states around `children(data)`. */
export function AsyncContent({ result, isEmpty = () => false, empty, loadingLabel, children }) {
  const { data, error, loading, reload } = result;
  if (error) return <ErrorMessage error={error} onRetry={reload} />;
  if (data === undefined && loading) return <Loading label={loadingLabel} compact />;
  if (data === undefined) return null;
  if (isEmpty(data)) return <Empty>{empty}</Empty>;
  return (
    <div className={loading ? 'refreshing' : undefined} aria-busy={loading}>
      {children(data)}
    </div>
  );
}
