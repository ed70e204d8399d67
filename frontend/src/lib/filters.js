// Filters travel as `dimension:value` strings, as the API expects them. Property filters carry their key
// in the dimension (`property:plan:pro`), and values may themselves contain colons (URLs), so parsing
// splits on the dimension, never on the last colon.

export const DIMENSIONS = {
  page: 'Page',
  entryPage: 'Entry page',
  exitPage: 'Exit page',
  referrer: 'Source',
  utmSource: 'UTM source',
  utmMedium: 'UTM medium',
  utmCampaign: 'UTM campaign',
  utmTerm: 'UTM term',
  utmContent: 'UTM content',
  browser: 'Browser',
  os: 'OS',
  device: 'Device',
  screen: 'Screen',
  language: 'Language',
  country: 'Country',
  region: 'Region',
  city: 'City',
  eventName: 'Event',
};

const PROPERTY_PREFIX = 'property:';

export function isKnownDimension(dimension) {
  if (dimension.startsWith(PROPERTY_PREFIX)) return dimension.length > PROPERTY_PREFIX.length;
  return Object.hasOwn(DIMENSIONS, dimension);
}

export function dimensionLabel(dimension) {
  if (dimension.startsWith(PROPERTY_PREFIX)) return `Property ${dimension.slice(PROPERTY_PREFIX.length)}`;
  return DIMENSIONS[dimension] ?? dimension;
}

export function formatFilter({ dimension, value }) {
  return `${dimension}:${value}`;
}

/** Parses `dimension:value`; returns null for anything the API would reject. */
export function parseFilter(text) {
  if (typeof text !== 'string') return null;
  let dimension;
  let rest;
  if (text.startsWith(PROPERTY_PREFIX)) {
    const keyEnd = text.indexOf(':', PROPERTY_PREFIX.length);
    if (keyEnd < 0) return null;
    dimension = text.slice(0, keyEnd);
    rest = text.slice(keyEnd + 1);
  } else {
    const colon = text.indexOf(':');
    if (colon < 0) return null;
    dimension = text.slice(0, colon);
    rest = text.slice(colon + 1);
  }
  if (!isKnownDimension(dimension) || rest === '') return null;
  return { dimension, value: rest };
}

export function parseFilters(texts) {
  return texts.map(parseFilter).filter(Boolean);
}

/** Adds a filter; a dimension holds one value at a time, so a new value replaces the old one. */
export function addFilter(filters, filter) {
  return [...filters.filter((f) => f.dimension !== filter.dimension), filter];
}

export function removeFilter(filters, filter) {
  return filters.filter((f) => !(f.dimension === filter.dimension && f.value === filter.value));
}

export function filtersFromSearchParams(params) {
  return parseFilters(params.getAll('filter'));
}

export function filtersToSearchParams(filters, params = new URLSearchParams()) {
  const next = new URLSearchParams(params);
  next.delete('filter');
  for (const filter of filters) next.append('filter', formatFilter(filter));
  return next;
}
