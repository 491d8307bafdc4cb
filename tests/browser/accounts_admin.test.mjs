// The area admin's user screens in real Chromium against the real server: the list's
// filters, giving and removing permissions within the subtree, and the one-time sign-in QR
// (drawn from its modules, signing the holder in once).
import assert from 'node:assert/strict';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { test } from 'node:test';

import {
  answerConfirm, apiSession, artifacts, click, fill, openApp, openFromDesk, press, replace, serverAndBrowser, waitForIdle,
  waitForWidget,
  widgets,
} from './harness.mjs';

const env = serverAndBrowser();

const account = (username) => env.accounts.find((a) => a.username === username);

// area.admin from the home page, through the desk's "users" card (tall enough for the
// first rows of the list under the heading's buttons, the filters and the requests).
async function adminUsers(width = 1024, height = 1400) {
  const admin = account('area.admin');
  const page = await openFromDesk(env.browser, env.server.url, admin.username, admin.password, 'users', { width, height });
  await page.waitForFunction(() => location.hash === '#/admin/users');
  await waitForWidget(page, { id: 'users.row.1040010001' });
  await waitForIdle(page);
  return page;
}

// Picks option `index` of a combo once its popup has settled; returns the value shown.
async function choose(page, id, index) {
  await waitForIdle(page);
  await click(page, await waitForWidget(page, { id }));
  await waitForWidget(page, { id: `${id}.${index}` });
  await waitForIdle(page, 300);  // a popup settles its place in the frames after it opens
  const option = await waitForWidget(page, { id: `${id}.${index}` });
  await click(page, option);
  return (await waitForWidget(page, { id }, (w) => w.value === option.label)).value;
}

const rowIds = async (page) => (await widgets(page)).filter((w) => w.id.startsWith('users.row.')).map((w) => w.id);

