// The home screen in real Chromium against the real server: searching the directory by
// typing Thai with real key events, pasting, switching language, and staying idle.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';

import {
  artifacts, click, frames, openApp, press, serverAndBrowser, typeKeys, waitForIdle, waitForWidget,
  widgets,
} from './harness.mjs';

const env = serverAndBrowser();

test('typing a Thai school name lists the matching institutions, then the app idles', async () => {
  const page = await openApp(env.browser, env.server.url);
  assert.equal(await page.locator('#loading').isVisible(), false, 'loading screen gone after the first frame');
  const ids = (await widgets(page)).map((w) => w.id);
  for (const id of ['lang.th', 'lang.en', 'home.search']) assert.ok(ids.includes(id), `${id} in ${ids}`);

  const search = await waitForWidget(page, { id: 'home.search' });
  await click(page, search);
  await waitForWidget(page, { id: 'home.search' }, (w) => w.active);

  await typeKeys(page, 'หนองบัว');
  await waitForWidget(page, { id: 'home.search' }, (w) => w.value === 'หนองบัว');
  const row = await waitForWidget(page, { idPrefix: 'home.result.', labelIncludes: 'หนองบัว' });
  assert.equal(row.kind, 'row');

  // Idle: with no input, no frame is drawn.
  const settled = await waitForIdle(page);
  await new Promise((r) => setTimeout(r, 2000));
  assert.equal(await frames(page), settled, 'frames were drawn while idle');

  // A quick click arriving while idle still gets its press and release frames: the school's
  // next steps take the list's place, and "choose another" brings the list back.
  await click(page, row);
  await waitForWidget(page, { id: 'home.next.register' });
  await press(page, 'home.next.other');
  await waitForWidget(page, { id: row.id }, (w) => w.value === '');

  await page.screenshot({ path: path.join(artifacts, 'home.png') });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('choosing a school offers its next steps; each opens with the school chosen, and back returns to the search', async () => {
  const found = await (await fetch(`${env.server.url}/api/v1/institutions?q=${encodeURIComponent('หนองบัว')}&affiliation=obec`)).json();
  const school = found.find((i) => i.parent_code);
  assert.ok(school, 'an obec school named หนองบัว in the demo directory');
  const page = await openApp(env.browser, env.server.url, { width: 1024, height: 900 });
  await click(page, await waitForWidget(page, { id: 'home.search' }));
  await typeKeys(page, school.code);
  await click(page, await waitForWidget(page, { id: `home.result.${school.code}` }));

  // Register: the wizard starts at the institution step with this school chosen.
  await press(page, 'home.next.register');
  await waitForWidget(page, { id: `reg.result.${school.code}` }, (w) => w.value === 'selected');
  await waitForWidget(page, { id: 'reg.steps' }, (w) => w.value === '2');

  // The browser's back: the search as it was, the school still chosen.
  await page.goBack();
  await waitForWidget(page, { id: 'home.search' }, (w) => w.value === school.code);
  await press(page, 'home.next.resume');
  await waitForWidget(page, { id: 'reg.resume.code' }, (w) => w.value === school.code);

  await page.goBack();
  await press(page, 'home.next.access');
  await waitForWidget(page, { id: 'access.school' }, (w) => w.value.startsWith(school.code));
  const area = await waitForWidget(page, { id: 'access.area' });
  assert.ok(area.value.startsWith(school.parent_code), `area ${area.value}`);

  await page.goBack();
  await press(page, 'home.next.stats');
  await waitForWidget(page, { id: 'stats.all' });
  assert.ok((await page.evaluate(() => location.hash)).includes(`office=${school.parent_code}`));
  await press(page, 'stats.all');
  await page.waitForFunction(() => !location.hash.includes('office='));
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the text size button enlarges everything, and a phone keeps its whole layout', async () => {
  for (const [width, height] of [[1024, 720], [390, 844]]) {
    const page = await openApp(env.browser, env.server.url, { width, height });
    const normal = await waitForWidget(page, { id: 'home.search' });
    await press(page, 'text.size');
    await waitForWidget(page, { id: 'text.zoom' }, (w) => w.value === '125');
    await waitForIdle(page);
    const larger = await waitForWidget(page, { id: 'home.search' });
    assert.ok(larger.h >= normal.h * 1.2, `search box ${normal.h} -> ${larger.h} px tall at ${width} px`);
    // Still clickable where the hook says: typing reaches the field, and nothing runs off the edge.
    await click(page, larger);
    await typeKeys(page, 'หนองบัว');
    await waitForWidget(page, { idPrefix: 'home.result.', labelIncludes: 'หนองบัว' });
    for (const w of await widgets(page)) assert.ok(w.x + w.w <= width + 1, `${w.id} ends at ${w.x + w.w} > ${width}`);
    await press(page, 'text.size');
    await waitForWidget(page, { id: 'text.zoom' }, (w) => w.value === '150');
    await press(page, 'text.size');
    await waitForWidget(page, { id: 'text.zoom' }, (w) => w.value === '100');
    await waitForIdle(page);
    assert.equal((await waitForWidget(page, { id: 'home.search' })).h, normal.h);
    assert.deepEqual(page.errors, []);
    await page.close();
  }
});

test('the language and text size chosen are kept for the next visit on this device', async () => {
  const page = await openApp(env.browser, env.server.url);
  await press(page, 'lang.en');
  await press(page, 'text.size');
  await waitForWidget(page, { id: 'text.zoom' }, (w) => w.value === '125' && w.label === 'Text size');
  await page.reload();
  await page.waitForFunction(() => window.__app && window.__app.frames() > 0, null, { timeout: 60000 });
  await waitForWidget(page, { id: 'text.zoom' }, (w) => w.value === '125' && w.label === 'Text size');
  assert.equal((await waitForWidget(page, { id: 'lang.en' })).value, 'selected');
  // Back to Thai and normal size: kept as well.
  await press(page, 'lang.th');
  await press(page, 'text.size');
  await press(page, 'text.size');
  await waitForWidget(page, { id: 'text.zoom' }, (w) => w.value === '100');
  await page.reload();
  await page.waitForFunction(() => window.__app && window.__app.frames() > 0, null, { timeout: 60000 });
  await waitForWidget(page, { id: 'text.zoom' }, (w) => w.value === '100' && w.label === 'ขนาดตัวอักษร');
  // Another device (a fresh browser profile) starts in Thai at normal size.
  const other = await openApp(env.browser, env.server.url);
  assert.equal((await waitForWidget(other, { id: 'lang.th' })).value, 'selected');
  assert.deepEqual(page.errors, []);
  await page.close();
  await other.close();
});

test('text without key events (paste, IME) reaches the search box', async () => {
  const page = await openApp(env.browser, env.server.url);
  await click(page, await waitForWidget(page, { id: 'home.search' }));
  await waitForWidget(page, { id: 'home.search' }, (w) => w.active);

  // A paste: the DOM paste event, as the browser fires it for Ctrl+V or the menu.
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'หนองบัว');
    document.activeElement.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await waitForWidget(page, { id: 'home.search' }, (w) => w.value === 'หนองบัว');
  await waitForWidget(page, { idPrefix: 'home.result.', labelIncludes: 'หนองบัว' });

  // An IME or dictation: text inserted with no key events at all.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.insertText', { text: ' ขอนแก่น' });
  await cdp.detach();
  await waitForWidget(page, { id: 'home.search' }, (w) => w.value === 'หนองบัว ขอนแก่น');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('Ctrl+V pastes from, and Ctrl+C copies to, the system clipboard', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1024, height: 720 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
  const page = await openApp(context, env.server.url);
  await page.evaluate(() => navigator.clipboard.writeText('บ้านหนองบัว'));
  await click(page, await waitForWidget(page, { id: 'home.search' }));
  await waitForWidget(page, { id: 'home.search' }, (w) => w.active);
  await page.keyboard.press('Control+V');
  await waitForWidget(page, { id: 'home.search' }, (w) => w.value === 'บ้านหนองบัว');

  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  await page.waitForFunction(async () => (await navigator.clipboard.readText()) === 'บ้านหนองบัว');
  await context.close();
});

test('the language switch turns the screen to English and back', async () => {
  const page = await openApp(env.browser, env.server.url);
  await waitForWidget(page, { id: 'home.search' }, (w) => w.label === 'ชื่อหรือรหัสสถานศึกษา');
  await click(page, await waitForWidget(page, { id: 'lang.en' }));
  await waitForWidget(page, { id: 'home.search' }, (w) => w.label === 'Institution name or code');
  await waitForWidget(page, { id: 'lang.en' }, (w) => w.value === 'selected');
  await page.screenshot({ path: path.join(artifacts, 'home-en.png') });
  await click(page, await waitForWidget(page, { id: 'lang.th' }));
  await waitForWidget(page, { id: 'home.search' }, (w) => w.label === 'ชื่อหรือรหัสสถานศึกษา');
  await page.close();
});

test('a name that is not in the directory shows what to do', async () => {
  const page = await openApp(env.browser, env.server.url);
  await click(page, await waitForWidget(page, { id: 'home.search' }));
  await typeKeys(page, 'ไม่มีโรงเรียนนี้');
  await waitForWidget(page, { id: 'home.search' }, (w) => w.value === 'ไม่มีโรงเรียนนี้');
  await waitForIdle(page);
  const rows = (await widgets(page)).filter((w) => w.id.startsWith('home.result.'));
  assert.equal(rows.length, 0);
  await page.screenshot({ path: path.join(artifacts, 'home-not-found.png') });
  await page.close();
});

test('a browser without WebGL2 gets a clear message in Thai and English', async () => {
  const page = await env.browser.newPage();
  await page.addInitScript(() => {
    const real = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
      return type === 'webgl2' ? null : real.call(this, type, ...rest);
    };
  });
  await page.goto(env.server.url);
  const problem = page.locator('#problem');
  await problem.waitFor({ state: 'visible' });
  assert.match(await problem.innerText(), /WebGL2/);
  assert.match(await page.locator('#problem-th').innerText(), /เบราว์เซอร์นี้ไม่รองรับ/);
  assert.equal(await page.locator('#loading').isVisible(), false);
  await page.close();
});
