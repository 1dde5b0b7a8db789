// Browser end-to-end scenario of the anti-cheat review (docs/fair-play.md) against the real arena jar,
// driven by playwright-core and the machine's Chromium (no browser download):
// two players are matched in Blitz; Bob submits a reformatted copy of Alice's solution (broken at the
// end, so the judge refuses it and the problem stays open), Alice submits the original; an admin opens
// Admin → Anti-cheat, sees the plagiarism flag with both codes side by side, and dismisses it.
//   node web-client/e2e/fair-play-scenario.mjs [path/to/codearena.jar]
// Run by `./mvnw verify` (arena module, execution web-e2e-fair-play). Fails (exit 1), never skips.
import { spawn } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const jar = resolve(process.argv[2] ?? join(repo, 'arena/target/codearena.jar'));
const browserPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const shots = join(repo, 'web-client/target/screenshots');
const adminHandle = 'fp_admin';
const STEP_TIMEOUT = Number(process.env.E2E_STEP_TIMEOUT_MS ?? 120_000);

function fail(message) {
  console.error(`FAIR-PLAY E2E FAILED: ${message}`);
  process.exitCode = 1;
  throw Object.assign(new Error(message), { fatal: true });
}
const log = (...a) => console.log(`[fair-play e2e ${new Date().toISOString().slice(11, 19)}]`, ...a);

function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer().listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => res(port)); });
    srv.on('error', rej);
  });
}

/** Blitz problems with a Python reference long enough to fingerprint (the copy is compared to it). */
function pickProblems(target) {
  const source = join(repo, 'problems');
  const chosen = readdirSync(source).filter((d) => {
    const yaml = join(source, d, 'problem.yaml');
    return existsSync(yaml) && existsSync(join(source, d, 'solutions/ref.py')) && /modes:.*blitz/.test(readFileSync(yaml, 'utf8'))
      && readFileSync(join(source, d, 'solutions/ref.py'), 'utf8').length > 500;
  }).sort().slice(0, 5);
  if (chosen.length < 5) fail(`only ${chosen.length} suitable Blitz problems in ${source}`);
  for (const d of chosen) cpSync(join(source, d), join(target, d), { recursive: true });
  return chosen;
}

/** The copy: comments dropped, indentation halved, a comment on every line, and a final crash so it is not Accepted. */
function disguise(python) {
  return python.split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .map((line) => { const indent = line.match(/^ */)[0].length; const body = line.slice(indent); return body ? ' '.repeat(indent / 2) + body + '  # mine' : ''; })
    .join('\n\n') + '\nraise SystemExit(3)\n';
}

