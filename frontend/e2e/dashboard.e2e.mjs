// End-to-end check of the dashboard against the running system:
//   BASE_URL=http://localhost:8080 npm run e2e
// Registers a fresh user, installs the tracker on a page, waits for Setup to see the event, checks the
// Dashboard, sees visitors of two countries shaded on the lazily loaded world map, filters by the page, rotates the API key, adds a second site and switches between the two,
// invites a viewer who accepts in a second browser, opens a share link logged out and sees it refused once
// revoked, logs out and back in. Screenshots of every page
// go to target/screenshots/. Exits non-zero on the first failure.
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { eventually, launch, numberIn, scenario, screenshot, serveSite, SCREENSHOT_DIR } from './support.mjs';

const BASE_URL = (process.env.BASE_URL ?? '').replace(/\/$/, '');
if (!BASE_URL) {
  console.error('Set BASE_URL to the gateway, e.g. BASE_URL=http://localhost:8080 npm run e2e');
  process.exit(2);
}

const run = Date.now().toString(36);
const PAGE_PATH = `/landing-${run}`;
const account = {
  name: `E2E ${run}`,
  email: `e2e-${run}@example.com`,
  password: `pw-${run}-correct-horse`,
};

// The customer's site, with the snippet holding the key that Setup shows.
let siteApiKey = '';
const site = await serveSite('shop.e2e.test', () => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Landing ${run}</title>
    <script defer src="${BASE_URL}/t.js" data-api-key="${siteApiKey}"></script>
  </head>
  <body><h1>Hello from ${PAGE_PATH}</h1></body>
</html>`);

const DOCS_PATH = `/docs-${run}`;
const DOCS_SITE = `Docs ${run}`;
const viewer = { name: `Viewer ${run}`, email: `viewer-${run}@example.com`, password: `pw-${run}-viewer-horse` };

async function sendPageview(apiKey, path) {
  const response = await fetch(`${BASE_URL}/api/events`, {
    method: 'POST',
    headers: { 'X-API-Key': apiKey, 'Content-Type': 'application/json' },
    body: JSON.stringify({ eventName: 'pageview', page: `https://docs.e2e.test${path}`, anonymousId: `docs-${run}` }),
  });
  return response.status;
}

/** A page view a server relays for its visitor at `ip`, as the native API allows. */
async function sendVisitFrom(apiKey, ip, visitor) {
  const response = await fetch(`${BASE_URL}/api/events`, {
    method: 'POST',
    headers: { 'X-API-Key': apiKey, 'Content-Type': 'application/json' },
    body: JSON.stringify({ eventName: 'pageview', page: `${site.origin}/abroad-${run}`, anonymousId: visitor, ip }),
  });
  return response.status;
}

async function sendEvent(apiKey) {
  const response = await fetch(`${BASE_URL}/api/events`, {
    method: 'POST',
    headers: { 'X-API-Key': apiKey, 'Content-Type': 'application/json' },
    body: JSON.stringify({ eventName: 'e2e_check', page: `${site.origin}${PAGE_PATH}` }),
  });
  return response.status;
}

rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
const browser = await launch({ extraArgs: site.chromiumArgs });
let page = browser.context.pages()[0] ?? (await browser.context.newPage());
// Every script the browser fetches, to show that the world map comes in a chunk of its own, only when shown.
const scripts = [];
browser.context.on('request', (request) => {
  if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
});
const MAP_CHUNK = /\/assets\/WorldMap-[\w-]+\.js$/;
const step = scenario(() => page);
let failed = false;

