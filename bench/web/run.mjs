#!/usr/bin/env node
// Web performance benchmark: the survey form (/) and the dashboard (/dashboard/) of a running local system,
// loaded in Chromium under a mobile profile, then Lighthouse's mobile audit of both; and the coordinators' and
// ministry's workspace (/workspace/) under a laptop profile: its signed-out first view, and the ministry's grid after
// signing in through the local system's development sign-in page. Prints the figures that bench/README.md quotes;
// asserts nothing (no test depends on a time).
//
//   node bench/web/run.mjs --url http://127.0.0.1:PORT [--runs 5] [--chart-timeout 15000]
//                          [--lighthouse-runs 3] [--skip-lighthouse]
//
// bench/web/run.sh starts a local system and runs this; the method is described in bench/README.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);

const { values: options } = parseArgs({
  options: {
    url: { type: 'string' },
    runs: { type: 'string', default: '5' },
    'chart-timeout': { type: 'string', default: '15000' },
    'lighthouse-runs': { type: 'string', default: '3' },
    'skip-lighthouse': { type: 'boolean', default: false },
  },
});
if (!options.url) {
  console.error('usage: node bench/web/run.mjs --url http://127.0.0.1:PORT [--runs 5] [--chart-timeout 15000] '
    + '[--lighthouse-runs 3] [--skip-lighthouse]');
  process.exit(2);
}
const BASE = options.url.replace(/\/$/, '');
const RUNS = positive(options.runs, '--runs');
const CHART_TIMEOUT_MS = positive(options['chart-timeout'], '--chart-timeout');
const LIGHTHOUSE_RUNS = positive(options['lighthouse-runs'], '--lighthouse-runs');
const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';
// The machines have no internet: nothing in the background may try to reach Google.
const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync'];

// The issue's mobile profile. Throttling is applied per request by Chromium's DevTools protocol (the latency is
// added to each request, the throughput shared by all of a page's requests); Lighthouse instead simulates.
const PROFILE = {
  viewport: { width: 360, height: 640 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  latencyMs: 150,
  downloadKbitPerS: 1600,
  uploadKbitPerS: 750,
  cpuSlowdown: 4,
};
// The workspace is used at a desk: a laptop screen on an ordinary office connection, no CPU slowdown.
const LAPTOP = {
  name: 'laptop',
  viewport: { width: 1366, height: 768 },
  deviceScaleFactor: 1,
  isMobile: false,
  hasTouch: false,
  latencyMs: 40,
  downloadKbitPerS: 10000,
  uploadKbitPerS: 5000,
  cpuSlowdown: 1,
};
PROFILE.name = 'mobile';
const KB = 1000; // bytes; targets are read as kB of 1,000 bytes (the stricter reading)
const TARGETS = {
  formBytes: 100 * KB,
  formScriptBytes: 50 * KB,
  formInteractiveMs: 2000,
  dashboardBytes: 250 * KB,
  dashboardChartMs: 3000,
  workspaceBytes: 200 * KB,
  workspaceGridMs: 2000,
  lighthousePerformance: 90,
  lighthouseAccessibility: 100,
};
// What the page must show for each milestone (checked in the page on every DOM change and every frame).
const SELECTORS = {
  start: '.actions button.button',
  question: '#q-profile_municipality, [data-item] input, [data-item] select, [data-item] textarea',
  chart: 'figure svg, [data-chart] svg',
  // the workspace: the sign-in button of the signed-out page, the rows of the ministry's partners x quarters grid
  signIn: 'main button.button',
  gridRow: 'table.grid tbody tr[data-municipality]',
};
const PARTNERS = 16; // the partner municipalities the grid lists (one row each)
const QUIET_MS = 1000; // "the page has finished loading": no request in flight for this long

function positive(text, name) {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`${name} must be a whole number >= 1, not '${text}'`);
    process.exit(2);
  }
  return value;
}

