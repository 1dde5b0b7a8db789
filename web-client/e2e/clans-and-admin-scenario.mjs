// Browser scenario for clans and admin problem authoring (issue 8), against the real arena jar,
// driven by playwright-core and the machine's Chromium. Run by `./mvnw verify` (arena module,
// execution web-e2e-clans-admin) or by hand from web-client/:
//   node e2e/clans-and-admin-scenario.mjs ../arena/target/codearena.jar
// Two players: one founds a clan, invites the other, who joins; both see the members and the clan
// leaderboards; the second cannot join another clan (the error is shown). An admin creates a
// problem, uploads a bad then a good tests archive, publishes, edits, publishes again and sees
// version 2 in the catalogue. Fails (exit 1), never skips, when Chromium, the jar or a step is missing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as zlib from 'node:zlib';
import { fail, repo, runScenario, STEP_TIMEOUT, waitFor } from './support.mjs';

const adminHandle = 'e2e_author';
const adminToken = 'e2e-admin-token-' + Math.random().toString(36).slice(2);

/** CRC-32 of a buffer: node:zlib's where it has one (Node >= 20.15), else the table method. */
const crc32 = zlib.crc32 ?? ((data) => {
  let crc = ~0;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
});

/** A zip (stored, no compression) of name → text entries: enough for a tests archive, no dependency. */
function zip(files) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, 'utf8');
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20); central.writeUInt32LE(data.length, 24); central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(Object.keys(files).length, 8); end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Two small Blitz problems, so the catalogue is quick to load. */
const problems = readdirSync(join(repo, 'problems')).filter((d) => {
  const yaml = join(repo, 'problems', d, 'problem.yaml');
  return existsSync(yaml) && /modes:.*blitz/.test(readFileSync(yaml, 'utf8'));
}).sort().slice(0, 2);
if (problems.length < 2) fail(`only ${problems.length} Blitz problems in ${join(repo, 'problems')}`);

