// The browser as a kiosk (issue 15: "?kiosk=1 gives the idle reset and the chosen ways in"),
// in real Chromium against the real server: only the ways given are offered and other
// routes say so; a school signs in; left idle, the countdown shows and the page starts
// afresh: the session is signed out on the server (the old cookie reads nothing), the typed
// values and the page's storage are gone.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { artifacts, openApp, press, serverAndBrowser, typeInto, typeKeys, waitForWidget, widgets } from './harness.mjs';

const env = serverAndBrowser();

test('a browser kiosk offers its ways only, and an idle reset forgets the person', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await openApp(context, `${env.server.url}/?kiosk=1&ways=kpi,registration_status&idle=8&office=4000000000`);
  const ids = (await widgets(page)).map((w) => w.id);
  assert.ok(ids.includes('kiosk.finish'), 'the kiosk strip');
  assert.ok(ids.includes('home.signin') && ids.includes('home.status'), 'the ways given');
  assert.ok(!ids.includes('home.register') && !ids.includes('home.access') && !ids.includes('home.stats'),
    `ways not given are hidden: ${ids}`);
  // In English too: the strip and the ways follow the language switch.
  await press(page, 'lang.en');
  await waitForWidget(page, { id: 'kiosk.finish' }, (w) => w.label === 'Finish (clear your data)');
  await waitForWidget(page, { id: 'home.status' }, (w) => w.label === "Check a registration's status");
  await press(page, 'lang.th');
  await waitForWidget(page, { id: 'kiosk.finish' }, (w) => w.label === 'เสร็จสิ้น (ล้างข้อมูลของท่าน)');
  await page.evaluate(() => { location.hash = '#/admin/users'; });
  await waitForWidget(page, { id: 'app.message' }, (w) => w.label === 'ตู้บริการนี้ไม่มีบริการนี้');
  await press(page, 'app.home');

  // Signing in the kiosk's way: the on-screen keyboard's "next" reaches the password field
  // (under the keyboard on this screen), its Enter sends the form.
  await press(page, 'home.signin');
  await typeInto(page, 'signin.username', '1010720001');
  await press(page, 'osk.next');
  await waitForWidget(page, { id: 'signin.password' }, (w) => w.active);
  await typeKeys(page, env.password('1010720001'));
  await press(page, 'osk.enter');
  await page.waitForFunction(() => location.hash === '#/' || location.hash === '', null, { timeout: 15000 });
  const cookies = await context.cookies();
  assert.ok(cookies.length > 0, 'a session cookie');
  const me = () => fetch(`${env.server.url}/api/v1/me`, {
    headers: { Cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ') },
  });
  assert.equal((await me()).status, 200);
  await page.evaluate(() => localStorage.setItem('school.marker', 'last person'));
  const reloaded = page.waitForEvent('load', { timeout: 30000 });

  // Idle: a countdown, then the reset (sign-out, cleared storage, a reloaded page at home).
  const countdown = await waitForWidget(page, { id: 'kiosk.countdown' }, () => true, 15000);
  assert.ok(Number(countdown.value) >= 1 && Number(countdown.value) <= 3, `countdown ${countdown.value}`);
  await page.screenshot({ path: `${artifacts}/browser-kiosk-countdown.png` });
  await reloaded;
  await page.waitForFunction(() => window.__app && window.__app.frames() > 0, null, { timeout: 30000 });
  assert.equal(await page.evaluate(() => localStorage.getItem('school.marker')), null, 'the page storage is cleared');
  await waitForWidget(page, { id: 'home.signin' });
  assert.equal((await me()).status, 401, 'the old cookie reads nothing after the reset');
  assert.ok(!(await widgets(page)).some((w) => w.value.includes('1010720001') || w.label.includes('1010720001')));
  assert.match(page.url(), /kiosk=1/);

  // "Finish" does the same at once.
  await press(page, 'home.status');
  await typeInto(page, 'reg.resume.code', '1040010001');
  const finished = page.waitForEvent('load', { timeout: 30000 });
  await press(page, 'kiosk.finish');
  await finished;
  await page.waitForFunction(() => window.__app && window.__app.frames() > 0, null, { timeout: 30000 });
  assert.equal(await page.evaluate(() => location.hash), '#/');
  await waitForWidget(page, { id: 'home.signin' });
  await press(page, 'home.status');
  const code = await waitForWidget(page, { id: 'reg.resume.code' });
  assert.equal(code.value, '', 'the typed code is gone');
  assert.deepEqual(page.errors, []);
  await context.close();
});
