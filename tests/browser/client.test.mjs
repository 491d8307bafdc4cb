// The client's frame in real Chromium against the real server: hash routes (deep links,
// links, the back button), the form widgets with real keyboard and mouse input, the
// browser's file picker, an upload's progress and decoded error, a download.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';

import {
  artifacts, click, openApp, serverAndBrowser, typeKeys, waitForIdle, waitForWidget,
} from './harness.mjs';

const env = serverAndBrowser();

const hash = (page) => page.evaluate(() => location.hash);

test('home links change the route; the back button and unknown routes behave', async () => {
  const page = await openApp(env.browser, env.server.url);
  for (const id of ['home.signin', 'home.register', 'home.access', 'home.stats'])
    await waitForWidget(page, { id }, (w) => w.kind === 'link');
  await click(page, await waitForWidget(page, { id: 'home.stats' }));
  await page.waitForFunction(() => location.hash === '#/stats');
  await waitForWidget(page, { id: 'app.home' });

  await page.goBack();
  await page.waitForFunction(() => location.hash === '');
  await waitForWidget(page, { id: 'home.search' });

  // A route typed or followed from elsewhere (hashchange) shows its screen.
  await page.evaluate(() => { location.hash = '#/no-such-page'; });
  const home = await waitForWidget(page, { id: 'app.home' });
  await waitForIdle(page);
  await click(page, home);
  await page.waitForFunction(() => location.hash === '#/');
  await waitForWidget(page, { id: 'home.search' });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('form widgets take real input; file picker, upload progress and download work', async () => {
  const page = await openApp(env.browser, `${env.server.url}/#/dev/widgets`, { height: 1000 });
  assert.equal(await hash(page), '#/dev/widgets');

  // Password: masked in the hook, the shared policy's error under the field as one types.
  await click(page, await waitForWidget(page, { id: 'dev.password' }));
  await typeKeys(page, '1234');
  const masked = await waitForWidget(page, { id: 'dev.password' }, (w) => w.value === '****');
  assert.equal(masked.kind, 'password');
  const error = await waitForWidget(page, { id: 'dev.password.error' });
  assert.equal(error.value, 'password_too_short');
  assert.match(error.label, /รหัสผ่าน/);
  for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');
  await typeKeys(page, 'Kx!9mQ2zTr');
  await waitForWidget(page, { id: 'dev.password' }, (w) => w.value === '**********');
  await page.waitForFunction(() => !window.__app.widgets().some((w) => w.id === 'dev.password.error'));

  // Combo: open it, pick the second option with a click.
  await click(page, await waitForWidget(page, { id: 'dev.combo' }));
  await waitForWidget(page, { id: 'dev.combo.1' });
  await waitForIdle(page);  // a popup settles its place in the frames after it opens
  await click(page, await waitForWidget(page, { id: 'dev.combo.1' }));
  await waitForWidget(page, { id: 'dev.combo' }, (w) => w.value === 'สอง');

  await click(page, await waitForWidget(page, { id: 'dev.check' }));
  await waitForWidget(page, { id: 'dev.check' }, (w) => w.value === 'checked');
  await click(page, await waitForWidget(page, { id: 'dev.next' }));
  await waitForWidget(page, { id: 'dev.steps' }, (w) => w.value === '2');

  // The browser's own file picker; the bytes go up with progress; the 405 is decoded.
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    waitForWidget(page, { id: 'dev.file' }).then((w) => click(page, w)),
  ]);
  await chooser.setFiles({ name: 'หนังสือ.txt', mimeType: 'text/plain', buffer: Buffer.alloc(300000, 65) });
  await waitForWidget(page, { id: 'dev.file' }, (w) => w.value === 'หนังสือ.txt');
  await waitForWidget(page, { id: 'dev.progress' }, (w) => w.value === '1.00' && w.label === '300000 bytes');
  const refused = await waitForWidget(page, { id: 'dev.upload.error' });
  assert.equal(refused.value, 'method_not_allowed');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    waitForWidget(page, { id: 'dev.download' }).then((w) => click(page, w)),
  ]);
  assert.equal(download.suggestedFilename(), 'favicon.svg');
  assert.match((await download.createReadStream()).read()?.toString() ?? '<svg', /<svg/);

  await page.screenshot({ path: path.join(artifacts, 'client-widgets.png') });
  assert.deepEqual(page.errors, []);
  await page.close();
});
