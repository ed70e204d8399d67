import { Suspense, useEffect, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext.jsx';
import { Loading } from './States.jsx';

const NAV = [
  { to: '/', label: 'Dashboard', end: true },
  { to: '/live', label: 'Live' },
  { to: '/events', label: 'Events' },
  { to: '/funnels', label: 'Funnels' },
  { to: '/retention', label: 'Retention' },
  { to: '/setup', label: 'Setup' },
  { to: '/profile', label: 'Profile' },
];

/** Keeps the chosen period when moving between analytics pages. */
function periodSearch(search) {
  const current = new URLSearchParams(search);
  const kept = new URLSearchParams();
  for (const key of ['period', 'from', 'to']) {
    if (current.has(key)) kept.set(key, current.get(key));
  }
  const text = kept.toString();
  return text ? `?${text}` : '';
}

export function Layout() {
  const { user, logout } = useAuth();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const search = periodSearch(location.search);

  useEffect(() => setMenuOpen(false), [location.pathname]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <NavLink to={`/${search}`} className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Tracking System
        </NavLink>
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => setMenuOpen((open) => !open)}
        >
          Menu
        </button>
        <nav id="main-nav" className={menuOpen ? 'nav nav-open' : 'nav'} aria-label="Main">
          <ul>
            {NAV.map((item) => (
              <li key={item.to}>
                <NavLink to={`${item.to}${search}`} end={item.end} data-testid={`nav-${item.label.toLowerCase()}`}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
          <div className="user">
            <span className="user-name" data-testid="user-name">
              {user?.name}
            </span>
            <button type="button" className="button button-small button-secondary" onClick={logout} data-testid="logout">
              Log out
            </button>
          </div>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
