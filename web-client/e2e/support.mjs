// Shared plumbing of the browser scenarios that came after arena-scenario.mjs: start the real
// arena jar on a free port with its own data directory and a chosen problem set, drive the
// machine's Chromium with playwright-core, sign players up, and check pages with axe-core.
import { spawn } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
// Pinned older playwright-core for Firefox: its WebDriver BiDi client speaks what firefox-esr 153
// understands (1.65's newContext sends emulation.setMediaFeaturesOverride, unknown to Firefox 153).
import playwrightForFirefox from 'playwright-core-firefox';

const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, '../..');
export const shots = join(repo, 'web-client/target/screenshots');
export const STEP_TIMEOUT = Number(process.env.E2E_STEP_TIMEOUT_MS ?? 120_000);
// E2E_BROWSER=firefox drives Debian's firefox-esr over WebDriver BiDi (playwright-core's
// `_bidiFirefox`: stock Firefox, no patched build, no geckodriver); default Chromium.
const browserName = process.env.E2E_BROWSER ?? 'chromium';
const browserPath = browserName === 'firefox' ? (process.env.FIREFOX ?? '/usr/bin/firefox-esr') : (process.env.CHROMIUM ?? '/usr/bin/chromium');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export function fail(message) {
  console.error(`E2E FAILED: ${message}`);
  process.exitCode = 1;
  throw Object.assign(new Error(message), { fatal: true });
}

export const logger = (name) => (...a) => console.log(`[${name} ${new Date().toISOString().slice(11, 19)}]`, ...a);

function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer().listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => res(port)); });
    srv.on('error', rej);
  });
}

export async function waitFor(what, check, timeoutMs = STEP_TIMEOUT, everyMs = 500) {
  const end = Date.now() + timeoutMs;
  let last;
  while (Date.now() < end) {
    try { if ((last = await check())) return last; } catch (e) { if (e.fatal) throw e; last = e; }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  fail(`timed out waiting for ${what} (last: ${last?.message ?? JSON.stringify(last)})`);
}

/**
 * Runs `scenario({ base, work, browser, open, shot, signUp, axe, log })` against a fresh arena
 * holding exactly `problems` (directory names under problems/), then stops everything. The arena's
 * log goes to web-client/target/e2e-<name>-arena.log.
 */
export async function runScenario(name, { jar: jarArg, problems, arenaArgs = [] }, scenario) {
  const log = logger(name);
  const jar = resolve(jarArg ?? join(repo, 'arena/target/codearena.jar'));
  if (!existsSync(browserPath)) fail(`${browserName} not found at ${browserPath}: install it (.ci/setup/30-browser.sh: apt-get install -y chromium)`);
  if (!existsSync(jar)) fail(`arena jar not found at ${jar}: build it first (./mvnw -pl arena -am package)`);
  mkdirSync(shots, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), `codearena-${name}-`));
  for (const p of problems) cpSync(join(repo, 'problems', p), join(work, 'problems', p), { recursive: true });
  const port = await freePort();
  const base = `http://localhost:${port}`;
  const arenaLog = join(repo, `web-client/target/e2e-${name}${browserName === 'chromium' ? '' : '-' + browserName}-arena.log`);
  log(`starting arena on ${base} (data in ${work}, log ${arenaLog})`);
  const arena = spawn('java', ['-jar', jar, `--server.port=${port}`, `--codearena.data-dir=${join(work, 'data')}`,
    `--codearena.problems.dir=${join(work, 'problems')}`, `--codearena.judge.problems-root=${join(work, 'data/problem-store')}`,
    '--axon.update-check.disabled=true', ...arenaArgs,
    // e.g. --spring.web.resources.static-locations=file:../web-client/target/classes/static/ to try a fresh web build
    ...(process.env.E2E_ARENA_ARGS ? process.env.E2E_ARENA_ARGS.split(' ') : [])],
  { cwd: work, env: { ...process.env, AXONIQ_UPDATE_CHECKER_DISABLED: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let arenaExited = false;
  const out = createWriteStream(arenaLog);
  arena.stdout.pipe(out);
  arena.stderr.pipe(out);
  arena.on('exit', (code) => { arenaExited = true; log(`arena exited with ${code}`); });
  const started = Date.now();
  let browser;
  try {
    await waitFor('arena health UP', async () => {
      if (arenaExited) fail(`the arena exited during start-up; see ${arenaLog}`);
      const res = await fetch(`${base}/actuator/health`);
      return res.ok && (await res.json()).status === 'UP';
    }, 240_000, 1000);
    await waitFor('the problem catalogue', async () => {
      const res = await fetch(`${base}/api/problems`);
      if (!res.ok) return false;
      const body = await res.json();
      return (Array.isArray(body) ? body : body.items).length >= problems.length;
    }, 240_000, 1000);
    log(`arena is up with its catalogue after ${Math.round((Date.now() - started) / 1000)} s`);
    browser = browserName === 'firefox'
      ? await playwrightForFirefox._bidiFirefox.launch({ executablePath: browserPath, headless: true,
        firefoxUserPrefs: { 'media.autoplay.default': 0 } })
      : await chromium.launch({
        executablePath: browserPath,
        headless: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
          '--no-first-run', '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
      });
    log(`driving ${browserName} ${browser.version()}`);
    const pages = [];
    const open = async (who, prepare = async () => undefined) => {
      // A laptop screen: the layout must stay readable at 1366×768.
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, baseURL: base });
      await prepare(context);
      const page = await context.newPage();
      page.setDefaultTimeout(STEP_TIMEOUT);
      page.on('pageerror', (e) => log(`[${who}] page error: ${e.message}`));
      page.on('dialog', (d) => void d.accept());
      page.on('console', (m) => { if (m.type() === 'error' && !/status of 401/.test(m.text())) log(`[${who}] console: ${m.text()}`); });
      pages.push({ who, page });
      await page.goto('/#/');
      return page;
    };
    const shot = (page, file) => page.screenshot({ fullPage: true, path: join(shots, `${browserName === 'chromium' ? '' : browserName + '-'}${file}.png`) });
    const scenarioStart = Date.now();
    try {
      await scenario({ base, work, browser, open, shot, signUp, axe: (page, what) => axe(page, what, log), log });
    } catch (e) {
      // What each browser showed when it failed: a screenshot and the start of the page text.
      for (const { who, page } of pages) {
        await shot(page, `failed-${name}-${who}`).catch(() => undefined);
        const text = await page.evaluate(() => document.body.innerText.slice(0, 300)).catch((err) => err.message);
        log(`[${who}] at ${page.url()}: ${JSON.stringify(text)}`);
      }
      throw e;
    }
    log(`PASSED (browser part ${Math.round((Date.now() - scenarioStart) / 1000)} s)`);
  } finally {
    await browser?.close().catch(() => undefined);
    arena.kill('SIGTERM');
    await new Promise((r) => { if (arenaExited) r(); else { arena.on('exit', r); setTimeout(() => { arena.kill('SIGKILL'); r(); }, 30_000); } });
    rmSync(work, { recursive: true, force: true });
  }
}

