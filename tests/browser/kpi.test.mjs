// KPI reporting end to end against the real server: a controller defines a half-year KPI
// and assigns three schools, school 1 uploads two described files, scores 4 and confirms,
// the reviewer scores 3; the overview reads [1/1/3] with the scores, and the public
// statistics page (static HTML + JS, no login) shows the KPI in headless Chromium.
// The sign-ins and writes go through the HTTP API as the client sends them (cookie + CSRF).
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { artifacts, launchBrowser, openApp, startServer, waitForWidget } from './harness.mjs';

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

// A signed-in user: the session cookie and CSRF token, as a browser keeps them.
async function signIn(username) {
  const accounts = await (await fetch(`${server.url}/api/v1/dev/accounts`)).json();
  const account = accounts.find((a) => a.username === username);
  assert.ok(account, `demo account ${username}`);
  const r = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: account.password }),
  });
  assert.equal(r.status, 200, await r.clone().text());
  const cookie = r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrf_token: csrf } = await r.json();
  const call = async (method, target, body, type = 'application/json') => {
    const res = await fetch(`${server.url}${target}`, {
      method,
      headers: { Cookie: cookie, 'X-CSRF-Token': csrf, ...(body !== undefined ? { 'Content-Type': type } : {}) },
      body: body === undefined ? undefined : type === 'application/json' ? JSON.stringify(body) : body,
    });
    const text = await res.text();
    let json = null;
    try { json = JSON.parse(text); } catch { /* a file */ }
    return { status: res.status, json, text };
  };
  const upload = async (name, bytes) => {
    const form = new FormData();
    form.append('file', new Blob([bytes]), name);
    const res = await fetch(`${server.url}/api/v1/files`, { method: 'POST', headers: { Cookie: cookie, 'X-CSRF-Token': csrf }, body: form });
    assert.equal(res.status, 201, await res.clone().text());
    return (await res.json()).file_id;
  };
  return { call, upload };
}

test('half-year KPI: assign 3 schools, report with 2 files, review; overview [1/1/3]; public page without login', async () => {
  const controller = await signIn('area.kpi');
  const created = await controller.call('POST', '/api/v1/kpi', {
    year: 2567, number: '1', name: 'ระดับความสำเร็จในการดำเนินงานตามแนวทางบริหารจัดการภาครัฐ',
    description: 'ดำเนินงานตามคู่มือ', type: 'score_1_5', criteria: [2, 3, 4, 5], owner_group: 'กลุ่มนโยบายและแผน',
    cadence: 'half_year', open_periods: ['h1', 'h2'], status: 'open',
  });
  assert.equal(created.status, 201, created.text);
  const kpi = `/api/v1/kpi/${created.json.id}`;
  const assigned = await controller.call('PUT', `${kpi}/periods/h1/units`, { unit_codes: ['1010720001', '1040010001', '1040010002'] });
  assert.equal(assigned.status, 200, assigned.text);
  assert.equal(assigned.json.total, 3);

  const school = await signIn('1040010001');
  const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
  const f1 = await school.upload('กิจกรรม.jpg', jpeg);
  const f2 = await school.upload('รายงาน.pdf', new TextEncoder().encode('%PDF-1.4\n% report\n'));
  const report = `${kpi}/periods/h1/reports/1040010001`;
  const draft = await school.call('PUT', report, {
    self_score: 4, files: [{ file_id: f1, description: 'ภาพกิจกรรม' }, { file_id: f2, description: 'รายงานผลการดำเนินงาน' }],
  });
  assert.equal(draft.status, 200, draft.text);
  assert.equal((await school.call('POST', `${report}/confirm`, {})).status, 200);

  const reviewer = await signIn('area.reviewer');
  const reviewed = await reviewer.call('POST', `${report}/review`, { score: 3, comment: 'หลักฐานครบถ้วน' });
  assert.equal(reviewed.status, 200, reviewed.text);

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

  // The public statistics page: no session at all.
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}/stats.html?year=2567`);
  await page.waitForSelector('#stats tbody tr');
  const text = await page.locator('#stats').innerText();
  assert.match(text, /ระดับความสำเร็จในการดำเนินงานตามแนวทางบริหารจัดการภาครัฐ/);
  assert.match(text, /รอบ 6 เดือน/);
  assert.match(text, /\[<3\/<3\/3\]/);  // 1 submitted and 1 reviewed are under 3: hidden
  assert.doesNotMatch(text, /1040010001/);
  await page.screenshot({ path: path.join(artifacts, 'kpi-public-stats.png') });
  assert.deepEqual(errors, []);
  await page.close();

  // The same figures in the app's #/stats screen, still without signing in.
  const app = await openApp(browser, `${server.url}/#/stats?year=2567`);
  const row = await waitForWidget(app, { idPrefix: 'stats.', labelIncludes: 'ระดับความสำเร็จ' });
  assert.match(row.label, /\[<3\/<3\/3\]/);
  await app.screenshot({ path: path.join(artifacts, 'kpi-stats-screen.png') });
  assert.deepEqual(app.errors, []);
  await app.close();
});
