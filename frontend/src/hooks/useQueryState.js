import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  browserTimeZone,
  rangeFromSearchParams,
  rangeToSearchParams,
  resolveRange,
} from '../lib/dateRange.js';
import {
  addFilter,
  filtersFromSearchParams,
  filtersToSearchParams,
  parseFilters,
  removeFilter,
} from '../lib/filters.js';

/** The date range, time zone and filters of the analytics pages, kept in the URL so views can be shared. */
export function useQueryState() {
  const [params, setParams] = useSearchParams();
  const tz = useMemo(() => browserTimeZone(), []);

  const { preset, from, to } = rangeFromSearchParams(params);
  const range = useMemo(() => resolveRange({ preset, from, to }, { tz }), [preset, from, to, tz]);

  // Keyed by the raw strings so an unrelated URL change keeps the same array (and skips refetches).
  const filterKey = params.getAll('filter').join('\n');
  const filters = useMemo(() => (filterKey ? parseFilters(filterKey.split('\n')) : []), [filterKey]);

  const setRange = useCallback(
    (next) => setParams((current) => rangeToSearchParams(next, current)),
    [setParams],
  );
  const update = useCallback(
    (change) => setParams((current) => filtersToSearchParams(change(filtersFromSearchParams(current)), current)),
    [setParams],
  );
  const add = useCallback((filter) => update((list) => addFilter(list, filter)), [update]);
  const remove = useCallback((filter) => update((list) => removeFilter(list, filter)), [update]);
  const clear = useCallback(() => update(() => []), [update]);

  const query = useMemo(() => ({ range, tz, filters }), [range, tz, filters]);
  return { range, tz, filters, query, setRange, addFilter: add, removeFilter: remove, clearFilters: clear };
}
