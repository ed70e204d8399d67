// Loads analytics.js (@segment/analytics-next, its dist/umd bundle, unchanged) in headless Chromium, with the
// gateway as its CDN, and sends identify, page and track.
// Usage: node analytics-js-in-chromium.mjs <gateway origin> <write key> <standard|batching>
// A page on another origin, served here, loads the library; its settings come from the gateway. Waits until the
// gateway has answered every event; prints the calls the library made as JSON.
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

const [gateway, writeKey, mode] = process.argv.slice(2);
const BUNDLE = new URL('./node_modules/@segment/analytics-next/dist/umd/', import.meta.url);
// A desktop Chrome: the headless browser's own user agent names it a bot, which the pipeline drops.
const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 '
  + 'Safari/537.36';
const options = mode === 'batching'
  ? { integrations: { 'Segment.io': { deliveryStrategy: { strategy: 'batching', config: { size: 3, timeout: 500 } } } } }
  : {};

const page = `<!doctype html><meta charset=utf-8><title>Pricing</title>
<script src="/analytics-next/index.js"></script>
<script>
  window.analytics = AnalyticsNext.AnalyticsBrowser.load(
    { writeKey: ${JSON.stringify(writeKey)}, cdnURL: ${JSON.stringify(gateway)} }, ${JSON.stringify(options)});
</script>`;

const site = createServer(async (request, response) => {
  if (request.url.startsWith('/analytics-next/')) {
    try {
      const script = await readFile(new URL(basename(request.url), BUNDLE));
      response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(script);
    } catch {
      response.writeHead(404).end();
    }
    return;
  }
  response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
});
await new Promise(resolve => site.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${site.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const report = { settings: null, calls: [] };
let delivered = 0;
let resolveDelivered;
const allDelivered = new Promise(resolve => { resolveDelivered = resolve; });

try {
  const tab = await (await browser.newContext({ userAgent: USER_AGENT })).newPage();
  tab.on('console', message => { if (message.type() === 'error') console.error(message.text()); });
  tab.on('response', async response => {
    const url = new URL(response.url());
    if (!url.href.startsWith(gateway)) return;
    if (url.pathname.endsWith('/settings')) {
      report.settings = response.status();
      return;
    }
    const body = JSON.parse(response.request().postData() ?? '{}');
    const events = body.batch ? body.batch.length : 1;
    report.calls.push({ path: url.pathname, status: response.status(), events });
    if (response.status() === 200) delivered += events;
    if (delivered >= 3) resolveDelivered();
  });
  await tab.goto(`${origin}/pricing`);
  await tab.evaluate(async () => {
    await window.analytics.identify('user-1', { plan: 'pro' });
    await window.analytics.page('Pricing');
    await window.analytics.track('Order Completed', { plan: 'pro', revenue: 42 });
  });
  const timeout = new Promise((_, reject) => setTimeout(
    () => reject(new Error(`not every event was delivered: ${JSON.stringify(report)}`)), 15_000));
  await Promise.race([allDelivered, timeout]);
  console.log(JSON.stringify(report));
} finally {
  await browser.close();
  site.close();
}
