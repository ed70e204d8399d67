import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { measureFirstPage } from './bundle-size.mjs';

function fakeDist(files, manifest) {
  const dir = mkdtempSync(join(tmpdir(), 'dist-'));
  mkdirSync(join(dir, '.vite'));
  mkdirSync(join(dir, 'assets'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  writeFileSync(join(dir, '.vite', 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

const gz = (text) => gzipSync(Buffer.from(text)).length;

describe('measureFirstPage', () => {
  const files = {
    'assets/index.js': 'console.log("entry");'.repeat(10),
    'assets/vendor.js': 'var vendor = 1;'.repeat(50),
    'assets/login.js': 'login();',
    'assets/charts.js': Array.from({ length: 400 }, (_, i) => `chart${i}();`).join(''),
    'assets/dashboard.js': 'dashboard();',
  };
  const manifest = {
    'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_vendor.js'], dynamicImports: ['src/Login.jsx', 'src/Dashboard.jsx'] },
    '_vendor.js': { file: 'assets/vendor.js' },
    'src/Login.jsx': { file: 'assets/login.js', isDynamicEntry: true, imports: ['_vendor.js'] },
    'src/Dashboard.jsx': { file: 'assets/dashboard.js', isDynamicEntry: true, imports: ['_charts.js', '_vendor.js'] },
    '_charts.js': { file: 'assets/charts.js' },
  };

  test('counts the entry chunk and its static imports once each', () => {
    const size = measureFirstPage(fakeDist(files, manifest));
    expect(size.entryBytes).toBe(gz(files['assets/index.js']) + gz(files['assets/vendor.js']));
  });

  test('adds the heaviest lazy page and its own imports, without counting shared chunks twice', () => {
    const size = measureFirstPage(fakeDist(files, manifest));
    expect(size.heaviestPage).toBe('src/Dashboard.jsx');
    expect(size.heaviestBytes).toBe(
      size.entryBytes + gz(files['assets/dashboard.js']) + gz(files['assets/charts.js']),
    );
  });

  test('leaves what a page loads lazily out of the first page and reports it as deferred', () => {
    const withMap = {
      ...manifest,
      'src/Dashboard.jsx': { ...manifest['src/Dashboard.jsx'], dynamicImports: ['src/Map.jsx'] },
      'src/Map.jsx': { file: 'assets/map.js', isDynamicEntry: true, imports: ['src/Dashboard.jsx', '_atlas.js'] },
      '_atlas.js': { file: 'assets/atlas.js' },
    };
    const mapFiles = { ...files, 'assets/map.js': 'map();', 'assets/atlas.js': 'var atlas = [1, 2, 3];'.repeat(30) };
    const without = measureFirstPage(fakeDist(files, manifest));
    const size = measureFirstPage(fakeDist(mapFiles, withMap));
    expect(size.heaviestPage).toBe('src/Dashboard.jsx');
    expect(size.heaviestBytes).toBe(without.heaviestBytes);
    expect(size.deferred).toEqual([
      { chunk: 'src/Map.jsx', page: 'src/Dashboard.jsx', bytes: gz(mapFiles['assets/map.js']) + gz(mapFiles['assets/atlas.js']) },
    ]);
  });

  test('fails loudly when the build has no entry chunk', () => {
    const dir = fakeDist({}, { '_vendor.js': { file: 'assets/vendor.js' } });
    expect(() => measureFirstPage(dir)).toThrow(/no entry chunk/);
  });
});
