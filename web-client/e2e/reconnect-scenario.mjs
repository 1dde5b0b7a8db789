// Browser scenario: a player's network drops in the middle of a Blitz match (the browser context
// goes offline and the gateway WebSocket is cut, and every reconnect attempt is cut too while the
// "network" is down); meanwhile the opponent locks a problem. When the network is back the client
// reconnects by itself, re-joins, resynchronises from match:state, shows the lock it missed (board
// and event feed) and then follows the live stream again to the end of the match.
//   node web-client/e2e/reconnect-scenario.mjs [path/to/codearena.jar]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fail, repo, runScenario, waitFor } from './support.mjs';

// Two Blitz problems with a Python reference, so the opponent can submit real Accepted code.
const problems = readdirSync(join(repo, 'problems')).filter((d) => {
  const yaml = join(repo, 'problems', d, 'problem.yaml');
  return existsSync(yaml) && existsSync(join(repo, 'problems', d, 'solutions/ref.py')) && /modes:.*blitz/.test(readFileSync(yaml, 'utf8'));
}).sort().slice(0, 2);
if (problems.length < 2) fail('fewer than 2 Blitz problems with a Python reference');

await runScenario('reconnect', { jar: process.argv[2], problems }, async ({ work, open, shot, signUp, axe, log }) => {
  const suffix = Date.now().toString(36).slice(-5);
  const aliceHandle = `rc_a_${suffix}`;
  const bobHandle = `rc_b_${suffix}`;
  const alice = await open('alice');
  // Bob's gateway socket goes through a route the test can cut, like a network drop would.
  let networkDown = false;
  const bobSockets = [];
  let bobContext;
  const bob = await open('bob', async (context) => {
    bobContext = context;
    await context.routeWebSocket(/\/ws(\?|$)/, (ws) => {
      if (networkDown) { ws.close({ code: 4000, reason: 'network down' }); return; }
      bobSockets.push({ page: ws, server: ws.connectToServer() });
    });
  });
  await signUp(alice, aliceHandle, 'SPEEDRUNNER');
  await signUp(bob, bobHandle, 'ARCHITECT');

  // A private Blitz lobby of two problems (100 and 200 points), so the match outlives one lock.
  await alice.getByRole('button', { name: 'Create lobby' }).click();
  const code = (await alice.getByTestId('lobby-code').innerText()).trim();
  await bob.getByTestId('join-code').fill(code);
  await bob.getByTestId('join-code').press('Enter');
  await alice.getByTestId('lobby-members').locator('li', { hasText: bobHandle }).waitFor();
  await alice.getByTestId('lobby-problemCount').fill('2');
  await alice.getByTestId('lobby-apply').click();
  await bob.getByTestId('lobby-problemCount').and(bob.locator('[value="2"]')).waitFor();
  await alice.getByTestId('lobby-start').click();
  await alice.waitForURL(/#\/match\//);
  await bob.waitForURL(/#\/match\//);
  await waitFor('the match to start', async () => (await alice.getByTestId('match').getAttribute('data-phase')) === 'RUNNING');
  await bob.locator('[data-testid=match][data-phase=RUNNING]').waitFor();
  await axe(bob, 'match: blitz');
  const tabs = await alice.locator('[data-testid^=problem-]').evaluateAll((els) => els.map((e) => e.dataset.testid.slice('problem-'.length)));
  log(`match running with ${tabs.join(', ')}`);

  const solve = async (problemId) => {
    await alice.getByTestId(`problem-${problemId}`).click();
    await alice.getByTestId('load-file').setInputFiles({
      name: 'ref.py', mimeType: 'text/x-python', buffer: readFileSync(join(work, 'problems', problemId, 'solutions/ref.py')),
    });
    await alice.waitForTimeout(300);
    await alice.keyboard.press('Control+Enter');
    await alice.locator(`[data-testid="problem-${problemId}"][data-locked-by="${aliceHandle}"]`).waitFor();
  };

  // The drop.
  networkDown = true;
  await bobContext.setOffline(true);
  for (const s of bobSockets.splice(0)) {
    await s.server.close({ code: 1001, reason: 'network down' }).catch(() => undefined);
    await s.page.close({ code: 4000, reason: 'network down' }).catch(() => undefined);
  }
  await bob.getByTestId('connection').filter({ hasText: /offline|reconnecting/ }).waitFor();
  await shot(bob, '30-reconnect-offline');
  log('bob is offline');

  // While bob is away, alice locks the 100-point problem.
  await solve(tabs[0]);
  log(`alice locked ${tabs[0]} while bob was offline`);
  await bob.waitForTimeout(1500);
  if (await bob.locator(`[data-testid="problem-${tabs[0]}"][data-locked-by="${aliceHandle}"]`).count()) fail('bob saw the lock while offline?');

  // The network comes back: bob's client reconnects on its own and resynchronises.
  networkDown = false;
  await bobContext.setOffline(false);
  const back = Date.now();
  await bob.getByTestId('connection').filter({ hasText: 'online' }).waitFor({ timeout: 30_000 });
  await bob.locator(`[data-testid="problem-${tabs[0]}"][data-locked-by="${aliceHandle}"]`).waitFor({ timeout: 30_000 });
  await bob.getByTestId('feed').locator('li', { hasText: `${aliceHandle} locked` }).waitFor();
  log(`bob resynchronised ${Date.now() - back} ms after the network came back`);
  await shot(bob, '31-reconnect-resynced');
  if (bobSockets.length !== 1) fail(`expected exactly one live socket after the reconnect, found ${bobSockets.length}`);

  // And follows the live stream again: alice's second lock ends the match; bob sees it live.
  await alice.waitForTimeout(2100); // the gateway's submit rate limit
  await solve(tabs[1]);
  await bob.locator(`[data-testid="problem-${tabs[1]}"][data-locked-by="${aliceHandle}"]`).waitFor();
  await bob.getByTestId('end-screen').waitFor();
  await bob.getByTestId('rating-change').first().waitFor();
  await shot(bob, '32-reconnect-end');
  await axe(bob, 'end screen after reconnect');
});