/** Signs a new player up through the form, using the keyboard only, and waits for the socket. */
export async function signUp(page, handle, playerClass) {
  if (browserName === 'firefox') {
    // Over WebDriver BiDi (playwright-core 1.55) Firefox did not take Space on the radio nor Enter on
    // the submit button from keyboard.press; the form is filled with pointer actions instead.
    await page.getByRole('textbox', { name: 'Handle' }).fill(handle);
    await page.getByRole('textbox', { name: 'Email' }).fill(`${handle}@example.org`);
    await page.getByLabel('Password').fill('correct horse battery');
    await page.locator(`input[name=playerClass][value=${playerClass}]`).check({ force: true });
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByTestId('who').filter({ hasText: handle }).waitFor();
    await page.getByTestId('connection').filter({ hasText: 'online' }).waitFor();
    return;
  }
  await page.getByRole('textbox', { name: 'Handle' }).focus();
  await page.keyboard.type(handle);
  await page.keyboard.press('Tab');
  await page.keyboard.type(`${handle}@example.org`);
  await page.keyboard.press('Tab');
  await page.keyboard.type('correct horse battery');
  await page.locator(`input[name=playerClass][value=${playerClass}]`).focus();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Create account' }).focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('who').filter({ hasText: handle }).waitFor();
  await page.getByTestId('connection').filter({ hasText: 'online' }).waitFor();
}

/**
 * axe-core (WCAG 2.0/2.1 A and AA rules) injected into the page: fails on any serious or critical
 * violation. Monaco's own DOM is excluded (a third-party widget with its own accessibility mode).
 */
export async function axe(page, what, log) {
  // Colours are judged once entrance animations (pop-ins, fades) are over.
  await page.evaluate(() => Promise.all(document.getAnimations()
    .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity).map((a) => a.finished.catch(() => undefined))));
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await window.axe.run({ exclude: [['.monaco-editor'], ['.editor']] },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  const serious = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const minor = result.filter((v) => !serious.includes(v));
  if (minor.length) log(`axe (${what}): minor: ${minor.map((v) => `${v.id}(${v.impact})`).join(', ')}`);
  if (serious.length) fail(`axe (${what}): ${serious.map((v) => `${v.id} [${v.impact}] ${v.help} at ${v.nodes.join(' | ')}`).join('; ')}`);
  log(`axe (${what}): no serious or critical violations`);
}
