import { useEffect, useState } from 'react';
import { stats } from '../api/index.js';

const POLL_MS = 30_000;

/** "N visitors now", refreshed every 30 seconds while the tab is visible. */
export function RealtimeBadge({ query }) {
  const [visitors, setVisitors] = useState(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let controller = null;
    async function poll() {
      if (document.visibilityState === 'hidden') return;
      controller?.abort();
      controller = new AbortController();
      try {
        const data = await stats.realtime(query, { signal: controller.signal });
        setVisitors(data.visitorsNow ?? 0);
        setFailed(false);
      } catch (error) {
        if (error?.name !== 'AbortError') setFailed(true);
      }
    }
    poll();
    const timer = setInterval(poll, POLL_MS);
    document.addEventListener('visibilitychange', poll);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', poll);
      controller?.abort();
    };
  }, [query]);

  const text =
    visitors === null ? (failed ? 'Realtime unavailable' : 'Checking…') : `${visitors} ${visitors === 1 ? 'visitor' : 'visitors'} now`;
  return (
    <span className={visitors ? 'realtime realtime-active' : 'realtime'} role="status" data-testid="realtime-visitors" data-count={visitors ?? ''}>
      <span className="pulse" aria-hidden="true" />
      {text}
    </span>
  );
}
