// Resuming and superseding in real Chromium against the real server (product.md section 1:
// "a registration can be resumed, with a fresh OTP to the same phone, until it is
// submitted, and superseding is explicit"): the first registrant comes back through
// #/register/resume; a second registrant of the same school is shown the open registration
// and must confirm replacing it; one that begins while the wizard is open is caught too; an
// approved one is found after the browser was closed, with the way to a new activation link.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import {
  apiSession, artifacts, newOtp, openApp, press, realPdf, serverAndBrowser, smsTo, typeInto, waitForIdle, waitForWidget,
  widgets,
} from './harness.mjs';

const env = serverAndBrowser();
const step = (page, n) => waitForWidget(page, { id: 'reg.steps' }, (w) => w.value === String(n));
const json = async (method, target, body) => {
  const r = await fetch(`${env.server.url}${target}`, {
    method, headers: { 'Content-Type': 'application/json' }, body: body && JSON.stringify(body),
  });
  return { status: r.status, body: await r.json() };
};
const advanceClock = () => json('POST', '/api/v1/dev/clock', { advance_seconds: 61 });  // past the OTP cooldown
const openOf = async (code) => (await json('GET', `/api/v1/registrations?institution_code=${code}`)).body.open;

// A registration made over the API, as another registrant's browser would.
async function registerOverApi(code, phone, nationalId) {
  const seen = (await smsTo(env.server.url, phone, -1)).length;
  const { body: otp } = await json('POST', '/api/v1/otp', { phone, purpose: 'registration' });
  const { body: verified } = await json('POST', '/api/v1/otp/verify', {
    otp_id: otp.otp_id, code: await newOtp(env.server.url, phone, seen),
  });
  const created = await json('POST', '/api/v1/registrations', {
    affiliation: 'obec', institution_code: code, otp_token: verified.otp_token,
    officer: { title: 'นาย', first_name: 'สมศักดิ์', last_name: 'รักเรียน', national_id: nationalId, position: 'ครู', phone },
    legacy: {},
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body;
}

// Steps 1-4 of the wizard for `code`, the account holder on `phone`.
async function fillWizard(page, code, phone, { confirmReplacing }) {
  await step(page, 1);
  await press(page, 'reg.affiliation.obec');
  await press(page, 'reg.next');
  await step(page, 2);
  await typeInto(page, 'reg.code', code);
  await press(page, 'reg.find_code');
  await press(page, `reg.result.${code}`);
  if (confirmReplacing) {
    // Shown: the open one, no more personal data than the last two digits of its phone.
    const open = await waitForWidget(page, { id: 'reg.open.0' });
    assert.equal(open.value, 'awaiting_letter');
    assert.match(open.label, /xxx-xxx-xx78/);
    await waitForWidget(page, { id: 'reg.open.resume' });
    // Not replaced without saying so.
    await press(page, 'reg.next');
    const refused = await waitForWidget(page, { id: 'reg.supersede.error' });
    assert.equal(refused.value, 'supersede_required');
    await step(page, 2);
    await press(page, 'reg.supersede');
    await waitForWidget(page, { id: 'reg.supersede' }, (w) => w.value === 'checked');
  }
  await press(page, 'reg.next');
  await step(page, 3);
  await press(page, 'reg.next');
  await step(page, 4);
  await typeInto(page, 'reg.title', 'นาย');
  await typeInto(page, 'reg.first_name', 'สมชาย');
  await typeInto(page, 'reg.last_name', 'ใจกว้าง');
  await typeInto(page, 'reg.national_id', '3101700203456');
  await typeInto(page, 'reg.position', 'ครู');
  await typeInto(page, 'reg.phone', phone);
  await press(page, 'reg.next');
  await step(page, 5);
}

test('the first registrant resumes with a fresh OTP to the same phone, and the old link stops working', async () => {
  const first = await registerOverApi('1010720001', '0812345678', '1101700203450');
  await advanceClock();
  const page = await openApp(env.browser, `${env.server.url}/#/register`, { height: 1100 });
  await step(page, 1);
  await press(page, 'reg.resume');
  await page.waitForFunction(() => location.hash === '#/register/resume');
  await typeInto(page, 'reg.resume.code', '1010720001');
  await typeInto(page, 'reg.resume.phone', '081-234-5678');
  // Judged as typed: complete and good, so no error is left from the shorter values on the way.
  await waitForIdle(page, 300);
  assert.deepEqual((await widgets(page)).filter((w) => w.kind === 'error').map((w) => w.id), []);
  const seen = (await smsTo(env.server.url, '0812345678')).length;
  await press(page, 'reg.resume.otp.send');
  await typeInto(page, 'reg.resume.otp.code', await newOtp(env.server.url, '0812345678', seen));
  await press(page, 'reg.resume.otp.verify');
  await press(page, 'reg.resume.submit');
  // Back in the wizard at the letter, for the same registration and username.
  await step(page, 6);
  await page.waitForFunction(() => location.hash === '#/register');
  const dir = mkdtempSync(path.join(tmpdir(), 'reg-resume-'));
  const [download] = await Promise.all([page.waitForEvent('download'), press(page, 'reg.letter')]);
  await download.saveAs(path.join(dir, 'letter.pdf'));
  const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'letter.pdf'), '-'], { encoding: 'utf8' });
  assert.ok(text.includes('นายสมศักดิ์ รักเรียน'), text);
  assert.ok(text.includes(first.reference), 'the letter of the registration resumed');
  // The token handed out at the first visit no longer opens it.
  const old = await fetch(`${env.server.url}/api/v1/registrations/${first.registration_id}`,
    { headers: { Authorization: `Bearer ${first.registration_token}` } });
  assert.equal(old.status, 401);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a second registrant of the school sees the open registration and must confirm replacing it', async () => {
  await advanceClock();
  const before = (await smsTo(env.server.url, '0812345678')).length;
  const page = await openApp(env.browser, `${env.server.url}/#/register`, { height: 1100 });
  await fillWizard(page, '1010720001', '0898765432', { confirmReplacing: true });
  await typeInto(page, 'reg.otp', await newOtp(env.server.url, '0898765432'));
  await press(page, 'reg.verify');
  await step(page, 6);
  await page.screenshot({ path: path.join(artifacts, 'registration-superseded.png') });
  // The earlier registrant was told by SMS; only the new one is open.
  const told = await smsTo(env.server.url, '0812345678', before);
  assert.match(told[0].text, /ถูกแทนที่/);
  const open = await openOf('1010720001');
  assert.equal(open.length, 1);
  assert.equal(open[0].phone, 'xxx-xxx-xx32');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a registration begun while the wizard was open is caught at the OTP step, and replaced only when confirmed', async () => {
  const page = await openApp(env.browser, `${env.server.url}/#/register`, { height: 1100 });
  await advanceClock();
  const seen = (await smsTo(env.server.url, '0898765432')).length;
  await fillWizard(page, '1011010001', '0898765432', { confirmReplacing: false });
  const code = await newOtp(env.server.url, '0898765432', seen);
  // Meanwhile somebody else registers the same school (their phone also ends in 78).
  await registerOverApi('1011010001', '0861111178', '1101700203468');
  await typeInto(page, 'reg.otp', code);
  await press(page, 'reg.verify');
  await waitForWidget(page, { id: 'reg.open.0' }, (w) => w.value === 'awaiting_letter');
  const refused = await waitForWidget(page, { id: 'reg.supersede.error' });
  assert.equal(refused.value, 'registration_open');
  await step(page, 5);
  assert.equal((await openOf('1011010001')).length, 1, 'nothing replaced yet');
  // Confirmed: the same verified phone registers without a new OTP.
  await press(page, 'reg.supersede');
  await press(page, 'reg.verify');
  await step(page, 6);
  const open = await openOf('1011010001');
  assert.equal(open.length, 1);
  assert.equal(open[0].phone, 'xxx-xxx-xx32');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('after closing the browser, a registrant finds the approved registration from the home page and asks for a new link', async () => {
  await advanceClock();
  const made = await registerOverApi('1011010003', '0823456789', '1101700203450');
  const form = new FormData();
  form.append('file', new Blob([realPdf(2000, 'signed')]), 'signed.pdf');
  form.append('username', '1011010003');
  form.append('national_id', '1101700203450');
  const up = await fetch(`${env.server.url}/api/v1/registrations/${made.registration_id}/signed-letter`,
    { method: 'POST', headers: { Authorization: `Bearer ${made.registration_token}` }, body: form });
  assert.equal(up.status, 200, await up.text());
  const reviewer = await apiSession(env.server.url, 'centre.reviewer', env.password('centre.reviewer'));
  const approved = await reviewer.call('POST', `/api/v1/review/registrations/${made.registration_id}/approve`, {});
  assert.equal(approved.status, 200, approved.text);
  await advanceClock();

  // A new browser: from the home page to the lookup, by clicking.
  const page = await openApp(env.browser, `${env.server.url}/#/`, { height: 1000 });
  await press(page, 'home.register');
  await step(page, 1);
  await press(page, 'reg.resume');
  await typeInto(page, 'reg.resume.code', '1011010003');
  await typeInto(page, 'reg.resume.phone', '0823456789');
  const seen = (await smsTo(env.server.url, '0823456789')).length;
  await press(page, 'reg.resume.otp.send');
  await typeInto(page, 'reg.resume.otp.code', await newOtp(env.server.url, '0823456789', seen));
  await press(page, 'reg.resume.otp.verify');
  await press(page, 'reg.resume.submit');
  // Where it stands, in words: approved, and what to do next.
  await step(page, 8);
  const status = await waitForWidget(page, { id: 'reg.status' });
  assert.equal(status.value, 'approved');
  assert.match(status.label, /อนุมัติแล้ว/);
  assert.match(status.label, /72 ชั่วโมง/);
  assert.doesNotMatch(status.label, /approved/, 'no internal state code');
  // The 72-hour link still works: asking again says so, and sends nothing.
  const before = (await smsTo(env.server.url, '0823456789')).length;
  await press(page, 'reg.status.renew');
  const refused = await waitForWidget(page, { id: 'reg.status.error' });
  assert.equal(refused.value, 'activation_link_valid');
  assert.match(refused.label, /ชั่วโมง/);
  assert.equal((await smsTo(env.server.url, '0823456789')).length, before);
  await waitForWidget(page, { id: 'reg.status.signin' });
  await page.screenshot({ path: path.join(artifacts, 'registration-lookup.png') });
  assert.deepEqual(page.errors, []);
  await page.close();
});
