import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { sites as sitesApi } from '../api/index.js';
import { chooseSite, currentSiteId } from './currentSite.js';

const SiteContext = createContext(null);
const ADMIN_ROLES = new Set(['owner', 'admin']);

/**
 * The sites the signed-in user can read, with their role on each, and the one the dashboard shows. The
 * choice survives reloads; a site that went away falls back to the first one.
 */
export function SiteProvider({ children }) {
  const [state, setState] = useState({ sites: [], loading: true, error: null, siteId: currentSiteId() });

  const reload = useCallback(async () => {
    try {
      const { sites } = await sitesApi.list();
      setState((previous) => {
        const kept = sites.find((site) => site.id === previous.siteId) ?? sites[0] ?? null;
        chooseSite(kept?.id ?? null);
        return { sites, loading: false, error: null, siteId: kept?.id ?? null };
      });
    } catch (error) {
      setState((previous) => ({ ...previous, loading: false, error }));
    }
  }, []);

  useEffect(() => {
    reload();
  }, [reload]);

  const select = useCallback((id) => {
    chooseSite(id);
    setState((previous) => ({ ...previous, siteId: id }));
  }, []);

  const value = useMemo(() => {
    const site = state.sites.find((candidate) => candidate.id === state.siteId) ?? null;
    return { ...state, site, canManage: ADMIN_ROLES.has(site?.role), select, reload };
  }, [state, select, reload]);
  return <SiteContext.Provider value={value}>{children}</SiteContext.Provider>;
}

const STANDALONE = { sites: [], site: null, siteId: null, loading: false, canManage: true, select() {}, reload() {} };

/** The current site; outside a provider (pages tested alone) there is none and nothing is restricted. */
export function useSite() {
  return useContext(SiteContext) ?? STANDALONE;
}

export function isAdminRole(role) {
  return ADMIN_ROLES.has(role);
}
