// The report form and the review screen in headless Chromium against the real server:
// an uploaded file kept before it is described (through a reload), bad input shown inline
// under its field (confirming an undescribed file, a score out of range, a return without
// a reason), unconfirming a report, and a return whose reason the
// school reads in its KPI list, its notifications and the form.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';

import {
  apiSession, artifacts, click, openApp, openYearFromDesk, press, realPdf, serverAndBrowser, typeInto,
  typeKeys, waitForWidget,
} from './harness.mjs';

const env = serverAndBrowser();

// The controller's set-up, over the API as the client sends it (cookie + CSRF).
async function controllerCall(method, target, body) {
  const controller = await apiSession(env.server.url, 'area.kpi', env.password('area.kpi'));
  const r = await controller.call(method, target, body);
  assert.ok(r.status < 300, r.text);
  return r.json;
}

const status = (page, id, value) => waitForWidget(page, { id }, (w) => w.value === value);

test('bad input inline, unconfirm, and a return with its reason seen by the school', async () => {
  const kpi = await controllerCall('POST', '/api/v1/kpi', {
    year: 2567, number: '2', name: 'ร้อยละของนักเรียนที่อ่านออกเขียนได้', description: 'ผลการประเมินการอ่าน',
    type: 'score_1_5', criteria: [2, 3, 4, 5], owner_group: 'กลุ่มนิเทศ', cadence: 'half_year',
    open_periods: ['h1'], status: 'open',
  });
  await controllerCall('PUT', `/api/v1/kpi/${kpi.id}/periods/h1/units`, { unit_codes: ['1040010002'] });
  const controller = await apiSession(env.server.url, 'area.kpi', env.password('area.kpi'));
  const tool = await controller.upload('แบบประเมิน.pdf', realPdf(2000, 'tool'));
  const doc = (await controller.call('POST', `/api/v1/kpi/${kpi.id}/documents`, { kind: 'assessment_tool', file_id: tool, label: 'แบบประเมินการอ่าน' })).json;

  const school = await openYearFromDesk(env.browser, env.server.url, '1040010002', env.password('1040010002'),
    'kpi_report', 'school.year', 2567, { height: 1400 });
  await press(school, `school.${kpi.id}.h1.open`);
  await status(school, 'report.status', 'waiting_submit');

  // The KPI itself where the school works: its type, criteria, group, and its documents.
  const facts = await waitForWidget(school, { id: 'report.kpi.facts' });
  assert.match(facts.label, /ประเภทตัวชี้วัด: .*\(1 - 5\)/);
  assert.match(facts.label, /2, 3, 4, 5/);
  assert.match(facts.label, /กลุ่มนิเทศ/);
  assert.match((await waitForWidget(school, { id: `report.kpi.doc.${doc.id}.title` })).label, /เครื่องมือประเมิน: แบบประเมินการอ่าน/);
  const [download] = await Promise.all([school.waitForEvent('download'), press(school, `report.kpi.doc.${doc.id}`)]);
  assert.equal(download.suggestedFilename(), 'แบบประเมิน.pdf');

  // A file is kept as soon as it is uploaded, before it is described: a reload shows it,
  // flagged as still needing its description.
  const [chooser] = await Promise.all([school.waitForEvent('filechooser'), press(school, 'report.file')]);
  await chooser.setFiles({ name: 'อ่านออก.jpg', mimeType: 'image/jpeg', buffer: execFileSync('convert', ['-size', '200x120', 'xc:#48c', 'jpg:-']) });
  await waitForWidget(school, { id: 'report.files.0.undescribed' });
  await status(school, 'report.save', 'saved');
  await status(school, 'report.status', 'draft');
  await school.reload();
  await status(school, 'report.status', 'draft');
  assert.match((await waitForWidget(school, { id: 'report.files.0.undescribed' })).label, /ยังไม่มีคำอธิบาย/);
  await waitForWidget(school, { id: 'report.files.0.download' });
  // A score out of the KPI's range, as typed.
  await typeInto(school, 'report.score', '7');
  const range = await waitForWidget(school, { id: 'report.score.error' });
  assert.equal(range.value, 'score_range');
  await click(school, await waitForWidget(school, { id: 'report.score' }));
  await school.keyboard.press('Backspace', { delay: 30 });
  await waitForWidget(school, { id: 'report.score' }, (w) => w.value === '');
  await typeKeys(school, '4');
  await waitForWidget(school, { id: 'report.score' }, (w) => w.value === '4');
  await status(school, 'report.save', 'saved');
  // Confirming asks for the description, under the file's own field, and changes nothing.
  await press(school, 'report.confirm');
  const missing = await waitForWidget(school, { id: 'report.files.0.description.error' });
  assert.equal(missing.value, 'evidence_description_required');
  assert.match(missing.label, /คำอธิบาย/);
  await status(school, 'report.status', 'draft');
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
  const reviewer = await openYearFromDesk(env.browser, env.server.url, 'area.reviewer', env.password('area.reviewer'),
    'kpi_review', 'queue.year', 2567, { height: 1800 });
  await press(reviewer, `queue.${kpi.id}.h1.1040010002`);
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
  await school.goBack();  // the browser's back: the list, still at fiscal year 2567
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
