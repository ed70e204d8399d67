import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { client } from '../api/index.js';

// Charts measure their container; jsdom has no layout, so a no-op observer is enough.
// Two-core CI machines run several test files at once; give async queries room.
configure({ asyncUtilTimeout: 5000 });

if (!globalThis.ResizeObserver) {
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

afterEach(() => {
  cleanup();
  client.clearSession();
  localStorage.clear();
});
