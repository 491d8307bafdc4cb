// What the browser benchmarks share: the real server on a fresh data folder serving a build
// of the site, and the headless Chromium flags (SwiftShader WebGL2, nothing in the background).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = new URL('..', import.meta.url).pathname;

export const chromiumArgs = ['--headless', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-gpu-sandbox', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic'];

// Starts school-server on `port` for `site` (relative to the project or absolute); returns
// { url, ready(), stop() }.
export function startSite(site, port, name) {
  const data = mkdtempSync(join(tmpdir(), `bench-${name}-`));
  const server = spawn(join(root, 'build/native/server/school-server'),
    ['--site', site.startsWith('/') ? site : join(root, site), '--assets', join(root, 'assets')],
    { env: { ...process.env, PORT: String(port), BIND: '127.0.0.1', DATA_DIR: data }, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    async ready() {
      for (let i = 0; i < 100; i++) {
        try { if ((await fetch(`${url}/api/v1/health`)).ok) return; } catch {}
        await new Promise(r => setTimeout(r, 100));
      }
      throw new Error('server did not start');
    },
    stop() {
      server.kill('SIGTERM');
      rmSync(data, { recursive: true, force: true });
    },
  };
}
