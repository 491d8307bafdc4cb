// Time to first frame of the web client in headless Chromium: from navigation start to
// the first frame the app draws (window.__app.frames() > 0), median of cold loads (a
// fresh profile each), and where that time goes: the stages the loader and the client mark
// (performance.mark 'app:…', see web/loader.js and platform_web.cpp) beside each file's
// Resource Timing.
//   node bench/first-frame.mjs [--runs N] [--rural] [--warm] [--trace FILE] [--site DIR]
//   --rural   Chromium's network emulation: 1.6 Mbit/s down, 750 kbit/s up, 150 ms RTT
//   --warm    also a second load in the same profile (files from the browser's cache)
//   --trace   writes a Chrome performance trace of the last cold load (open it in DevTools'
//             Performance panel) and prints the renderer main thread's busiest tasks
//   --fresh-browser  a newly started browser for each load (its GPU process starting up, 1-4 s
//             with SwiftShader on a busy machine, is then part of the figure); by default one
//             browser, already running, and a new context (empty cache, no cookies) per load
//   --site    another build of the site to serve (default build/site), to compare two builds
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromiumArgs, startSite } from './browser_site.mjs';

const { values: opt } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' }, rural: { type: 'boolean', default: false },
    warm: { type: 'boolean', default: false }, trace: { type: 'string' },
    site: { type: 'string', default: 'build/site' }, 'fresh-browser': { type: 'boolean', default: false },
  },
});
const port = Number(process.env.BENCH_PORT || 18490);
const site = startSite(opt.site, port, 'ff');
const args = chromiumArgs;
const rural = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };

// Each stage: when it ended, in ms from navigation start (null: not seen).
function stagesOf(t) {
  const file = (re) => t.resources.find(r => re.test(r.name));
  const end = (re) => file(re)?.responseEnd ?? null;
  const mark = (name) => t.marks[name] ?? null;
  return [
    ['index.html', t.html],
    ['loader.js', end(/\/loader\.[^/]*js$/)],
    ['app.js', end(/\/app\.[^/]*js$/)],
    ['app.wasm downloaded', mark('app:wasm-downloaded') ?? end(/\.wasm$/)],
    ['app.wasm compiled', mark('app:wasm-compiled')],
    ['app.data downloaded', end(/\.data$/)],
    ['main() starts', mark('app:main')],
    ['main() returns', mark('app:main-returned')],
    ['first frame begins', mark('app:frame-begin')],
    ['fonts rasterised', mark('app:fonts-built')],
    ['first frame drawn', mark('app:frame-end')],
    ['loading screen hidden', mark('app:frame-shown')],
    ['seen by the bench', t.seen],
  ];
}

async function load(ctx, url, emulate) {
  const page = ctx.pages()[0] || await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  if (emulate) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', rural);
  }
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__app && window.__app.frames() > 0, null, { timeout: 120000, polling: 'raf' });
  return page.evaluate(() => ({
    seen: performance.now(),
    html: performance.getEntriesByType('navigation')[0]?.responseEnd ?? null,
    resources: performance.getEntriesByType('resource').map(r => ({ name: r.name, responseEnd: r.responseEnd })),
    marks: Object.fromEntries(performance.getEntriesByType('mark').map(m => [m.name, m.startTime])),
  }));
}

// Chrome's trace of one load, through the DevTools protocol; returns its events.
async function traced(ctx, page, run) {
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline',
      'v8', 'v8.wasm', 'v8.execute', 'blink.user_timing', 'loading', 'toplevel', 'disabled-by-default-v8.cpu_profiler'] },
  });
  const result = await run();
  const done = new Promise(r => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end');
  const { stream } = await done;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  writeFileSync(opt.trace, text);
  return { result, events: JSON.parse(text).traceEvents ?? JSON.parse(text) };
}

