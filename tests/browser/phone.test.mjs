// Phones are first-class: on a 390x844 touch screen, with touch events only, each role
// starts at #/, signs in by tapping, moves between screens by tapping, and reaches what is
// below the fold by swiping; no screen visited runs past the right edge. A swipe scrolls
// (widgets move) and never clicks what it started on; after a fast one the app goes idle
// again. The top bar at 360 px, anonymous and signed in.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';

import {
  apiSession, artifacts, assertNoHorizontalOverflow, frames, openPhone, realPdf, serverAndBrowser, swipe,
  swipeIntoView, tap, tapAndType, tapWidget, waitForIdle, waitForWidget, widgets,
} from './harness.mjs';

const env = serverAndBrowser();
const hash = (page) => page.evaluate(() => location.hash);
const fiscalYear = () => { const d = new Date(); return d.getFullYear() + 543 + (d.getMonth() >= 9 ? 1 : 0); };

// From the home page: the sign-in link, the two fields, the button, all tapped.
async function signIn(page, username) {
  await tapWidget(page, 'home.signin');
  await page.waitForFunction(() => location.hash.startsWith('#/signin'));
  await assertNoHorizontalOverflow(page);
  await tapAndType(page, 'signin.username', username);
  await tapAndType(page, 'signin.password', env.password(username));
  await tapWidget(page, 'signin.submit');
  await page.waitForFunction(() => !location.hash.startsWith('#/signin'), null, { timeout: 15000 });
  await page.waitForFunction(() => window.__app.widgets().some((w) => ['topbar.menu', 'app.signout'].includes(w.id)));
  await assertNoHorizontalOverflow(page, 'home, signed in');
}

// Swipes up from the middle of `widget` and checks that the content moved under the finger
// and that the widget was not clicked (same route, the widget still there, `unchanged`).
async function swipeFrom(page, widget, unchanged = async () => {}) {
  const route = await hash(page);
  const { height } = page.viewportSize();
  const from = { x: widget.x + widget.w / 2, y: widget.y + widget.h / 2 };
  const dy = Math.min(250, from.y - height * 0.25);
  await swipe(page, from, { x: from.x, y: from.y - dy });
  await waitForIdle(page, 300);
  const after = await waitForWidget(page, { id: widget.id });
  assert.ok(after.y < widget.y - 20, `${widget.id} moved up with the finger: ${widget.y} -> ${after.y}`);
  assert.equal(await hash(page), route, 'the swipe clicked nothing');
  await unchanged();
  return after;
}

