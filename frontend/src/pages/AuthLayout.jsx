export function AuthLayout({ title, children, footer }) {
  return (
    <main className="auth-page" id="main">
      <div className="auth-card">
        <div className="brand brand-center">
          <span className="brand-mark" aria-hidden="true" />
          Tracking System
        </div>
        <h1>{title}</h1>
        {children}
        {footer && <p className="auth-footer">{footer}</p>}
      </div>
    </main>
  );
}