// ------------------------------------------------------------------ machine

function machine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown';
  const cores = cpuinfo.split('\n').filter((line) => /^processor\s*:/.test(line)).length || os.cpus().length;
  const memKb = Number(/^MemTotal:\s*(\d+) kB/m.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1] ?? 0);
  return { model, cores, memGiB: (memKb / 1024 / 1024).toFixed(1) };
}

function chromiumVersion() {
  try {
    return execFileSync(CHROME_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

// ------------------------------------------------------------------ one page load

/**
 * Runs in the page before any of its own scripts (through the DevTools protocol, so the CSP does not apply):
 * records, in milliseconds since the navigation started (performance.now()), when each milestone is first met.
 */
function pageProbe(selectors) {
  const marks = {};
  window.__bench = marks;
  const shown = (element) => {
    if (!element || element.disabled || element.closest('[hidden]')) return false;
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
  };
  const enabledControl = (element) => element && !element.disabled && !element.closest('[hidden]');
  const check = () => {
    const now = performance.now();
    if (marks.start === undefined && shown(document.querySelector(selectors.start))) marks.start = now;
    if (marks.clickedAt !== undefined && marks.question === undefined
      && [...document.querySelectorAll(selectors.question)].some(enabledControl)) marks.question = now;
    if (marks.chart === undefined && document.querySelector(selectors.chart)) marks.chart = now;
    if (marks.signIn === undefined && shown(document.querySelector(selectors.signIn))) marks.signIn = now;
    if (marks.grid === undefined) {
      // the grid is rendered in one go (then its heading is focused): shown, with its rows, its links usable
      const rows = document.querySelectorAll(selectors.gridRow);
      if (rows.length && shown(rows[0].closest('table'))) {
        marks.grid = now;
        marks.gridRows = rows.length;
      }
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
  const everyFrame = () => { check(); requestAnimationFrame(everyFrame); };
  requestAnimationFrame(everyFrame);
  document.addEventListener('click', () => { marks.clickedAt ??= performance.now(); }, { capture: true });
}

/** Network activity of one page, from the DevTools protocol: encodedDataLength is what crossed the wire. */
function recordNetwork(cdp) {
  const requests = new Map();
  let lastActivity = Date.now();
  const touch = () => { lastActivity = Date.now(); };
  cdp.on('Network.requestWillBeSent', (event) => {
    touch();
    const previous = requests.get(event.requestId);
    if (previous && event.redirectResponse) {
      // a redirect reuses the request id: keep the hop as a request of its own
      requests.set(`${event.requestId}#${previous.url}`, { ...previous, bytes: event.redirectResponse.encodedDataLength ?? 0, done: true });
    }
    requests.set(event.requestId, { url: event.request.url, type: event.type ?? 'Other', bytes: 0, done: false, start: event.timestamp });
  });
  cdp.on('Network.responseReceived', (event) => {
    touch();
    const request = requests.get(event.requestId);
    if (request) {
      request.type = event.type ?? request.type;
      request.status = event.response.status;
      request.encoding = event.response.headers['content-encoding'] ?? event.response.headers['Content-Encoding'] ?? '';
    }
  });
  cdp.on('Network.dataReceived', touch);
  cdp.on('Network.loadingFinished', (event) => {
    touch();
    const request = requests.get(event.requestId);
    if (request) Object.assign(request, { bytes: event.encodedDataLength, done: true, end: event.timestamp });
  });
  cdp.on('Network.loadingFailed', (event) => {
    touch();
    const request = requests.get(event.requestId);
    if (request) Object.assign(request, { failed: event.errorText, done: true, end: event.timestamp });
  });
  return {
    requests,
    async quiet(timeoutMs = 30000) {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        const inFlight = [...requests.values()].some((request) => !request.done);
        if (!inFlight && Date.now() - lastActivity >= QUIET_MS) return true;
        await sleep(100);
      }
      return false;
    },
    summary() {
      const all = [...requests.values()].filter((request) => !request.url.startsWith('data:'));
      const origin = Math.min(...all.map((request) => request.start));
      const sum = (list) => list.reduce((total, request) => total + request.bytes, 0);
      return {
        bytes: sum(all),
        scriptBytes: sum(all.filter((request) => request.type === 'Script')),
        requests: all.length,
        failed: all.filter((request) => request.failed).length,
        // start and end in ms after the first request was sent (CDP timestamps are seconds)
        list: all.map(({ url, type, bytes, status, encoding, failed, start, end }) => ({ url, type, bytes, status, encoding, failed,
          start: (start - origin) * 1000, end: end === undefined ? undefined : (end - origin) * 1000 })),
      };
    },
  };
}

const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

async function openProfiledPage(browser, { identityApi = false, profile = PROFILE } = {}) {
  const context = await browser.newContext({
    viewport: profile.viewport,
    deviceScaleFactor: profile.deviceScaleFactor,
    isMobile: profile.isMobile,
    hasTouch: profile.hasTouch,
    locale: 'en-GB',
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const network = recordNetwork(cdp);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: profile.latencyMs,
    downloadThroughput: (profile.downloadKbitPerS * 1000) / 8,
    uploadThroughput: (profile.uploadKbitPerS * 1000) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuSlowdown });
  await page.addInitScript(pageProbe, SELECTORS);
  if (identityApi) {
    // as API Gateway's HTTP API answers in AWS today (template.yaml puts no CDN in front of it): not compressed.
    // Through the Fetch domain (Playwright's page.route cannot change Accept-Encoding); only the API's requests.
    cdp.on('Fetch.requestPaused', (event) => {
      const headers = Object.entries({ ...event.request.headers, 'Accept-Encoding': 'identity' })
        .map(([name, value]) => ({ name, value }));
      cdp.send('Fetch.continueRequest', { requestId: event.requestId, headers }).catch(() => {});
    });
    await cdp.send('Fetch.enable', { patterns: [{ urlPattern: `${BASE}/v1/*`, requestStage: 'Request' }] });
  }
  return { context, page, network };
}

async function pageTimings(page) {
  return page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0];
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    return {
      marks: { ...window.__bench },
      fcp: fcp ? fcp.startTime : undefined,
      domContentLoaded: navigation ? navigation.domContentLoadedEventEnd : undefined,
      load: navigation ? navigation.loadEventEnd : undefined,
      // a load that came through a redirect (the sign-in's 302 back to /workspace/?code=...): where the redirect
      // ended and the fetch of the final address began, in the same milliseconds since the navigation started
      redirectEnd: navigation ? navigation.redirectEnd : undefined,
      fetchStart: navigation ? navigation.fetchStart : undefined,
      redirects: navigation ? navigation.redirectCount : undefined,
    };
  });
}

async function measureForm(browser, variant = {}) {
  const { context, page, network } = await openProfiledPage(browser, variant);
  try {
    await page.goto(`${BASE}/`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench && window.__bench.start !== undefined, null, { timeout: 60000 });
    await network.quiet();
    const firstView = network.summary();
    const timings = await pageTimings(page);
    // the respondent starts: the first question page is built from the instrument already loaded
    await page.click(SELECTORS.start);
    await page.waitForFunction(() => window.__bench.question !== undefined, null, { timeout: 30000 });
    const afterStart = await pageTimings(page);
    await network.quiet(5000);
    const after = network.summary().list.slice(firstView.requests);
    const instrument = firstView.list.find((request) => request.url.includes('/v1/instruments/'));
    return {
      ...firstView,
      instrumentSent: instrument?.start,
      instrumentDone: instrument?.end,
      fcp: timings.fcp,
      load: timings.load,
      interactive: timings.marks.start,
      question: afterStart.marks.question - afterStart.marks.clickedAt,
      requestsAfterStart: after.length,
      after,
    };
  } finally {
    await context.close();
  }
}

async function measureDashboard(browser) {
  const { context, page, network } = await openProfiledPage(browser);
  try {
    await page.goto(`${BASE}/dashboard/`, { waitUntil: 'load', timeout: 60000 });
    // wait for a chart until CHART_TIMEOUT_MS after the navigation started (page time)
    await page.waitForFunction((limit) => window.__bench.chart !== undefined || performance.now() >= limit,
      CHART_TIMEOUT_MS, { timeout: CHART_TIMEOUT_MS + 30000 }).catch(() => {});
    await network.quiet();
    const timings = await pageTimings(page);
    return { ...network.summary(), fcp: timings.fcp, load: timings.load, chart: timings.marks.chart };
  } finally {
    await context.close();
  }
}

/**
 * The workspace under the laptop profile: its first view for a signed-out user (until the sign-in button is shown
 * and the network is quiet), then the sign-in as the ministry through the development sign-in page (the OIDC
 * code flow with PKCE) and the load of /workspace/?code=... it redirects to, until the partners x quarters grid
 * is shown; the requests that load made (the token exchange, the API's).
 */
async function measureWorkspace(browser) {
  const { context, page, network } = await openProfiledPage(browser, { profile: LAPTOP });
  try {
    await page.goto(`${BASE}/workspace/`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench && window.__bench.signIn !== undefined, null, { timeout: 60000 });
    await network.quiet();
    const firstView = network.summary();
    const firstTimings = await pageTimings(page);
    await page.click(SELECTORS.signIn);
    await page.waitForURL(/\/local\/auth\/oauth2\/authorize/, { timeout: 30000 });
    await page.check('#role-ministry');
    await network.quiet(10000);
    const beforeSubmit = network.summary().requests;
    await page.locator('form button[type="submit"]').click();
    await page.waitForURL(/\/workspace\/(#.*)?$/, { timeout: 30000 });
    await page.waitForFunction(() => window.__bench && window.__bench.grid !== undefined, null, { timeout: 60000 });
    await network.quiet(10000);
    const timings = await pageTimings(page);
    const after = network.summary().list.slice(beforeSubmit);
    const api = after.filter((request) => new URL(request.url).pathname.startsWith('/v1/'));
    const token = after.filter((request) => new URL(request.url).pathname.endsWith('/oauth2/token'));
    return {
      bytes: firstView.bytes,
      scriptBytes: firstView.scriptBytes,
      requests: firstView.requests,
      failed: firstView.failed,
      list: firstView.list,
      fcp: firstTimings.fcp,
      signInShown: firstTimings.marks.signIn,
      // from the start of the fetch of /workspace/?code=... (after the 302), and from the form's POST
      grid: timings.marks.grid === undefined ? undefined : timings.marks.grid - timings.fetchStart,
      gridFromPost: timings.marks.grid,
      redirects: timings.redirects,
      gridRows: timings.marks.gridRows,
      apiRequests: api.length,
      tokenRequests: token.length,
      afterBytes: after.reduce((total, request) => total + request.bytes, 0),
      after,
    };
  } finally {
    await context.close();
  }
}

// ------------------------------------------------------------------ figures

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const kb = (bytes) => `${(bytes / KB).toFixed(1)} kB`;
const ms = (millis) => `${Math.round(millis)} ms`;
const pad = (text, width) => String(text).padEnd(width);
const padLeft = (text, width) => String(text).padStart(width);

/** A figure over the runs: median and max, and the median (and every run) against the target. */
function row(page, metric, values, format, target) {
  const present = values.filter((value) => value !== undefined);
  if (present.length < values.length) {
    return [page, metric, present.length ? `${values.length - present.length} of ${values.length} runs: none` : 'none', '', target ? `<= ${format(target)}` : '', target ? 'FAIL' : ''];
  }
  const mid = median(present);
  const max = Math.max(...present);
  let verdict = '';
  if (target !== undefined) {
    if (max <= target) verdict = 'PASS';
    else if (mid <= target) verdict = 'PASS (median; max over)';
    else verdict = 'FAIL';
  }
  return [page, metric, format(mid), format(max), target !== undefined ? `<= ${format(target)}` : '', verdict];
}

function printTable(rows) {
  const header = ['page', 'figure', 'median', 'max', 'target', 'verdict'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((cells) => String(cells[column]).length)));
  const line = (cells) => `| ${cells.map((cell, column) => (column >= 2 && column <= 3 ? padLeft(cell, widths[column]) : pad(cell, widths[column]))).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((width, column) => (column >= 2 && column <= 3 ? `${'-'.repeat(width + 1)}:` : '-'.repeat(width + 2))).join('|')}|`);
  rows.forEach((cells) => console.log(line(cells)));
}

function printRequests(title, list) {
  console.log(`  ${title} (bytes, type, status, encoding, sent-finished after the first request)`);
  [...list].sort((a, b) => b.bytes - a.bytes).forEach((request) => {
    const path = request.url.startsWith(BASE) ? request.url.slice(BASE.length) : request.url;
    const window = `${padLeft(Math.round(request.start), 5)}-${padLeft(request.end === undefined ? '?' : Math.round(request.end), 5)} ms`;
    console.log(`    ${padLeft(kb(request.bytes), 9)}  ${pad(request.type, 10)} ${pad(request.status ?? '-', 4)} ${pad(request.encoding || 'identity', 8)} ${window}  ${path}${request.failed ? `  FAILED ${request.failed}` : ''}`);
  });
}

// ------------------------------------------------------------------ Lighthouse

function lighthouse(path) {
  let cli;
  try {
    cli = require.resolve('lighthouse/cli/index.js');
  } catch {
    return { error: 'lighthouse is not installed here (npm --prefix bench/web ci)' };
  }
  const folder = mkdtempSync(join(os.tmpdir(), 'integra-lighthouse-'));
  const output = join(folder, 'report.json');
  try {
    const run = spawnSync(process.execPath, [cli, `${BASE}${path}`,
      '--only-categories=performance,accessibility',
      `--chrome-flags=${CHROME_FLAGS.join(' ')}`,
      '--output=json', `--output-path=${output}`, '--quiet'],
    { env: { ...process.env, CHROME_PATH }, encoding: 'utf8', timeout: 240000 });
    if (run.error) return { error: run.error.message };
    if (run.status !== 0) return { error: `exit ${run.status}: ${(run.stderr || run.stdout || '').trim().split('\n').slice(-5).join(' / ')}` };
    const report = JSON.parse(readFileSync(output, 'utf8'));
    if (report.runtimeError) return { error: `${report.runtimeError.code}: ${report.runtimeError.message}` };
    const audit = (id) => report.audits[id]?.numericValue;
    const score = (id) => (report.categories[id]?.score == null ? undefined : Math.round(report.categories[id].score * 100));
    return {
      version: report.lighthouseVersion,
      benchmarkIndex: report.environment?.benchmarkIndex,
      performance: score('performance'),
      accessibility: score('accessibility'),
      fcp: audit('first-contentful-paint'),
      lcp: audit('largest-contentful-paint'),
      tbt: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
      si: audit('speed-index'),
      tti: audit('interactive'),
      bytes: audit('total-byte-weight'),
      warnings: report.runWarnings ?? [],
      failedAccessibility: (report.categories.accessibility?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && report.audits[ref.id]?.score === 0).map((ref) => ref.id),
    };
  } catch (error) {
    return { error: error.message };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------ main

async function main() {
  const host = machine();
  const chromiumLabel = chromiumVersion();
  console.log('WEB PAGES UNDER A MOBILE PROFILE');
  console.log(`machine: ${host.model}, ${host.cores} cores, ${host.memGiB} GiB RAM; load average ${os.loadavg().map((value) => value.toFixed(2)).join(' ')}`);
  console.log(`Node ${process.version}; ${chromiumLabel}; playwright-core ${require('playwright-core/package.json').version}; ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`);
  console.log(`system under test: ${BASE}`);
  console.log(`profile: viewport ${PROFILE.viewport.width}x${PROFILE.viewport.height} at ${PROFILE.deviceScaleFactor}x, touch; `
    + `DevTools throttling ${PROFILE.latencyMs} ms latency per request, ${PROFILE.downloadKbitPerS} kbit/s down, `
    + `${PROFILE.uploadKbitPerS} kbit/s up; CPU ${PROFILE.cpuSlowdown}x slower (Emulation.setCPUThrottlingRate)`);
  console.log(`workspace profile: viewport ${LAPTOP.viewport.width}x${LAPTOP.viewport.height} at ${LAPTOP.deviceScaleFactor}x, no touch; `
    + `DevTools throttling ${LAPTOP.latencyMs} ms latency per request, ${LAPTOP.downloadKbitPerS} kbit/s down, `
    + `${LAPTOP.uploadKbitPerS} kbit/s up; no CPU slowdown; signed in as the ministry through /local/auth/oauth2/authorize`);
  console.log(`${RUNS} runs per page, each in a fresh browser context (empty cache); kB = 1,000 bytes as sent on the wire `
    + '(CDP encodedDataLength: compressed bodies plus headers)');
  console.log();

  const browser = await chromium.launch({
    executablePath: CHROME_PATH,
    headless: true,
    args: CHROME_FLAGS.filter((flag) => flag !== '--headless'),
  });
  const forms = [];
  const plainForms = []; // the same form with the API's answers uncompressed, as API Gateway sends them
  const dashboards = [];
  const workspaces = [];
  try {
    // one warm-up of each, not counted: the local system's JIT and its file reads, not the page, would be measured
    await measureForm(browser);
    await measureDashboard(browser);
    await measureWorkspace(browser);
    for (let run = 1; run <= RUNS; run += 1) {
      const form = await measureForm(browser);
      forms.push(form);
      console.log(`run ${run} /           ${kb(form.bytes)} (${kb(form.scriptBytes)} JS) in ${form.requests} requests${form.failed ? ` (${form.failed} failed)` : ''}; `
        + `FCP ${ms(form.fcp)}, Start button usable ${ms(form.interactive)}, load event ${ms(form.load)}; `
        + `first question ${ms(form.question)} after the click (then ${form.requestsAfterStart} request${form.requestsAfterStart === 1 ? '' : 's'}, ${kb(form.after.reduce((total, request) => total + request.bytes, 0))})`);
      const plain = await measureForm(browser, { identityApi: true });
      plainForms.push(plain);
      console.log(`run ${run} / (API uncompressed) ${kb(plain.bytes)} in ${plain.requests} requests; Start button usable ${ms(plain.interactive)}`);
      const dashboard = await measureDashboard(browser);
      dashboards.push(dashboard);
      console.log(`run ${run} /dashboard/ ${kb(dashboard.bytes)} (${kb(dashboard.scriptBytes)} JS) in ${dashboard.requests} requests${dashboard.failed ? ` (${dashboard.failed} failed)` : ''}; `
        + `FCP ${dashboard.fcp === undefined ? 'none' : ms(dashboard.fcp)}, load event ${ms(dashboard.load)}; `
        + `first chart ${dashboard.chart === undefined ? `none within ${CHART_TIMEOUT_MS / 1000} s` : ms(dashboard.chart)}`);
      const workspace = await measureWorkspace(browser);
      workspaces.push(workspace);
      console.log(`run ${run} /workspace/ (laptop) signed out: ${kb(workspace.bytes)} (${kb(workspace.scriptBytes)} JS) in ${workspace.requests} requests${workspace.failed ? ` (${workspace.failed} failed)` : ''}, `
        + `sign-in button ${ms(workspace.signInShown)}; ministry: grid (${workspace.gridRows} rows) ${ms(workspace.grid)} after the redirect back `
        + `(${ms(workspace.gridFromPost)} after the sign-in POST), ${workspace.apiRequests} API request${workspace.apiRequests === 1 ? '' : 's'} + ${workspace.tokenRequests} token exchange`);
    }
  } finally {
    await browser.close();
  }

  console.log();
  printRequests('requests of the form\'s first view (last run), largest first:', forms.at(-1).list);
  const instrument = (form) => form.list.find((request) => request.url.includes('/v1/instruments/'));
  if (instrument(plainForms.at(-1))) {
    console.log(`  with the API uncompressed (as API Gateway's HTTP API sends it): the instrument ${kb(instrument(plainForms.at(-1)).bytes)} `
      + `(${instrument(plainForms.at(-1)).encoding || 'identity'}) instead of ${kb(instrument(forms.at(-1)).bytes)}`);
  }
  if (forms.at(-1).after.length) printRequests('requests after clicking Start (last run):', forms.at(-1).after);
  printRequests('requests of the dashboard\'s first view (last run), largest first:', dashboards.at(-1).list);
  printRequests('requests of the workspace\'s signed-out first view, laptop (last run), largest first:', workspaces.at(-1).list);
  printRequests('requests from the ministry\'s sign-in POST until the grid is shown, laptop (last run), largest first:', workspaces.at(-1).after);
  const path = (request) => (request.url.startsWith(BASE) ? request.url.slice(BASE.length) : request.url);
  const lastAfter = workspaces.at(-1).after.filter((request) => /^\/v1\/|\/oauth2\/token$/.test(new URL(request.url).pathname));
  console.log(`  the grid was built from (last run): ${lastAfter.map(path).join(', ')}`);
  console.log();
  const pick = (list, key) => list.map((entry) => entry[key]);
  const rows = [
    row('/', 'transferred, first view (instrument included)', pick(forms, 'bytes'), kb, TARGETS.formBytes),
    row('/', 'of which JavaScript', pick(forms, 'scriptBytes'), kb, TARGETS.formScriptBytes),
    row('/', 'requests', pick(forms, 'requests'), String),
    row('/', 'first contentful paint', pick(forms, 'fcp'), ms),
    row('/', 'instrument requested (after the first request)', pick(forms, 'instrumentSent'), ms),
    row('/', 'instrument received (after the first request)', pick(forms, 'instrumentDone'), ms),
    row('/', 'first question interactive (Start usable)', pick(forms, 'interactive'), ms, TARGETS.formInteractiveMs),
    row('/', 'first question page shown after Start', pick(forms, 'question'), ms),
    row('/ API uncompressed', 'transferred, first view (instrument included)', pick(plainForms, 'bytes'), kb, TARGETS.formBytes),
    row('/ API uncompressed', 'first question interactive (Start usable)', pick(plainForms, 'interactive'), ms, TARGETS.formInteractiveMs),
    row('/dashboard/', 'transferred, first view', pick(dashboards, 'bytes'), kb, TARGETS.dashboardBytes),
    row('/dashboard/', 'of which JavaScript', pick(dashboards, 'scriptBytes'), kb),
    row('/dashboard/', 'requests', pick(dashboards, 'requests'), String),
    row('/dashboard/', 'first contentful paint', pick(dashboards, 'fcp'), ms),
  ];
  const charts = pick(dashboards, 'chart');
  if (charts.every((chart) => chart === undefined)) {
    rows.push(['/dashboard/', 'first chart drawn', `no chart within ${CHART_TIMEOUT_MS / 1000} s`, '', `<= ${ms(TARGETS.dashboardChartMs)}`, 'FAIL (no chart)']);
  } else {
    rows.push(row('/dashboard/', 'first chart drawn', charts, ms, TARGETS.dashboardChartMs));
  }
  rows.push(
    row('/workspace/ laptop', 'transferred, signed-out first view', pick(workspaces, 'bytes'), kb, TARGETS.workspaceBytes),
    row('/workspace/ laptop', 'of which JavaScript', pick(workspaces, 'scriptBytes'), kb),
    row('/workspace/ laptop', 'requests', pick(workspaces, 'requests'), String),
    row('/workspace/ laptop', 'sign-in button shown', pick(workspaces, 'signInShown'), ms),
    row('/workspace/ laptop', 'ministry grid shown, after the redirect back', pick(workspaces, 'grid'), ms, TARGETS.workspaceGridMs),
    row('/workspace/ laptop', 'ministry grid shown, after the sign-in POST', pick(workspaces, 'gridFromPost'), ms),
    ['/workspace/ laptop', 'partner rows in the grid', String(median(pick(workspaces, 'gridRows').map((n) => n ?? 0))),
      String(Math.max(...pick(workspaces, 'gridRows').map((n) => n ?? 0))), `= ${PARTNERS}`,
      workspaces.every((workspace) => workspace.gridRows === PARTNERS) ? 'PASS' : 'FAIL'],
    row('/workspace/ laptop', 'API requests (/v1/) to build the grid', pick(workspaces, 'apiRequests'), String),
    row('/workspace/ laptop', 'token exchange requests', pick(workspaces, 'tokenRequests'), String),
  );
  const rowsOff = workspaces.filter((workspace) => workspace.gridRows !== PARTNERS).length;
  if (rowsOff) console.log(`note: ${rowsOff} of ${RUNS} runs did not show ${PARTNERS} partner rows`);
  console.log(`RESULTS, ${RUNS} runs (verdict: PASS when every run meets the target)`);
  printTable(rows);

  if (options['skip-lighthouse']) return;
  console.log();
  console.log(`LIGHTHOUSE (npm lighthouse, default mobile config, simulated throttling), ${LIGHTHOUSE_RUNS} runs per page`);
  for (const path of ['/', '/dashboard/']) {
    const results = [];
    for (let run = 1; run <= LIGHTHOUSE_RUNS; run += 1) {
      const result = lighthouse(path);
      if (result.error) {
        console.log(`  ${pad(path, 12)} run ${run}: Lighthouse did not run: ${result.error}`);
        continue;
      }
      results.push(result);
      console.log(`  ${pad(path, 12)} run ${run}: performance ${result.performance}, accessibility ${result.accessibility}`
        + ` (FCP ${ms(result.fcp)}, LCP ${ms(result.lcp)}, TBT ${ms(result.tbt)}, CLS ${result.cls?.toFixed(3)}, SI ${ms(result.si)}, TTI ${ms(result.tti)};`
        + ` ${kb(result.bytes)}; Lighthouse ${result.version}, benchmarkIndex ${Math.round(result.benchmarkIndex)})`
        + (result.failedAccessibility.length ? `; accessibility audits failed: ${result.failedAccessibility.join(', ')}` : '')
        + (result.warnings.length ? `; warnings: ${result.warnings.map((warning) => warning.split('. ')[0].replace(/\s+/g, ' ')).join(' / ')}` : ''));
    }
    if (results.length) {
      const performance = median(pick(results, 'performance'));
      const accessibility = median(pick(results, 'accessibility'));
      console.log(`  ${pad(path, 12)} median: performance ${performance} (target >= ${TARGETS.lighthousePerformance}: ${performance >= TARGETS.lighthousePerformance ? 'PASS' : 'FAIL'}), `
        + `accessibility ${accessibility} (target ${TARGETS.lighthouseAccessibility}: ${accessibility >= TARGETS.lighthouseAccessibility ? 'PASS' : 'FAIL'})`);
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