async function waitFor(what, check, timeoutMs = STEP_TIMEOUT, everyMs = 500) {
  const end = Date.now() + timeoutMs;
  let last;
  while (Date.now() < end) {
    try { if ((last = await check())) return last; } catch (e) { if (e.fatal) throw e; last = e; }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  fail(`timed out waiting for ${what} (last: ${last?.message ?? JSON.stringify(last)})`);
}

async function main() {
  if (!existsSync(browserPath)) fail(`Chromium not found at ${browserPath}: install it (.ci/setup/30-browser.sh: apt-get install -y chromium)`);
  if (!existsSync(jar)) fail(`arena jar not found at ${jar}: build it first (./mvnw -pl arena -am package)`);
  mkdirSync(shots, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'codearena-fp-e2e-'));
  const problems = pickProblems(join(work, 'problems'));
  const port = await freePort();
  const base = `http://localhost:${port}`;
  const arenaLog = join(repo, 'web-client/target/e2e-fair-play-arena.log');
  log(`starting arena on ${base} (data in ${work}, log ${arenaLog})`);
  const arena = spawn('java', ['-jar', jar, `--server.port=${port}`, `--codearena.data-dir=${join(work, 'data')}`,
    `--codearena.problems.dir=${join(work, 'problems')}`, `--codearena.judge.problems-root=${join(work, 'data/problem-store')}`,
    `--codearena.admin.handles=${adminHandle}`, '--axon.update-check.disabled=true'],
  { cwd: work, env: { ...process.env, AXONIQ_UPDATE_CHECKER_DISABLED: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let arenaExited = false;
  const out = createWriteStream(arenaLog);
  arena.stdout.pipe(out);
  arena.stderr.pipe(out);
  arena.on('exit', (code) => { arenaExited = true; log(`arena exited with ${code}`); });

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
    log('arena is up');

    browser = await chromium.launch({
      executablePath: browserPath,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
        '--no-first-run', '--disable-component-update', '--disable-sync'],
    });
    const open = async (name) => {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, baseURL: base });
      const page = await context.newPage();
      page.setDefaultTimeout(STEP_TIMEOUT);
      page.on('pageerror', (e) => log(`[${name}] page error: ${e.message}`));
      await page.goto('/#/');
      return page;
    };
    const shot = (page, name) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
    const suffix = Date.now().toString(36).slice(-5);
    async function signUp(page, handle, playerClass) {
      await page.getByRole('textbox', { name: 'Handle' }).fill(handle);
      await page.getByRole('textbox', { name: 'Email' }).fill(`${handle}@example.org`);
      await page.getByLabel('Password').fill('correct horse battery');
      await page.locator(`input[name=playerClass][value=${playerClass}]`).check({ force: true });
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.getByTestId('who').filter({ hasText: handle }).waitFor();
      await page.getByTestId('connection').filter({ hasText: 'online' }).waitFor();
    }
    async function submitFile(page, problemId, name, content) {
      await page.getByTestId(`problem-${problemId}`).click();
      await page.getByTestId('load-file').setInputFiles({ name, mimeType: 'text/x-python', buffer: Buffer.from(content) });
      await page.waitForTimeout(300);
      await page.keyboard.press('Control+Enter');
      const verdict = page.getByTestId('final-verdict');
      await verdict.waitFor();
      return verdict.innerText();
    }

    // 1. Two players are matched in Blitz.
    const alice = await open('alice');
    const bob = await open('bob');
    const aliceHandle = `fpalice_${suffix}`;
    const bobHandle = `fpbob_${suffix}`;
    await signUp(alice, aliceHandle, 'HACKER');
    await signUp(bob, bobHandle, 'ARCHITECT');
    await alice.locator('[data-mode=BLITZ] button', { hasText: 'Queue' }).click();
    await alice.locator('[data-mode=BLITZ] .queue-status').waitFor();
    await bob.locator('[data-mode=BLITZ] button', { hasText: 'Queue' }).click();
    await alice.waitForURL(/#\/match\//);
    await bob.waitForURL(/#\/match\//);
    const matchId = alice.url().split('#/match/')[1];
    log(`matched in ${matchId}`);
    await waitFor('the match to start', async () => (await alice.getByTestId('match').getAttribute('data-phase')) === 'RUNNING');
    await alice.getByTestId('statement').waitFor();
    await bob.getByTestId('statement').waitFor();

    // 2. Bob submits a reformatted copy (it crashes at the end, so the problem stays open); Alice the original.
    const problemId = (await alice.locator('[data-testid^=problem-]').evaluateAll((els) => els.map((e) => e.dataset.testid.slice('problem-'.length))))[0];
    const original = readFileSync(join(work, 'problems', problemId, 'solutions/ref.py'), 'utf8');
    const bobVerdict = await submitFile(bob, problemId, 'mine.py', disguise(original));
    if (/^AC/.test(bobVerdict)) fail(`the broken copy was accepted: ${bobVerdict}`);
    log(`bob: ${bobVerdict.split('\n')[0]} on ${problemId}`);
    const aliceVerdict = await submitFile(alice, problemId, 'ref.py', original);
    if (!/^AC/.test(aliceVerdict)) fail(`alice's reference solution was judged ${aliceVerdict}`);
    log(`alice: AC on ${problemId}`);

    // 3. An admin reviews the plagiarism flag in Admin → Anti-cheat and dismisses it.
    const admin = await open('admin');
    await signUp(admin, adminHandle, 'ARCHITECT');
    await admin.getByRole('link', { name: 'Admin' }).click();
    // The admin's sign-in (an access token with the ADMIN role) authorises the /api/admin requests.
    const tab = admin.getByTestId('fair-play-tab');
    const row = tab.locator('[data-testid=fair-play-flag-row][data-kind=PLAGIARISM]', { hasText: bobHandle });
    await waitFor('the plagiarism flag', async () => {
      await tab.getByRole('button', { name: 'Refresh' }).click();
      await admin.waitForTimeout(300);
      return (await row.count()) > 0 && (await row.innerText()).includes(aliceHandle);
    }, 60_000, 1000);
    await shot(admin, 'fair-play-01-flags');
    await row.getByTestId('fair-play-open').click();
    const detail = admin.getByTestId('fair-play-detail');
    await detail.locator('figure').nth(1).waitFor();
    const codes = await detail.locator('figure pre').allInnerTexts();
    if (codes.length !== 2 || !codes.some((c) => c.includes('# mine')) || !codes.some((c) => c.trim() === original.trim())) {
      fail(`the flag does not show both codes side by side: ${codes.map((c) => c.slice(0, 40)).join(' | ')}`);
    }
    await shot(admin, 'fair-play-02-evidence');
    await admin.getByTestId('fair-play-note').fill('e2e: reviewed, dismissed');
    await admin.getByTestId('fair-play-dismiss').click();
    await detail.getByTestId('fair-play-status').filter({ hasText: 'dismissed' }).waitFor();
    const review = detail.locator('.fp-reviews li', { hasText: 'e2e: reviewed, dismissed' });
    await review.waitFor();
    if (!(await review.innerText()).includes(`by ${adminHandle}`)) fail(`the review does not name the admin: ${await review.innerText()}`);
    await shot(admin, 'fair-play-03-dismissed');
    // The open list no longer has it.
    await waitFor('the flag to leave the open list', async () => (await row.count()) === 0);
    log('PASSED');
  } finally {
    await browser?.close().catch(() => undefined);
    arena.kill('SIGTERM');
    await new Promise((r) => { if (arenaExited) r(); else { arena.on('exit', r); setTimeout(() => { arena.kill('SIGKILL'); r(); }, 30_000); } });
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  if (!process.exitCode) console.error('FAIR-PLAY E2E FAILED:', e);
  process.exitCode = 1;
});
