import { useEffect, useRef, useState } from 'react';
import { liveUrl } from '../api/index.js';

const RECONNECT_MS = [1_000, 2_000, 5_000, 10_000];

/**
 * Subscribes to the account's event stream and calls `onEvent` for each stored event. The token in the
 * URL expires, so after an error the stream is reopened with a fresh one instead of letting
 * EventSource retry with the stale URL.
 */
export function useLiveEvents(onEvent, { enabled = true } = {}) {
  const [status, setStatus] = useState('connecting');
  const onEventRef = useRef(onEvent);
  onEventRef.current = onEvent;

  useEffect(() => {
    if (!enabled) return undefined;
    if (typeof EventSource === 'undefined') {
      setStatus('unsupported');
      return undefined;
    }
    let source = null;
    let timer = null;
    let attempts = 0;
    let stopped = false;

    async function open() {
      setStatus((s) => (s === 'open' ? s : 'connecting'));
      let url;
      try {
        // EventSource hides the status of a refused stream; after two failures in a row, assume the
        // token is the reason.
        url = await liveUrl({ renew: attempts >= 2 });
      } catch {
        retry();
        return;
      }
      if (stopped) return;
      source = new EventSource(url);
      source.onopen = () => {
        attempts = 0;
        setStatus('open');
      };
      source.onmessage = (message) => {
        let event;
        try {
          event = JSON.parse(message.data);
        } catch {
          return;
        }
        onEventRef.current(event);
      };
      source.onerror = () => {
        source.close();
        source = null;
        retry();
      };
    }

    function retry() {
      if (stopped) return;
      setStatus('reconnecting');
      const delay = RECONNECT_MS[Math.min(attempts, RECONNECT_MS.length - 1)];
      attempts += 1;
      timer = setTimeout(open, delay);
    }

    open();
    return () => {
      stopped = true;
      clearTimeout(timer);
      source?.close();
    };
  }, [enabled]);

  return status;
}
