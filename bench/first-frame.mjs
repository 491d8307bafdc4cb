// Time to first frame of the web client in headless Chromium: from navigation start to
// the first frame the app draws (window.__app.frames() > 0), median of 5 cold loads.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const port = Number(process.env.BENCH_PORT || 18490);
const data = mkdtempSync(join(tmpdir(), 'bench-ff-'));
const server = spawn(join(root, 'build/native/server/school-server'),
  ['--site', join(root, 'build/site'), '--assets', join(root, 'assets')],
  { env: { ...process.env, PORT: String(port), BIND: '127.0.0.1', DATA_DIR: data }, stdio: 'ignore' });

async function waitHealthy() {
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(`http://127.0.0.1:${port}/api/v1/health`)).ok) return; } catch {}
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

const args = ['--headless', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-gpu-sandbox', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic'];
try {
  await waitHealthy();
  const times = [];
  for (let i = 0; i < 5; i++) {
    const profile = mkdtempSync(join(tmpdir(), 'bench-ff-profile-'));
    const ctx = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', args });
    const page = ctx.pages()[0] || await ctx.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => window.__app && window.__app.frames() > 0, null, { timeout: 60000 });
    times.push(await page.evaluate(() => performance.now()));
    await ctx.close();
    rmSync(profile, { recursive: true, force: true });
  }
  times.sort((a, b) => a - b);
  console.log(`first frame (ms, cold cache, loopback, SwiftShader): ${times.map(t => t.toFixed(0)).join(' ')}`);
  console.log(`median: ${times[2].toFixed(0)} ms`);
} finally {
  server.kill('SIGTERM');
  rmSync(data, { recursive: true, force: true });
}
