import { render, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { ANALYTICS_NEXT_VERSION, SegmentSnippet } from './SegmentSnippet.jsx';

describe('SegmentSnippet', () => {
  test('loads analytics.js with this server as its CDN and the write key', () => {
    render(<SegmentSnippet origin="https://stats.example.com" writeKey="tsk_abc" />);

    const npm = screen.getByTestId('analytics-js-npm');
    expect(npm).toHaveTextContent("import { AnalyticsBrowser } from '@segment/analytics-next';");
    expect(npm).toHaveTextContent(
      "AnalyticsBrowser.load({ writeKey: 'tsk_abc', cdnURL: 'https://stats.example.com' })");
    const script = screen.getByTestId('analytics-js-script');
    expect(script).toHaveTextContent(`@segment/analytics-next@${ANALYTICS_NEXT_VERSION}/dist/umd/index.js`);
    expect(script).toHaveTextContent(
      "window.analytics = AnalyticsNext.AnalyticsBrowser.load({ writeKey: 'tsk_abc', cdnURL: 'https://stats.example.com' });");
    expect(screen.getByRole('button', { name: 'Copy analytics.js snippet' })).toBeInTheDocument();
  });

  test('never points the library at Segment', () => {
    render(<SegmentSnippet origin="https://stats.example.com" writeKey="tsk_abc" />);

    for (const id of ['analytics-js-npm', 'analytics-js-script']) {
      expect(screen.getByTestId(id).textContent).not.toMatch(/segment\.(com|io)/);
    }
  });
});
