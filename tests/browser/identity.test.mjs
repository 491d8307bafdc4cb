// ThaID in the browser, as a person does it: from the home page to the access request,
// "ยืนยันตัวตนด้วย ThaID", the provider's own login and consent pages (tests/oidc/provider.mjs,
// a real OpenID provider), back to the form with the names filled in and no OTP; the area
// admin sees the request proved by ThaID and approves it; the new user later signs in with
// ThaID from the sign-in screen. And a proof the server refuses lands on #/identity-failed,
// which says why in Thai (and English), with nothing created.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
  apiSession, chooseAreaAndSchool, click, fill, freePort, launchBrowser, openApp, openFromDesk, press, startServer,
  waitForIdle, waitForWidget,
} from './harness.mjs';
import { startProvider } from '../oidc/provider.mjs';

const env = {};

before(async () => {
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  env.provider = await startProvider({ redirectUris: [`${publicUrl}/api/v1/auth/oidc/thaid/callback`] });
  env.server = await startServer({
    port,
    env: {
      OIDC_THAID_ISSUER: env.provider.issuer, OIDC_THAID_CLIENT_ID: env.provider.clientId,
      OIDC_THAID_CLIENT_SECRET: env.provider.clientSecret, PUBLIC_URL: publicUrl,
    },
  });
  env.browser = await launchBrowser();
  env.accounts = await (await fetch(`${env.server.url}/api/v1/dev/accounts`)).json();
});
after(async () => {
  await env.browser?.close();
  await env.server?.stop();
  await env.provider?.stop();
});

const account = (username) => env.accounts.find((a) => a.username === username);

// On the provider's pages (plain HTML forms of oidc-provider): log in as `login`, consent.
// The provider's pages are not ours: what their console says is not counted in page.errors.
async function atProvider(page, login) {
  const ours = [...page.errors];
  await page.waitForURL((u) => u.href.startsWith(env.provider.issuer), { timeout: 15000 });
  await page.screenshot({ path: 'artifacts/identity-provider-login.png' });
  await page.fill('input[name="login"]', login);
  await page.fill('input[name="password"]', 'any');
  await page.click('button[type="submit"]');
  // Consent (the first time for this client); then the provider sends the browser back.
  await page.waitForURL((u) => !u.pathname.includes('/interaction/') || u.href.startsWith(env.server.url) ||
    u.pathname.includes('consent'), { timeout: 15000 }).catch(() => {});
  for (let i = 0; i < 3 && page.url().startsWith(env.provider.issuer); i += 1) {
    const consent = await page.$('button[type="submit"]');
    if (!consent) break;
    await consent.click();
    await page.waitForLoadState();
  }
  await page.waitForURL((u) => u.href.startsWith(env.server.url), { timeout: 15000 });
  page.errors.splice(0, page.errors.length, ...ours);
  await page.waitForFunction(() => window.__app && window.__app.frames() > 0, null, { timeout: 60000 });
  await waitForIdle(page);
}

