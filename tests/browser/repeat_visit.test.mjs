// A repeat visit on a slow line: what index.html loads has content-hashed names the server
// marks immutable, so coming back (a reload, or opening the site again in the same browser)
// asks the server for index.html only; the app's files come from the browser's cache.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { openApp, serverAndBrowser, waitForIdle } from './harness.mjs';

const env = serverAndBrowser();

// The files (not API calls) the server was asked for, from its request log, after `from`
// (the server writes request lines a tenth of a second late at most: wait a little longer).
async function filesAsked(from) {
  await new Promise((resolve) => setTimeout(resolve, 400));
  return env.server.log().slice(from).split('\n')
    .map((line) => line.match(/ (GET|HEAD) (\S+) (\d{3}) /))
    .filter((m) => m && !m[2].startsWith('/api/'))
    .map((m) => `${m[2]} ${m[3]}`);
}

test('a second visit fetches nothing but index.html', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1366, height: 768 } });
  const policies = {};
  context.on('response', (r) => { policies[new URL(r.url()).pathname] = r.headers()['cache-control']; });
  const start = env.server.log().length;
  const page = await openApp(context, env.server.url);
  const first = await filesAsked(start);
  for (const kind of [/^\/app\.[0-9a-f]{8}\.wasm 200$/, /^\/app\.[0-9a-f]{8}\.js 200$/,
    /^\/app\.[0-9a-f]{8}\.data 200$/, /^\/loader\.[0-9a-f]{8}\.js 200$/, /^\/style\.[0-9a-f]{8}\.css 200$/])
    assert.ok(first.some((f) => kind.test(f)), `${kind} in the first visit: ${first}`);
  for (const [file, policy] of Object.entries(policies))
    if (/\.[0-9a-f]{8}\.\w+$/.test(file)) assert.equal(policy, 'public, max-age=31536000, immutable', file);
  assert.equal(policies['/'], 'no-cache');

  // Reload: the page itself is revalidated (304), nothing else is asked for.
  const beforeReload = env.server.log().length;
  await page.reload();
  await page.waitForFunction(() => window.__app && window.__app.frames() > 0, null, { timeout: 60000 });
  await waitForIdle(page);
  assert.deepEqual(await filesAsked(beforeReload), ['/ 304']);

  // Coming back another time in the same browser: the same.
  const beforeVisit = env.server.log().length;
  const again = await openApp(context, env.server.url);
  assert.deepEqual(await filesAsked(beforeVisit), ['/ 304']);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(again.errors, []);
  await context.close();
});
