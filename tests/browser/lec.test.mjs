// Local education data through the client, against the real server, from the home page:
// an institution imports its register (one bad row shown by row and field, fixed, imported)
// and confirms; the LGO records its funded school's counts and confirms; the provincial
// office confirms; then the institution edits a child and every level above sees its
// confirmation voided, with what changed, in its notifications.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';

import {
  answerConfirm, apiSession, artifacts, fill, press, replace, serverAndBrowser, waitForIdle, waitForWidget, widgets,
} from './harness.mjs';
import {
  academicYear, assertFits, confirmSubtree, confirmThroughScreen, freshDigits, nationalId, registerCsv, signInToLec,
} from './lec_helpers.mjs';

const env = serverAndBrowser();
const year = academicYear();
const school = '5110405002';  // โรงเรียนเทศบาล 3, under เทศบาลตำบลบางหญ้าแพรก
const lgo = '5011040500';
const province = '5011000000';
const funded = '1011040001';

async function pickFile(page, id, name, bytes) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), press(page, id)]);
  await chooser.setFiles({ name, mimeType: 'text/csv', buffer: bytes });
  await waitForWidget(page, { id }, (w) => w.value === name);
}

test('LEC: import with a bad row, fix, confirm up the tree, an edit voids every level with the diff', async () => {
  const good = nationalId(freshDigits(1));
  const bad = nationalId(freshDigits(2), true);
  const fixed = nationalId(freshDigits(2));
  const rows = (second) => [
    [good, 'ด.ช.', 'ทดสอบ', 'นำเข้าหนึ่ง', 'ช', '5/3/2563', 'ป.1', '1'],
    [second, 'ด.ญ.', 'ทดสอบ', 'นำเข้าสอง', 'ญ', '7/8/2563', 'ป.1', '1'],
  ];

  // --- the institution, on a phone-wide window: import, see the bad row, fix it, import.
  const inst = await signInToLec(env, school, `#/lec/inst/${school}`, { width: 360, height: 1400 });
  const before = Number((await waitForWidget(inst, { id: 'lecr.count' })).value);
  await assertFits(inst, 360);
  await press(inst, 'lecr.import');
  await pickFile(inst, 'leci.file', 'ทะเบียน.csv', registerCsv(rows(bad)));
  await press(inst, 'leci.check');
  const errors = await waitForWidget(inst, { id: 'leci.errors' });
  assert.equal(errors.value, '1');
  const rowError = await waitForWidget(inst, { id: 'leci.error.0' });
  assert.match(rowError.value, /^3:id_number:/);  // the header is row 1
  assert.ok(!(await widgets(inst)).some((w) => w.id === 'leci.write'));
  await inst.screenshot({ path: path.join(artifacts, 'lec-import-row-error.png') });
  await assertFits(inst, 360);

  await pickFile(inst, 'leci.file', 'ทะเบียน-แก้แล้ว.csv', registerCsv(rows(fixed)));
  await press(inst, 'leci.check');
  assert.equal((await waitForWidget(inst, { id: 'leci.ok' })).value, '2');
  assert.equal((await waitForWidget(inst, { id: 'leci.progress' })).value, '1.00');
  await press(inst, 'leci.write');
  assert.equal((await waitForWidget(inst, { id: 'leci.done' })).value, '2');
  await press(inst, 'leci.close');
  await waitForWidget(inst, { id: 'lecr.count' }, (w) => Number(w.value) === before + 2);
  await confirmThroughScreen(inst, 'lecr.confirmation');
  await inst.screenshot({ path: path.join(artifacts, 'lec-institution-confirmed.png') });
  assert.deepEqual(inst.errors, []);

  // Everything else of the province stands confirmed (not what this test is about),
  // but the LGO and the province themselves, which confirm through their screens.
  const dept = await apiSession(env.server.url, 'dla.officer', env.password('dla.officer'));
  await confirmSubtree(dept, year, province, new Set([lgo, province]));

  // --- the LGO: its funded school's counts, then its confirmation.
  const lgoPage = await signInToLec(env, 'lgo.bangyaphraek', `#/lec/org/${lgo}`, { width: 1024, height: 1900 });
  await waitForWidget(lgoPage, { id: `lecs.school.${funded}` }, (w) => w.value === 'missing');
  await press(lgoPage, 'lecp.confirmation.confirm');
  await answerConfirm(lgoPage, /ยืนยันข้อมูลของ /);
  const blocked = await waitForWidget(lgoPage, { id: 'lecp.confirmation.blocked' });
  assert.match(blocked.value, new RegExp(funded));  // the 409 names who blocks
  await press(lgoPage, `lecs.edit.${funded}`);
  for (const [level, n] of [['k1', '12'], ['p1', '30'], ['p6', '28']]) {
    await replace(lgoPage, `lecs.count.${level}`, n);
    await waitForWidget(lgoPage, { id: `lecs.count.${level}` }, (w) => w.value === n);
  }
  await press(lgoPage, 'lecs.save');
  await waitForWidget(lgoPage, { id: `lecs.school.${funded}` }, (w) => w.value === 'recorded');
  await confirmThroughScreen(lgoPage, 'lecp.confirmation');
  await lgoPage.screenshot({ path: path.join(artifacts, 'lec-lgo-confirmed.png') });
  assert.deepEqual(lgoPage.errors, []);

  // --- the provincial office: every LGO below confirmed, counts with lunch and milk.
  const prov = await signInToLec(env, 'province.officer', `#/lec/org/${province}`);
  await waitForWidget(prov, { id: `lecp.below.${lgo}` }, (w) => w.value === 'confirmed');
  const counts = await waitForWidget(prov, { id: 'lecp.counts' });
  assert.match(counts.value, /lunch=\d+/);
  await confirmThroughScreen(prov, 'lecp.confirmation');
  await prov.screenshot({ path: path.join(artifacts, 'lec-province-confirmed.png') });

  // --- the institution edits a child (ป.1 -> ป.2): the reply voids every level.
  await inst.reload();
  await waitForWidget(inst, { id: 'lecr.count' });
  await fill(inst, 'lecr.search', 'นำเข้าหนึ่ง');
  const child = await waitForWidget(inst, { idPrefix: 'lecr.child.', labelIncludes: 'นำเข้าหนึ่ง' },
    (w) => w.kind === 'row');
  await press(inst, `${child.id}.edit`);
  await press(inst, 'lecf.level');
  await press(inst, 'lecf.level.4');  // k1 k2 k3 p1 [p2]
  await press(inst, 'lecf.save');
  const voided = await waitForWidget(inst, { id: 'lecr.voided' });
  for (const c of [school, lgo, province]) assert.ok(voided.value.split(',').includes(c), voided.value);
  await waitForWidget(inst, { id: 'lecr.confirmation.state' }, (w) => w.value === 'not_confirmed');
  await inst.screenshot({ path: path.join(artifacts, 'lec-edit-voided.png') });

  // Each confirmer above hears of it in the client, with the counts before and after.
  for (const page of [lgoPage, prov]) {
    await page.reload();
    await press(page, 'app.notifications');
    const note = await waitForWidget(page, { idPrefix: 'notification.' }, (w) => w.value === 'lec_voided');
    assert.match(note.label, /ป\.1/);
    assert.match(note.label, /ป\.2/);
    await waitForIdle(page);
  }
  await prov.screenshot({ path: path.join(artifacts, 'lec-province-notified.png') });
  assert.deepEqual(prov.errors, []);
  for (const p of [inst, lgoPage, prov]) await p.close();
});
