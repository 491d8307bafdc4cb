// The account screens in real Chromium against the real server, with real key presses:
// sign-in (wrong password, the slow-down countdown, success, sign-out), a signed-in-only
// route coming back after sign-in, the activation link's inline password policy and its
// refusal of an unknown link, first login, forgotten password, access request then the
// approval SMS's real activation link, the admin's user list (filters, enable/disable,
// issued password, permissions within the subtree) and the one-time sign-in QR link.
import assert from 'node:assert/strict';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { test } from 'node:test';

import {
  artifacts, click, fill, newOtp, openApp, replace, serverAndBrowser, typeKeys, waitForIdle, waitForWidget,
  widgets,
} from './harness.mjs';

const env = serverAndBrowser();

const account = (username) => env.accounts.find((a) => a.username === username);

async function signIn(page, username, password) {
  await fill(page, 'signin.username', username);
  await fill(page, 'signin.password', password);
  await page.keyboard.press('Enter', { delay: 30 });
}

test('a wrong password is refused; a slowed-down account shows the wait and blocks the button', async () => {
  const page = await openApp(env.browser, `${env.server.url}/#/signin`);
  await signIn(page, '1040010001', 'not-the-password');
  const error = await waitForWidget(page, { id: 'signin.error' });
  assert.equal(error.value, 'sign_in_failed');
  assert.match(error.label, /รหัสผ่าน/);

  // More failures for this account from elsewhere until the server slows it down
  // (3 free, then 1, 2, 4 ... s after the last failure); the next try here gets the 429
  // (or, on a slow machine, one more failure, which doubles the wait: try again).
  const attempt = async () => {
    const [reply] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login')),
      waitForWidget(page, { id: 'signin.submit' }, (w) => w.value === '').then((w) => click(page, w)),
    ]);
    return reply.status();
  };
  for (let round = 0; round < 4; round++) {
    for (let i = 0; i < 10; i++) {
      const r = await fetch(`${env.server.url}/api/v1/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: '1040010001', password: 'still-wrong' }),
      });
      if (r.status === 429) break;
    }
    if (await attempt() === 429) break;
  }
  const slowed = await waitForWidget(page, { id: 'signin.error' }, (w) => w.value === 'rate_limited');
  assert.match(slowed.label, /รอ/);
  const wait = await waitForWidget(page, { id: 'signin.wait' });
  assert.ok(Number(wait.value) >= 1, wait.value);
  assert.equal((await waitForWidget(page, { id: 'signin.submit' })).value, 'disabled');
  await page.screenshot({ path: path.join(artifacts, 'signin-slowed.png') });
  // The countdown ends and the button comes back by itself (frames from the timer).
  await waitForWidget(page, { id: 'signin.submit' }, (w) => w.value === '', 20000);
  assert.ok(!(await widgets(page)).some((w) => w.id === 'signin.wait'));
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('signing in shows the user and a sign-out button; signing out forgets them', async () => {
  const page = await openApp(env.browser, `${env.server.url}/#/signin`);
  const reporter = account('1040010002');
  await signIn(page, reporter.username, reporter.password);
  await page.waitForFunction(() => location.hash === '#/');
  const out = await waitForWidget(page, { id: 'app.signout' });
  assert.ok(!(await widgets(page)).some((w) => w.id === 'home.signin'), 'no sign-in link when signed in');
  // A reload keeps the session (cookie) and recovers the user from /api/v1/me.
  await page.reload();
  await waitForWidget(page, { id: 'app.signout' });
  await waitForIdle(page);
  await click(page, await waitForWidget(page, { id: 'app.signout' }));
  await waitForWidget(page, { id: 'home.signin' });
  assert.ok(out.label.length > 0);
  const me = await page.evaluate(async () => (await fetch('/api/v1/me')).status);
  assert.equal(me, 401);
  await page.close();
});

test('a signed-in-only route sends to sign-in, then back to it', async () => {
  const page = await openApp(env.browser, `${env.server.url}/#/admin/users`);
  await page.waitForFunction(() => location.hash.startsWith('#/signin?next='));
  const admin = account('area.admin');
  await signIn(page, admin.username, admin.password);
  await page.waitForFunction(() => location.hash === '#/admin/users');
  await waitForWidget(page, { id: 'users.search' });
  await waitForWidget(page, { id: 'app.signout' });
  await page.close();
});

test('activation: the password policy shows as one types; an unknown link says what to do', async () => {
  const page = await openApp(env.browser, `${env.server.url}/#/activate/00000000000000000000000000000000`);
  await fill(page, 'activate.password', 'abcd');
  let e = await waitForWidget(page, { id: 'activate.password.error' });
  assert.equal(e.value, 'password_too_short');
  await typeKeys(page, 'efgh');
  e = await waitForWidget(page, { id: 'activate.password.error' }, (w) => w.value !== 'password_too_short');
  assert.equal(e.value, 'password_sequence');
  for (let i = 0; i < 8; i++) await page.keyboard.press('Backspace');
  await typeKeys(page, 'Ruen-Thai-59');
  await page.waitForFunction(() => !window.__app.widgets().some((w) => w.id === 'activate.password.error'));
  await fill(page, 'activate.confirm', 'Ruen-Thai-5');
  await waitForWidget(page, { id: 'activate.confirm.error' }, (w) => w.value === 'password_mismatch');
  await typeKeys(page, '9');
  await page.waitForFunction(() => !window.__app.widgets().some((w) => w.id === 'activate.confirm.error'));
  await click(page, await waitForWidget(page, { id: 'activate.submit' }));
  const refused = await waitForWidget(page, { id: 'activate.error' });
  assert.equal(refused.value, 'link_unknown');
  await page.screenshot({ path: path.join(artifacts, 'activate-unknown.png') });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the area admin lists users, disables and enables one, and issues a password', async () => {
  const page = await openApp(env.browser, `${env.server.url}/#/signin?next=%23%2Fadmin%2Fusers`);
  const admin = account('area.admin');
  await signIn(page, admin.username, admin.password);
  await page.waitForFunction(() => location.hash === '#/admin/users');
  await waitForWidget(page, { id: 'users.row.1040010001' });
  assert.ok(!(await widgets(page)).some((w) => w.id === 'users.row.centre.reviewer'), 'outside the subtree');

  // Filter by permission: only the school reporters stay.
  await waitForIdle(page);
  await click(page, await waitForWidget(page, { id: 'users.permission' }));
  await waitForWidget(page, { id: 'users.permission.2' });
  await waitForIdle(page);  // a popup settles its place in the frames after it opens
  const option = await waitForWidget(page, { id: 'users.permission.2' });
  assert.match(option.label, /ส่งรายงาน/);
  await click(page, option);
  await waitForWidget(page, { id: 'users.permission' }, (w) => /ส่งรายงาน/.test(w.value));
  await page.waitForFunction(() => !window.__app.widgets().some((w) => w.id === 'users.row.area.kpi'));
  await waitForWidget(page, { id: 'users.row.1040010002' });

  await waitForIdle(page);
  await click(page, await waitForWidget(page, { id: 'users.1040010002.disable' }));
  await waitForWidget(page, { id: 'users.row.1040010002' }, (w) => / disabled$/.test(w.label));
  await waitForIdle(page);
  await click(page, await waitForWidget(page, { id: 'users.1040010002.enable' }));
  await waitForWidget(page, { id: 'users.row.1040010002' }, (w) => / active$/.test(w.label));

  await waitForIdle(page);
  await click(page, await waitForWidget(page, { id: 'users.1040010002.password' }));
  const issued = await waitForWidget(page, { id: 'users.issued.password' });
  assert.equal(issued.label, '1040010002');
  assert.ok(issued.value.length >= 8);
  await page.screenshot({ path: path.join(artifacts, 'admin-users.png') });
  assert.deepEqual(page.errors, []);
  await page.close();

  // The holder of the issued password signs in and must finish the first login.
  const holder = await openApp(env.browser, `${env.server.url}/#/signin`, { height: 1000 });
  await signIn(holder, '1040010002', issued.value);
  await holder.waitForFunction(() => location.hash.startsWith('#/first-login'));
  await waitForWidget(holder, { id: 'first.steps' }, (w) => w.value === '1');
  // Profile (filled with what is on record): the shared rules under the fields as one types.
  await replace(holder, 'first.profile.phone', '0212345678');
  await waitForWidget(holder, { id: 'first.profile.phone.error' }, (w) => w.value === 'phone_landline');
  await replace(holder, 'first.profile.phone', '081-234-5678');
  await holder.waitForFunction(() => !window.__app.widgets().some((w) => w.id === 'first.profile.phone.error'));
  await replace(holder, 'first.profile.first_name', 'สมหญิง');
  await replace(holder, 'first.profile.last_name', 'ใจงาม');
  await replace(holder, 'first.profile.position', 'ครู');
  await waitForIdle(holder);
  await click(holder, await waitForWidget(holder, { id: 'first.profile.title' }));
  await waitForIdle(holder, 300);
  await click(holder, await waitForWidget(holder, { id: 'first.profile.title.2' }));
  await waitForWidget(holder, { id: 'first.profile.title' }, (w) => w.value === 'นางสาว');
  await click(holder, await waitForWidget(holder, { id: 'first.profile.save' }));
  await waitForWidget(holder, { id: 'first.steps' }, (w) => w.value === '2');

  await fill(holder, 'first.current', issued.value);
  await fill(holder, 'first.password', '1040010002-abc');
  await waitForWidget(holder, { id: 'first.password.error' }, (w) => w.value === 'password_contains_username');
  await replace(holder, 'first.password', 'Nong-Bua-Lamphu-7');
  await fill(holder, 'first.confirm', 'Nong-Bua-Lamphu-7');
  await holder.keyboard.press('Enter', { delay: 30 });
  await holder.waitForFunction(() => location.hash === '#/');
  await waitForWidget(holder, { id: 'app.signout' }, (w) => true);
  const me = await holder.evaluate(async () => (await (await fetch('/api/v1/me')).json()));
  assert.equal(me.must_change_password, false);
  assert.equal(me.user.profile.first_name, 'สมหญิง');
  assert.deepEqual(holder.errors, []);
  await holder.close();
});

// The latest 6-digit code the outbox holds for a phone.
const otpFor = (phone) => newOtp(env.server.url, phone);

async function phoneOf(username) {
  const admin = account('area.admin');
  const login = await fetch(`${env.server.url}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: admin.username, password: admin.password }),
  });
  const cookie = login.headers.get('set-cookie').split(';')[0];
  const list = await (await fetch(`${env.server.url}/api/v1/admin/users?q=${username}`, { headers: { cookie } })).json();
  return list.users.find((u) => u.username === username).profile.phone;
}

test('forgotten password: OTP to the registered phone, a new password, no sign-in', async () => {
  const phone = await phoneOf('1010720001');
  const page = await openApp(env.browser, `${env.server.url}/#/signin`, { height: 900 });
  await click(page, await waitForWidget(page, { id: 'signin.forgot' }));
  await page.waitForFunction(() => location.hash === '#/forgot-password');
  await fill(page, 'forgot.username', '1010720001');
  await fill(page, 'forgot.phone', '02-123-4567');
  await waitForWidget(page, { id: 'forgot.phone.error' }, (w) => w.value === 'phone_landline');
  await replace(page, 'forgot.phone', phone);
  await waitForIdle(page);
  await click(page, await waitForWidget(page, { id: 'forgot.otp.send' }));
  await waitForWidget(page, { id: 'forgot.otp.ref' }, (w) => w.value.length === 4);
  await fill(page, 'forgot.otp.code', await otpFor(phone));
  await page.keyboard.press('Enter', { delay: 30 });
  await waitForWidget(page, { id: 'forgot.steps' }, (w) => w.value === '3');
  await fill(page, 'forgot.password', 'Mango-Sticky-Rice-8');
  await fill(page, 'forgot.confirm', 'Mango-Sticky-Rice-8');
  await click(page, await waitForWidget(page, { id: 'forgot.submit' }));
  await waitForWidget(page, { id: 'forgot.done' });
  assert.ok(!(await widgets(page)).some((w) => w.id === 'app.signout'), 'not signed in');
  const login = await fetch(`${env.server.url}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: '1010720001', password: 'Mango-Sticky-Rice-8' }),
  });
  assert.equal(login.status, 200);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('access request: area, school, details, OTP; the area admin approves it', async () => {
  const page = await openApp(env.browser, `${env.server.url}/#/access-request`, { height: 1300 });
  await click(page, await waitForWidget(page, { id: 'access.area' }));
  const filter = await waitForWidget(page, { id: 'access.area.filter' });
  assert.ok(filter);
  await typeKeys(page, '1040000001');
  await waitForIdle(page);
  await click(page, await waitForWidget(page, { idPrefix: 'access.area.', labelIncludes: '1040000001' },
    (w) => w.kind === 'option'));
  await waitForWidget(page, { id: 'access.area' }, (w) => w.value.startsWith('1040000001'));
  await waitForIdle(page);
  await click(page, await waitForWidget(page, { id: 'access.school' }));
  await waitForIdle(page);
  await click(page, await waitForWidget(page, { idPrefix: 'access.school.', labelIncludes: '1040010001' },
    (w) => w.kind === 'option'));
  await waitForWidget(page, { id: 'access.school' }, (w) => w.value.startsWith('1040010001'));
  await waitForIdle(page);
  await click(page, await waitForWidget(page, { id: 'access.person.title' }));
  await waitForIdle(page);
  await click(page, await waitForWidget(page, { id: 'access.person.title.0' }));
  await waitForWidget(page, { id: 'access.person.title' }, (w) => w.value === 'นาย');
  await waitForIdle(page);
  await fill(page, 'access.person.first_name', 'ธนา');
  await fill(page, 'access.person.last_name', 'เว็บดี');
  await fill(page, 'access.person.position', 'ครู');
  await fill(page, 'access.person.phone', '0891112233');
  await fill(page, 'access.person.email', 'thana@example.org');
  await waitForIdle(page);
  await click(page, await waitForWidget(page, { id: 'access.otp.send' }));
  await waitForWidget(page, { id: 'access.otp.ref' });
  await fill(page, 'access.otp.code', await otpFor('0891112233'));
  await page.keyboard.press('Enter', { delay: 30 });
  await waitForWidget(page, { id: 'access.submit' }, (w) => w.value === '');
  await waitForIdle(page);
  await click(page, await waitForWidget(page, { id: 'access.submit' }));
  await waitForWidget(page, { id: 'access.done' });
  assert.deepEqual(page.errors, []);
  await page.close();

  const adminPage = await openApp(env.browser, `${env.server.url}/#/signin?next=%23%2Fadmin%2Fusers`);
  const admin = account('area.admin');
  await signIn(adminPage, admin.username, admin.password);
  const row = await waitForWidget(adminPage, { idPrefix: 'requests.', labelIncludes: 'ธนา' });
  await waitForIdle(adminPage);
  await click(adminPage, await waitForWidget(adminPage, { id: `${row.id}.approve` }));
  await adminPage.waitForFunction((id) => !window.__app.widgets().some((w) => w.id === id), row.id);
  await waitForWidget(adminPage, { idPrefix: 'users.row.1040010001-w' });
  await adminPage.close();
});

test('access request approved: the SMS link activates the account once; then it signs in', async () => {
  // The request of the test above was approved; the SMS to its phone holds the link.
  const sms = await (await fetch(`${env.server.url}/api/v1/dev/outbox?phone=0891112233`)).json();
  const approved = sms.find((m) => /#\/activate\//.test(m.text));
  assert.ok(approved, JSON.stringify(sms));
  const link = /(https?:\/\/\S+?)\/(#\/activate\/[0-9a-f]+)/.exec(approved.text);
  assert.ok(link, approved.text);
  const username = /ชื่อผู้ใช้ (\S+)/.exec(approved.text)[1];

  const page = await openApp(env.browser, `${env.server.url}/${link[2]}`);
  await fill(page, 'activate.password', 'Khon-Kaen-Web-42');
  await fill(page, 'activate.confirm', 'Khon-Kaen-Web-42');
  await click(page, await waitForWidget(page, { id: 'activate.submit' }));
  await click(page, await waitForWidget(page, { id: 'activate.signin' }));
  await page.waitForFunction(() => location.hash.startsWith('#/signin?username='));
  await waitForWidget(page, { id: 'signin.username' }, (w) => w.value === username);
  await fill(page, 'signin.password', 'Khon-Kaen-Web-42');
  await page.keyboard.press('Enter', { delay: 30 });
  await page.waitForFunction(() => location.hash === '#/');
  await waitForWidget(page, { id: 'app.signout' });
  const me = await page.evaluate(async () => (await (await fetch('/api/v1/me')).json()));
  assert.equal(me.user.username, username);
  assert.deepEqual(page.errors, []);
  await page.close();

  // The link works once.
  const again = await openApp(env.browser, `${env.server.url}/${link[2]}`);
  await fill(again, 'activate.password', 'Another-Khon-Kaen-7');
  await fill(again, 'activate.confirm', 'Another-Khon-Kaen-7');
  await click(again, await waitForWidget(again, { id: 'activate.submit' }));
  const used = await waitForWidget(again, { id: 'activate.error' });
  assert.equal(used.value, 'link_used');
  await again.close();
});

async function adminUsers(width = 1024, height = 1000) {
  const page = await openApp(env.browser, `${env.server.url}/#/signin?next=%23%2Fadmin%2Fusers`, { width, height });
  const admin = account('area.admin');
  await signIn(page, admin.username, admin.password);
  await page.waitForFunction(() => location.hash === '#/admin/users');
  await waitForWidget(page, { id: 'users.row.1040010001' });
  await waitForIdle(page);
  return page;
}

// Picks option `index` of a combo once its popup has settled; returns the value shown.
async function choose(page, id, index) {
  await waitForIdle(page);
  await click(page, await waitForWidget(page, { id }));
  await waitForWidget(page, { id: `${id}.${index}` });
  await waitForIdle(page, 300);  // a popup settles its place in the frames after it opens
  const option = await waitForWidget(page, { id: `${id}.${index}` });
  await click(page, option);
  return (await waitForWidget(page, { id }, (w) => w.value === option.label)).value;
}

const rowIds = async (page) => (await widgets(page)).filter((w) => w.id.startsWith('users.row.')).map((w) => w.id);

test('the admin list filters by text, organisation and status', async () => {
  const page = await adminUsers();
  await fill(page, 'users.q', '1040010002');
  await page.keyboard.press('Enter', { delay: 30 });
  await page.waitForFunction(() => window.__app.widgets().filter((w) => w.id.startsWith('users.row.')).length === 1);
  assert.deepEqual(await rowIds(page), ['users.row.1040010002']);

  await replace(page, 'users.q', '');
  await replace(page, 'users.org', '1010720001');
  await page.keyboard.press('Enter', { delay: 30 });
  await page.waitForFunction(() => !window.__app.widgets().some((w) => w.id === 'users.row.1040010002'));
  assert.deepEqual(await rowIds(page), ['users.row.1010720001']);

  // Outside the admin's subtree: the server's word, no rows.
  await replace(page, 'users.org', '0000000000');
  await page.keyboard.press('Enter', { delay: 30 });
  const refused = await waitForWidget(page, { id: 'users.error' });
  assert.equal(refused.value, 'forbidden');
  assert.deepEqual(await rowIds(page), []);

  // Status: one account disabled, then only it is listed as disabled.
  await replace(page, 'users.org', '1040010002');
  await page.keyboard.press('Enter', { delay: 30 });
  await page.waitForFunction(() => !window.__app.widgets().some((w) => w.id === 'users.row.1010720001'));
  await waitForIdle(page);
  await click(page, await waitForWidget(page, { id: 'users.1040010002.disable' }));
  await waitForWidget(page, { id: 'users.row.1040010002' }, (w) => / disabled$/.test(w.label));
  await waitForIdle(page);
  await click(page, await waitForWidget(page, { id: 'users.status' }));
  await waitForIdle(page, 300);
  await click(page, await waitForWidget(page, { id: 'users.status.2' }));
  await waitForWidget(page, { id: 'users.status' }, (w) => w.value === 'ปิดใช้งาน');
  await replace(page, 'users.org', '1040000001');
  await page.keyboard.press('Enter', { delay: 30 });
  await page.waitForFunction(() => window.__app.widgets().some((w) => w.id === 'users.org' && w.value === '1040000001'));
  await waitForIdle(page);
  assert.deepEqual(await rowIds(page), ['users.row.1040010002']);
  await waitForIdle(page);
  await click(page, await waitForWidget(page, { id: 'users.1040010002.enable' }));
  await page.waitForFunction(() => !window.__app.widgets().some((w) => w.id.startsWith('users.row.')));
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the admin gives and removes a permission; a grant outside the subtree is refused', async () => {
  const page = await adminUsers();
  const before = await waitForWidget(page, { id: 'users.grants.1040010001' });
  assert.ok(!before.value.includes('data.confirm'), before.value);
  await click(page, await waitForWidget(page, { id: 'users.1040010001.grants' }));
  await waitForWidget(page, { id: 'grants.add' }, (w) => w.value === 'disabled');
  await waitForWidget(page, { id: 'grants.org' }, (w) => w.value === '1040010001');
  assert.equal(await choose(page, 'grants.permission', 6), 'ยืนยันข้อมูล');
  await waitForIdle(page);
  await click(page, await waitForWidget(page, { id: 'grants.add' }, (w) => w.value === ''));
  const given = await waitForWidget(page, { id: 'users.grants.1040010001' }, (w) => w.value.includes('data.confirm@1040010001'));
  assert.ok(given.value.includes('report.submit@1040010001'), given.value);

  // Outside the subtree (the centre): refused, the field named, nothing changed.
  assert.equal(await choose(page, 'grants.permission', 0), 'ดูข้อมูล');
  await replace(page, 'grants.org', '0000000000');
  await waitForIdle(page);
  await click(page, await waitForWidget(page, { id: 'grants.add' }, (w) => w.value === ''));
  const refused = await waitForWidget(page, { id: 'grants.org.error' });
  assert.equal(refused.value, 'grant_outside_subtree');
  assert.match(refused.label, /หน่วยงานที่ท่านดูแล/);
  assert.equal((await waitForWidget(page, { id: 'users.grants.1040010001' })).value, given.value);
  await page.screenshot({ path: path.join(artifacts, 'admin-grants.png') });

  // Removing it again.
  await waitForIdle(page);
  const row = (await widgets(page)).find((w) => w.kind === 'row' && w.value === 'data.confirm@1040010001');
  assert.ok(row && row.id.startsWith('grants.'), JSON.stringify(row));
  await click(page, await waitForWidget(page, { id: `${row.id}.remove` }));
  await waitForWidget(page, { id: 'users.grants.1040010001' }, (w) => !w.value.includes('data.confirm'));
  assert.deepEqual(page.errors, []);
  await page.close();
});

// The pixels of a PNG (8-bit RGB or RGBA, not interlaced: what Chromium's screenshots are).
function decodePng(buf) {
  let at = 8, width = 0, height = 0, channels = 4;
  const data = [];
  while (at < buf.length) {
    const len = buf.readUInt32BE(at), type = buf.toString('ascii', at + 4, at + 8);
    const body = buf.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0); height = body.readUInt32BE(4);
      assert.equal(body[8], 8);
      channels = { 2: 3, 6: 4 }[body[9]];
    } else if (type === 'IDAT') data.push(body);
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(data)), stride = width * channels;
  const px = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x];
      const a = x >= channels ? px[y * stride + x - channels] : 0;
      const b = y > 0 ? px[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? px[(y - 1) * stride + x - channels] : 0;
      const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      const pred = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter];
      px[y * stride + x] = (v + pred) & 0xff;
    }
  }
  return { width, height, dark: (x, y) => px[y * stride + x * channels] < 128 };
}

