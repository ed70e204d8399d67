import { Suspense, useEffect, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext.jsx';
import { SiteProvider, useSite } from '../sites/SiteContext.jsx';
import { Loading } from './States.jsx';

const NAV = [
  { to: '/', label: 'Dashboard', end: true },
  { to: '/live', label: 'Live' },
  { to: '/events', label: 'Events' },
  { to: '/funnels', label: 'Funnels' },
  { to: '/retention', label: 'Retention' },
  { to: '/setup', label: 'Setup', manage: true },
  { to: '/sites', label: 'Sites' },
  { to: '/team', label: 'Team' },
  { to: '/profile', label: 'Profile' },
];

/** Which site the dashboard shows, among every site of every team the user is in. */
function SiteSwitcher() {
  const { sites, siteId, select } = useSite();
  if (sites.length === 0) return null;
  return (
    <label className="site-switcher">
      <span className="visually-hidden">Site</span>
      <select value={siteId ?? ''} onChange={(event) => select(event.target.value)} data-testid="site-switcher">
        {sites.map((site) => (
          <option key={site.id} value={site.id}>
            {site.name}
            {site.domain ? ` (${site.domain})` : ''}
          </option>
        ))}
      </select>
    </label>
  );
}

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
  return (
    <SiteProvider>
      <SiteLayout />
    </SiteProvider>
  );
}

function SiteLayout() {
  const { user, logout } = useAuth();
  const { siteId, canManage } = useSite();
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
            {NAV.filter((item) => canManage || !item.manage).map((item) => (
              <li key={item.to}>
                <NavLink to={`${item.to}${search}`} end={item.end} data-testid={`nav-${item.label.toLowerCase()}`}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
          <SiteSwitcher />
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
          {/* A new site remounts the page, so every panel asks again for the site now shown. */}
          <Outlet key={siteId ?? 'no-site'} />
        </Suspense>
      </main>
    </div>
  );
}
