// KPI reporting end to end against the real server: a controller defines a half-year KPI
// and assigns three schools, school 1 uploads two described files, scores 4 and confirms,
// the reviewer scores 3; the overview reads [1/1/3] with the scores, and the public
// statistics page (static HTML + JS, no login) shows the KPI in headless Chromium.
// The controller works in the app with real clicks and key presses (sign-in screen, KPI
// editor, unit assignment), and so do the school (report form) and the reviewer (queue,
// review screen); the checks read the overview over the HTTP API (cookie + CSRF).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';

import {
  apiSession, artifacts, click, fill, openApp, openFromDesk, openYearFromDesk, press, realPdf, serverAndBrowser, typeInto,
  waitForIdle, waitForWidget, widgets,
} from './harness.mjs';

const fiscalYear = () => { const d = new Date(); return d.getFullYear() + 543 + (d.getMonth() >= 9 ? 1 : 0); };

const env = serverAndBrowser();

// `username` the way a person gets there: the home page, sign in, the desk's card `kind`,
// then fiscal year 2567 (the year of these KPIs) in the screen's year picker `picker`.
const openYear = (username, kind, picker, size) =>
  openYearFromDesk(env.browser, env.server.url, username, env.password(username), kind, picker, 2567, size);

// area.kpi signs in through the sign-in screen, defines the KPI in the editor (cadence
// h1/h2, both open) and assigns three schools to h1 in the assignment screen. Its id.
async function controllerDefinesKpiInTheApp() {
  const page = await openYear('area.kpi', 'kpi_manage', 'kpim.year', { width: 1024, height: 1000 });
  await page.waitForFunction(() => location.hash === '#/kpi/manage?year=2567');
  await press(page, 'kpim.new');
  await page.waitForFunction(() => location.hash.startsWith('#/kpi/edit/new'));

  await fill(page, 'kpie.number', '1');
  await fill(page, 'kpie.name', 'ระดับความสำเร็จในการดำเนินงานตามแนวทางบริหารจัดการภาครัฐ');
  await fill(page, 'kpie.description', 'ดำเนินงานตามคู่มือ');
  await fill(page, 'kpie.owner_group', 'กลุ่มนโยบายและแผน');
  assert.match((await waitForWidget(page, { id: 'kpie.type' })).value, /1 - 5/);
  await fill(page, 'kpie.criteria', '2, 3, 4, 5');
  await press(page, 'kpie.cadence');
  await press(page, 'kpie.cadence.2');
  await waitForWidget(page, { id: 'kpie.cadence' }, (w) => /6/.test(w.value));
  for (const p of ['h1', 'h2']) {
    await press(page, `kpie.period.${p}`);
    await waitForWidget(page, { id: `kpie.period.${p}` }, (w) => w.value === 'checked');
  }
  await press(page, 'kpie.save');
  await page.waitForFunction(() => /^#\/kpi\/edit\/\d+\?saved=1$/.test(location.hash));
  const id = Number(/edit\/(\d+)/.exec(await page.evaluate(() => location.hash))[1]);
  await waitForWidget(page, { id: 'kpie.saved' });

  // Units of h1: one school by a click, two through the filter and "select all shown".
  await press(page, 'kpie.units.h1');
  await page.waitForFunction((k) => location.hash === `#/kpi/units/${k}/h1`, id);
  await press(page, 'kpiu.unit.1010720001');
  await waitForWidget(page, { id: 'kpiu.count' }, (w) => w.value === '1');
  await fill(page, 'kpiu.filter', '104001');
  await page.waitForFunction(() => !window.__app.widgets().some((w) => w.id === 'kpiu.unit.1040020001'));
  await press(page, 'kpiu.all');
  await waitForWidget(page, { id: 'kpiu.count' }, (w) => w.value === '3');
  await press(page, 'kpiu.save');
  const saved = await waitForWidget(page, { id: 'kpiu.saved' });
  assert.equal(saved.value, '3');
  await page.screenshot({ path: path.join(artifacts, 'kpi-manage-units.png') });
  assert.deepEqual(page.errors, []);
  await page.close();
  return id;
}

// A real JPEG (ImageMagick).
function jpegFile() {
  return execFileSync('convert', ['-size', '320x200', 'xc:#3a7', 'jpg:-']);
}

test('half-year KPI: assign 3 schools, report with 2 files, review; overview [1/1/3]; public page without login', async () => {
  const kpiId = await controllerDefinesKpiInTheApp();
  const controller = await apiSession(env.server.url, 'area.kpi', env.password('area.kpi'));
  const kpi = `/api/v1/kpi/${kpiId}`;
  const defined = await controller.call('GET', kpi);
  assert.equal(defined.json.cadence, 'half_year');
  assert.deepEqual(defined.json.open_periods, ['h1', 'h2']);
  assert.deepEqual(defined.json.criteria, [2, 3, 4, 5]);

  // School 1 reports through the client: sign-in screen, its KPI list, the report form
  // (two real files through the browser's file chooser, descriptions and the score typed
  // with real key events), the draft saved as it goes, then confirmed.
  const school = await openYear('1040010001', 'kpi_report', 'school.year', { height: 1400 });
  await press(school, `school.${kpiId}.h1.open`);
  await waitForWidget(school, { id: 'report.status' }, (w) => w.value === 'waiting_submit');
  const evidence = [
    { name: 'กิจกรรม.jpg', mimeType: 'image/jpeg', buffer: jpegFile(), description: 'ภาพกิจกรรม' },
    { name: 'รายงาน.pdf', mimeType: 'application/pdf', buffer: realPdf(100, 'report'), description: 'รายงานผลการดำเนินงาน' },
  ];
  for (const [i, f] of evidence.entries()) {
    const [chooser] = await Promise.all([school.waitForEvent('filechooser'), press(school, 'report.file')]);
    await chooser.setFiles({ name: f.name, mimeType: f.mimeType, buffer: f.buffer });
    await typeInto(school, `report.files.${i}.description`, f.description);
  }
  await typeInto(school, 'report.score', '4');
  await waitForWidget(school, { id: 'report.save' }, (w) => w.value === 'saved');
  await press(school, 'report.confirm');
  await waitForWidget(school, { id: 'report.status' }, (w) => w.value === 'waiting_review');
  await school.screenshot({ path: path.join(artifacts, 'kpi-report-confirmed.png') });
  assert.deepEqual(school.errors, []);
  await school.close();

  // The reviewer: sign-in screen, the queue, the report (two files), score 3 with a comment.
  const reviewer = await openYear('area.reviewer', 'kpi_review', 'queue.year', { height: 1400 });
  await press(reviewer, `queue.${kpiId}.h1.1040010001`);
  await waitForWidget(reviewer, { id: 'review.status' }, (w) => w.value === 'waiting_review');
  await waitForWidget(reviewer, { id: 'review.files.1.download' });
  // The photo is shown in the client at its own size (320x200); the PDF is downloaded.
  const photo = await waitForWidget(reviewer, { id: 'review.files.0.image' }, (w) => w.kind === 'image');
  assert.equal(photo.value, '320x200');
  assert.ok(photo.w > 100 && Math.abs(photo.w / photo.h - 1.6) < 0.05, JSON.stringify(photo));
  assert.ok(!(await widgets(reviewer)).some((w) => w.id.startsWith('review.files.1.image')));
  await waitForIdle(reviewer);
  await typeInto(reviewer, 'review.score', '3');
  await typeInto(reviewer, 'review.comment', 'หลักฐานครบถ้วน');
  await press(reviewer, 'review.submit');
  await waitForWidget(reviewer, { id: 'review.status' }, (w) => w.value === 'reviewed');
  await reviewer.screenshot({ path: path.join(artifacts, 'kpi-review-done.png') });
  assert.deepEqual(reviewer.errors, []);
  await reviewer.close();

  const summary = await controller.call('GET', `${kpi}/summary`);
  const h1 = summary.json.periods.find((p) => p.period === 'h1');
  assert.deepEqual([h1.submitted, h1.reviewed, h1.total], [1, 1, 3]);
  assert.equal(h1.avg_self, 4);
  assert.equal(h1.avg_review, 3);
  const unit = h1.units.find((u) => u.unit_code === '1040010001');
  assert.equal(unit.self_score, 4);
  assert.equal(unit.review_score, 3);
  assert.equal(unit.status, 'reviewed');
  assert.ok(unit.reporter && unit.reviewer);
  assert.equal(h1.units.filter((u) => u.status === 'waiting_submit').length, 2);

  // The controller finds it by clicking (desk, KPI list, overview, the year): under its
  // owner group, one row per school, each cell that school's state and scores.
  const office = await openFromDesk(env.browser, env.server.url, 'area.kpi', env.password('area.kpi'), 'kpi_manage', { height: 1000 });
  await press(office, 'kpim.overview');
  await office.waitForFunction(() => location.hash.startsWith('#/kpi?'));
  await press(office, 'kpi.year');
  await press(office, `kpi.year.${fiscalYear() + 1 - 2567}`);
  await waitForWidget(office, { idPrefix: 'kpi.group.' }, (w) => w.value === 'กลุ่มนโยบายและแผน');
  await press(office, `kpi.row.${kpiId}`);
  assert.match((await waitForWidget(office, { id: 'kpi.grid.1040010001.h1' })).label, /ตรวจแล้ว 4\/3/);
  assert.match((await waitForWidget(office, { id: 'kpi.grid.1040010002.h1' })).label, /รอส่งรายงาน/);
  await office.screenshot({ path: path.join(artifacts, 'kpi-overview-grid.png') });
  assert.deepEqual(office.errors, []);
  await office.close();

  // The reviewer: desk, queue, overview; a cell opens that school's report.
  const grid = await openFromDesk(env.browser, env.server.url, 'area.reviewer', env.password('area.reviewer'), 'kpi_review', { height: 1000 });
  await press(grid, 'queue.overview');
  await press(grid, 'kpi.year');
  await press(grid, `kpi.year.${fiscalYear() + 1 - 2567}`);
  await press(grid, `kpi.row.${kpiId}`);
  const cell = await waitForWidget(grid, { id: 'kpi.grid.1040010001.h1' });
  assert.equal(cell.kind, 'button');
  await press(grid, 'kpi.grid.1040010001.h1');
  await grid.waitForFunction((id) => location.hash === `#/kpi/review/${id}/h1/1040010001`, kpiId);
  await waitForWidget(grid, { id: 'review.status' }, (w) => w.value === 'reviewed');
  assert.deepEqual(grid.errors, []);
  await grid.close();

  // The public statistics page: no session at all.
  const page = await env.browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${env.server.url}/stats.html?year=2567`);
  await page.waitForSelector('#stats tbody tr');
  const text = await page.locator('#stats').innerText();
  assert.match(text, /ระดับความสำเร็จในการดำเนินงานตามแนวทางบริหารจัดการภาครัฐ/);
  assert.match(text, /รอบ 6 เดือน/);
  assert.match(text, /\[<3\/<3\/3\]/);  // 1 submitted and 1 reviewed are under 3: hidden
  assert.doesNotMatch(text, /1040010001/);
  await page.screenshot({ path: path.join(artifacts, 'kpi-public-stats.png') });
  assert.deepEqual(errors, []);
  await page.close();

  // The same figures in the app's statistics, still without signing in: from the home page.
  const app = await openApp(env.browser, `${env.server.url}/#/`);
  await press(app, 'home.stats');
  await press(app, 'stats.year');
  await press(app, `stats.year.${fiscalYear() + 1 - 2567}`);
  const row = await waitForWidget(app, { idPrefix: 'stats.', labelIncludes: 'ระดับความสำเร็จ' });
  assert.match(row.label, /\[<3\/<3\/3\]/);
  await app.screenshot({ path: path.join(artifacts, 'kpi-stats-screen.png') });
  assert.deepEqual(app.errors, []);
  await app.close();
});