test('access request with ThaID: the provider\'s login, names from it, no OTP; the admin sees it proved', async () => {
  const page = await openApp(env.browser, `${env.server.url}/#/`, { height: 1400 });
  await press(page, 'home.access');
  const button = await waitForWidget(page, { id: 'access.identity.provider.thaid' });
  assert.match(button.label, /ยืนยันตัวตนด้วย ThaID/);
  assert.equal((await page.evaluate(() => window.__app.widgets())).some((w) => w.id === 'access.otp.send'), false);
  await click(page, button);
  await atProvider(page, 'somchai');
  assert.match(page.url(), /#\/access-request\?identity_token=/);

  const proved = await waitForWidget(page, { id: 'access.identity.proved' });
  assert.match(proved.label, /ThaID.*นายสมชาย ใจดี.*1-1017-xxxxx-xx-8/);
  assert.ok(!proved.label.includes('1101700230708'), 'the full national ID is never shown');
  await waitForWidget(page, { id: 'access.person.names' }, (w) => w.label.includes('สมชาย'));
  const shown = await page.evaluate(() => window.__app.widgets());
  assert.ok(!shown.some((w) => w.id === 'access.person.first_name'), 'the names cannot be edited');

  await chooseAreaAndSchool(page, '1040000001', '1040010001');
  await fill(page, 'access.person.position', 'ครู');
  await fill(page, 'access.person.phone', '0891234567');
  await fill(page, 'access.person.email', 'somchai@example.org');
  await waitForIdle(page);
  assert.ok(!(await page.evaluate(() => window.__app.widgets())).some((w) => w.id === 'access.otp.send'),
    'no OTP is asked once ThaID proved the person');
  await click(page, await waitForWidget(page, { id: 'access.submit' }, (w) => w.value === ''));
  await waitForWidget(page, { id: 'access.done' });
  assert.deepEqual(page.errors, []);
  await page.close();

  // The same person asking again for the same school is the same request.
  const again = await openApp(env.browser, `${env.server.url}/#/access-request`, { height: 1400 });
  await click(again, await waitForWidget(again, { id: 'access.identity.provider.thaid' }));
  await atProvider(again, 'somchai');
  await waitForWidget(again, { id: 'access.identity.proved' });
  await chooseAreaAndSchool(again, '1040000001', '1040010001');
  await fill(again, 'access.person.position', 'ครู');
  await fill(again, 'access.person.phone', '0891234500');
  await fill(again, 'access.person.email', 'somchai@example.org');
  await waitForIdle(again);
  await click(again, await waitForWidget(again, { id: 'access.submit' }, (w) => w.value === ''));
  await waitForWidget(again, { id: 'access.error' }, (w) => /รออนุมัติอยู่แล้ว/.test(w.label));
  await again.close();

  const admin = account('area.admin');
  const adminPage = await openFromDesk(env.browser, env.server.url, admin.username, admin.password, 'users');
  const row = await waitForWidget(adminPage, { idPrefix: 'requests.', labelIncludes: 'สมชาย' }, (w) => w.kind === 'row');
  const identity = await waitForWidget(adminPage, { id: `${row.id}.identity` });
  assert.match(identity.label, /ThaID \(1-1017-xxxxx-xx-8\)/);
  await adminPage.close();
});

test('sign in with ThaID: the account holding the proven national ID', async () => {
  // The approved request of the test above becomes a user with the national ID; the admin
  // issues it a password so it is active (the activation link is the SMS's business).
  const admin = await apiSession(env.server.url, 'area.admin', account('area.admin').password);
  const list = await admin.call('GET', '/api/v1/admin/access-requests?status=pending');
  const request = list.json.requests.find((r) => r.person.first_name === 'สมชาย');
  assert.ok(request, 'the ThaID request is waiting');
  const approved = await admin.call('POST', `/api/v1/admin/access-requests/${request.id}/approve`, {});
  assert.equal(approved.status, 200, approved.text);
  const issued = await admin.call('POST', `/api/v1/admin/users/${approved.json.user_id}/password`, {});
  assert.equal(issued.status, 200, issued.text);

  const page = await openApp(env.browser, `${env.server.url}/#/`);
  await press(page, 'home.signin');
  const button = await waitForWidget(page, { id: 'signin.identity.provider.thaid' });
  assert.match(button.label, /เข้าสู่ระบบด้วย ThaID/);
  await click(page, button);
  await atProvider(page, 'somchai');
  // Signed in: the app knows the user (a first sign-in may first ask for a new password).
  await page.waitForFunction(() => window.__app.widgets().some((w) => w.id === 'app.signout'), null, { timeout: 15000 });
  const user = await waitForWidget(page, { id: 'topbar.user' });
  assert.match(user.label, /สมชาย ใจดี.*โรงเรียนบ้านดอนทอง/);
  await page.close();
});

test('a refused proof lands on #/identity-failed saying why, and nothing is created', async () => {
  env.provider.setTamper('wrong_nonce');
  try {
    const page = await openApp(env.browser, `${env.server.url}/#/access-request`, { height: 1400 });
    await click(page, await waitForWidget(page, { id: 'access.identity.provider.thaid' }));
    await atProvider(page, 'malee');
    assert.match(page.url(), /#\/identity-failed\?code=identity_nonce_mismatch/);
    const message = await waitForWidget(page, { id: 'identity_failed.message' });
    assert.match(message.label, /ไม่ตรงกับคำขอนี้/);
    assert.equal(message.value, 'identity_nonce_mismatch');
    await press(page, 'lang.en');
    await waitForWidget(page, { id: 'identity_failed.message' }, (w) => /does not belong to this request/.test(w.label));
    await press(page, 'identity_failed.access');
    await page.waitForFunction(() => location.hash.startsWith('#/access-request'));
    await page.close();
  } finally {
    env.provider.setTamper(null);
  }
  const admin = await apiSession(env.server.url, 'area.admin', account('area.admin').password);
  const all = await admin.call('GET', '/api/v1/admin/access-requests');
  assert.ok(!all.json.requests.some((r) => r.person.first_name === 'มาลี'), 'no request for the refused proof');
});
