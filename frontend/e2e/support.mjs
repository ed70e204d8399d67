// Helpers for driving the dashboard in Debian's headless Chromium with playwright-core.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const SCREENSHOT_DIR = fileURLToPath(new URL('../target/screenshots/', import.meta.url));
export const TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS ?? 30_000);

/** Starts Chromium with a fresh profile that is deleted on close. */
const DESKTOP_CHROME =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';

export async function launch({ viewport = { width: 1280, height: 900 }, extraArgs = [] } = {}) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'dashboard-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
    viewport,
    // Headless Chromium calls itself HeadlessChrome, which the tracking-service rightly drops as a bot;
    // the visitors in these scenarios stand for people, so they present an ordinary desktop Chrome.
    userAgent: DESKTOP_CHROME,
  });
  context.setDefaultTimeout(TIMEOUT_MS);
  const diagnostics = [];
  context.on('page', (page) => watch(page, diagnostics));
  for (const page of context.pages()) watch(page, diagnostics);
  return {
    context,
    diagnostics,
    async close() {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

function watch(page, diagnostics) {
  page.on('console', (message) => {
    if (message.type() === 'error') diagnostics.push(`console error on ${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => diagnostics.push(`page error on ${page.url()}: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 500) diagnostics.push(`HTTP ${response.status()} ${response.request().method()} ${response.url()}`);
  });
}

/**
 * Serves one HTML page from this machine. Chromium is told that `hostname` lives here, so the page has
 * an ordinary site name (trackers may ignore localhost) while staying in the loopback address space
 * (Chromium blocks requests from a public origin to a local gateway).
 */
export async function serveSite(hostname, html) {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html(req.url));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://${hostname}:${port}`,
    chromiumArgs: [`--host-resolver-rules=MAP ${hostname} 127.0.0.1`],
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Runs named steps in order; the first failure is logged with a screenshot and stops the run. */
export function scenario(page) {
  let n = 0;
  return async function step(name, action) {
    n += 1;
    const label = `${String(n).padStart(2, '0')} ${name}`;
    const started = Date.now();
    try {
      const result = await action();
      console.log(`ok   ${label} (${Date.now() - started} ms)`);
      return result;
    } catch (error) {
      console.error(`FAIL ${label}: ${error.message}`);
      const shot = await screenshot(page(), `failure-${String(n).padStart(2, '0')}`).catch(() => null);
      if (shot) console.error(`     screenshot: ${shot}`);
      throw error;
    }
  };
}

/** Retries `probe` until it returns a truthy value, reloading nothing itself. */
export async function eventually(probe, { timeout = TIMEOUT_MS, interval = 1_000, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    try {
      last = await probe();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
  throw new Error(`timed out after ${timeout} ms waiting for ${message} (last: ${last?.message ?? last})`);
}

export function numberIn(text) {
  const match = /([\d.,]+)\s*([KMB])?/i.exec(text ?? '');
  if (!match) return NaN;
  const scale = { K: 1e3, M: 1e6, B: 1e9 }[match[2]?.toUpperCase()] ?? 1;
  return Number(match[1].replace(/,/g, '')) * scale;
}
