// Helpers of the local education data browser tests: the academic year, national IDs with
// their checksum, a register as CSV, signing in from the home page, and setting the scene
// over the API (confirming the rest of a subtree bottom up) where a test is not about it.
import assert from 'node:assert/strict';

import { answerConfirm, openApp, press, signInThroughScreen, waitForWidget, widgets } from './harness.mjs';

// The academic year (B.E.) of today: it starts on 16 May.
export function academicYear(now = new Date()) {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() + 1;
  const started = m > 5 || (m === 5 && now.getUTCDate() >= 16);
  return (started ? y : y - 1) + 543;
}

// A 13-digit national ID with a right (or, `wrong`, a wrong) check digit.
export function nationalId(twelve, wrong = false) {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(twelve[i]) * (13 - i);
  const check = (11 - (sum % 11)) % 10;
  return twelve + String(wrong ? (check + 1) % 10 : check);
}

// Twelve digits unlikely to meet the seeded children's.
export function freshDigits(seed) {
  return ('1' + String(Date.now()).slice(-7) + String(seed).padStart(4, '0')).slice(0, 12);
}

export function registerCsv(rows) {
  const header = 'เลขประจำตัวประชาชน,คำนำหน้า,ชื่อ,นามสกุล,เพศ,วันเกิด,ระดับชั้น,ห้อง';
  return Buffer.from([header, ...rows.map((r) => r.join(','))].join('\r\n') + '\r\n', 'utf8');
}

// From the home page: sign in, then the "Local education data" link, which lands on the
// user's own node (`route` its expected hash prefix).
export async function signInToLec(env, username, route, size = { width: 1024, height: 1400 }) {
  const page = await openApp(env.browser, `${env.server.url}/#/`, size);
  await press(page, 'home.signin');
  await page.waitForFunction(() => location.hash.startsWith('#/signin'));
  await signInThroughScreen(page, username, env.password(username));
  await page.waitForFunction(() => location.hash === '#/' || location.hash === '');
  await press(page, 'desk.lec_confirm');
  await page.waitForFunction((r) => location.hash.startsWith(r), route, { timeout: 15000 });
  return page;
}

// Confirms, as `session` (data.confirm above them), every node of the subtree of `code`
// bottom up, but for the codes in `skip` (and everything above a skipped one); the nodes
// below a skipped one are confirmed.
export async function confirmSubtree(session, year, code, skip) {
  const p = await session.call('GET', `/api/v1/lec/${year}/progress?org=${code}`);
  assert.equal(p.status, 200, p.text);
  let all = true;
  for (const b of p.json.below) if (!b.confirmed) all = (await confirmSubtree(session, year, b.code, skip)) && all;
  if (!all || skip.has(code)) return false;
  if (p.json.confirmed) return true;
  const r = await session.call('POST', `/api/v1/lec/${year}/confirmations/${code}`, {});
  if (r.status === 409 && r.json?.error?.code === 'confirmation_blocked') return false;  // e.g. funded counts missing
  assert.equal(r.status, 201, `${code}: ${r.text}`);
  return true;
}

// Nothing of the LEC screen lies beyond the right edge of a `width`-wide window, and its
// controls are at least 44 px high (touch).
export async function assertFits(page, width) {
  const all = (await widgets(page)).filter((w) => /^lec/.test(w.id));
  const off = all.filter((w) => w.w > 0 && w.x + w.w > width + 1);
  assert.deepEqual(off.map((w) => `${w.id} ${w.x}+${w.w}`), []);
  const touch = ['button', 'input', 'combo', 'checkbox', 'choice', 'file'];
  const small = all.filter((w) => touch.includes(w.kind) && w.h > 0 && w.h < 44);
  assert.deepEqual(small.map((w) => `${w.id} h=${w.h}`), []);
}

export async function confirmThroughScreen(page, id) {
  await press(page, `${id}.confirm`);
  await answerConfirm(page, /ยืนยันข้อมูลของ .*ถอนการยืนยันได้ภายหลัง/);
  return waitForWidget(page, { id: `${id}.state` }, (w) => w.value === 'confirmed');
}
