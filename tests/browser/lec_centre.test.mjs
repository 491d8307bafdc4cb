// A child-development centre records its basic data on a 360 px phone, from the home page:
// a wrong number is named under its field and nothing is saved; then the data is saved, the
// children per carer shown, and the LGO reads the same figures.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';

import { apiSession, artifacts, press, replace, serverAndBrowser, waitForWidget } from './harness.mjs';
import { academicYear, assertFits, signInToLec } from './lec_helpers.mjs';

const env = serverAndBrowser();
const year = academicYear();
const centre = '5110405001';

test("centre's basic data: refused field by field, saved, read by the LGO", async () => {
  const page = await signInToLec(env, centre, `#/lec/inst/${centre}`, { width: 360, height: 1600 });
  await press(page, 'lecc.open');
  const values = { teachers: '2', carers: 'สอง', rooms: '2', min_age_months: '24', max_age_months: '60', capacity: '40' };
  for (const [k, v] of Object.entries(values)) await replace(page, `lecc.${k}`, v);
  await waitForWidget(page, { id: 'lecc.carers.error' }, (w) => w.value === 'wrong_type');
  await press(page, 'lecc.save');
  const lgo = await apiSession(env.server.url, 'lgo.bangyaphraek', env.password('lgo.bangyaphraek'));
  const before = await lgo.call('GET', `/api/v1/lec/${year}/institutions/${centre}/centre`);
  assert.equal(before.status, 200, before.text);
  assert.equal(before.json.profile, null, 'a refused form saved nothing');

  await replace(page, 'lecc.carers', '2');
  await page.waitForFunction(() => !window.__app.widgets().some((w) => w.id === 'lecc.carers.error'));
  await assertFits(page, 360);
  await press(page, 'lecc.save');
  await waitForWidget(page, { id: 'lecc.saved' });
  const ratio = await waitForWidget(page, { id: 'lecc.per_carer' });
  await page.screenshot({ path: path.join(artifacts, 'lec-centre.png') });

  const after = await lgo.call('GET', `/api/v1/lec/${year}/institutions/${centre}/centre`);
  assert.deepEqual(after.json.profile, { teachers: 2, carers: 2, rooms: 2, min_age_months: 24, max_age_months: 60, capacity: 40 });
  assert.equal(Number(ratio.value), Number((after.json.children / 4).toFixed(1)));
  await page.close();
});
