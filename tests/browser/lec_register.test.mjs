// An institution's register through the client on a 360 px phone, against the real
// server: the add form checks the ID as it is typed; a child attending a centre is named
// with that centre and taken over; one ID shown (revealed); removal needs a reason; a
// removed child is restored.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';

import { apiSession, artifacts, fill, press, replace, serverAndBrowser, typeInto, waitForWidget } from './harness.mjs';
import { academicYear, assertFits, freshDigits, nationalId, signInToLec } from './lec_helpers.mjs';

const env = serverAndBrowser();
const year = academicYear();
const school = '5110405002';
const centre = '5110405001';

test('register: as-typed ID check, take a child over from a centre, reveal, remove with a reason, restore', async () => {
  // A three-year-old attends the centre (set over the API: not what this test is about).
  const id = nationalId(freshDigits(7));
  const born = `${year - 543 - 3}-03-01`;
  const staff = await apiSession(env.server.url, centre, env.password(centre));
  const added = await staff.call('POST', `/api/v1/lec/${year}/institutions/${centre}/children`, {
    id_number: id, title: 'ด.ช.', first_name: 'ย้ายมา', last_name: 'จากศูนย์', sex: 'm', birth_date: born, level: 'cdc', room: '',
  });
  assert.equal(added.status, 201, added.text);

  const page = await signInToLec(env, school, `#/lec/inst/${school}`, { width: 360, height: 1600 });
  const before = Number((await waitForWidget(page, { id: 'lecr.count' })).value);
  await press(page, 'lecr.add');
  await fill(page, 'lecf.id_number', nationalId(freshDigits(8), true));
  await waitForWidget(page, { id: 'lecf.id_number.error' }, (w) => w.value === 'national_id_checksum');
  await replace(page, 'lecf.id_number', id);
  await page.waitForFunction(() => !window.__app.widgets().some((w) => w.id === 'lecf.id_number.error'));
  await typeInto(page, 'lecf.title', 'ด.ช.');
  await typeInto(page, 'lecf.first_name', 'ย้ายมา');
  await typeInto(page, 'lecf.last_name', 'จากศูนย์');
  await press(page, 'lecf.sex.m');
  await typeInto(page, 'lecf.birth_date', `01/03/${year - 3}`);
  await press(page, 'lecf.level');
  await press(page, 'lecf.level.0');  // อ.1
  await assertFits(page, 360);
  await press(page, 'lecf.save');
  const elsewhere = await waitForWidget(page, { id: 'lecf.elsewhere' });
  assert.equal(elsewhere.value, centre);
  assert.match(elsewhere.label, /ศูนย์พัฒนาเด็กเล็ก/);
  await page.screenshot({ path: path.join(artifacts, 'lec-enrolled-elsewhere.png') });
  await press(page, 'lecf.take_over');
  await waitForWidget(page, { id: 'lecr.count' }, (w) => Number(w.value) === before + 1);
  const there = await staff.call('GET', `/api/v1/lec/${year}/institutions/${centre}/children?status=removed`);
  assert.ok(there.json.some((c) => c.first_name === 'ย้ายมา' && c.removed_reason === 'moved'), there.text);

  // Masked in the list; one ID shown on request.
  await fill(page, 'lecr.search', 'ย้ายมา');
  const row = await waitForWidget(page, { idPrefix: 'lecr.child.', labelIncludes: 'ย้ายมา' }, (w) => w.kind === 'row');
  assert.match(row.value, /x{5}/);
  await press(page, `${row.id}.reveal`);
  await waitForWidget(page, { id: row.id }, (w) => w.value === id);

  // Removal needs a reason.
  await press(page, `${row.id}.remove`);
  await press(page, 'lecr.remove.save');
  await waitForWidget(page, { id: 'lecr.remove.reason.error' }, (w) => w.value === 'removal_reason_required');
  await press(page, 'lecr.remove.reason');
  await press(page, 'lecr.remove.reason.1');  // left
  await typeInto(page, 'lecr.remove.note', 'ย้ายตามผู้ปกครอง');
  await press(page, 'lecr.remove.save');
  await waitForWidget(page, { id: 'lecr.count' }, (w) => Number(w.value) === 0);  // the search still holds the name

  // The removed tab keeps it, with the reason; restore brings it back.
  await press(page, 'lecr.tab.removed');
  await page.waitForFunction(() => location.hash.includes('tab=removed'));
  await fill(page, 'lecr.search', 'ย้ายมา');
  const removed = await waitForWidget(page, { id: row.id });
  assert.match(removed.label, /ย้าย|Left|ออก/);
  await assertFits(page, 360);
  await page.screenshot({ path: path.join(artifacts, 'lec-removed-tab.png') });
  await press(page, `${row.id}.restore`);
  await page.waitForFunction((rid) => !window.__app.widgets().some((w) => w.id === rid), row.id);
  await press(page, 'lecr.tab.attending');
  await waitForWidget(page, { id: 'lecr.count' }, (w) => Number(w.value) === before + 1);
  assert.deepEqual(page.errors, []);
  await page.close();
});
