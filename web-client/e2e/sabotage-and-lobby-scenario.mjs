// Browser scenario: private lobby with host settings, global chat, and a full Sabotage match
// (phase 1: refusals with their reasons, then accepted sabotages; phase 2: both repair), against
// the real arena jar and judge, driven by keyboard where a person would use it, with axe-core
// checks of each screen. Run by `./mvnw verify` (arena, integration-test) or by hand:
//   node web-client/e2e/sabotage-and-lobby-scenario.mjs [path/to/codearena.jar]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fail, repo, runScenario, waitFor } from './support.mjs';

const PROBLEM = 'card-check'; // has a Python sabotage reference
const reference = readFileSync(join(repo, 'problems', PROBLEM, 'solutions/ref.py'), 'utf8');
const edit = (from, to) => {
  if (!reference.includes(from)) fail(`the ${PROBLEM} reference no longer contains '${from}'`);
  return reference.replace(from, to);
};
const file = (text) => ({ name: 'sabotage.py', mimeType: 'text/x-python', buffer: Buffer.from(text) });
/** The FNV-1a fingerprint SabotageWorkbench puts on the editor (data-draft). */
const fingerprint = (text) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16);
};
/** Loads code into the editor through "Load file…" and waits until the editor holds it. */
const load = async (page, text) => {
  await page.getByTestId('load-file').setInputFiles(file(text));
  await page.locator(`[data-testid=editor][data-draft="${fingerprint(text)}"]`).waitFor();
};

