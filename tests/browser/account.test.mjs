// "My account" in real Chromium against the real server, reached by clicking only: the top
// bar's link, the profile (a bad phone refused under its field, a good one kept across a
// reload), the password (a wrong current one refused, then the new one signs in from a
// second browser context, a phone at 390x844 where nothing may run past the right edge),
// the two sessions, ending the other one after a confirmation, and that phone being sent
// to sign-in on its next request.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';

import {
  answerConfirm, artifacts, fill, openApp, press, replace, serverAndBrowser, signInThroughScreen, typeInto, waitForIdle,
  waitForWidget, widgets,
} from './harness.mjs';

const env = serverAndBrowser();
const user = 'area.kpi';
const newPassword = 'Kru-Mai-Rak-Rian-42';
const androidChrome = 'Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) '
  + 'Chrome/120.0.0.0 Mobile Safari/537.36';

// Scrolls the content (mouse wheel over it) until the widget is inside the viewport.
async function reveal(page, id) {
  const { width, height } = page.viewportSize();
  for (let i = 0; i < 40; i++) {
    const w = await waitForWidget(page, { id });
    if (w.y >= 0 && w.y + w.h <= height) return w;
    await page.mouse.move(width / 2, height * 0.6);
    await page.mouse.wheel(0, w.y < 0 ? -250 : 250);
    await waitForIdle(page, 200);
  }
  throw new Error(`${id} never came into view`);
}
const tap = async (page, id) => { await reveal(page, id); await press(page, id); };
const fillIn = async (page, id, text) => { await reveal(page, id); await typeInto(page, id, text); };

// Home, "sign in", the sign-in screen, back home signed in: all by clicking and typing.
async function signInFromHome(page, password) {
  await press(page, 'home.signin');
  await page.waitForFunction(() => location.hash.startsWith('#/signin'));
  await signInThroughScreen(page, user, password);
  await page.waitForFunction(
    () => window.__app.widgets().some((w) => w.id === 'topbar.account' || w.id === 'topbar.menu'));
}

// An item of the top bar: on a phone it sits behind the menu button.
async function topBar(page, id) {
  await waitForIdle(page, 200);
  if (!(await widgets(page)).some((w) => w.id === id)) await press(page, 'topbar.menu');
  await press(page, id);
}

async function openAccount(page) {
  await topBar(page, 'topbar.account');
  await page.waitForFunction(() => location.hash === '#/account');
  await waitForWidget(page, { id: 'account.session.0' });
}

// Every widget of the frame lies within the viewport's width; this screen's controls are
// at least 44 px high.
async function assertNothingPastRightEdge(page, what) {
  await waitForIdle(page);
  const { width } = page.viewportSize();
  const past = (await widgets(page)).filter((w) => w.w > 0 && (w.x < -0.5 || w.x + w.w > width + 0.5));
  assert.deepEqual(past.map((w) => `${w.id} ${w.x}+${w.w}`), [], `${what}: past the right edge at ${width} px`);
  // This screen's own controls (the top bar's are the top bar's business).
  const small = (await widgets(page)).filter((w) => w.id.startsWith('account.')
    && ['button', 'input', 'password'].includes(w.kind) && w.h > 0 && w.h < 44);
  assert.deepEqual(small.map((w) => `${w.id} ${w.h}`), [], `${what}: touch targets under 44 px`);
}

test('my account: profile, password, and ending the session of another device', async () => {
  const desk = await env.browser.newContext({ viewport: { width: 1366, height: 768 } });
  const phone = await env.browser.newContext({ viewport: { width: 390, height: 844 }, userAgent: androidChrome });
  try {
    const page = await openApp(desk, `${env.server.url}/#/`);
    await signInFromHome(page, env.password(user));
    await openAccount(page);
    assert.equal((await waitForWidget(page, { id: 'account.session.0' })).value, 'current');

    // Profile: a landline is refused under the phone field, as typed and on "save".
    await reveal(page, 'account.profile.phone');
    await replace(page, 'account.profile.phone', '021234567');
    await tap(page, 'account.profile.save');
    const bad = await waitForWidget(page, { id: 'account.profile.phone.error' });
    assert.match(bad.label, /โทรศัพท์/);
    assert.ok(!(await widgets(page)).some((w) => w.id === 'account.profile.saved'));
    await reveal(page, 'account.profile.phone');
    await replace(page, 'account.profile.phone', '089-765-4321');
    await page.waitForFunction(() => !window.__app.widgets().some((w) => w.id === 'account.profile.phone.error'));
    await tap(page, 'account.profile.save');
    await waitForWidget(page, { id: 'account.profile.saved' });
    await page.reload();
    await waitForWidget(page, { id: 'account.profile.phone' }, (w) => w.value === '0897654321');

    // Password: a wrong current one is refused naming that field; the right one changes it.
    await fillIn(page, 'account.current', 'Not-My-Password-9');
    await fillIn(page, 'account.password', newPassword);
    await fillIn(page, 'account.confirm', newPassword);
    await tap(page, 'account.password.save');
    const wrong = await waitForWidget(page, { id: 'account.current.error' });
    assert.equal(wrong.value, 'current_password_wrong');
    assert.match(wrong.label, /รหัสผ่านปัจจุบัน/);
    await reveal(page, 'account.current');
    await replace(page, 'account.current', env.password(user));
    await tap(page, 'account.password.save');
    await waitForWidget(page, { id: 'account.password.changed' });
    await page.screenshot({ path: path.join(artifacts, 'account-desk.png') });

    // A phone signs in with the new password: a second session.
    const small = await openApp(phone, `${env.server.url}/#/`);
    await signInFromHome(small, newPassword);
    await assertNothingPastRightEdge(small, 'home, signed in');
    await openAccount(small);
    await waitForWidget(small, { id: 'account.session.1' });
    await assertNothingPastRightEdge(small, 'my account');
    await reveal(small, 'account.session.1');
    await small.screenshot({ path: path.join(artifacts, 'account-phone-sessions.png') });
    await topBar(small, 'app.home');
    await small.waitForFunction(() => location.hash === '#/');

    // The desk sees both (opened again: the list is read on opening), the phone's not current.
    await topBar(page, 'app.home');
    await openAccount(page);
    const card = await waitForWidget(page, { idPrefix: 'account.session.' },
      (w) => w.kind === 'text' && w.value === '' && /Android/.test(w.label));
    assert.match(card.label, /Chrome/);
    assert.equal((await widgets(page)).filter((w) => /^account\.session\.\d+$/.test(w.id)).length, 2);

    // Ending it asks first; "cancel" keeps it.
    await tap(page, `${card.id}.end`);
    await answerConfirm(page, /Android.*(ต้องเข้าสู่ระบบใหม่|must sign in again)/, { yes: false });
    await waitForWidget(page, { id: `${card.id}.end` });
    await tap(page, `${card.id}.end`);
    await answerConfirm(page, /Android/);
    await waitForWidget(page, { id: 'account.sessions.notice' });
    await page.waitForFunction(
      () => window.__app.widgets().filter((w) => /^account\.session\.\d+$/.test(w.id)).length === 1);
    assert.ok(!(await widgets(page)).some((w) => w.id === 'account.sessions.end_others'));

    // The phone's next request is refused: it is sent to sign in.
    await topBar(small, 'topbar.account');
    await small.waitForFunction(() => location.hash.startsWith('#/signin'), null, { timeout: 15000 });
    await waitForWidget(small, { id: 'signin.username' });
    assert.deepEqual(page.errors, []);
    assert.deepEqual(small.errors, []);
  } finally {
    await desk.close();
    await phone.close();
  }
});