test('the admin list filters by text, organisation and status', async () => {
  const page = await adminUsers();
  await fill(page, 'users.q', '1040010002');
  await page.keyboard.press('Enter', { delay: 30 });
  await page.waitForFunction(() => window.__app.widgets().filter((w) => w.id.startsWith('users.row.')).length === 1);
  assert.deepEqual(await rowIds(page), ['users.row.1040010002']);

  await replace(page, 'users.q', '');
  await replace(page, 'users.org', '1010720001');
  await page.keyboard.press('Enter', { delay: 30 });
  await page.waitForFunction(() => !window.__app.widgets().some((w) => w.id === 'users.row.1040010002'));
  assert.deepEqual(await rowIds(page), ['users.row.1010720001']);

  // Outside the admin's subtree: the server's word, no rows.
  await replace(page, 'users.org', '0000000000');
  await page.keyboard.press('Enter', { delay: 30 });
  const refused = await waitForWidget(page, { id: 'users.error' });
  assert.equal(refused.value, 'forbidden');
  assert.deepEqual(await rowIds(page), []);

  // Status: one account disabled, then only it is listed as disabled.
  await replace(page, 'users.org', '1040010002');
  await page.keyboard.press('Enter', { delay: 30 });
  await page.waitForFunction(() => !window.__app.widgets().some((w) => w.id === 'users.row.1010720001'));
  await waitForIdle(page);
  await click(page, await waitForWidget(page, { id: 'users.1040010002.disable' }));
  await answerConfirm(page, /1040010002/);
  await waitForWidget(page, { id: 'users.row.1040010002' }, (w) => / disabled$/.test(w.label));
  await waitForIdle(page);
  await click(page, await waitForWidget(page, { id: 'users.status' }));
  await waitForIdle(page, 300);
  await click(page, await waitForWidget(page, { id: 'users.status.2' }));
  await waitForWidget(page, { id: 'users.status' }, (w) => w.value === 'ปิดใช้งาน');
  await replace(page, 'users.org', '1040000001');
  await page.keyboard.press('Enter', { delay: 30 });
  await page.waitForFunction(() => window.__app.widgets().some((w) => w.id === 'users.org' && w.value === '1040000001'));
  await waitForIdle(page);
  assert.deepEqual(await rowIds(page), ['users.row.1040010002']);
  await waitForIdle(page);
  await click(page, await waitForWidget(page, { id: 'users.1040010002.enable' }));
  await page.waitForFunction(() => !window.__app.widgets().some((w) => w.id.startsWith('users.row.')));
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the admin gives and removes a permission; a grant outside the subtree is refused', async () => {
  const page = await adminUsers();
  const before = await waitForWidget(page, { id: 'users.grants.1040010001' });
  assert.ok(!before.value.includes('data.confirm'), before.value);
  await click(page, await waitForWidget(page, { id: 'users.1040010001.grants' }));
  await waitForWidget(page, { id: 'grants.add' }, (w) => w.value === 'disabled');
  await waitForWidget(page, { id: 'grants.org' }, (w) => w.value === '1040010001');
  assert.equal(await choose(page, 'grants.permission', 6), 'ยืนยันข้อมูล');
  await waitForIdle(page);
  await click(page, await waitForWidget(page, { id: 'grants.add' }, (w) => w.value === ''));
  const given = await waitForWidget(page, { id: 'users.grants.1040010001' }, (w) => w.value.includes('data.confirm@1040010001'));
  assert.ok(given.value.includes('report.submit@1040010001'), given.value);

  // Outside the subtree (the centre): refused, the field named, nothing changed.
  assert.equal(await choose(page, 'grants.permission', 0), 'ดูข้อมูล');
  await replace(page, 'grants.org', '0000000000');
  await waitForIdle(page);
  await click(page, await waitForWidget(page, { id: 'grants.add' }, (w) => w.value === ''));
  const refused = await waitForWidget(page, { id: 'grants.org.error' });
  assert.equal(refused.value, 'grant_outside_subtree');
  assert.match(refused.label, /หน่วยงานที่ท่านดูแล/);
  assert.equal((await waitForWidget(page, { id: 'users.grants.1040010001' })).value, given.value);
  await page.screenshot({ path: path.join(artifacts, 'admin-grants.png') });

  // Removing it again.
  await waitForIdle(page);
  const row = (await widgets(page)).find((w) => w.kind === 'row' && w.value === 'data.confirm@1040010001');
  assert.ok(row && row.id.startsWith('grants.'), JSON.stringify(row));
  await click(page, await waitForWidget(page, { id: `${row.id}.remove` }));
  await answerConfirm(page, /ถอนสิทธิ์ของ 1040010001.*ให้สิทธิ์นี้อีกครั้งได้ภายหลัง/);
  await waitForWidget(page, { id: 'users.grants.1040010001' }, (w) => !w.value.includes('data.confirm'));
  assert.deepEqual(page.errors, []);
  await page.close();
});

// The pixels of a PNG (8-bit RGB or RGBA, not interlaced: what Chromium's screenshots are).
function decodePng(buf) {
  let at = 8, width = 0, height = 0, channels = 4;
  const data = [];
  while (at < buf.length) {
    const len = buf.readUInt32BE(at), type = buf.toString('ascii', at + 4, at + 8);
    const body = buf.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0); height = body.readUInt32BE(4);
      assert.equal(body[8], 8);
      channels = { 2: 3, 6: 4 }[body[9]];
    } else if (type === 'IDAT') data.push(body);
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(data)), stride = width * channels;
  const px = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x];
      const a = x >= channels ? px[y * stride + x - channels] : 0;
      const b = y > 0 ? px[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? px[(y - 1) * stride + x - channels] : 0;
      const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      const pred = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter];
      px[y * stride + x] = (v + pred) & 0xff;
    }
  }
  return { width, height, dark: (x, y) => px[y * stride + x * channels] < 128 };
}

