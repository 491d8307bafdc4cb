// The area admin creates accounts on screen, from the home page by clicking: one user with
// the form (the server's refusals under the field they name, then a one-time sign-in QR or
// a password shown once), and the accounts of every school of the area with one PDF sheet
// of their sign-in QR codes (read by poppler: the schools' names, never a password).
// The form fits a 390 px phone.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import {
  answerConfirm, apiSession, artifacts, assertNoHorizontalOverflow, click, fill, openFromDesk, openPhone, press,
  replace, serverAndBrowser, swipeIntoView, tapAndType, tapWidget, waitForIdle, waitForWidget, widgets,
} from './harness.mjs';

const env = serverAndBrowser();

async function adminUsers(size = { width: 1366, height: 768 }) {
  const page = await openFromDesk(env.browser, env.server.url, 'area.admin', env.password('area.admin'), 'users', size);
  await page.waitForFunction(() => location.hash === '#/admin/users');
  await waitForWidget(page, { id: 'users.row.1040010001' });
  await waitForIdle(page);
  return page;
}

// Picks the option of combo `id` whose label holds `text`.
async function chooseLabelled(page, id, text) {
  await press(page, id);
  await waitForIdle(page, 300);
  const option = (await widgets(page)).find((w) => w.id.startsWith(`${id}.`) && w.kind === 'option' && w.label.includes(text));
  assert.ok(option, `no option with ${text}`);
  await click(page, option);
  await waitForWidget(page, { id }, (w) => w.value.includes(text));
}