await runScenario('sabotage', { jar: process.argv[2], problems: [PROBLEM] }, async ({ open, shot, signUp, axe, log }) => {
  const suffix = Date.now().toString(36).slice(-5);
  const alice = await open('alice');
  const bob = await open('bob');
  const aliceHandle = `sab_a_${suffix}`;
  const bobHandle = `sab_b_${suffix}`;
  await axe(alice, 'sign up');
  await signUp(alice, aliceHandle, 'SABOTEUR');
  await signUp(bob, bobHandle, 'HACKER');

  // Global chat in the lobby: said by one, seen by the other.
  await alice.getByTestId('global-chat').getByRole('textbox', { name: 'Chat message' }).fill('anyone up for sabotage?');
  await alice.keyboard.press('Enter');
  await bob.getByTestId('global-chat').locator('li', { hasText: 'anyone up for sabotage?' }).waitFor();
  await axe(alice, 'lobby');
  log('global chat delivered');

  // Private lobby: alice hosts (keyboard only), bob joins by code.
  await alice.getByRole('button', { name: 'Create lobby' }).focus();
  await alice.keyboard.press('Enter');
  const code = (await alice.getByTestId('lobby-code').innerText()).trim();
  if (!/^[A-Z0-9]{6}$/.test(code)) fail(`lobby code '${code}'`);
  await bob.getByTestId('join-code').focus();
  await bob.keyboard.type(code);
  await bob.keyboard.press('Enter');
  await alice.getByTestId('lobby-members').locator('li', { hasText: bobHandle }).waitFor();
  log(`lobby ${code} with both players`);

  // The host sets Blitz settings; bob sees them, read only.
  await alice.getByTestId('lobby-durationSeconds').fill('10');
  await alice.getByTestId('lobby-problemCount').fill('3');
  await alice.getByTestId('lobby-difficulty').fill('4');
  await alice.getByTestId('lobby-difficulty').press('Enter');
  await waitFor('bob to see the host\'s settings', async () => (await bob.getByTestId('lobby-durationSeconds').inputValue()) === '10'
    && (await bob.getByTestId('lobby-problemCount').inputValue()) === '3' && (await bob.getByTestId('lobby-difficulty').inputValue()) === '4');
  if (!(await bob.getByTestId('lobby-durationSeconds').isDisabled())) fail('a non-host can edit the lobby settings');
  if (await bob.getByTestId('lobby-start').count()) fail('a non-host sees the start button');
  await shot(alice, '20-lobby-host-settings');
  await shot(bob, '21-lobby-guest-read-only');
  await axe(bob, 'lobby (guest)');

  // Switch to Sabotage and start.
  await alice.getByTestId('lobby-mode').selectOption('SABOTAGE');
  await alice.getByTestId('lobby-problemCount').fill('');
  await alice.getByTestId('lobby-apply').focus();
  await alice.keyboard.press('Enter');
  await bob.getByTestId('lobby-mode-name').filter({ hasText: 'Sabotage' }).waitFor();
  await alice.getByTestId('lobby-start').focus();
  await alice.keyboard.press('Enter');
  await alice.waitForURL(/#\/match\//);
  await bob.waitForURL(/#\/match\//);
  log(`sabotage match ${alice.url().split('#/match/')[1]}`);

  // Phase 1: both get the reference and the banner.
  for (const page of [alice, bob]) {
    await page.getByTestId('phase-banner').filter({ hasText: 'Phase 1 of 2' }).waitFor();
    await page.getByTestId('edit-budget').filter({ hasText: '0 / 3 lines changed' }).waitFor();
    await page.locator('.view-lines').filter({ hasText: 'total % 10 == 0' }).waitFor();
  }
  await shot(alice, '22-sabotage-phase1');
  await axe(alice, 'match: sabotage phase 1');

  const submitAndExpectRefusal = async (source, reason) => {
    await load(alice, source);
    await alice.keyboard.press('Control+Enter');
    await alice.locator(`[data-testid=sabotage-refused][data-reason=${reason}]`).waitFor();
    log(`refused as expected: ${reason}`);
    await alice.waitForTimeout(2100); // the gateway's submit rate limit: 1 per 2 s
  };
  // Over the edit budget (4 lines): refused at once, and the counter says so before submitting.
  const overBudget = edit('    total = 0\n', '    total = 0\n    a = 1\n    b = 2\n    c = 3\n    d = 4\n');
  await load(alice, overBudget);
  await alice.locator('[data-testid=edit-budget].over').waitFor();
  await alice.keyboard.press('Control+Enter');
  await alice.locator('[data-testid=sabotage-refused][data-reason=SABOTAGE_EDIT_BUDGET_EXCEEDED]').waitFor();
  await shot(alice, '23-sabotage-refused-budget');
  await alice.waitForTimeout(2100);
  await submitAndExpectRefusal(edit('total = 0\n', 'total = 0 * 1\n'), 'SABOTAGE_PASSES_ALL_TESTS');
  await submitAndExpectRefusal(edit('if i % 2 == 1:', 'if i % 2 == 1'), 'SABOTAGE_DOES_NOT_COMPILE');
  await shot(alice, '24-sabotage-refused-compile');

  // Real bugs: accepted.
  await load(bob, edit('digit -= 9', 'digit -= 8'));
  await bob.keyboard.press('Control+Enter');
  await bob.getByTestId('sabotage-accepted').waitFor();
  await load(alice, edit('total % 10 == 0', 'total % 10 == 1'));
  await alice.keyboard.press('Control+Enter');
  log('both sabotages submitted');

  // Phase 2: each repairs the other's code (which they now see, and only now).
  for (const [page, rival, bug] of [[alice, bobHandle, 'digit -= 8'], [bob, aliceHandle, 'total % 10 == 1']]) {
    await page.getByTestId('phase-banner').filter({ hasText: 'Phase 2 of 2' }).waitFor();
    await page.getByTestId('repair-source').filter({ hasText: rival }).waitFor();
    await page.locator('.view-lines').filter({ hasText: bug }).waitFor();
  }
  await shot(alice, '25-sabotage-phase2');
  await axe(alice, 'match: sabotage phase 2');
  // A repair is a match:submit like the sabotage a moment ago: respect the 1-per-2-s rate limit,
  // as a person would (on a quiet machine phase 2 starts well within those 2 s).
  await alice.waitForTimeout(2100);
  for (const page of [alice, bob]) {
    await load(page, reference);
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('repair-succeeded').waitFor();
  }
  await shot(bob, '26-sabotage-repaired');
  log('both repaired');

  for (const page of [alice, bob]) {
    await page.getByTestId('end-screen').waitFor();
    await page.getByTestId('rating-change').first().waitFor();
  }
  await shot(alice, '27-sabotage-end');
  await axe(alice, 'end screen');
});
