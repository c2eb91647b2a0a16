// Three pages, one build: the survey form at /, the public dashboard at /dashboard/ and the coordinators' and
// ministry's workspace at /workspace/. Served as they are by
// the local system (infra/local) and, in AWS, from a private bucket behind CloudFront (template.yaml).
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

// The survey API's base URL in AWS (docs/deploy.md); empty: the pages' own origin (the local system).
const surveyApi = (process.env.VITE_SURVEY_API_URL ?? '').replace(/\/$/, '');
const instrumentId = process.env.VITE_INSTRUMENT_ID ?? 'tcn-integration';

/**
 * The form's first page waits for the instrument: ask for it while the script is still loading (a preload the
 * form's own fetch then takes from the cache), and open the connection to the API's host early in AWS.
 */
function requestTheInstrumentEarly(): Plugin {
  return {
    name: 'request-the-instrument-early',
    transformIndexHtml(html, context) {
      if (!context.filename.endsWith('/web/index.html') && !context.filename.endsWith('\\web\\index.html')) return html;
      const tags = [{ tag: 'link', attrs: { rel: 'preload', as: 'fetch', crossorigin: 'anonymous',
        href: `${surveyApi}/v1/instruments/${instrumentId}` }, injectTo: 'head' as const }];
      if (surveyApi) tags.unshift({ tag: 'link', attrs: { rel: 'preconnect', href: new URL(surveyApi).origin,
        crossorigin: 'anonymous' } as never, injectTo: 'head' as const });
      return tags;
    },
  };
}

export default defineConfig({
  base: '/',
  plugins: [requestTheInstrumentEarly()],
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
        workspace: resolve(import.meta.dirname, 'workspace/index.html'),
      },
    },
  },
  server: {
    // `npm run dev` next to `infra/run-local.sh`: the API and the snapshots come from the local system
    proxy: {
      '/v1': 'http://127.0.0.1:8080',
      '/latest.json': 'http://127.0.0.1:8080',
      '/snapshots': 'http://127.0.0.1:8080',
      '/local/auth': 'http://127.0.0.1:8080',
    },
  },
});
