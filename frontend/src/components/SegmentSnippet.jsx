import { CodeBlock } from './CopyButton.jsx';

/** The analytics.js release the gateway is tested against. */
export const ANALYTICS_NEXT_VERSION = '1.84.3';

/**
 * Segment's analytics.js loaded with this gateway as its CDN: it reads its settings from the gateway and sends
 * every call back to it, so no Segment account is involved.
 */
export function analyticsJsSnippets(origin, writeKey) {
  const load = `AnalyticsBrowser.load({ writeKey: '${writeKey}', cdnURL: '${origin}' })`;
  return {
    npm: [
      `import { AnalyticsBrowser } from '@segment/analytics-next';`,
      ``,
      `export const analytics = ${load};`,
      `analytics.page();`,
    ].join('\n'),
    script: [
      `<script src="https://cdn.jsdelivr.net/npm/@segment/analytics-next@${ANALYTICS_NEXT_VERSION}/dist/umd/index.js"></script>`,
      `<script>`,
      `  window.analytics = AnalyticsNext.${load};`,
      `  analytics.page();`,
      `</script>`,
    ].join('\n'),
  };
}

export function SegmentSnippet({ origin, writeKey }) {
  const code = analyticsJsSnippets(origin, writeKey);
  return (
    <>
      <p>
        In the browser, Segment&apos;s analytics.js works without a Segment account: set <code>cdnURL</code> to this
        server and it loads its settings from here. With <code>@segment/analytics-next</code>
        {` ${ANALYTICS_NEXT_VERSION}`} from npm:
      </p>
      <CodeBlock code={code.npm} copyLabel="Copy analytics.js example" testId="analytics-js-npm" />
      <p>Or as a script tag:</p>
      <CodeBlock code={code.script} copyLabel="Copy analytics.js snippet" testId="analytics-js-script" />
    </>
  );
}