test('the admin creates a user with the form: field errors from the server, then a QR or a password', async () => {
  const page = await adminUsers();
  const api = await apiSession(env.server.url, 'area.admin', env.password('area.admin'));
  await press(page, 'users.new');
  await fill(page, 'new.username', 'area.kpi');  // taken
  await chooseLabelled(page, 'new.org.pick', '1040010002');
  await waitForWidget(page, { id: 'new.org' }, (w) => w.value === '1040010002');
  await press(page, 'new.perm.view');
  await press(page, 'new.perm.report.submit');
  await waitForWidget(page, { id: 'new.perm.report.submit.org' }, (w) => w.value === '1040010002');
  // A permission outside the admin's subtree: refused under that permission's organisation.
  await replace(page, 'new.perm.report.submit.org', '0000000000');
  await press(page, 'new.create.qr');
  await answerConfirm(page, /สร้างบัญชี area\.kpi ในหน่วยงาน 1040010002.*QR/);
  const outside = await waitForWidget(page, { id: 'new.perm.report.submit.org.error' });
  assert.equal(outside.value, 'grant_outside_subtree');
  assert.match(outside.label, /หน่วยงานที่ท่านดูแล/);
  await replace(page, 'new.perm.report.submit.org', '1040010002');
  await press(page, 'new.create.qr');
  await answerConfirm(page, /สร้างบัญชี area\.kpi/);
  const taken = await waitForWidget(page, { id: 'new.username.error' });
  assert.equal(taken.value, 'username_taken');
  assert.match(taken.label, /มีอยู่แล้ว/);
  await page.screenshot({ path: path.join(artifacts, 'admin-create-errors.png') });

  // A free name: created, and its one-time sign-in QR shown.
  await replace(page, 'new.username', 'teacher.new');
  await waitForIdle(page);
  const [qrReply] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/sign-in-qr')),
    (async () => {
      await press(page, 'new.create.qr');
      await answerConfirm(page, /สร้างบัญชี teacher\.new ในหน่วยงาน 1040010002/);
    })(),
  ]);
  const { url } = await qrReply.json();
  const qr = await waitForWidget(page, { id: 'users.issued.qr' });
  assert.equal(qr.label, 'teacher.new');
  assert.equal(qr.value, url);
  await waitForWidget(page, { id: 'users.row.teacher.new' });
  const stored = (await api.call('GET', '/api/v1/admin/users?q=teacher.new')).json.users;
  assert.equal(stored.length, 1);
  assert.equal(stored[0].org_code, '1040010002');
  assert.deepEqual(stored[0].grants.map((g) => `${g.permission}@${g.org_code}`).sort(),
    ['report.submit@1040010002', 'view@1040010002']);
  await page.screenshot({ path: path.join(artifacts, 'admin-create-qr.png') });

  // Another, handed a password: typed organisation, no permission; the password works once.
  await press(page, 'users.issued.close');
  await press(page, 'users.new');
  await fill(page, 'new.username', 'clerk.new');
  await fill(page, 'new.org', '1040010001');
  await press(page, 'new.create.password');
  await answerConfirm(page, /สร้างบัญชี clerk\.new ในหน่วยงาน 1040010001.*รหัสผ่านชั่วคราว/);
  const issued = await waitForWidget(page, { id: 'users.issued.password' });
  assert.equal(issued.label, 'clerk.new');
  const login = await fetch(`${env.server.url}/api/v1/auth/login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'clerk.new', password: issued.value }),
  });
  assert.equal(login.status, 200);
  assert.equal((await login.json()).must_change_password, true);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the admin makes the accounts of every school of the area and downloads their QR sheet', async () => {
  const page = await adminUsers();
  await press(page, 'users.bulk');
  await waitForWidget(page, { id: 'bulk.org' }, (w) => w.value === '1040000001');
  await press(page, 'bulk.create');
  await answerConfirm(page, /สร้างบัญชีสถานศึกษา 9 บัญชี ภายใต้ .*1040000001/);
  await waitForWidget(page, { id: 'bulk.result' }, (w) => /สร้างแล้ว 9 บัญชี/.test(w.label));
  await waitForWidget(page, { id: 'users.row.1040020001' });
  await page.screenshot({ path: path.join(artifacts, 'admin-bulk.png') });
  const [download] = await Promise.all([page.waitForEvent('download'), press(page, 'bulk.sheet')]);
  assert.equal(download.suggestedFilename(), 'sign-in-qr-1040000001.pdf');
  const chunks = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk);
  const pdf = Buffer.concat(chunks);
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  const dir = mkdtempSync(path.join(tmpdir(), 'sheet-'));
  try {
    writeFileSync(path.join(dir, 'sheet.pdf'), pdf);
    const text = execFileSync('pdftotext', [path.join(dir, 'sheet.pdf'), '-'], { encoding: 'utf8' });
    const api = await apiSession(env.server.url, 'area.admin', env.password('area.admin'));
    const made = (await api.call('GET', '/api/v1/admin/users?org=1040000001')).json.users
      .filter((u) => u.status === 'active' && !u.password_expires_at && /^\d{10}$/.test(u.username)
        && !['1010720001', '1040010001', '1040010002'].includes(u.username));
    assert.equal(made.length, 9);
    for (const u of made) {
      assert.ok(text.includes(u.username), `${u.username} on the sheet`);
      assert.ok(text.includes(u.org_name), `${u.org_name} on the sheet`);
    }
    assert.ok(!text.includes(env.password('1040010001')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // Again: nothing left to make, no question asked.
  await press(page, 'bulk.create');
  await waitForWidget(page, { id: 'bulk.result' }, (w) => /มีบัญชีแล้ว/.test(w.label));
  assert.ok(!(await widgets(page)).some((w) => w.id === 'confirm'));
  // In English too: the office's refusal under its field.
  await press(page, 'lang.en');
  await replace(page, 'bulk.org', '1040010001');
  await press(page, 'bulk.create');
  const school = await waitForWidget(page, { id: 'bulk.org.error' });
  assert.equal(school.value, 'org_kind_not_office');
  assert.match(school.label, /local-government organisation, a province or an area office/);
  assert.equal((await waitForWidget(page, { id: 'users.new' })).label, '+ New user');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the new-user form fits a 390 px phone', async () => {
  const page = await openPhone(env.browser, `${env.server.url}/#/`);
  await tapWidget(page, 'home.signin');
  await page.waitForFunction(() => location.hash.startsWith('#/signin'));
  await tapAndType(page, 'signin.username', 'area.admin');
  await tapAndType(page, 'signin.password', env.password('area.admin'));
  await tapWidget(page, 'signin.submit');
  await page.waitForFunction(() => !location.hash.startsWith('#/signin'), null, { timeout: 15000 });
  await tapWidget(page, 'desk.users');
  await page.waitForFunction(() => location.hash.startsWith('#/admin/users'));
  await waitForWidget(page, { idPrefix: 'users.row.' });
  await tapWidget(page, 'users.new');
  await waitForWidget(page, { id: 'new.username' });
  await tapWidget(page, 'new.perm.view');
  await waitForWidget(page, { id: 'new.perm.view.org' });
  await assertNoHorizontalOverflow(page, 'the new-user form');
  await swipeIntoView(page, 'new.cancel');  // the form's end, reachable by a finger
  await assertNoHorizontalOverflow(page, 'the new-user form, scrolled');
  await page.screenshot({ path: path.join(artifacts, 'admin-create-phone.png') });
  await tapWidget(page, 'new.cancel');
  // A tap that falls between two frames while the list comes back is tapped again (as fill does).
  for (let attempt = 1; ; attempt++) {
    await tapWidget(page, 'users.bulk');
    try {
      await waitForWidget(page, { id: 'bulk.org' }, () => true, 5000);
      break;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
  await assertNoHorizontalOverflow(page, 'the institution accounts form');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