test('a one-time sign-in QR: drawn from its modules, signs the holder in once', async () => {
  const page = await adminUsers();
  const [reply] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/sign-in-qr')),
    click(page, await waitForWidget(page, { id: 'users.1040010001.qr' })),
  ]);
  const { qr_modules: modules, url } = await reply.json();
  const qr = await waitForWidget(page, { id: 'users.issued.qr' });
  assert.equal(qr.label, '1040010001');
  assert.equal(qr.value, url);
  assert.match(url, /\/#\/qr\/[0-9a-f]{32}$/);
  await waitForIdle(page);
  // Every module's centre in the screenshot is dark exactly where qr_modules says, inside
  // a white quiet zone of 4 modules.
  const shot = decodePng(await page.screenshot({ clip: { x: qr.x, y: qr.y, width: qr.w, height: qr.h } }));
  const n = modules.length, cell = shot.width / (n + 8);
  let wrong = 0;
  for (let y = -4; y < n + 4; y++) {
    for (let x = -4; x < n + 4; x++) {
      const want = y >= 0 && y < n && x >= 0 && x < n && modules[y][x] === '1';
      if (shot.dark(Math.floor((x + 4.5) * cell), Math.floor((y + 4.5) * cell)) !== want) wrong++;
    }
  }
  assert.equal(wrong, 0, `${wrong} of ${(n + 8) ** 2} modules drawn wrong`);
  await page.screenshot({ path: path.join(artifacts, 'admin-qr.png') });
  await page.close();

  // A fresh browser (no cookie) opens the link: signed in as the school, at home.
  const hash = url.slice(url.indexOf('#/'));
  const phone = await env.browser.newContext();
  const holder = await openApp(phone, `${env.server.url}/${hash}`);
  await holder.waitForFunction(() => location.hash === '#/');
  await waitForWidget(holder, { id: 'app.signout' });
  const me = await holder.evaluate(async () => (await (await fetch('/api/v1/me')).json()));
  assert.equal(me.user.username, '1040010001');
  assert.deepEqual(holder.errors, []);
  await phone.close();

  // The second time it is refused, with the way on, in Thai and in English.
  const other = await env.browser.newContext();
  const late = await openApp(other, `${env.server.url}/${hash}`);
  const refused = await waitForWidget(late, { id: 'qr.error' });
  assert.equal(refused.value, 'qr_invalid');
  assert.match(refused.label, /ใช้ไปแล้ว/);
  await waitForIdle(late);
  await click(late, await waitForWidget(late, { id: 'lang.en' }));
  await waitForWidget(late, { id: 'qr.error' }, (w) => /ask your administrator/.test(w.label));
  assert.ok(!(await widgets(late)).some((w) => w.id === 'app.signout'), 'not signed in');
  await late.screenshot({ path: path.join(artifacts, 'qr-used.png') });
  await waitForIdle(late);
  await click(late, await waitForWidget(late, { id: 'qr.signin' }));
  await late.waitForFunction(() => location.hash === '#/signin');
  await other.close();
});
