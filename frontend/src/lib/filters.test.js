import { describe, expect, test } from 'vitest';
import {
  addFilter,
  dimensionLabel,
  filtersFromSearchParams,
  filtersToSearchParams,
  formatFilter,
  parseFilter,
  removeFilter,
} from './filters.js';

describe('parseFilter', () => {
  test('splits on the first colon so values may contain colons', () => {
    expect(parseFilter('referrer:https://news.ycombinator.com/')).toEqual({
      dimension: 'referrer',
      value: 'https://news.ycombinator.com/',
    });
  });

  test('keeps the property key in the dimension', () => {
    expect(parseFilter('property:plan:pro')).toEqual({ dimension: 'property:plan', value: 'pro' });
    expect(parseFilter('property:url:https://x.io')).toEqual({ dimension: 'property:url', value: 'https://x.io' });
  });

  test('rejects unknown dimensions and empty values', () => {
    expect(parseFilter('planet:Mars')).toBeNull();
    expect(parseFilter('page:')).toBeNull();
    expect(parseFilter('page')).toBeNull();
    expect(parseFilter('property:plan')).toBeNull();
    expect(parseFilter('property::pro')).toBeNull();
  });

  test('formatFilter is the inverse of parseFilter', () => {
    for (const text of ['page:/blog/a:b', 'property:plan:pro', 'utmCampaign:spring sale']) {
      expect(formatFilter(parseFilter(text))).toBe(text);
    }
  });
});

describe('filter list', () => {
  const pricing = { dimension: 'page', value: '/pricing' };
  const chrome = { dimension: 'browser', value: 'Chrome' };

  test('adding a second value for a dimension replaces the first', () => {
    const filters = addFilter(addFilter([pricing], chrome), { dimension: 'page', value: '/blog' });
    expect(filters).toEqual([chrome, { dimension: 'page', value: '/blog' }]);
  });

  test('removing a filter leaves the others', () => {
    expect(removeFilter([pricing, chrome], pricing)).toEqual([chrome]);
  });

  test('round-trips through repeated filter parameters, dropping invalid ones', () => {
    const params = filtersToSearchParams([pricing, chrome], new URLSearchParams('period=today&filter=old:x'));
    expect(params.getAll('filter')).toEqual(['page:/pricing', 'browser:Chrome']);
    expect(params.get('period')).toBe('today');
    expect(filtersFromSearchParams(new URLSearchParams('filter=page:/a&filter=nope&filter=os:Linux'))).toEqual([
      { dimension: 'page', value: '/a' },
      { dimension: 'os', value: 'Linux' },
    ]);
  });

  test('labels dimensions for people', () => {
    expect(dimensionLabel('entryPage')).toBe('Entry page');
    expect(dimensionLabel('property:plan')).toBe('Property plan');
  });
});