test('the school reporter reports a KPI on a phone: the score and Confirm reached by swiping', async () => {
  const year = fiscalYear();
  const controller = await apiSession(env.server.url, 'area.kpi', env.password('area.kpi'));
  const kpi = (await controller.call('POST', '/api/v1/kpi', {
    year, number: '7', name: 'ร้อยละของนักเรียนที่อ่านออกเขียนได้ตามเกณฑ์ของสำนักงานเขตพื้นที่การศึกษา',
    description: 'ผลการประเมินการอ่านและการเขียนของนักเรียนชั้นประถมศึกษาปีที่ 1 ถึงปีที่ 6',
    type: 'score_1_5', criteria: [2, 3, 4, 5], owner_group: 'กลุ่มนิเทศ ติดตาม และประเมินผลการจัดการศึกษา',
    cadence: 'half_year', open_periods: ['h1'], status: 'open',
  })).json;
  assert.ok(kpi?.id, 'KPI created');
  await controller.call('PUT', `/api/v1/kpi/${kpi.id}/periods/h1/units`, { unit_codes: ['1040010002'] });
  // A draft with its evidence already there (a file chooser is no touch matter): the form is
  // long, the score and Confirm well below the fold of a phone.
  const school = await apiSession(env.server.url, '1040010002', env.password('1040010002'));
  const files = [];
  for (let i = 1; i <= 4; i++)
    files.push({ file_id: await school.upload(`หลักฐาน-${i}.pdf`, realPdf(2000, `e${i}`)), description: `ภาพกิจกรรมการอ่านครั้งที่ ${i}` });
  const draft = await school.call('PUT', `/api/v1/kpi/${kpi.id}/periods/h1/reports/1040010002`, { self_score: null, files });
  assert.ok(draft.status < 300, draft.text);

  const page = await openPhone(env.browser, `${env.server.url}/#/`);
  await assertNoHorizontalOverflow(page, 'home, signed out');
  await signIn(page, '1040010002');
  await tapWidget(page, 'desk.kpi_report');
  await page.waitForFunction(() => location.hash.startsWith('#/kpi/school'));
  await assertNoHorizontalOverflow(page);
  await tapWidget(page, `school.${kpi.id}.h1.open`);
  await page.waitForFunction(() => location.hash.startsWith('#/kpi/report/'));
  await waitForWidget(page, { id: 'report.status' });
  await assertNoHorizontalOverflow(page);

  // The score is below the fold; a swipe that starts on a button scrolls and clicks nothing.
  const { height } = page.viewportSize();
  const score0 = await waitForWidget(page, { id: 'report.score' });
  assert.ok(score0.y > height, `the score starts below the fold (y ${score0.y})`);
  const onButton = (await widgets(page)).find((w) => ['button', 'link', 'file'].includes(w.kind) &&
    w.y > height * 0.3 && w.y + w.h < height - 10 && !/^(topbar|app|lang)\./.test(w.id));
  assert.ok(onButton, 'a button in the lower half to start a swipe on');
  const before = (await widgets(page)).length;
  await swipeFrom(page, onButton, async () => {
    assert.equal((await widgets(page)).length, before, 'nothing opened or closed');
  });

  const score = await swipeIntoView(page, 'report.score');
  await tapAndType(page, 'report.score', '4');
  await waitForWidget(page, { id: 'report.save' }, (w) => w.value === 'saved', 10000);
  const confirm = await swipeIntoView(page, 'report.confirm');
  assert.ok(score.swipes + confirm.swipes >= 1, 'reached by swiping');
  await assertNoHorizontalOverflow(page, 'the report, scrolled');
  await tap(page, confirm);
  await waitForWidget(page, { id: 'report.status' }, (w) => w.value === 'waiting_review');
  await page.screenshot({ path: path.join(artifacts, 'phone-report-confirmed.png') });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the area admin reads the users list on a phone: a fast swipe scrolls, clicks nothing, then the app is idle', async () => {
  const page = await openPhone(env.browser, `${env.server.url}/#/`);
  await signIn(page, 'area.admin');
  await tapWidget(page, 'desk.users');
  await page.waitForFunction(() => location.hash.startsWith('#/admin/users'));
  const rows = () => widgets(page).then((all) => all.filter((w) => w.id.startsWith('users.row.')));
  await waitForWidget(page, { idPrefix: 'users.row.' });
  await assertNoHorizontalOverflow(page);

  // A fast swipe on the list: lifted while moving, it glides on after the finger is gone.
  const { width, height } = page.viewportSize();
  const first = (await rows())[0];
  await waitForIdle(page, 300);
  await swipe(page, { x: width / 2, y: height * 0.85 }, { x: width / 2, y: height * 0.55 }, { steps: 5, restMs: 0 });
  const lifted = (await waitForWidget(page, { id: first.id })).y;
  const framesAtLift = await frames(page);
  await waitForIdle(page, 700);
  const settled = (await waitForWidget(page, { id: first.id })).y;
  assert.ok(settled < first.y - 100, `the list scrolled: ${first.y} -> ${settled}`);
  // (Whether it glides on depends on the moves' pace: CDP delivers them 70-200 ms apart on a
  // loaded machine, a finger 16 ms apart; tests/client/touch_test.cpp checks the glide.)
  assert.ok(settled <= lifted, `it never moved back: ${lifted} -> ${settled}`);
  // ... and it stopped: no frame while nothing moves. (No check that frames were drawn after
  // the lift: on a loaded machine the list can settle before the count is read.)
  const idle = await frames(page);
  assert.ok(idle >= framesAtLift, `the frame count never goes back: ${framesAtLift} -> ${idle}`);
  await new Promise((r) => setTimeout(r, 600));
  assert.equal(await frames(page), idle, 'no frames once the glide ended');
  assert.equal(await hash(page), '#/admin/users', 'the swipe clicked nothing');
  await assertNoHorizontalOverflow(page, 'the users list, scrolled');

  // The menu: audit log, by tapping.
  await tapWidget(page, 'topbar.menu');
  await tapWidget(page, 'app.home');
  await page.waitForFunction(() => location.hash === '#/');
  await tapWidget(page, 'desk.audit');
  await page.waitForFunction(() => location.hash.startsWith('#/audit'));
  await waitForIdle(page);
  await assertNoHorizontalOverflow(page);
  await page.screenshot({ path: path.join(artifacts, 'phone-audit.png') });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the KPI reviewer finds the queue on a phone and opens a report by tapping', async () => {
  const page = await openPhone(env.browser, `${env.server.url}/#/`);
  await signIn(page, 'area.reviewer');
  await tapWidget(page, 'desk.kpi_review');
  await page.waitForFunction(() => location.hash.startsWith('#/kpi/queue'));
  await waitForIdle(page);
  await assertNoHorizontalOverflow(page);
  await tapWidget(page, 'topbar.menu');
  await tapWidget(page, 'app.notifications');
  await page.waitForFunction(() => location.hash.startsWith('#/notifications'));
  await waitForIdle(page);
  await assertNoHorizontalOverflow(page);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the top bar at 360 px: nothing past the edge, signed out and signed in; the menu holds the rest', async () => {
  const page = await openPhone(env.browser, `${env.server.url}/#/`, { width: 360, height: 740 });
  for (const id of ['lang.th', 'lang.en']) {
    const w = await waitForWidget(page, { id });
    assert.ok(w.h >= 44, `${id} is a touch target (${w.h} px)`);
  }
  await assertNoHorizontalOverflow(page, 'top bar, signed out');
  await tapWidget(page, 'lang.en');
  await waitForWidget(page, { id: 'lang.en' }, (w) => w.value === 'selected');
  await assertNoHorizontalOverflow(page, 'top bar, signed out, English');
  await tapWidget(page, 'lang.th');

  await signIn(page, 'area.admin');
  const menu = await waitForWidget(page, { id: 'topbar.menu' });
  assert.ok(menu.h >= 44 && menu.w >= 44, `the menu button is a touch target (${menu.w}x${menu.h})`);
  assert.ok(!(await widgets(page)).some((w) => w.id === 'app.signout'), 'behind the menu until it opens');
  await tap(page, menu);
  for (const id of ['topbar.user', 'app.notifications', 'topbar.account', 'app.signout', 'lang.th', 'lang.en']) {
    const w = await waitForWidget(page, { id });
    if (w.kind !== 'text') assert.ok(w.h >= 44, `${id} is a touch target (${w.h} px)`);
  }
  const user = await waitForWidget(page, { id: 'topbar.user' });
  assert.match(user.label, /ขอนแก่น/, 'the organisation is named');
  await assertNoHorizontalOverflow(page, 'top bar menu, 360 px');
  await tapWidget(page, 'lang.en');
  await waitForWidget(page, { id: 'topbar.account' }, (w) => w.label === 'My account');
  await assertNoHorizontalOverflow(page, 'top bar menu, 360 px, English');
  await page.screenshot({ path: path.join(artifacts, 'phone-topbar-menu-360.png') });
  await tapWidget(page, 'topbar.account');
  await page.waitForFunction(() => location.hash === '#/account');
  // The menu closes in the frame after the route changes.
  await page.waitForFunction(() => !window.__app.widgets().some((w) => w.id === 'app.signout'), null, { timeout: 5000 })
    .catch(() => assert.fail('the menu closed on the way'));
  await assertNoHorizontalOverflow(page, '#/account');
  assert.deepEqual(page.errors, []);
  await page.context().close();

  // A wide screen shows the same items on the bar itself.
  const wide = await openPhone(env.browser, `${env.server.url}/#/`, { width: 1366, height: 768 });
  await signIn(wide, 'area.admin');
  for (const id of ['topbar.user', 'app.notifications', 'topbar.account', 'app.signout', 'lang.th', 'lang.en'])
    await waitForWidget(wide, { id });
  assert.ok(!(await widgets(wide)).some((w) => w.id === 'topbar.menu'));
  await assertNoHorizontalOverflow(wide, 'top bar, 1366 px');
  await wide.context().close();
});
