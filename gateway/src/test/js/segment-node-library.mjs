// Sends track, page and identify with the real @segment/analytics-node library to a running gateway.
// Usage: node segment-node-library.mjs <gateway origin> <write key>
// Prints the events as the library sent them (one batch) as JSON; exits non-zero on any delivery error.
import { Analytics } from '@segment/analytics-node';

const [host, writeKey] = process.argv.slice(2);
const analytics = new Analytics({ writeKey, host, maxRetries: 0, flushInterval: 60_000 });
const sent = [];
let failure;
analytics.on('http_request', request => sent.push(...JSON.parse(request.body).batch));
analytics.on('error', error => { failure = error; });

analytics.track({
  userId: 'user-1',
  event: 'Order Completed',
  properties: { revenue: 42.5, currency: 'EUR' },
  context: { campaign: { name: 'spring', source: 'newsletter', medium: 'email' }, locale: 'de-DE' },
});
analytics.page({
  anonymousId: 'anon-1',
  name: 'Pricing',
  properties: { url: 'https://shop.example/pricing?utm_source=ads', title: 'Pricing', referrer: 'https://search.example/' },
});
analytics.identify({ userId: 'user-1', traits: { email: 'ann@example.com', plan: 'pro' } });
await analytics.closeAndFlush({ timeout: 10_000 });

if (failure) {
  console.error(failure);
  process.exit(1);
}
console.log(JSON.stringify(sent));
