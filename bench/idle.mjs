// What an idle tab of the web client costs: loads the app in headless Chromium, waits for
// its first frame and 2 s more, then over 10 s (nobody touching it) measures the renderer
// main thread's busy time (DevTools Performance.getMetrics, TaskDuration), the WebGL draw
// calls (drawElements/drawArrays, counted by a wrapper installed before the page's scripts)
// and the animation frames asked for. Goal (issue 14): 0 draw calls, <= 2 % busy.
//   node bench/idle.mjs [--runs N] [--seconds S] [--site DIR]
//   --site    another build of the site to serve (default build/site), to compare two builds
import { chromium } from 'playwright-core';
import { parseArgs } from 'node:util';
import { chromiumArgs, startSite } from './browser_site.mjs';

const { values: opt } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' }, seconds: { type: 'string', default: '10' },
    site: { type: 'string', default: 'build/site' },
  },
});
const port = Number(process.env.BENCH_PORT || 18491);
const site = startSite(opt.site, port, 'idle');
const args = chromiumArgs;

// Runs in the page before its own scripts: counts draw calls and animation frames asked.
function counters() {
  window.__idle = { draws: 0, rafs: 0 };
  const gl = WebGL2RenderingContext.prototype;
  for (const name of ['drawElements', 'drawArrays', 'drawElementsInstanced', 'drawArraysInstanced', 'drawRangeElements']) {
    const real = gl[name];
    gl[name] = function (...a) { window.__idle.draws++; return real.apply(this, a); };
  }
  const raf = window.requestAnimationFrame;
  window.requestAnimationFrame = function (f) { window.__idle.rafs++; return raf.call(window, f); };
}

const sleep = (ms) => new Promise(r => setTimeout(r, ms));
const metric = (m, name) => m.metrics.find(x => x.name === name)?.value ?? 0;
const median = (xs) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1];

try {
  await site.ready();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
  const seconds = Number(opt.seconds), results = [];
  for (let i = 0; i < Number(opt.runs); i++) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    await page.addInitScript(counters);
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => window.__app && window.__app.frames() > 0, null, { timeout: 120000 });
    await sleep(2000);
    const read = () => page.evaluate(() => ({ ...window.__idle, frames: window.__app.frames() }));
    const m0 = await cdp.send('Performance.getMetrics'), c0 = await read();
    await sleep(seconds * 1000);
    const m1 = await cdp.send('Performance.getMetrics'), c1 = await read();
    const wall = metric(m1, 'Timestamp') - metric(m0, 'Timestamp');
    const busy = metric(m1, 'TaskDuration') - metric(m0, 'TaskDuration');
    const script = metric(m1, 'ScriptDuration') - metric(m0, 'ScriptDuration');
    results.push({ busy: 100 * busy / wall, script: 100 * script / wall, draws: c1.draws - c0.draws,
      rafs: c1.rafs - c0.rafs, frames: c1.frames - c0.frames, wall });
    await ctx.close();
  }
  await browser.close();
  console.log(`idle tab, ${seconds} s after the first frame + 2 s (headless Chromium, SwiftShader), ${opt.site}`);
  console.log('run  busy %  script %  draw calls  anim. frames  app frames');
  results.forEach((r, k) => console.log(`${String(k + 1).padStart(3)} ${r.busy.toFixed(2).padStart(7)} ${r.script.toFixed(2).padStart(9)}`
    + ` ${String(r.draws).padStart(11)} ${String(r.rafs).padStart(13)} ${String(r.frames).padStart(11)}`));
  console.log(`median main-thread busy: ${median(results.map(r => r.busy)).toFixed(2)} % (goal: <= 2 %)`);
  console.log(`median draw calls: ${median(results.map(r => r.draws))} (goal: 0); animation frames asked: ${median(results.map(r => r.rafs))}`);
} finally {
  site.stop();
}
