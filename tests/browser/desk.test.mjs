// The signed-in home screen, the desk, in real Chromium against the real server: for each
// role, from `#/`, sign in by clicking, see the cards of the role's work (and none of other
// roles'), each count as the server counts it, and open every card's screen by clicking.
// On a phone (390 px) the cards stack, are full touch targets and stay inside the screen.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';

import {
  apiSession, artifacts, openApp, press, realPdf, serverAndBrowser, signInFromHome as signIn, waitForIdle, waitForWidget,
  widgets,
} from './harness.mjs';

const env = serverAndBrowser();

// The current fiscal year (B.E.) in Thailand: from 1 October the next one.
function fiscalYear() {
  const now = new Date(Date.now() + 7 * 3600 * 1000);
  return now.getUTCFullYear() + 543 + (now.getUTCMonth() >= 9 ? 1 : 0);
}

// Every desk kind, the screen its card opens and a widget that screen shows.
const screens = {
  registrations_review: { hash: '#/review/registrations', widget: 'rev.status' },
  access_requests: { hash: '#/admin/users', widget: 'users.search' },
  kpi_review: { hash: '#/kpi/queue', widget: 'queue.year' },
  kpi_report: { hash: '#/kpi/school', widget: 'school.year' },
  lec_confirm: { hash: '#/lec/inst/5110405002', widget: 'lecr.add' },
  kpi_manage: { hash: '#/kpi/manage', widget: 'kpim.new' },
  users: { hash: '#/admin/users', widget: 'users.search' },
  audit: { hash: '#/audit', widget: 'audit.search' },
};

const roles = [
  { user: '1010720001', kinds: ['kpi_report'] },  // school reporter
  { user: 'centre.reviewer', kinds: ['registrations_review'] },
  { user: 'area.admin', kinds: ['access_requests', 'users', 'audit'] },
  { user: 'area.reviewer', kinds: ['registrations_review', 'kpi_review'] },  // area KPI reviewer
  { user: 'area.kpi', kinds: ['kpi_manage'] },  // area KPI controller
  { user: '5110405002', kinds: ['lec_confirm'] },  // school recording local education data
];

const deskCards = async (page) => (await widgets(page)).filter((w) => w.id.startsWith('desk.') && w.id !== 'desk.retry');

const signInFromHome = (page, user) => signIn(page, user, env.password(user));

// Work waiting before anyone looks: a KPI of this fiscal year for two schools of the area,
// one of which has sent its report (the reviewer's count 1, the other school's count 1).
// Set once, by the first test (the file's server is up by then).
let scene;
const setScene = () => (scene ??= makeScene());
async function makeScene() {
  const controller = await apiSession(env.server.url, 'area.kpi', env.password('area.kpi'));
  const made = await controller.call('POST', '/api/v1/kpi', {
    year: fiscalYear(), number: '1', name: 'ระดับความสำเร็จของการประเมินภายใน', type: 'score_1_5',
    criteria: [2, 3, 4, 5], cadence: 'once', open_periods: ['once'], status: 'open',
  });
  assert.equal(made.status, 201, made.text);
  const kpi = `/api/v1/kpi/${made.json.id}`;
  const units = await controller.call('PUT', `${kpi}/periods/once/units`, { unit_codes: ['1010720001', '1040010001'] });
  assert.equal(units.status, 200, units.text);
  const school = await apiSession(env.server.url, '1040010001', env.password('1040010001'));
  const file = await school.upload('report.pdf', realPdf(2000));
  const report = `${kpi}/periods/once/reports/1040010001`;
  const saved = await school.call('PUT', report, { self_score: 4, files: [{ file_id: file, description: 'รายงานผล' }] });
  assert.equal(saved.status, 200, saved.text);
  assert.equal((await school.call('POST', `${report}/confirm`, {})).status, 200);
}

for (const role of roles) {
  test(`${role.user}: the desk shows its work with the server's counts, and each card opens its screen`, async () => {
    await setScene();
    const api = await apiSession(env.server.url, role.user, env.password(role.user));
    const desk = (await api.call('GET', '/api/v1/me/desk')).json.entries;
    assert.deepEqual(desk.map((e) => e.kind).sort(), [...role.kinds].sort());

    const page = await openApp(env.browser, `${env.server.url}/#/`, { width: 1366, height: 768 });
    await signInFromHome(page, role.user);
    await waitForWidget(page, { id: `desk.${role.kinds[0]}` });
    await waitForIdle(page);
    const shown = await deskCards(page);
    assert.deepEqual(shown.map((w) => w.id).sort(), role.kinds.map((k) => `desk.${k}`).sort(),
      'the cards of this role and no other');
    for (const e of desk) {
      const card = shown.find((w) => w.id === `desk.${e.kind}`);
      if (e.count === undefined) continue;
      if (e.count > 0) assert.ok(card.value.startsWith(`${e.count} `), `${card.id}: "${card.value}" says ${e.count}`);
      else assert.equal(card.value, 'ไม่มีงานค้าง', card.id);
      if (e.days_left !== undefined && e.count > 0) assert.match(card.value, /วัน/, `${card.id}: days left said`);
      assert.ok(card.h >= 44, `${card.id} is ${card.h} px tall`);
    }
    if (role.user === 'area.reviewer') {
      assert.equal(desk.find((e) => e.kind === 'kpi_review').count, 1, 'the sent report waits for review');
    }
    if (role.user === '1010720001') {
      assert.equal(desk[0].count, 1, 'the school has the KPI to report');
      assert.ok(desk[0].days_left >= 0);
    }

    for (const kind of role.kinds) {
      await press(page, `desk.${kind}`);
      await page.waitForFunction((h) => location.hash.startsWith(h), screens[kind].hash, { timeout: 15000 });
      await waitForWidget(page, { id: screens[kind].widget });
      await press(page, 'app.home');  // back home through the top bar
      await page.waitForFunction(() => location.hash === '#/' || location.hash === '');
      await waitForWidget(page, { id: `desk.${kind}` });
    }
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

test('on a 390 px phone the cards stack, are touch targets and nothing runs off the right edge', async () => {
  const width = 390;
  await setScene();
  const page = await openApp(env.browser, `${env.server.url}/#/`, { width, height: 844 });
  await signInFromHome(page, 'area.admin');
  await waitForWidget(page, { id: 'desk.audit' });
  await waitForIdle(page);
  const cards = (await deskCards(page)).sort((a, b) => a.y - b.y);
  assert.equal(cards.length, 3);
  for (let i = 1; i < cards.length; i++)
    assert.ok(cards[i].y >= cards[i - 1].y + cards[i - 1].h, `${cards[i].id} below ${cards[i - 1].id}`);
  for (const c of cards) assert.ok(c.h >= 44, `${c.id} is ${c.h} px tall`);
  // The top bar (app.*, lang.*) is another part's; this one's widgets are the desk's and the home's.
  const off = (await widgets(page)).filter((w) => /^(desk|home)\./.test(w.id) && w.w > 0 && w.x + w.w > width + 1);
  assert.deepEqual(off.map((w) => `${w.id} ${w.x}+${w.w}`), []);
  await page.screenshot({ path: path.join(artifacts, 'desk-phone.png') });
  await press(page, 'desk.audit');
  await page.waitForFunction(() => location.hash === '#/audit');
  await waitForWidget(page, { id: 'audit.search' });
  assert.deepEqual(page.errors, []);
  await page.close();
});