test('a one-time sign-in QR: drawn from its modules, signs the holder in once', async () => {
  const page = await adminUsers();
  const [reply] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/sign-in-qr')),
    (async () => {
      await click(page, await waitForWidget(page, { id: 'users.1040010001.qr' }));
      await answerConfirm(page, /ออก QR เข้าสู่ระบบให้ 1040010001.*72 ชั่วโมง/);
    })(),
  ]);
  const { qr_modules: modules, url } = await reply.json();
  const qr = await waitForWidget(page, { id: 'users.issued.qr' });
  assert.equal(qr.label, '1040010001');
  assert.equal(qr.value, url);
  assert.match(url, /\/#\/qr\/[0-9a-f]{32}$/);
  await waitForIdle(page);
  // Every module's centre in the screenshot is dark exactly where qr_modules says, inside
  // a white quiet zone of 4 modules.
  const shot = decodePng(await page.screenshot({ clip: { x: qr.x, y: qr.y, width: qr.w, height: qr.h } }));
  const n = modules.length, cell = shot.width / (n + 8);
  let wrong = 0;
  for (let y = -4; y < n + 4; y++) {
    for (let x = -4; x < n + 4; x++) {
      const want = y >= 0 && y < n && x >= 0 && x < n && modules[y][x] === '1';
      if (shot.dark(Math.floor((x + 4.5) * cell), Math.floor((y + 4.5) * cell)) !== want) wrong++;
    }
  }
  assert.equal(wrong, 0, `${wrong} of ${(n + 8) ** 2} modules drawn wrong`);
  await page.screenshot({ path: path.join(artifacts, 'admin-qr.png') });
  await page.close();

  // A fresh browser (no cookie) opens the link: signed in as the school, at home.
  const hash = url.slice(url.indexOf('#/'));
  const phone = await env.browser.newContext();
  const holder = await openApp(phone, `${env.server.url}/${hash}`);
  await holder.waitForFunction(() => location.hash === '#/');
  await waitForWidget(holder, { id: 'app.signout' });
  const me = await holder.evaluate(async () => (await (await fetch('/api/v1/me')).json()));
  assert.equal(me.user.username, '1040010001');
  assert.deepEqual(holder.errors, []);
  await phone.close();

  // The second time it is refused, with the way on, in Thai and in English.
  const other = await env.browser.newContext();
  const late = await openApp(other, `${env.server.url}/${hash}`);
  const refused = await waitForWidget(late, { id: 'qr.error' });
  assert.equal(refused.value, 'qr_invalid');
  assert.match(refused.label, /ใช้ไปแล้ว/);
  await waitForIdle(late);
  await click(late, await waitForWidget(late, { id: 'lang.en' }));
  await waitForWidget(late, { id: 'qr.error' }, (w) => /ask your administrator/.test(w.label));
  assert.ok(!(await widgets(late)).some((w) => w.id === 'app.signout'), 'not signed in');
  await late.screenshot({ path: path.join(artifacts, 'qr-used.png') });
  await waitForIdle(late);
  await click(late, await waitForWidget(late, { id: 'qr.signin' }));
  await late.waitForFunction(() => location.hash === '#/signin');
  await other.close();
});

test('handing over: the list shows position and phone; the holders panel keeps the previous one', async () => {
  const admin = account('area.admin');
  const api = await apiSession(env.server.url, admin.username, admin.password);
  const user = (await api.call('GET', '/api/v1/admin/users?q=1040010001')).json.users[0];
  // The admin issues the next person a password; they give their own profile at first sign-in.
  const issued = await api.call('POST', `/api/v1/admin/users/${user.id}/password`, {});
  assert.equal(issued.status, 200, issued.text);
  const next = await apiSession(env.server.url, user.username, issued.json.password);
  const given = await next.call('PUT', '/api/v1/me/profile', {
    title: 'นาย', first_name: 'ผู้รับ', last_name: 'ช่วงต่อ', position: 'ครูธุรการ', phone: '0899990001', email: '',
  });
  assert.equal(given.status, 200, given.text);

  const page = await adminUsers();
  await waitForWidget(page, { id: 'users.row.1040010001' }, (w) => w.label.includes('ครูธุรการ · 089-999-0001'));
  await press(page, 'users.1040010001.holders');
  const now = await waitForWidget(page, { id: 'users.holders.0' });
  assert.equal(now.value, 'current');
  assert.match(now.label, /ผู้รับ ช่วงต่อ ตั้งแต่ .*2569/);
  const before = await waitForWidget(page, { id: 'users.holders.1' });
  assert.equal(before.value, 'past');
  assert.match(before.label, new RegExp(`${user.profile.first_name} ${user.profile.last_name} ตั้งแต่ .* ถึง `));
  await press(page, 'users.holders.close');
  await page.waitForFunction(() => !window.__app.widgets().some((w) => w.id === 'users.holders.0'));
  assert.deepEqual(page.errors, []);
  await page.close();
});
