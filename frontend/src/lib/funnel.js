export const MIN_STEPS = 2;
export const MAX_STEPS = 8;

export const WINDOWS = [
  { id: '1h', label: '1 hour' },
  { id: '1d', label: '1 day' },
  { id: '7d', label: '7 days' },
  { id: '30d', label: '30 days' },
];

let nextKey = 0;
export function newStep(type = 'pageview', value = '') {
  nextKey += 1;
  return { key: nextKey, type, value };
}

/** `pageview:/path` or `event:name`, as the funnel endpoint reads them. */
export function formatStep({ type, value }) {
  return `${type}:${value.trim()}`;
}

export function stepLabel(step) {
  const colon = step.indexOf(':');
  if (colon < 0) return step;
  const type = step.slice(0, colon);
  const value = step.slice(colon + 1);
  return type === 'pageview' ? `Visited ${value}` : `Triggered ${value}`;
}

/** Messages keyed by step key; empty when the funnel can be run. */
export function validateSteps(steps) {
  const errors = {};
  for (const step of steps) {
    const value = step.value.trim();
    if (!value) errors[step.key] = step.type === 'pageview' ? 'Enter a page path.' : 'Enter an event name.';
    else if (step.type === 'pageview' && !value.startsWith('/')) errors[step.key] = 'Page paths start with /.';
  }
  return errors;
}

export function moveStep(steps, index, offset) {
  const target = index + offset;
  if (target < 0 || target >= steps.length) return steps;
  const next = [...steps];
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}
