// Browser end-to-end scenario of the anti-cheat review (docs/fair-play.md) against the real arena jar,
// driven by playwright-core and the machine's Chromium (no browser download):
// two players are matched in Blitz; Bob submits a reformatted copy of Alice's solution (broken at the
// end, so the judge refuses it and the problem stays open), Alice submits the original; an admin opens
// Admin → Anti-cheat, sees the plagiarism flag with both codes side by side, and dismisses it.
//   node web-client/e2e/fair-play-scenario.mjs [path/to/codearena.jar]
// Run by `./mvnw verify` (arena module, execution web-e2e-fair-play). Fails (exit 1), never skips.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fail, repo, runScenario, waitFor } from './support.mjs';

const adminHandle = 'fp_admin';

/** Blitz problems with a Python reference long enough to fingerprint (the copy is compared to it). */
const problems = readdirSync(join(repo, 'problems')).filter((d) => {
  const dir = join(repo, 'problems', d);
  return existsSync(join(dir, 'problem.yaml')) && existsSync(join(dir, 'solutions/ref.py'))
    && /modes:.*blitz/.test(readFileSync(join(dir, 'problem.yaml'), 'utf8'))
    && readFileSync(join(dir, 'solutions/ref.py'), 'utf8').length > 500;
}).sort().slice(0, 5);
if (problems.length < 5) fail(`only ${problems.length} suitable Blitz problems in ${join(repo, 'problems')}`);

/** The copy: comments dropped, indentation halved, a comment on every line, and a final crash so it is not Accepted. */
function disguise(python) {
  return python.split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .map((line) => { const indent = line.match(/^ */)[0].length; const body = line.slice(indent); return body ? ' '.repeat(indent / 2) + body + '  # mine' : ''; })
    .join('\n\n') + '\nraise SystemExit(3)\n';
}

await runScenario('fair-play', { jar: process.argv[2], problems, arenaArgs: [`--codearena.admin.handles=${adminHandle}`] },
  async ({ work, open, shot, signUp, log }) => {
  const suffix = Date.now().toString(36).slice(-5);
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
});
