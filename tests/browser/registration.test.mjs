// The whole registration in real Chromium against the real server: find a school, fill the
// form with real key events, the OTP from the dev outbox, the letter checked by pdftotext,
// a signed JPG through the browser's file picker, a reviewer's approval, the activation link
// from the outbox, a password, and signing in.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import {
  artifacts, click, launchBrowser, openApp, startServer, typeKeys, waitForIdle, waitForWidget,
} from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function typeInto(page, id, text) {
  await click(page, await waitForWidget(page, { id }));
  await waitForWidget(page, { id }, (w) => w.active);
  await typeKeys(page, text);
  await waitForWidget(page, { id }, (w) => w.value === text);
}

// Clicks once the layout has settled (a reply or a choice may move the buttons).
async function press(page, id) {
  await waitForWidget(page, { id }, (w) => w.value !== 'disabled');
  await waitForIdle(page, 300);
  await click(page, await waitForWidget(page, { id }, (w) => w.value !== 'disabled'));
}

const step = (page, n) => waitForWidget(page, { id: 'reg.steps' }, (w) => w.value === String(n));

async function outbox(phone) {
  return (await fetch(`${server.url}/api/v1/dev/outbox?phone=${phone}`)).json();
}

async function api(method, p, body, headers = {}) {
  const r = await fetch(`${server.url}${p}`, {
    method, headers: { 'Content-Type': 'application/json', ...headers }, body: body && JSON.stringify(body),
  });
  return { status: r.status, body: await r.json().catch(() => null), cookie: r.headers.get('set-cookie') };
}

test('a school registers, uploads its signed letter, is approved, activates and signs in', async () => {
  const page = await openApp(browser, `${server.url}/#/register`, { height: 1100 });
  const dir = mkdtempSync(path.join(tmpdir(), 'reg-browser-'));

  // 1 affiliation: อปท. and สพฐ. open, the others listed as not open.
  await step(page, 1);
  await press(page, 'reg.next');
  await waitForWidget(page, { id: 'reg.affiliation.error' });
  await press(page, 'reg.affiliation.obec');
  await press(page, 'reg.next');

  // 2 institution: by name and province; then by code.
  await step(page, 2);
  await typeInto(page, 'reg.name', 'หนองบัว');
  await typeInto(page, 'reg.province', 'ขอนแก่น');
  await press(page, 'reg.find_name');
  await press(page, 'reg.result.1010720001');
  await press(page, 'reg.next');

  // 3 legacy usernames; back and forth keeps them.
  await step(page, 3);
  await typeInto(page, 'reg.tsl', 'tsl_nongbua');
  await press(page, 'reg.back');
  await step(page, 2);
  await press(page, 'reg.next');
  await waitForWidget(page, { id: 'reg.tsl' }, (w) => w.value === 'tsl_nongbua');
  await press(page, 'reg.next');

  // 4 the account holder, with a wrong check digit first: shown inline.
  await step(page, 4);
  await typeInto(page, 'reg.title', 'นางสาว');
  await typeInto(page, 'reg.first_name', 'สมหญิง');
  await typeInto(page, 'reg.last_name', 'ใจดี');
  await typeInto(page, 'reg.national_id', '1101700203451');
  const wrongId = await waitForWidget(page, { id: 'reg.national_id.error' });
  assert.equal(wrongId.value, 'national_id_checksum');
  await click(page, await waitForWidget(page, { id: 'reg.national_id' }));
  await page.keyboard.press('Backspace');
  await typeKeys(page, '0');
  await page.waitForFunction(() => !window.__app.widgets().some((w) => w.id === 'reg.national_id.error'));
  await typeInto(page, 'reg.position', 'ครู');
  await typeInto(page, 'reg.phone', '0812345678');
  await press(page, 'reg.next');

  // 5 OTP from the outbox.
  await step(page, 5);
  let sms = [];
  for (let i = 0; i < 100 && !sms.length; i++) {
    sms = await outbox('0812345678');
    if (!sms.length) await new Promise((r) => setTimeout(r, 100));
  }
  const code = sms[0].text.match(/(\d{6})/)[1];
  await typeInto(page, 'reg.otp', code);
  await press(page, 'reg.verify');

  // 6 the letter: a real download, checked with pdftotext.
  await step(page, 6);
  const [download] = await Promise.all([page.waitForEvent('download'), press(page, 'reg.letter')]);
  const pdfPath = path.join(dir, 'letter.pdf');
  await download.saveAs(pdfPath);
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  assert.ok(text.includes('นางสาวสมหญิง ใจดี'), text);
  assert.ok(text.includes('1010720001'));
  await press(page, 'reg.next');

  // 7 upload a signed JPG through the browser's file picker.
  await step(page, 7);
  const jpg = path.join(dir, 'signed.jpg');
  execFileSync('convert', ['-size', '1240x1754', 'xc:white', '-fill', 'black', '-draw', 'rectangle 200,1400 700,1410', jpg]);
  await typeInto(page, 'reg.upload.username', '1010720001');
  await typeInto(page, 'reg.upload.national_id', '1101700203450');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), press(page, 'reg.file')]);
  await chooser.setFiles({ name: 'signed.jpg', mimeType: 'image/jpeg', buffer: readFileSync(jpg) });
  await waitForWidget(page, { id: 'reg.file' }, (w) => w.value === 'signed.jpg');
  await press(page, 'reg.upload');

  // 8 status: under review.
  await step(page, 8);
  await page.screenshot({ path: path.join(artifacts, 'registration-status.png') });

  // A reviewer approves (the area's reviewer, through the API with its session and CSRF).
  const login = await api('POST', '/api/v1/auth/login', { username: 'area.reviewer', password: 'Phat-Kaphrao-Mu-Sap-8' });
  assert.equal(login.status, 200);
  const cookie = login.cookie.split(';')[0];
  const reviewer = { Cookie: cookie, 'X-CSRF-Token': login.body.csrf_token };
  const queue = await api('GET', '/api/v1/review/registrations?status=under_review', undefined, reviewer);
  assert.equal(queue.body.length, 1);
  assert.equal(queue.body[0].legacy.tsl_username, 'tsl_nongbua');
  const approved = await api('POST', `/api/v1/review/registrations/${queue.body[0].registration_id}/approve`, {}, reviewer);
  assert.equal(approved.status, 200);

  // The activation link from the outbox; a password; signing in.
  const link = (await outbox('0812345678'))[0].text.match(/#\/activate\/([A-Za-z0-9_-]+)/)[1];
  const activated = await api('POST', '/api/v1/auth/activate', { token: link, password: 'Baan-Nong-Bua-Kru-7' });
  assert.equal(activated.status, 200, JSON.stringify(activated.body));
  const school = await api('POST', '/api/v1/auth/login', { username: '1010720001', password: 'Baan-Nong-Bua-Kru-7' });
  assert.equal(school.status, 200);

  // The registrant's status screen shows the approval.
  await press(page, 'reg.refresh');
  assert.deepEqual(page.errors, []);
  await page.close();
});