// The renderer main thread's tasks up to the first frame, by name: total ms and count.
function summarise(events) {
  const page = events.find(e => e.name === 'app:main-returned');  // the app's renderer
  const main = page && events.find(e => e.name === 'thread_name' && e.pid === page.pid && e.args?.name === 'CrRendererMain');
  if (!main) return;
  const frameEnd = events.find(e => e.name === 'app:frame-end' && e.pid === main.pid)?.ts ?? Infinity;
  const nav = events.find(e => e.pid === main.pid && e.name === 'navigationStart')?.ts ?? 0;
  const byName = new Map();
  for (const e of events) {
    if (e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || !e.dur || e.ts > frameEnd) continue;
    if (!['RunTask', 'ThreadControllerImpl::RunTask'].includes(e.name)) {
      const s = byName.get(e.name) ?? { ms: 0, n: 0, first: e.ts };
      s.ms += e.dur / 1000; s.n++; byName.set(e.name, s);
    }
  }
  console.log('renderer main thread until the first frame (nested events counted in each):');
  for (const [name, s] of [...byName].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25))
    console.log(`  ${name.padEnd(40)} ${s.ms.toFixed(0).padStart(6)} ms  x${s.n}  first at ${((s.first - nav) / 1000).toFixed(0)} ms`);
}

const median = (xs) => { const v = xs.filter(x => x != null).sort((a, b) => a - b); return v.length ? v[(v.length - 1) >> 1] : null; };

try {
  await site.ready();
  const url = `http://127.0.0.1:${port}/`;
  const runs = Number(opt.runs), cold = [], warm = [];
  const browser = opt['fresh-browser'] ? null : await chromium.launch({ executablePath: '/usr/bin/chromium', args });
  if (browser) {  // a browser someone is already using: its GPU process up and compositing
    const warmup = await browser.newPage();
    await warmup.goto('about:blank');
    await warmup.evaluate(() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 1000))));
    await warmup.close();
  }
  for (let i = 0; i < runs; i++) {
    const profile = mkdtempSync(join(tmpdir(), 'bench-ff-profile-'));
    const ctx = browser ? await browser.newContext()
      : await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', args });
    const page = ctx.pages()[0] || await ctx.newPage();
    if (opt.trace && i === runs - 1) {
      const { result, events } = await traced(ctx, page, () => load(ctx, url, opt.rural));
      cold.push(result);
      summarise(events);
    } else {
      cold.push(await load(ctx, url, opt.rural));
    }
    if (opt.warm) {
      await page.goto('about:blank');
      warm.push(await load(ctx, url, opt.rural));
    }
    await ctx.close();
    rmSync(profile, { recursive: true, force: true });
  }
  await browser?.close();
  const where = (opt.rural ? 'rural line: 1.6 Mbit/s, 150 ms RTT' : 'loopback')
    + (browser ? ', browser running' : ', browser started for each load');
  for (const [label, set] of [['cold cache', cold], ['warm cache', warm]]) {
    if (!set.length) continue;
    const times = set.map(t => t.seen).sort((a, b) => a - b);
    console.log(`first frame (ms, ${label}, ${where}, SwiftShader): ${times.map(t => t.toFixed(0)).join(' ')}`);
    console.log(`median: ${median(times).toFixed(0)} ms (seen by the bench, through DevTools)`);
    console.log(`median of the app's own mark of its first frame drawn: ${median(set.map(t => t.marks['app:frame-end'])).toFixed(0)} ms (goal: <= 1000 cold on loopback)`);
    console.log(`  ${'stage (median of runs)'.padEnd(26)} ${'ends at'.padStart(8)} ${'after prev.'.padStart(12)}`);
    const rows = set.map(stagesOf);
    let prev = 0;
    rows[0].forEach(([name], k) => {
      const at = median(rows.map(r => r[k][1]));
      if (at == null) return;
      console.log(`  ${name.padEnd(26)} ${at.toFixed(0).padStart(8)} ${(at - prev).toFixed(0).padStart(12)}`);
      prev = at;
    });
  }
} finally {
  site.stop();
}
