// The site the dashboard reads, remembered across reloads. Every analytics call names it as `site=`.
const STORAGE_KEY = 'ts.site';
let current = read();

function read() {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

export function currentSiteId() {
  return current;
}

export function chooseSite(id) {
  current = id ?? null;
  try {
    if (current) globalThis.localStorage?.setItem(STORAGE_KEY, current);
    else globalThis.localStorage?.removeItem(STORAGE_KEY);
  } catch {
    // Storage may be unavailable (private windows); the choice then lasts for this page only.
  }
}
