// A printable help page per flow, opened from the flow itself: the registration wizard
// (reached from the home page) and the access request screen open theirs in a new tab;
// every page has what to have ready, the steps and the FAQ in Thai and English, fits a
// 360 px phone and has a way back to the app.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { openApp, press, serverAndBrowser, waitForWidget } from './harness.mjs';

const env = serverAndBrowser();

async function helpFrom(page, id) {
  const [popup] = await Promise.all([page.waitForEvent('popup'), press(page, id)]);
  await popup.waitForLoadState();
  return popup;
}

test('the registration wizard and the access request open their help pages', async () => {
  const page = await openApp(env.browser, `${env.server.url}/#/`);
  await press(page, 'home.register');
  await page.waitForFunction(() => location.hash.startsWith('#/register'));
  assert.equal((await waitForWidget(page, { id: 'reg.help.page' })).value, '/help/registration.html');
  const registration = await helpFrom(page, 'reg.help');
  assert.equal(new URL(registration.url()).pathname, '/help/registration.html');
  assert.match(await registration.locator('#ready').innerText(), /เลขประจำตัวประชาชน/);
  assert.match(await registration.locator('#en-steps').innerText(), /OTP/);
  await registration.close();

  await page.evaluate(() => { location.hash = '#/'; });
  await press(page, 'home.access');
  await page.waitForFunction(() => location.hash.startsWith('#/access'));
  const access = await helpFrom(page, 'access.help');
  assert.equal(new URL(access.url()).pathname, '/help/access.html');
  await access.close();
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('every help page: ready, steps, FAQ in both languages, a way back, nothing past a phone edge', async () => {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 740 } });
  for (const name of ['registration', 'access', 'kpi', 'lec']) {
    const page = await context.newPage();
    const response = await page.goto(`${env.server.url}/help/${name}.html`);
    assert.equal(response.status(), 200, name);
    for (const id of ['ready', 'steps', 'faq', 'en-ready', 'en-steps', 'en-faq'])
      assert.ok((await page.locator(`#${id}`).innerText()).length > 40, `${name} #${id}`);
    assert.equal(await page.locator('#en').getAttribute('lang'), 'en');
    assert.ok(await page.locator('a[href="/#/"]').count() >= 1, `${name}: back to the app`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${name}: ${overflow} px past the right edge`);
    await page.close();
  }
  await context.close();
});
