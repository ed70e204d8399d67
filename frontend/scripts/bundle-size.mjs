import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const LIMIT_BYTES = 250 * 1024;

/** The manifest keys reachable from `key` through static imports, including `key`. */
function staticClosure(manifest, key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key].imports ?? []) staticClosure(manifest, imported, seen);
  return seen;
}

function gzippedSize(distDir, manifest, keys) {
  let total = 0;
  for (const key of keys) {
    total += gzipSync(readFileSync(join(distDir, manifest[key].file))).length;
  }
  return total;
}

/**
 * Measures what a browser downloads as JS for its first page: the entry chunk and its static
 * imports, and, as the worst case, that plus the heaviest lazily loaded page with its own imports.
 * Pages are the chunks the entry imports dynamically (the routes). What a page itself imports
 * dynamically (the world map) arrives after the page has rendered, so it is reported as deferred,
 * each chunk with what it adds to its page, and is not part of the first page.
 */
export function measureFirstPage(distDir) {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8'));
  const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
  if (!entryKey) throw new Error(`no entry chunk in ${distDir}/.vite/manifest.json`);

  const entryKeys = staticClosure(manifest, entryKey);
  const entryBytes = gzippedSize(distDir, manifest, entryKeys);

  const pages = new Set(manifest[entryKey].dynamicImports ?? []);
  let heaviest = { page: null, bytes: entryBytes };
  const deferred = [];
  for (const page of pages) {
    const keys = staticClosure(manifest, page, new Set(entryKeys));
    const bytes = gzippedSize(distDir, manifest, keys);
    if (bytes > heaviest.bytes) heaviest = { page, bytes };
    for (const later of (manifest[page].dynamicImports ?? []).filter((key) => !pages.has(key))) {
      const added = [...staticClosure(manifest, later, new Set(keys))].filter((key) => !keys.has(key));
      deferred.push({ chunk: later, page, bytes: gzippedSize(distDir, manifest, added) });
    }
  }
  return { entry: entryKey, entryBytes, heaviestPage: heaviest.page, heaviestBytes: heaviest.bytes, deferred };
}