await runScenario('clans-admin', { jar: process.argv[2], problems,
  arenaArgs: [`--codearena.admin.handles=${adminHandle}`, `--codearena.query.admin-token=${adminToken}`] },
async ({ base, open, shot, signUp, log }) => {
  const suffix = Date.now().toString(36).slice(-5);
  async function foundClan(page, name, tag) {
    await page.getByRole('link', { name: 'Clans' }).click();
    await page.getByTestId('clan-name').fill(name);
    await page.getByTestId('clan-tag').fill(tag);
    await page.getByTestId('clan-create').click();
    await page.waitForURL(/#\/clan\//);
    return page.url().split('#/clan/')[1];
  }
  async function invite(page, handle) {
    await page.getByTestId('clan-invite-handle').fill(handle);
    await page.getByTestId('clan-invite').click();
    await page.getByRole('status').filter({ hasText: `${handle} is invited.` }).waitFor();
  }
  /** The clan page shows these members (the read model catches up a moment after the commands). */
  async function seesMembers(page, clanId, handles) {
    await waitFor(`${handles.join(', ')} on the clan page`, async () => {
      await page.goto('/#/clans'); // away and back: the clan page mounts again and re-reads
      await page.goto(`/#/clan/${clanId}`);
      const table = page.getByTestId('clan-members');
      await table.waitFor();
      for (const h of handles) if (!(await table.locator(`[data-testid="member-${h}"]`).count())) return false;
      return true;
    }, STEP_TIMEOUT, 700);
  }

  // 1. Alice founds a clan and invites Bob; Bob accepts the invitation.
  const alice = await open('alice');
  const bob = await open('bob');
  const aliceHandle = `ali_${suffix}`;
  const bobHandle = `bob_${suffix}`;
  await signUp(alice, aliceHandle, 'HACKER');
  await signUp(bob, bobHandle, 'ARCHITECT');
  const clanName = `Segfault ${suffix}`;
  const clanTag = `S${suffix.slice(0, 3).toUpperCase()}`;
  const clanId = await foundClan(alice, clanName, clanTag);
  await alice.locator('[data-testid^="member-"]', { hasText: aliceHandle }).filter({ hasText: 'Leader' }).waitFor();
  log(`alice founded ${clanName} (${clanId})`);
  await invite(alice, bobHandle);
  await bob.getByRole('link', { name: 'Clans' }).click();
  await bob.getByTestId('invitations').waitFor();
  await shot(bob, 'clans-01-invitation');
  await bob.getByTestId(`accept-${clanTag}`).click();
  await bob.waitForURL(new RegExp(`#/clan/${clanId}`));
  log('bob joined');

  // 2. Both see the members with their roles, the clan's own ranking and the clan leaderboard.
  for (const page of [alice, bob]) {
    await seesMembers(page, clanId, [aliceHandle, bobHandle]);
    const ranking = page.getByTestId('clan-ranking');
    await ranking.locator('tr', { hasText: aliceHandle }).waitFor();
    await ranking.locator('tr', { hasText: bobHandle }).waitFor();
  }
  await bob.locator(`[data-testid="member-${bobHandle}"]`, { hasText: 'Member' }).waitFor();
  await shot(alice, 'clans-02-clan-page-leader');
  await shot(bob, 'clans-03-clan-page-member');
  for (const page of [alice, bob]) {
    await page.goto('/#/leaderboards');
    await page.getByTestId('board-clans').click();
    await page.getByTestId('clan-standings').locator('tr', { hasText: clanName }).waitFor();
  }
  await shot(bob, 'clans-04-clan-leaderboard');
  log('both see members, ranking and clan leaderboard');

  // 3. The admin founds another clan and invites Bob, who cannot join it: one clan per player.
  const admin = await open('admin');
  await signUp(admin, adminHandle, 'GOLFER');
  const otherId = await foundClan(admin, `Null Ptr ${suffix}`, `N${suffix.slice(0, 3).toUpperCase()}`);
  await invite(admin, bobHandle);
  await bob.goto(`/#/clan/${otherId}`);
  await bob.getByTestId('clan-join').click();
  const refusal = bob.getByTestId('clan-error');
  await refusal.waitFor();
  if (!/already in (a )?clan/i.test(await refusal.innerText())) fail(`bob's refusal does not say why: ${await refusal.innerText()}`);
  await shot(bob, 'clans-05-second-clan-refused');
  log('bob was refused the second clan');

  // 4. The admin creates a problem, uploads tests (a bad archive first), publishes, edits, publishes again.
  await admin.getByRole('link', { name: 'Admin' }).click();
  if (await admin.getByTestId('admin-token').count()) { // the query side's stand-in gate, until it accepts admin JWTs
    await admin.getByTestId('admin-token').fill(adminToken);
    await admin.getByRole('button', { name: 'Use' }).click();
  }
  const slug = `sum-pair-${suffix}`;
  await admin.getByTestId('problem-new').click();
  await admin.getByTestId('problem-slug').fill(slug);
  await admin.getByTestId('problem-title').fill(`Sum Pair ${suffix}`);
  await admin.getByTestId('problem-statement').fill('# Sum pair\n\nPrint **a + b**.\n\n## Input\n\nTwo integers.\n\n## Output\n\nTheir sum.\n');
  await admin.getByTestId('problem-ref-cpp').fill('#include <cstdio>\nint main(){long long a,b;scanf("%lld %lld",&a,&b);printf("%lld\\n",a+b);}\n');
  await admin.getByTestId('problem-ref-python').fill('a, b = map(int, input().split())\nprint(a + b)\n');
  await admin.getByTestId('statement-preview-tab').click();
  await admin.getByTestId('statement-preview').locator('strong', { hasText: 'a + b' }).waitFor();
  await admin.getByTestId('draft-save').click();
  await admin.getByTestId('draft-saved').waitFor();
  await admin.getByTestId('tests-file').setInputFiles({ name: 'bad.zip', mimeType: 'application/zip',
    buffer: zip({ '01.in': '1 2\n', '01.out': '3\n', '02.in': '5 5\n' }) });
  const testsError = admin.getByTestId('tests-error');
  await testsError.waitFor();
  if (!/INVALID_TEST_ARCHIVE/.test(await testsError.innerText())) fail(`bad archive error: ${await testsError.innerText()}`);
  await shot(admin, 'admin-problems-01-bad-archive');
  await admin.getByTestId('tests-file').setInputFiles({ name: 'tests.zip', mimeType: 'application/zip',
    buffer: zip({ 'tests/01-sample.in': '1 2\n', 'tests/01-sample.out': '3\n', 'tests/02.in': '40 2\n', 'tests/02.out': '42\n' }) });
  await admin.getByTestId('tests-accepted').filter({ hasText: '2 tests accepted' }).waitFor();
  await admin.getByTestId('problem-publish').click();
  await admin.getByTestId('published').filter({ hasText: 'Published version 1' }).waitFor();
  log('published version 1');
  await admin.getByTestId('problem-time-limit').fill('2500');
  await admin.getByTestId('draft-save').click();
  await admin.getByTestId('draft-saved').waitFor();
  await admin.getByTestId('problem-publish').click();
  await admin.getByTestId('published').filter({ hasText: 'Published version 2' }).waitFor();
  await shot(admin, 'admin-problems-02-editor');
  await waitFor('version 2 in the catalogue', async () => {
    const cell = admin.getByTestId(`catalogue-version-${slug}`);
    return (await cell.count()) && (await cell.innerText()).trim() === 'v2';
  });
  const view = await (await fetch(`${base}/api/problems/${slug}`)).json();
  if (view.version !== 2 || view.timeLimitMs !== 2500) fail(`catalogue says ${JSON.stringify(view)}`);
  await admin.getByTestId(`problem-row-${slug}`).scrollIntoViewIfNeeded();
  await shot(admin, 'admin-problems-03-catalogue');
  log('version 2 is in the catalogue');
});
