// The audit log screen in real Chromium against the real server: a demo area admin signs in
// from the home page, opens the log by clicking, finds a read made earlier in this test by
// one of the area's reviewers, filters by that person and downloads the CSV export; on a
// 360 px phone everything fits and every control is a full touch target.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';

import {
  apiSession, artifacts, click, fill, openApp, press, replace, serverAndBrowser, signInThroughScreen, waitForIdle,
  waitForWidget, widgets,
} from './harness.mjs';

const env = serverAndBrowser();

async function streamText(download) {
  const chunks = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

const entries = async (page) => (await widgets(page)).filter((w) => w.id.startsWith('audit.entry.'));

// The first entry row (of many) that satisfies `ok`.
async function waitForEntry(page, ok, timeout = 15000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = (await entries(page)).find(ok);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no such entry; shown: ${JSON.stringify(await entries(page))}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

for (const width of [1024, 360]) {
  test(`an admin reads the audit log of the area at ${width} px: a reviewer's read, filtered, exported`, async () => {
    // A read of the area's KPI reports by its reviewer, before the admin looks.
    const reviewer = await apiSession(env.server.url, 'area.reviewer', env.password('area.reviewer'));
    assert.equal((await reviewer.call('GET', '/api/v1/kpi/export.csv?year=2567')).status, 200);

    const context = await env.browser.newContext({ viewport: { width, height: 1400 }, acceptDownloads: true });
    const page = await openApp(context, `${env.server.url}/#/`, { width, height: 1400 });
    await press(page, 'home.signin');
    await signInThroughScreen(page, 'area.admin', env.password('area.admin'));
    await page.waitForFunction(() => location.hash === '#/');
    await press(page, 'desk.audit');
    await page.waitForFunction(() => location.hash === '#/audit');
    const read = await waitForEntry(page, (w) => w.value === 'kpi.export' && w.label.includes('area.reviewer'));
    assert.match(read.label, /127\.0\.0\.1/);

    // Only the reviewer's entries once filtered by that person.
    await fill(page, 'audit.person', 'area.reviewer');
    await press(page, 'audit.search');
    await page.waitForFunction(() => {
      const rows = window.__app.widgets().filter((w) => w.id.startsWith('audit.entry.'));
      return rows.length > 0 && rows.every((w) => w.label.includes('area.reviewer'));
    }, null, { timeout: 15000 });
    assert.ok((await entries(page)).some((w) => w.value === 'kpi.export'));

    // A bad day is named under its field, before any request.
    await fill(page, 'audit.from', '2026-13-01');
    await press(page, 'audit.search');
    await waitForWidget(page, { id: 'audit.from.error' });
    await replace(page, 'audit.from', '');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      waitForWidget(page, { id: 'audit.export' }).then((w) => click(page, w)),
    ]);
    assert.equal(download.suggestedFilename(), 'audit.csv');
    const csv = await streamText(download);
    assert.match(csv, /kpi\.export/);
    assert.match(csv, /area\.reviewer/);
    assert.doesNotMatch(csv, /area\.admin/, 'the person filter holds in the export');

    await waitForIdle(page);
    const all = (await widgets(page)).filter((w) => w.id.startsWith('audit.'));
    const off = all.filter((w) => w.w > 0 && w.x + w.w > width + 1);
    assert.deepEqual(off.map((w) => `${w.id} ${w.x}+${w.w}`), []);
    const small = all.filter((w) => ['button', 'input'].includes(w.kind) && w.h > 0 && w.h < 44);
    assert.deepEqual(small.map((w) => `${w.id} h=${w.h}`), []);
    await page.screenshot({ path: path.join(artifacts, `audit-${width}.png`) });
    assert.deepEqual(page.errors, []);
    await context.close();
  });
}
