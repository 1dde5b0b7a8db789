// Browser end-to-end scenario of issue 8 against the real arena jar, driven by playwright-core
// and the machine's Chromium (no browser download). Run by `./mvnw verify` (arena module,
// integration-test phase) or by hand:
//   node web-client/e2e/arena-scenario.mjs [path/to/codearena.jar]
// It fails (exit 1), never skips, when Chromium, the jar or any step is missing.
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
const adminHandle = 'e2e_admin';
const STEP_TIMEOUT = Number(process.env.E2E_STEP_TIMEOUT_MS ?? 120_000);

function fail(message) {
  console.error(`E2E FAILED: ${message}`);
  process.exitCode = 1;
  throw Object.assign(new Error(message), { fatal: true });
}
const log = (...a) => console.log(`[e2e ${new Date().toISOString().slice(11, 19)}]`, ...a);

function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer().listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => res(port)); });
    srv.on('error', rej);
  });
}

/** Five Blitz problems that have a Python reference, so the scenario can submit real AC code. */
function pickProblems(target) {
  const source = join(repo, 'problems');
  const chosen = readdirSync(source).filter((d) => {
    const yaml = join(source, d, 'problem.yaml');
    return existsSync(yaml) && existsSync(join(source, d, 'solutions/ref.py')) && /modes:.*blitz/.test(readFileSync(yaml, 'utf8'));
  }).sort().slice(0, 5);
  if (chosen.length < 5) fail(`only ${chosen.length} Blitz problems with a Python reference in ${source}`);
  for (const d of chosen) cpSync(join(source, d), join(target, d), { recursive: true });
  return chosen;
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
  const work = mkdtempSync(join(tmpdir(), 'codearena-e2e-'));
  const problems = pickProblems(join(work, 'problems'));
  // E2E_BASE_URL: drive an arena that is already running (development only; it must have been
  // started with the same five problems and admin handle).
  const external = process.env.E2E_BASE_URL;
  const port = external ? 0 : await freePort();
  const base = external ?? `http://localhost:${port}`;
  const arenaLog = join(repo, 'web-client/target/e2e-arena.log');
  log(`starting arena on ${base} (data in ${work}, log ${arenaLog})`);
  const arena = external ? { kill() {}, on() {}, stdout: null } : spawn('java', ['-jar', jar, `--server.port=${port}`, `--codearena.data-dir=${join(work, 'data')}`,
    `--codearena.problems.dir=${join(work, 'problems')}`,
    // The judge resolves tests against its own problems-root, whose default is not the catalogue's
    // (<data-dir>/problem-store); state it so both agree.
    `--codearena.judge.problems-root=${join(work, 'data/problem-store')}`, `--codearena.admin.handles=${adminHandle}`,
    '--axon.update-check.disabled=true',
    // e.g. --spring.web.resources.static-locations=file:web-client/target/classes/static/ to try a fresh build
    ...(process.env.E2E_ARENA_ARGS ? process.env.E2E_ARENA_ARGS.split(' ') : [])],
  { cwd: work, env: { ...process.env, AXONIQ_UPDATE_CHECKER_DISABLED: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let arenaExited = !!external;
  if (!external) {
    const out = createWriteStream(arenaLog);
    arena.stdout.pipe(out);
    arena.stderr.pipe(out);
  }
  arena.on('exit', (code) => { arenaExited = true; log(`arena exited with ${code}`); });

  let browser;
  try {
    await waitFor('arena health UP', async () => {
      if (!external && arenaExited) fail(`the arena exited during start-up; see ${arenaLog}`);
      const res = await fetch(`${base}/actuator/health`);
      return res.ok && (await res.json()).status === 'UP';
    }, 240_000, 1000);
    await waitFor('the problem catalogue', async () => {
      const res = await fetch(`${base}/api/problems`);
      if (!res.ok) return false;
      const body = await res.json();
      const items = Array.isArray(body) ? body : body.items;
      return items.length >= problems.length;
    }, 240_000, 1000);
    log('arena is up with its catalogue');

    browser = await chromium.launch({
      executablePath: browserPath,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
        '--no-first-run', '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
    });
    const open = async (name) => {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, baseURL: base });
      const page = await context.newPage();
      page.setDefaultTimeout(STEP_TIMEOUT);
      page.on('pageerror', (e) => log(`[${name}] page error: ${e.message}`));
      await page.goto('/#/');
      return page;
    };
    const shot = (page, name) => page.screenshot({ path: join(shots, `${name}.png`) });
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

    // 1. Two players sign up and queue for Blitz.
    const alice = await open('alice');
    const bob = await open('bob');
    const aliceHandle = `alice_${suffix}`;
    const bobHandle = `bob_${suffix}`;
    await shot(alice, '01-sign-up');
    await signUp(alice, aliceHandle, 'HACKER');
    await signUp(bob, bobHandle, 'ARCHITECT');
    await alice.locator('[data-mode=BLITZ] button', { hasText: 'Queue' }).click();
    await alice.locator('[data-mode=BLITZ] .queue-status').waitFor();
    await shot(alice, '02-lobby-queued');
    await bob.locator('[data-mode=BLITZ] button', { hasText: 'Queue' }).click();
    log('both queued');

    // 2. Matched: both land on the match screen.
    await alice.getByTestId('match-found').waitFor();
    await shot(alice, '03-match-found');
    await alice.waitForURL(/#\/match\//);
    await bob.waitForURL(/#\/match\//);
    const matchId = alice.url().split('#/match/')[1];
    log(`matched in ${matchId}`);
    await alice.getByTestId('match').waitFor();
    await bob.getByTestId('match').waitFor();

    // 3. A spectator watches the live match.
    const carol = await open('carol');
    await signUp(carol, `carol_${suffix}`, 'GOLFER');
    await carol.goto(`/#/spectate`);
    await carol.locator(`a[href="#/spectate/${matchId}"]`).click();
    await carol.getByTestId('match').waitFor();
    await carol.getByRole('textbox', { name: 'Chat message' }).fill('good luck both!');
    await carol.getByRole('button', { name: 'Send' }).click();
    await carol.locator('.chat li', { hasText: 'good luck both!' }).waitFor();

    // 4. Alice submits accepted solutions, highest points first, until the match ends
    //    (Blitz ends when the lead exceeds the points still open).
    await waitFor('the match to start', async () => ['RUNNING'].includes(await alice.getByTestId('match').getAttribute('data-phase')));
    await alice.getByTestId('statement').waitFor();
    await shot(alice, '04-match');
    const tabs = await alice.locator('[data-testid^=problem-]').evaluateAll((els) => els.map((e) => e.dataset.testid.slice('problem-'.length)));
    let first = true;
    for (const problemId of [...tabs].reverse()) {
      if ((await alice.getByTestId('match').getAttribute('data-phase')) !== 'RUNNING') break;
      await alice.getByTestId(`problem-${problemId}`).click();
      await alice.getByTestId('load-file').setInputFiles({
        name: 'ref.py', mimeType: 'text/x-python', buffer: readFileSync(join(work, 'problems', problemId, 'solutions/ref.py')),
      });
      await alice.waitForTimeout(300);
      await alice.keyboard.press('Control+Enter');
      const verdict = alice.getByTestId('final-verdict');
      await verdict.waitFor();
      if (!/^AC/.test(await verdict.innerText())) {
        const detail = await (await fetch(`${base}/api/matches/${matchId}`)).json();
        fail(`reference solution of ${problemId} judged ${await verdict.innerText()}: ${JSON.stringify(detail.submissions?.[0] ?? detail)}`);
      }
      log(`alice: AC on ${problemId}`);
      // Everyone sees the lock.
      for (const page of [alice, bob, carol]) {
        await page.locator(`[data-testid="problem-${problemId}"][data-locked-by="${aliceHandle}"]`).waitFor();
      }
      if (first) {
        first = false;
        await shot(alice, '05-match-accepted');
        await shot(bob, '06-match-opponent-sees-lock');
        await shot(carol, '07-spectate');
      }
      await alice.waitForTimeout(2100); // the gateway's submit rate limit: 1 per 2 s
    }

    // 5. The match ends; both players see their rating changes.
    for (const page of [alice, bob]) {
      await page.getByTestId('end-screen').waitFor();
      await page.getByTestId('rating-change').first().waitFor();
    }
    const aliceText = await alice.getByTestId('end-screen').innerText();
    if (!/Victory/.test(aliceText)) fail(`alice's end screen does not say Victory: ${aliceText}`);
    if (!/\(\+\d+\)/.test(aliceText) || !/\(-\d+\)/.test(aliceText)) fail(`end screen lacks a gain and a loss: ${aliceText}`);
    await shot(alice, '08-end-winner');
    await shot(bob, '09-end-loser');
    log('match ended with rating changes');

    // 6. An admin rebuilds the leaderboards' read model and watches its progress bar.
    const admin = await open('admin');
    await signUp(admin, adminHandle, 'ARCHITECT');
    await admin.getByRole('link', { name: 'Admin' }).click();
    // No admin token to type: the query side authorises /api/admin/** by the signed-in admin's access token (ADMIN role).
    await admin.getByTestId('rebuild-players').click();
    const bar = admin.getByTestId('progress-players');
    await waitFor('the players rebuild to finish', async () => (await bar.getAttribute('data-state')) === 'DONE'
      && (await bar.getAttribute('aria-valuenow')) === '100');
    await shot(admin, '10-admin-rebuild');
    log('rebuild done');

    // 7. Leaderboards and profile after the rebuild.
    await alice.goto('/#/leaderboards');
    await alice.getByTestId('leaderboard').locator('tr', { hasText: aliceHandle }).waitFor();
    await shot(alice, '11-leaderboards');
    await alice.goto('/#/profile');
    await alice.locator('.rating-chart').waitFor();
    await alice.getByTestId('match-history').locator(`a[href="#/replay/${matchId}"]`).waitFor();
    await shot(alice, '12-profile');

    // 8. The replay steps through the finished match's events, code shown.
    await alice.goto(`/#/replay/${matchId}`);
    await alice.getByTestId('replay-step').filter({ hasText: /^1 \/ \d+$/ }).waitFor();
    const total = Number((await alice.getByTestId('replay-step').innerText()).split('/')[1]);
    if (!(total > 3)) fail(`replay has only ${total} events`);
    let sawCode = false;
    for (let i = 1; i < total; i++) {
      await alice.getByTestId('replay-next').click();
      await alice.getByTestId('replay-step').filter({ hasText: `${i + 1} / ${total}` }).waitFor();
      if (!sawCode && await alice.getByTestId('replay-code').count()) {
        sawCode = true;
        await shot(alice, '13-replay-code');
      }
    }
    if (!sawCode) fail('the replay never showed a submission\'s code');
    await alice.getByTestId('replay-phase').filter({ hasText: 'ended' }).waitFor();
    await shot(alice, '14-replay-end');
    log(`replay stepped through ${total} events`);
    log('PASSED');
  } finally {
    await browser?.close().catch(() => undefined);
    arena.kill('SIGTERM');
    await new Promise((r) => { if (arenaExited) r(); else { arena.on('exit', r); setTimeout(() => { arena.kill('SIGKILL'); r(); }, 30_000); } });
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  if (!process.exitCode) console.error('E2E FAILED:', e);
  process.exitCode = 1;
});
