// The account screens in real Chromium against the real server, with real key presses:
// sign-in (wrong password, the slow-down countdown, success, sign-out), a signed-in-only
// route coming back after sign-in, the activation link's inline password policy and its
// refusal of an unknown link, first login, forgotten password, access request then the
// approval SMS's real activation link, the admin's user list (enable/disable, issued
// password). The admin list's filters, permissions and sign-in QR: accounts_admin.test.mjs.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';

import {
  answerConfirm, artifacts, chooseAreaAndSchool, click, fill, newOtp, openApp, openFromDesk, press, replace, serverAndBrowser, typeKeys,
  waitForIdle, waitForWidget, widgets,
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
  const admin = account('area.admin');
  const page = await openFromDesk(env.browser, env.server.url, admin.username, admin.password, 'users');
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
  // Asked first; "cancel" changes nothing.
  await answerConfirm(page, /ปิดใช้งานบัญชี 1040010002.*เปิดใช้งานบัญชีนี้ได้ภายหลัง/, { yes: false });
  assert.match((await waitForWidget(page, { id: 'users.row.1040010002' })).label, / active$/);
  await press(page, 'users.1040010002.disable');
  await answerConfirm(page, /ออกจากระบบทุกเครื่อง/);
  await waitForWidget(page, { id: 'users.row.1040010002' }, (w) => / disabled$/.test(w.label));
  await waitForIdle(page);
  await click(page, await waitForWidget(page, { id: 'users.1040010002.enable' }));
  await waitForWidget(page, { id: 'users.row.1040010002' }, (w) => / active$/.test(w.label));

  await waitForIdle(page);
  await click(page, await waitForWidget(page, { id: 'users.1040010002.password' }));
  await answerConfirm(page, /ออกรหัสผ่านใหม่ให้ 1040010002.*รหัสผ่านเดิมจะใช้ไม่ได้ทันที/);
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

test('access request: area, school, KPI reporting asked for, details, OTP; the area admin gives it', async () => {
  const page = await openApp(env.browser, `${env.server.url}/#/`, { height: 1400 });
  await press(page, 'home.access');
  await chooseAreaAndSchool(page, '1040000001', '1040010001');
  await press(page, 'access.right.report.submit');
  await waitForWidget(page, { id: 'access.right.report.submit' }, (w) => w.value === 'checked');
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

  const admin = account('area.admin');
  const adminPage = await openFromDesk(env.browser, env.server.url, admin.username, admin.password, 'users');
  const row = await waitForWidget(adminPage, { idPrefix: 'requests.', labelIncludes: 'ธนา' });
  await waitForIdle(adminPage);
  await waitForWidget(adminPage, { id: `${row.id}.right.report.submit` }, (w) => w.value === 'checked');
  await click(adminPage, await waitForWidget(adminPage, { id: `${row.id}.approve` }));
  await answerConfirm(adminPage, /อนุมัติคำขอของ ธนา.*สิทธิ์ดูข้อมูล และส่งรายงานตัวชี้วัด.*ไม่เกิน 2 คน/);
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
  assert.ok(me.user.grants.some((g) => g.permission === 'report.submit' && g.org_code === '1040010001'),
    JSON.stringify(me.user.grants));
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
