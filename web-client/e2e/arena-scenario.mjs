// Browser end-to-end scenario of issue 8 against the real arena jar, driven by playwright-core
// and the machine's Chromium (no browser download). Run by `./mvnw verify` (arena module,
// integration-test phase) or by hand:
//   node web-client/e2e/arena-scenario.mjs [path/to/codearena.jar]
// It fails (exit 1), never skips, when Chromium, the jar or any step is missing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fail, repo, runScenario, waitFor } from './support.mjs';

const adminHandle = 'e2e_admin';

/** Five Blitz problems that have a Python reference, so the scenario can submit real AC code. */
const problems = readdirSync(join(repo, 'problems')).filter((d) => {
  const yaml = join(repo, 'problems', d, 'problem.yaml');
  return existsSync(yaml) && existsSync(join(repo, 'problems', d, 'solutions/ref.py')) && /modes:.*blitz/.test(readFileSync(yaml, 'utf8'));
}).sort().slice(0, 5);
if (problems.length < 5) fail(`only ${problems.length} Blitz problems with a Python reference in ${join(repo, 'problems')}`);

await runScenario('blitz', { jar: process.argv[2], problems, arenaArgs: [`--codearena.admin.handles=${adminHandle}`] },
  async ({ base, work, open, shot, signUp, log }) => {
  const suffix = Date.now().toString(36).slice(-5);

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
});
