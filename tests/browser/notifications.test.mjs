// Work that arrives tells the people who do it, in real Chromium against the real server: a
// registrant uploads the signed letter (through the API: registration.test.mjs clicks it),
// the area's reviewer signs in from `#/`, sees the count on the top bar's notifications,
// opens them, clicks the new one and lands on the review queue with that registration
// open. The same for an access request and the area's admin.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { artifacts, newOtp, openApp, press, serverAndBrowser, signInThroughScreen, waitForWidget } from './harness.mjs';

const env = serverAndBrowser();

async function post(target, body, headers = {}) {
  const r = await fetch(`${env.server.url}${target}`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body),
  });
  const json = await r.json();
  assert.ok(r.status < 300, `${target}: ${r.status} ${JSON.stringify(json)}`);
  return json;
}

// An OTP proven through the dev outbox, as the registrant's phone would.
async function otpToken(phone, purpose) {
  const before = (await (await fetch(`${env.server.url}/api/v1/dev/outbox?phone=${phone}`)).json()).length;
  const { otp_id: otpId } = await post('/api/v1/otp', { phone, purpose });
  const code = await newOtp(env.server.url, phone, before);
  return (await post('/api/v1/otp/verify', { otp_id: otpId, code })).otp_token;
}

async function signInFromHome(page, user) {
  await press(page, 'home.signin');
  await page.waitForFunction(() => location.hash.startsWith('#/signin'));
  await signInThroughScreen(page, user, env.password(user));
}

// From the top bar: the count, the list, the notification of `kind`; its "open" clicked.
async function openNotification(page, kind, about) {
  await waitForWidget(page, { id: 'app.notifications' }, (w) => /\(1\)/.test(w.label));
  await press(page, 'app.notifications');
  await page.waitForFunction(() => location.hash === '#/notifications');
  const note = await waitForWidget(page, { idPrefix: 'notification.' }, (w) => w.value === kind);
  assert.match(note.label, about);
  await press(page, `${note.id}.open`);
  return note;
}

test('a signed letter: the reviewer is told and a click opens that registration in the queue', async () => {
  const created = await post('/api/v1/registrations', {
    affiliation: 'obec', institution_code: '1010720001',
    officer: { title: 'นางสาว', first_name: 'สมหญิง', last_name: 'ใจดี', national_id: '1-1017-00203-45-0',
      position: 'ครู', phone: '0812345678', email: 'somying@example.org' },
    legacy: { tsl_username: '', kiddiary_username: '' },
    otp_token: await otpToken('0812345678', 'registration'),
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'notify-browser-'));
  const jpg = path.join(dir, 'signed.jpg');
  execFileSync('convert', ['-size', '400x560', 'xc:white', jpg]);
  const form = new FormData();
  form.append('username', '1010720001');
  form.append('national_id', '1101700203450');
  form.append('file', new Blob([readFileSync(jpg)]), 'signed.jpg');
  const uploaded = await fetch(`${env.server.url}/api/v1/registrations/${created.registration_id}/signed-letter`, {
    method: 'POST', headers: { Authorization: `Bearer ${created.registration_token}` }, body: form,
  });
  assert.equal(uploaded.status, 200, await uploaded.text());

  const page = await openApp(env.browser, `${env.server.url}/#/`, { width: 1366, height: 768 });
  await signInFromHome(page, 'area.reviewer');
  await openNotification(page, 'registration_letter', /1010720001/);
  await page.waitForFunction((id) => location.hash === `#/review/registrations/${id}`, created.registration_id);
  const row = await waitForWidget(page, { id: `rev.row.${created.registration_id}` });
  assert.match(row.label, /หนองบัว/);
  await waitForWidget(page, { id: 'rev.approve' });  // the record of the selected registration
  await waitForWidget(page, { id: 'rev.letter' });
  await page.screenshot({ path: path.join(artifacts, 'notifications-letter.png') });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('an access request: the area admin is told and a click opens the pending requests', async () => {
  const made = await post('/api/v1/access-requests', {
    area_code: '1040000001', school_code: '1040010001',
    person: { title: 'นางสาว', first_name: 'ใจดี', last_name: 'มีสุข', position: 'ครู', phone: '0861112222',
      email: 'jaidee@example.org' },
    otp_token: await otpToken('0861112222', 'school_user'),
  });
  const page = await openApp(env.browser, `${env.server.url}/#/`, { width: 1366, height: 768 });
  await signInFromHome(page, 'area.admin');
  await openNotification(page, 'access_request', /1040010001/);
  await page.waitForFunction(() => location.hash === '#/admin/users');
  const request = await waitForWidget(page, { id: `requests.${made.request_id}` });
  assert.match(request.label, /1040010001/);
  await waitForWidget(page, { id: `requests.${made.request_id}.approve` });
  assert.deepEqual(page.errors, []);
  await page.close();
});
