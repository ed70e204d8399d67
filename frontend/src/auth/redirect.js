/** Only paths inside this app may be returned to, never another origin (`//evil.example`). */
export function safeNextPath(next) {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return '/';
  }
  if (next.startsWith('/login') || next.startsWith('/register')) return '/';
  return next;
}

export function loginPathFor(path) {
  const next = safeNextPath(path);
  return next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
}
