// What every browser test needs: Chromium (Debian's, or CHROME_PATH) driven by playwright-core, the address of
// a running local system, axe-core run inside the page, and recorders for what must never happen (CSP
// violations, console errors, requests to other hosts).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = require('axe-core').source;

export const WEB = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SCREENSHOTS = join(WEB, 'target', 'screenshots');
/** WCAG 2.2 A and AA, with the 2.0 and 2.1 rules they include. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
export const PHONE = { width: 360, height: 640 };

export function baseUrl() {
  const url = process.env.INTEGRA_BASE_URL;
  if (!url) {
    throw new Error('INTEGRA_BASE_URL is not set: these tests run against a local system. Run them with the test '
      + 'command (./mvnw -B verify, which starts one), or start infra/run-local.sh and set INTEGRA_BASE_URL=http://127.0.0.1:8080');
  }
  return url.replace(/\/$/, '');
}

export function chromiumPath() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(`No Chromium found (looked at ${candidates.join(', ')}). On Debian or Ubuntu: `
      + 'sudo apt-get install chromium; elsewhere install Chromium or Chrome and set CHROME_PATH to its executable '
      + '(or download Playwright\'s own build with: npx playwright install chromium, and point CHROME_PATH at it).');
  }
  return found;
}

export async function launch() {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    // the machines have no internet: nothing in the background may try to reach Google
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/**
 * A fresh context (no storage) with a page that records CSP violations, console errors and requests to
 * hosts other than the system's own.
 */
export async function openPage(browser, { viewport = PHONE, locale = 'en-GB' } = {}) {
  const context = await browser.newContext({ viewport, locale, serviceWorkers: 'block' });
  const page = await context.newPage();
  const origin = new URL(baseUrl()).origin;
  const problems = { csp: [], console: [], foreign: [] };
  // an init script arrives through the DevTools protocol, not as an inline script, so the CSP allows it
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations = window.__cspViolations || [];
      window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && !expectedConsoleError(message.text())) problems.console.push(message.text());
  });
  page.on('pageerror', (error) => problems.console.push(`uncaught: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) problems.foreign.push(url);
  });
  page.problems = async () => ({
    ...problems,
    csp: [...problems.csp, ...await page.evaluate(() => window.__cspViolations || []).catch(() => [])],
  });
  return { context, page };
}

/** Failed requests that a test causes on purpose (the API made unreachable) are logged by Chromium as errors. */
function expectedConsoleError(text) {
  return /Failed to load resource|net::ERR_INTERNET_DISCONNECTED|net::ERR_FAILED|status of 400/.test(text);
}

/** Nothing blocked by the CSP, no script errors, no request to another host, so far on this page. */
export async function assertClean(assert, page, where) {
  const problems = await page.problems();
  assert.deepEqual(problems.csp, [], `CSP violations on ${where}`);
  assert.deepEqual(problems.console, [], `console errors on ${where}`);
  assert.deepEqual(problems.foreign, [], `requests to other hosts on ${where}`);
}

/** axe-core's findings for WCAG 2.2 A and AA on the page as it is now; [] when there are none. */
export async function axeViolations(page) {
  // evaluated through the DevTools protocol: the page's CSP (no inline or injected scripts) is not bypassed
  await page.evaluate(axeSource);
  const results = await page.evaluate((tags) => window.axe.run(document, {
    runOnly: { type: 'tag', values: tags },
    resultTypes: ['violations'],
  }), WCAG_TAGS);
  return results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
  }));
}

export async function assertAccessible(assert, page, where) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe-core (WCAG 2.2 A/AA) on ${where}:\n${JSON.stringify(violations, null, 2)}`);
}

/** A full-page screenshot into web/target/screenshots/ (the build output). */
export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Hands a record to the Java side of the test (infra/local), which checks it against the stored data. */
export function report(name, record) {
  const folder = process.env.INTEGRA_RESULTS;
  if (!folder) return;
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, `${name}.json`), JSON.stringify(record, null, 2));
}
