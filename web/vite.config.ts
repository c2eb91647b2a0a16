// Two pages, one build: the survey form at / and the public dashboard at /dashboard/. Served as they are by
// the local system (infra/local) and, in AWS, from a private bucket behind CloudFront (template.yaml).
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The Content-Security-Policy allows only 'self' for images and fonts: never inline assets as data: URIs.
    assetsInlineLimit: 0,
    // Each page loads its own entry; no modulepreload polyfill script (the CSP has no 'unsafe-inline').
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: {
        survey: resolve(import.meta.dirname, 'index.html'),
        dashboard: resolve(import.meta.dirname, 'dashboard/index.html'),
      },
    },
  },
  server: {
    // `npm run dev` next to `infra/run-local.sh`: the API and the snapshots come from the local system
    proxy: {
      '/v1': 'http://127.0.0.1:8080',
      '/latest.json': 'http://127.0.0.1:8080',
      '/snapshots': 'http://127.0.0.1:8080',
    },
  },
});
