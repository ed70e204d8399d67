// Tracking System tracker. No cookies: ids live in localStorage. Served as written, so every byte counts.
((w, d, nav, loc) => {
  const me = d.currentScript;
  if (!me) return;
  const has = name => me.hasAttribute('data-' + name);
  const api = new URL(me.src).origin + '/api/events';
  const dnt = has('respect-dnt') && (nav.doNotTrack == '1' || w.doNotTrack == '1');
  const memory = {};
  const get = k => { try { return localStorage.getItem('_ts' + k) } catch (e) { return memory[k] } };
  const set = (k, v) => { try { localStorage.setItem('_ts' + k, v) } catch (e) { memory[k] = v } return v };
  const newId = () => [...crypto.getRandomValues(new Uint8Array(16))].map(b => (b | 256).toString(16).slice(1)).join('');
  let hidden, lastPage;

  const send = (eventName, context) => {
    if (dnt) return;
    const now = Date.now();
    // a session ends after 30 minutes without events
    const sessionId = now - (get('t') || 0) > 18e5 || !get('s') ? set('s', newId()) : get('s');
    set('t', now);
    const body = JSON.stringify({
      apiKey: me.dataset.apiKey, eventName, context, sessionId,
      anonymousId: get('a') || set('a', newId()),
      userId: get('u') || undefined,
      page: loc.href, referrer: d.referrer || undefined, title: d.title || undefined,
      screen: screen.width + 'x' + screen.height, language: nav.language
    });
    // a string body is sent as text/plain, which needs no CORS preflight
    if (hidden || !w.fetch) nav.sendBeacon(api, body);
    else fetch(api, { method: 'POST', body, keepalive: true }).catch(() => {});
  };

  const page = () => {
    const url = loc.href.split('#')[0];
    if (url != lastPage) {
      lastPage = url;
      send('pageview');
    }
  };
  for (const method of ['pushState', 'replaceState']) {
    const original = history[method];
    history[method] = function (...args) {
      const result = original.apply(this, args);
      page();
      return result;
    };
  }
  w.addEventListener('popstate', page);

  const click = e => {
    const link = e.target.closest && e.target.closest('a[href]');
    if (!link) return;
    const url = new URL(link.href, loc);
    if (has('file-downloads') && /\.(pdf|xlsx?|docx?|txt|rtf|csv|exe|key|pp[st]x?|7z|pkg|rar|gz|zip|avi|mov|mp[34]|mpe?g|wmv|midi?|wav|wma|dmg)$/i.test(url.pathname)) {
      send('File Download', { url: url.href });
    } else if (has('outbound-links') && /^https?:$/.test(url.protocol) && url.host != loc.host) {
      send('Outbound Link: Click', { url: url.href });
    }
  };
  d.addEventListener('click', click, true);
  d.addEventListener('auxclick', click, true);
  d.addEventListener('visibilitychange', () => hidden = d.visibilityState == 'hidden');
  w.addEventListener('pagehide', () => hidden = 1);

  w.tracker = {
    track: (name, props) => send(name, props),
    identify: userId => set('u', userId == null ? '' : userId)
  };
  page();
})(window, document, navigator, location);
