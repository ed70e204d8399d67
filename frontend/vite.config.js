import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Served at the root of the gateway, which falls back to index.html for client routes.
export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
  },
  server: {
    proxy: {
      '/api': process.env.API_TARGET ?? 'http://localhost:8080',
      '/v1': process.env.API_TARGET ?? 'http://localhost:8080',
      '/t.js': process.env.API_TARGET ?? 'http://localhost:8080',
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.js'],
    include: ['src/**/*.test.{js,jsx}', 'scripts/**/*.test.{js,mjs}'],
    restoreMocks: true,
    unstubGlobals: true,
    testTimeout: 20_000,
  },
});