try {
  const url = (path) => `${BASE_URL}${path}`;
  let apiKey;

  await step('register a new account', async () => {
    await page.goto(url('/register'));
    await page.getByLabel('Name').fill(account.name);
    await page.getByLabel('Email').fill(account.email);
    await page.getByLabel('Password').fill(account.password);
    await screenshot(page, '01-register');
    await page.getByTestId('register-submit').click();
    await page.waitForURL((u) => u.pathname === '/setup');
  });

  await step('Setup shows the snippet with the API key and waits for an event', async () => {
    const snippet = page.getByTestId('tracker-snippet');
    await snippet.waitFor();
    apiKey = (await page.getByTestId('setup-api-key').textContent()).trim();
    const text = await snippet.textContent();
    if (!apiKey || !text.includes(`data-api-key="${apiKey}"`)) throw new Error(`snippet lacks the API key: ${text}`);
    if (!text.includes('/t.js')) throw new Error(`snippet lacks the tracker URL: ${text}`);
    await page.locator('[data-testid="setup-check"][data-state="waiting"]').waitFor();
    await screenshot(page, '02-setup-waiting');
  });

  await step('a page with the snippet sends an event and the Setup check turns green', async () => {
    siteApiKey = apiKey;
    const visit = await browser.context.newPage();
    await visit.goto(`${site.origin}${PAGE_PATH}`);
    await visit.waitForLoadState('networkidle').catch(() => {});
    await page.locator('[data-testid="setup-check"][data-state="received"]').waitFor();
    await visit.close();
    await screenshot(page, '03-setup-received');
  });

  await step('the Dashboard counts the visit and lists the page', async () => {
    await page.getByTestId('nav-dashboard').click();
    await page.waitForURL((u) => u.pathname === '/');
    await page.getByTestId('date-range-select').selectOption('today');
    // Ingestion is asynchronous; reload until the numbers are there.
    await eventually(
      async () => {
        const visitors = numberIn(await page.getByTestId('kpi-visitors-value').textContent({ timeout: 5_000 }));
        const pageviews = numberIn(await page.getByTestId('kpi-pageviews-value').textContent({ timeout: 5_000 }));
        const row = page.locator(`[data-testid="breakdown-page"] [data-testid="breakdown-row"][data-value*="${PAGE_PATH}"]`);
        if (visitors >= 1 && pageviews >= 1 && (await row.count()) > 0) return true;
        await page.reload();
        return false;
      },
      { message: 'visitors, page views and the page row on the Dashboard', interval: 2_000 },
    );
    await screenshot(page, '04-dashboard');
  });

  await step('the world map is loaded lazily and shades the countries visitors came from', async () => {
    if (scripts.some((path) => MAP_CHUNK.test(path))) throw new Error(`the map was loaded before the Dashboard needed it`);
    const shell = await (await fetch(url('/'))).text();
    if (shell.includes('WorldMap')) throw new Error('the page shell links the map chunk');
    for (const [ip, visitor] of [['8.8.8.8', `us-${run}`], ['81.2.69.142', `gb-${run}`]]) {
      const status = await sendVisitFrom(apiKey, ip, visitor);
      if (status < 200 || status >= 300) throw new Error(`POST /api/events from ${ip} answered ${status}`);
    }
    const fill = (code) => page.locator(`[data-testid="world-map"] path[data-country="${code}"]`).getAttribute('fill');
    await eventually(
      async () => {
        const map = page.getByTestId('world-map');
        if ((await map.count()) === 0) {
          await page.reload();
          return false;
        }
        const [us, gb, fr] = [await fill('US'), await fill('GB'), await fill('FR')];
        if (us !== fr && gb !== fr) return true;
        await page.reload();
        return false;
      },
      { message: 'the United States and the United Kingdom shaded on the map', interval: 2_000 },
    );
    if ((await fill('FR')) !== '#e5e7ef') throw new Error(`France, which no visitor came from, is ${await fill('FR')}`);
    if (!scripts.some((path) => MAP_CHUNK.test(path))) throw new Error(`no map chunk among ${scripts.join(', ')}`);
    await page.getByTestId('panel-locations').scrollIntoViewIfNeeded();
    await screenshot(page, '04-locations');
  });

  await step('choosing a country in the Locations list filters the Dashboard by it', async () => {
    const row = page.locator('[data-testid="breakdown-country"] [data-testid="breakdown-row"][data-value="GB"]');
    await row.getByRole('button').click();
    await page.waitForURL((u) => u.searchParams.getAll('filter').includes('country:GB'));
    const chip = page.getByTestId('filter-chip');
    if (!(await chip.textContent()).includes('United Kingdom')) throw new Error('the chip does not name the country');
    await eventually(async () => numberIn(await page.getByTestId('kpi-visitors-value').textContent()) === 1, {
      message: 'one visitor from the United Kingdom',
    });
    await page.getByRole('button', { name: 'Remove filter: Country is United Kingdom' }).click();
    await chip.waitFor({ state: 'detached' });
  });

  await step('CSV export downloads the pages with the visited one in it', async () => {
    await page.getByLabel('Export dataset').selectOption('pages');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    if (!download.suggestedFilename().endsWith('.csv')) throw new Error(`downloaded ${download.suggestedFilename()}`);
    const path = await download.path();
    const csv = await readFile(path, 'utf8');
    if (!csv.includes(PAGE_PATH)) throw new Error(`the CSV does not mention ${PAGE_PATH}:\n${csv.slice(0, 500)}`);
  });

  await step('clicking the page row filters the Dashboard by it', async () => {
    const row = page.locator(`[data-testid="breakdown-page"] [data-testid="breakdown-row"][data-value*="${PAGE_PATH}"]`);
    await row.getByRole('button').click();
    const chip = page.getByTestId('filter-chip');
    await chip.waitFor();
    if (!(await chip.textContent()).includes(PAGE_PATH)) throw new Error('the filter chip does not name the page');
    await page.waitForURL((u) => u.searchParams.getAll('filter').some((f) => f.startsWith('page:') && f.includes(PAGE_PATH)));
    await eventually(async () => numberIn(await page.getByTestId('kpi-visitors-value').textContent()) >= 1, {
      message: 'visitors under the page filter',
    });
    await screenshot(page, '05-dashboard-filtered');
  });

  const openPage = async (name) => {
    await page.getByTestId(`nav-${name}`).click();
    await page.waitForURL((u) => u.pathname === `/${name}`);
    await page.locator('main h1').waitFor();
  };
  const expectNoErrorState = async (what) => {
    const alert = page.locator('main [role="alert"]');
    if (await alert.count()) throw new Error(`${what} shows an error: ${await alert.first().textContent()}`);
  };

  await step('Live shows an event the moment it is sent', async () => {
    await openPage('live');
    await page.locator('[data-testid="live-status"]', { hasText: 'Connected' }).waitFor();
    const status = await sendEvent(apiKey);
    if (status < 200 || status >= 300) throw new Error(`POST /api/events answered ${status}`);
    await page.locator('[data-testid="live-event"]', { hasText: 'e2e_check' }).first().waitFor();
    await screenshot(page, '06-live');
  });

  await step('Events lists the raw events', async () => {
    await openPage('events');
    await page.getByTestId('event-row').first().waitFor();
    await expectNoErrorState('Events');
    await screenshot(page, '07-events');
  });

  await step('Funnels computes a funnel from the visited page to the sent event', async () => {
    await openPage('funnels');
    await page.getByLabel('Step 1 page path').fill(PAGE_PATH);
    await page.getByLabel('Step 2 event name').fill('e2e_check');
    await page.getByTestId('funnel-run').click();
    await page.locator('[data-testid="funnel-table"], main [data-testid="empty-state"], main [role="alert"]').first().waitFor();
    await expectNoErrorState('Funnels');
    await screenshot(page, '08-funnels');
  });

  await step('Retention shows the cohort grid', async () => {
    await openPage('retention');
    await page.locator('[data-testid="retention-grid"], main [data-testid="empty-state"], main [role="alert"]').first().waitFor();
    await expectNoErrorState('Retention');
    await screenshot(page, '09-retention');
  });

  await step('rotating the API key in Profile replaces it and retires the old one', async () => {
    await page.getByTestId('nav-profile').click();
    await page.waitForURL((u) => u.pathname === '/profile');
    const oldKey = (await page.getByTestId('api-key').textContent()).trim();
    await page.getByTestId('rotate-api-key').click();
    await page.getByTestId('confirm-dialog').waitFor();
    await screenshot(page, '10-profile-confirm-rotate');
    await page.getByTestId('confirm-dialog-confirm').click();
    await page.getByTestId('confirm-dialog').waitFor({ state: 'detached' });
    const newKey = await eventually(async () => {
      const key = (await page.getByTestId('api-key').textContent()).trim();
      return key && key !== oldKey ? key : null;
    }, { message: 'a new API key' });
    const oldStatus = await eventually(async () => {
      const status = await sendEvent(oldKey);
      return status === 401 || status === 403 ? status : null;
    }, { message: 'the old key to be refused' });
    const newStatus = await sendEvent(newKey);
    if (newStatus < 200 || newStatus >= 300) throw new Error(`an event with the new key got HTTP ${newStatus}`);
    console.log(`     old key refused with ${oldStatus}, new key accepted with ${newStatus}`);
    await screenshot(page, '11-profile-rotated');
  });

  const pageRow = (target, path) =>
    target.locator(`[data-testid="breakdown-page"] [data-testid="breakdown-row"][data-value*="${path}"]`);
  const dashboardShows = async (target, path, label) => {
    await eventually(
      async () => {
        if ((await pageRow(target, path).count()) > 0) return true;
        await target.reload();
        await target.getByTestId('date-range-select').selectOption('today');
        return false;
      },
      { message: label, interval: 2_000 },
    );
  };
  let docsKey;

  await step('create a second site and get its snippet', async () => {
    await page.getByTestId('nav-sites').click();
    await page.waitForURL((u) => u.pathname === '/sites');
    const form = page.getByTestId('new-site-form');
    await form.getByLabel('Name').fill(DOCS_SITE);
    await form.getByLabel('Domain (optional)').fill('docs.e2e.test');
    await page.getByTestId('new-site-submit').click();
    docsKey = (await page.getByTestId('new-site-key').textContent()).trim();
    const snippet = await page.getByTestId('new-site-snippet').textContent();
    if (!docsKey.startsWith('tsk_') || !snippet.includes(docsKey)) throw new Error(`no snippet with the key: ${snippet}`);
    await page.locator('[data-testid="site-switcher"] option', { hasText: DOCS_SITE }).waitFor({ state: 'attached' });
    await screenshot(page, '15-sites-new-site');
  });

  await step('send the second site events and see them on its dashboard only', async () => {
    const status = await sendPageview(docsKey, DOCS_PATH);
    if (status !== 202) throw new Error(`POST /api/events for the second site answered ${status}`);
    await page.getByTestId('site-switcher').selectOption({ label: `${DOCS_SITE} (docs.e2e.test)` });
    await page.getByTestId('nav-dashboard').click();
    await page.waitForURL((u) => u.pathname === '/');
    await page.getByTestId('date-range-select').selectOption('today');
    await dashboardShows(page, DOCS_PATH, 'the second site\'s page on its dashboard');
    if ((await pageRow(page, PAGE_PATH).count()) > 0) throw new Error('the second site shows the first site\'s page');
    await screenshot(page, '16-dashboard-second-site');
  });

  await step('switch between the two sites', async () => {
    await page.getByTestId('site-switcher').selectOption({ label: 'My site' });
    await page.getByTestId('date-range-select').selectOption('today');
    await dashboardShows(page, PAGE_PATH, 'the first site\'s page after switching');
    if ((await pageRow(page, DOCS_PATH).count()) > 0) throw new Error('the first site shows the second site\'s page');
    await page.getByTestId('site-switcher').selectOption({ label: `${DOCS_SITE} (docs.e2e.test)` });
    await page.getByTestId('date-range-select').selectOption('today');
    await dashboardShows(page, DOCS_PATH, 'the second site\'s page after switching back');
  });

  let invitationUrl;
  await step('invite a viewer to the team', async () => {
    await page.getByTestId('nav-team').click();
    await page.waitForURL((u) => u.pathname === '/team');
    const form = page.getByTestId('invite-form');
    await form.getByLabel('Email').fill(viewer.email);
    await form.getByLabel('Role').selectOption('viewer');
    await page.getByTestId('invite-submit').click();
    invitationUrl = (await page.getByTestId('invitation-link').textContent()).trim();
    if (!invitationUrl.includes('/invite/')) throw new Error(`not an invitation link: ${invitationUrl}`);
    await screenshot(page, '17-team-invitation');
  });

  await step('the viewer accepts in a second browser and reads the site, without its settings', async () => {
    const second = await launch({ extraArgs: site.chromiumArgs });
    try {
      const other = second.context.pages()[0] ?? (await second.context.newPage());
      await other.goto(url('/register'));
      await other.getByLabel('Name').fill(viewer.name);
      await other.getByLabel('Email').fill(viewer.email);
      await other.getByLabel('Password').fill(viewer.password);
      await other.getByTestId('register-submit').click();
      await other.waitForURL((u) => u.pathname === '/setup');
      await other.goto(invitationUrl);
      await other.getByTestId('accept-invitation').click();
      await other.waitForURL((u) => u.pathname === '/');
      await other.getByTestId('site-switcher').selectOption({ label: `${DOCS_SITE} (docs.e2e.test)` });
      await other.getByTestId('date-range-select').selectOption('today');
      await dashboardShows(other, DOCS_PATH, 'the invited viewer reading the second site');
      if (await other.getByTestId('nav-setup').count()) throw new Error('a viewer is offered the Setup page');
      await other.getByTestId('nav-sites').click();
      await other.getByTestId('viewer-notice').waitFor();
      if (await other.getByTestId('site-keys').count()) throw new Error('a viewer sees the site\'s keys');
      await screenshot(other, '18-viewer-sites');
    } finally {
      await second.close();
    }
  });

  let shareUrl;
  await step('create a share link of the second site', async () => {
    await page.getByTestId('nav-sites').click();
    await page.waitForURL((u) => u.pathname === '/sites');
    await page.getByTestId('create-share').click();
    shareUrl = (await page.getByTestId('share-link').textContent()).trim();
    await page.getByTestId('share-row').first().waitFor();
    await screenshot(page, '19-sites-share');
  });

  await step('the share link opens the dashboard logged out, and is refused once revoked', async () => {
    const anonymous = await launch({ extraArgs: site.chromiumArgs });
    try {
      const visitor = anonymous.context.pages()[0] ?? (await anonymous.context.newPage());
      await visitor.goto(shareUrl);
      await visitor.getByTestId('kpis').waitFor();
      await eventually(
        async () => {
          if ((await pageRow(visitor, DOCS_PATH).count()) > 0) return true;
          await visitor.reload();
          return false;
        },
        { message: 'the shared dashboard listing the second site\'s page', interval: 2_000 },
      );
      if (await visitor.getByTestId('site-switcher').count()) throw new Error('the shared view shows other sites');
      await screenshot(visitor, '20-shared-dashboard');

      await page.getByTestId('revoke-share').first().click();
      await page.getByTestId('share-row').first().waitFor({ state: 'detached' });
      await eventually(
        async () => {
          await visitor.reload();
          await visitor.locator('[data-testid="share-refused"], [data-testid="kpis"]').first().waitFor();
          return (await visitor.getByTestId('share-refused').count()) > 0;
        },
        { message: 'the revoked link to be refused', interval: 1_000 },
      );
      await screenshot(visitor, '21-shared-dashboard-revoked');
    } finally {
      await anonymous.close();
    }
  });

  await step('log out', async () => {
    await page.getByTestId('logout').click();
    await page.waitForURL((u) => u.pathname === '/login');
    await page.getByTestId('login-form').waitFor();
    await screenshot(page, '12-login');
  });

  await step('a signed-out visit to a page asks to sign in and keeps the page', async () => {
    await page.goto(url('/profile'));
    await page.waitForURL((u) => u.pathname === '/login' && u.searchParams.get('next') === '/profile');
  });

  await step('log back in and return to the page asked for', async () => {
    await page.getByLabel('Email').fill(account.email);
    await page.getByLabel('Password').fill(account.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((u) => u.pathname === '/profile');
    const shown = (await page.getByTestId('profile-email').textContent()).trim();
    if (shown !== account.email) throw new Error(`signed in as ${shown}`);
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('kpi-visitors-value').waitFor();
    await screenshot(page, '13-dashboard-after-login');
  });

  await step('the Dashboard fits a 375 px wide screen', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.reload();
    await page.getByTestId('kpi-visitors-value').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 1) throw new Error(`the page is ${overflow}px wider than the screen`);
    await screenshot(page, '14-dashboard-375px');
  });
} catch {
  failed = true;
} finally {
  if (browser.diagnostics.length) {
    console.log('browser diagnostics:');
    for (const line of browser.diagnostics) console.log(`  ${line}`);
  }
  await browser.close();
  await site.close();
}

console.log(`screenshots in ${SCREENSHOT_DIR}`);
console.log(failed ? 'e2e: FAILED' : 'e2e: passed');
process.exit(failed ? 1 : 0);
