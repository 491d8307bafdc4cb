// The account screens in real Chromium against the real server, with real key presses:
// sign-in (wrong password, the slow-down countdown, success, sign-out), a signed-in-only
// route coming back after sign-in, the activation link's inline password policy and its
// refusal of an unknown link.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';

import {
  artifacts, click, launchBrowser, openApp, startServer, typeKeys, waitForIdle, waitForWidget, widgets,
} from './harness.mjs';

let server;
let browser;
let accounts;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  accounts = await (await fetch(`${server.url}/api/v1/dev/accounts`)).json();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const account = (username) => accounts.find((a) => a.username === username);

async function fill(page, id, text) {
  await click(page, await waitForWidget(page, { id }));
  await waitForWidget(page, { id }, (w) => w.active);
  await typeKeys(page, text);
}

async function signIn(page, username, password) {
  await fill(page, 'signin.username', username);
  await fill(page, 'signin.password', password);
  await page.keyboard.press('Enter', { delay: 30 });
}

test('a wrong password is refused; a slowed-down account shows the wait and blocks the button', async () => {
  const page = await openApp(browser, `${server.url}/#/signin`);
  await signIn(page, '1040010001', 'not-the-password');
  const error = await waitForWidget(page, { id: 'signin.error' });
  assert.equal(error.value, 'sign_in_failed');
  assert.match(error.label, /รหัสผ่าน/);

  // More failures for this account from elsewhere until the server slows it down
  // (3 free, then 1, 2, 4 ... s after the last failure); the next try here gets the 429.
  for (let i = 0; i < 10; i++) {
    const r = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: '1040010001', password: 'still-wrong' }),
    });
    if (r.status === 429) break;
  }
  await click(page, await waitForWidget(page, { id: 'signin.submit' }));
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
  const page = await openApp(browser, `${server.url}/#/signin`);
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
  const page = await openApp(browser, `${server.url}/#/admin/users`);
  await page.waitForFunction(() => location.hash.startsWith('#/signin?next='));
  const admin = account('area.admin');
  await signIn(page, admin.username, admin.password);
  await page.waitForFunction(() => location.hash === '#/admin/users');
  await waitForWidget(page, { id: 'users.search' });
  await waitForWidget(page, { id: 'app.signout' });
  await page.close();
});

test('activation: the password policy shows as one types; an unknown link says what to do', async () => {
  const page = await openApp(browser, `${server.url}/#/activate/00000000000000000000000000000000`);
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
