// The report form and the review screen in headless Chromium against the real server:
// bad input shown inline under its field (a file without a description, a score out of
// range, a return without a reason), unconfirming a report, and a return whose reason the
// school reads in its KPI list, its notifications and the form.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { after, before, test } from 'node:test';

import {
  artifacts, click, launchBrowser, openApp, startServer, typeKeys, waitForIdle, waitForWidget,
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

const password = (username) => accounts.find((a) => a.username === username).password;

// The controller's set-up, over the API as the client sends it (cookie + CSRF).
async function controllerCall(method, target, body) {
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'area.kpi', password: password('area.kpi') }),
  });
  assert.equal(login.status, 200);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrf_token: csrf } = await login.json();
  const r = await fetch(`${server.url}${target}`, {
    method, headers: { Cookie: cookie, 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  const json = await r.json();
  assert.ok(r.ok, JSON.stringify(json));
  return json;
}

async function typeInto(page, id, text) {
  await click(page, await waitForWidget(page, { id }));
  await waitForWidget(page, { id }, (w) => w.active);
  await typeKeys(page, text);
  await waitForWidget(page, { id }, (w) => w.value === text);
}

// Clicks once the layout has settled (a reply may move the buttons).
async function press(page, id) {
  await waitForWidget(page, { id }, (w) => w.value !== 'disabled');
  await waitForIdle(page, 300);
  await click(page, await waitForWidget(page, { id }, (w) => w.value !== 'disabled'));
}

async function signInThroughScreen(page, username) {
  await typeInto(page, 'signin.username', username);
  await click(page, await waitForWidget(page, { id: 'signin.password' }));
  await waitForWidget(page, { id: 'signin.password' }, (w) => w.active);
  await typeKeys(page, password(username));
  await page.keyboard.press('Enter', { delay: 30 });
  await page.waitForFunction(() => !location.hash.startsWith('#/signin'), null, { timeout: 15000 });
}

const status = (page, id, value) => waitForWidget(page, { id }, (w) => w.value === value);

test('bad input inline, unconfirm, and a return with its reason seen by the school', async () => {
  const kpi = await controllerCall('POST', '/api/v1/kpi', {
    year: 2567, number: '2', name: 'ร้อยละของนักเรียนที่อ่านออกเขียนได้', description: 'ผลการประเมินการอ่าน',
    type: 'score_1_5', criteria: [2, 3, 4, 5], owner_group: 'กลุ่มนิเทศ', cadence: 'half_year',
    open_periods: ['h1'], status: 'open',
  });
  await controllerCall('PUT', `/api/v1/kpi/${kpi.id}/periods/h1/units`, { unit_codes: ['1040010002'] });

  const school = await openApp(browser, `${server.url}/#/kpi/school?year=2567`, { height: 1100 });
  await signInThroughScreen(school, '1040010002');
  await press(school, `school.${kpi.id}.h1.open`);
  await status(school, 'report.status', 'waiting_submit');

  // A file without its description: the draft is not saved, the error names the file's field.
  const [chooser] = await Promise.all([school.waitForEvent('filechooser'), press(school, 'report.file')]);
  await chooser.setFiles({ name: 'อ่านออก.jpg', mimeType: 'image/jpeg', buffer: execFileSync('convert', ['-size', '200x120', 'xc:#48c', 'jpg:-']) });
  const missing = await waitForWidget(school, { id: 'report.files.0.description.error' });
  assert.equal(missing.value, 'evidence_description_required');
  assert.match(missing.label, /คำอธิบาย/);
  await status(school, 'report.save', 'invalid');

  // A score out of the KPI's range, as typed.
  await typeInto(school, 'report.score', '7');
  const range = await waitForWidget(school, { id: 'report.score.error' });
  assert.equal(range.value, 'score_range');
  await click(school, await waitForWidget(school, { id: 'report.score' }));
  await school.keyboard.press('Backspace', { delay: 30 });
  await waitForWidget(school, { id: 'report.score' }, (w) => w.value === '');
  await typeKeys(school, '4');
  await waitForWidget(school, { id: 'report.score' }, (w) => w.value === '4');
  await typeInto(school, 'report.files.0.description', 'ผลการทดสอบการอ่าน');
  await status(school, 'report.save', 'saved');
  const errorsShown = (await school.evaluate(() => window.__app.widgets())).filter((w) => w.kind === 'error');
  assert.deepEqual(errorsShown, []);

  // Confirm, take it back (unconfirm), confirm again.
  await press(school, 'report.confirm');
  await status(school, 'report.status', 'waiting_review');
  await press(school, 'report.unconfirm');
  await status(school, 'report.status', 'draft');
  await press(school, 'report.confirm');
  await status(school, 'report.status', 'waiting_review');

  // The reviewer returns it: first without a reason (refused inline), then with one.
  const reviewer = await openApp(browser, `${server.url}/#/kpi/review/${kpi.id}/h1/1040010002`, { height: 1100 });
  await signInThroughScreen(reviewer, 'area.reviewer');
  await status(reviewer, 'review.status', 'waiting_review');
  await press(reviewer, 'review.return');
  assert.equal((await waitForWidget(reviewer, { id: 'review.reason.error' })).value, 'reason_required');
  await status(reviewer, 'review.status', 'waiting_review');
  await typeInto(reviewer, 'review.reason', 'ขาดภาพถ่ายกิจกรรม');
  await press(reviewer, 'review.return');
  await status(reviewer, 'review.status', 'returned');
  assert.deepEqual(reviewer.errors, []);
  await reviewer.close();

  // The school: its list shows the return and the reason; the notification leads to the form.
  await school.evaluate(() => { location.hash = '#/kpi/school?year=2567'; });
  const line = await status(school, `school.${kpi.id}.h1.state`, 'returned');
  assert.match(line.label, /ส่งกลับแก้ไข/);
  assert.equal((await waitForWidget(school, { id: `school.${kpi.id}.h1.reason` })).value, 'ขาดภาพถ่ายกิจกรรม');
  await waitForWidget(school, { id: 'app.notifications' }, (w) => w.label.includes('(1)'));
  await press(school, 'app.notifications');
  const note = await waitForWidget(school, { idPrefix: 'notification.' }, (w) => w.value === 'returned');
  assert.match(note.label, /ขาดภาพถ่ายกิจกรรม/);
  await press(school, `${note.id}.open`);
  const reason = await waitForWidget(school, { id: 'report.return_reason' });
  assert.equal(reason.value, 'ขาดภาพถ่ายกิจกรรม');
  await status(school, 'report.status', 'returned');
  await school.screenshot({ path: path.join(artifacts, 'kpi-report-returned.png') });
  assert.deepEqual(school.errors, []);
  await school.close();
});
