// Drives the tracker in headless Chromium against a running gateway.
// Usage: node tracker-in-chromium.mjs <site origin>
// The site serves /shop/, /links/ and /dnt/ with the snippet (see TrackerInBrowserTest). Waits for every ingest
// answer, so the stream holds each event by the time this exits; prints what the browser saw as JSON.
import { chromium } from 'playwright-core';

const site = process.argv[2];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const report = {};

function check(condition, message) {
  if (!condition) throw new Error(message);
}

// Resolves with the next answer to an ingest POST, after running `action`.
async function ingested(page, action) {
  const answered = page.waitForResponse(
    r => r.url().endsWith('/api/events') && r.request().method() === 'POST', { timeout: 10_000 });
  await action();
  const response = await answered;
  check(response.status() === 202, `ingest answered ${response.status()}: ${await response.text()}`);
  return response;
}

async function shop() {
  const page = await (await browser.newContext()).newPage();
  await ingested(page, () => page.goto(`${site}/shop/`));
  await ingested(page, () => page.evaluate(() => history.pushState({}, '', '/shop/pricing')));
  await ingested(page, () => page.evaluate(() => history.replaceState({}, '', '/shop/signup')));
  await ingested(page, () => page.evaluate(() => window.tracker.track('Signup', { plan: 'pro' })));
  report.shop = 'done';
}

async function links() {
  const page = await (await browser.newContext()).newPage();
  const types = [];
  page.on('request', r => { if (r.url().endsWith('/api/events')) types.push(r.resourceType()); });
  await ingested(page, () => page.goto(`${site}/links/`));
  await ingested(page, () => page.evaluate(() => history.pushState({}, '', '/links/next')));
  // the same URL again, or another fragment, is no new page
  await page.evaluate(() => {
    history.replaceState({ scrolled: true }, '', '/links/next');
    history.pushState({}, '', '/links/next#details');
  });
  await ingested(page, () => page.evaluate(() => history.go(-2)));
  await ingested(page, () => page.click('#outbound'));
  await ingested(page, () => page.click('#download'));
  await ingested(page, () => page.click('#internal', { button: 'middle' }).then(() => page.click('#outbound', { button: 'middle' })));
  await ingested(page, () => page.evaluate(() => { window.tracker.identify('user-42'); window.tracker.track('Identified'); }));
  await ingested(page, () => page.evaluate(() => {
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    window.tracker.track('Left');
  }));
  // thirty-one idle minutes later, a new session begins
  await ingested(page, () => page.evaluate(() => {
    localStorage.setItem('_tst', Date.now() - 31 * 60 * 1000);
    window.tracker.track('Returned');
  }));
  await ingested(page, () => page.reload());
  report.links = { resourceTypes: types };
}

async function doNotTrack() {
  const context = await browser.newContext();
  await context.addInitScript(() =>
    Object.defineProperty(Navigator.prototype, 'doNotTrack', { get: () => '1' }));
  const page = await context.newPage();
  let sent = 0;
  page.on('request', r => { if (r.url().endsWith('/api/events')) sent++; });
  await page.goto(`${site}/dnt/`);
  await page.evaluate(() => window.tracker.track('Ignored'));
  await page.waitForTimeout(300);
  check(sent === 0, `Do Not Track was ignored: ${sent} requests`);
  report.dnt = { requests: sent };
}

try {
  await shop();
  await links();
  await doNotTrack();
  console.log(JSON.stringify(report));
} finally {
  await browser.close();
}
