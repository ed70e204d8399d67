// Sends identify, page and track with a real server-side library to a running gateway, then flushes.
// Usage: node server-library.mjs <analytics-node|rudder-sdk-node> <gateway origin> <write key>
// Prints the HTTP requests the library made as JSON; exits non-zero on any delivery error.
import { Analytics } from '@segment/analytics-node';
import RudderAnalytics from '@rudderstack/rudder-sdk-node';

const [library, host, writeKey] = process.argv.slice(2);
const calls = {
  identify: { userId: 'user-1', traits: { plan: 'pro' } },
  page: { userId: 'user-1', name: 'Pricing',
    properties: { url: 'https://shop.example/pricing', path: '/pricing', title: 'Pricing' } },
  track: { userId: 'user-1', event: 'Order Completed', properties: { plan: 'pro', revenue: 42 } },
};

async function analyticsNode() {
  const analytics = new Analytics({ writeKey, host, maxRetries: 0, flushInterval: 60_000 });
  const requests = [];
  let failure;
  analytics.on('http_request', request => requests.push({ url: request.url, headers: request.headers }));
  analytics.on('error', error => { failure = error; });
  analytics.identify(calls.identify);
  analytics.page(calls.page);
  analytics.track(calls.track);
  await analytics.closeAndFlush({ timeout: 10_000 });
  if (failure) throw failure;
  return requests;
}

async function rudderSdkNode() {
  const failures = [];
  const analytics = new RudderAnalytics(writeKey, { dataPlaneUrl: host, retryCount: 0, flushAt: 10,
    flushInterval: 60_000, errorHandler: error => failures.push(error) });
  analytics.identify(calls.identify);
  analytics.page(calls.page);
  analytics.track(calls.track);
  await analytics.flush();
  if (failures.length > 0) throw failures[0];
  return [{ url: `${host}/v1/batch` }];
}

const requests = library === 'rudder-sdk-node' ? await rudderSdkNode() : await analyticsNode();
console.log(JSON.stringify(requests));
