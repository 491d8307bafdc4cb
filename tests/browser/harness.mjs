// Shared by the browser tests: the real server on a free port with a fresh data folder,
// Debian's Chromium through playwright-core, and the client's test hook (window.__app).
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';

import { chromium } from 'playwright-core';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const artifacts = path.join(root, 'artifacts');

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// Starts build/native/server/school-server serving build/site; it imports the demo
// directory into its fresh DATA_DIR on start. `port` (from freePort()) lets a caller name
// the server's URL before it starts (PUBLIC_URL); `env` adds or overrides variables.
export async function startServer({ mode = 'development', port: chosenPort, env = {} } = {}) {
  const port = chosenPort ?? await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'school-data-'));
  const binary = path.join(root, 'build/native/server/school-server');
  const proc = spawn(binary, ['--site', 'build/site', '--assets', 'assets', '--mode', mode], {
    cwd: root,
    env: { ...process.env, PORT: String(port), BIND: '127.0.0.1', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  proc.stdout.on('data', (d) => { log += d; });
  proc.stderr.on('data', (d) => { log += d; });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited (${proc.exitCode}):\n${log}`);
    try {
      const r = await fetch(`${url}/api/v1/health`);
      if (r.ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    log: () => log,
    async stop() {
      proc.kill('SIGTERM');
      await new Promise((r) => (proc.exitCode !== null ? r() : proc.once('exit', r)));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// Headless Chromium rendering WebGL2 through SwiftShader (docs/toolchain.md); Playwright
// gives it a fresh profile (user data dir) per launch.
export async function launchBrowser() {
  mkdirSync(artifacts, { recursive: true });
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
      '--disable-gpu-sandbox', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic',
    ],
  });
}

// A page on the app (in a browser, or in a context of one), its first frame drawn.
// Console errors (but for 4xx replies) are collected in page.errors.
export async function openApp(browserOrContext, url, { width = 1024, height = 720 } = {}) {
  const page = 'newContext' in browserOrContext
    ? await browserOrContext.newPage({ viewport: { width, height } })
    : await browserOrContext.newPage();
  page.errors = [];
  // A 4xx reply is an answer the app shows (bad input, not signed in), not an error of the
  // page; Chromium still logs each one.
  const answered = /^Failed to load resource: the server responded with a status of 4\d\d/;
  page.on('console', (m) => {
    if (m.type() === 'error' && !answered.test(m.text())) page.errors.push(m.text());
  });
  page.on('pageerror', (e) => page.errors.push(String(e)));
  await page.goto(url);
  await page.waitForFunction(() => window.__app && window.__app.frames() > 0, null, { timeout: 60000 });
  // The first server replies (health: the development banner) move widgets down; clicks
  // aimed at the positions of an earlier frame would miss on a slow machine.
  await waitForIdle(page);
  return page;
}

// --- the test hook ---------------------------------------------------------------------
export const frames = (page) => page.evaluate(() => window.__app.frames());
export const widgets = (page) => page.evaluate(() => window.__app.widgets());

// Waits until a widget matching `match` ({id} or {labelIncludes}) satisfies `ok`
// (default: exists), and returns it.
export async function waitForWidget(page, match, ok = () => true, timeout = 15000) {
  const deadline = Date.now() + timeout;
  let last = [];
  for (;;) {
    last = await widgets(page);
    const w = last.find((x) => (match.id ? x.id === match.id : true) &&
      (match.idPrefix ? x.id.startsWith(match.idPrefix) : true) &&
      (match.labelIncludes ? x.label.includes(match.labelIncludes) : true));
    if (w && ok(w)) return w;
    if (Date.now() > deadline) {
      throw new Error(`no widget ${JSON.stringify(match)} as expected; last frame: ${JSON.stringify(last)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

// A real mouse click at the middle of the widget's rectangle.
export async function click(page, widget) {
  await page.mouse.click(widget.x + widget.w / 2, widget.y + widget.h / 2);
}

// Types like a Thai keyboard layout: a real keydown (with its text) and keyup per
// character, through CDP. (Playwright's keyboard.type sends non-US characters with
// Input.insertText: no key events, which SDL would never see.)
export async function typeKeys(page, text) {
  const cdp = await page.context().newCDPSession(page);
  for (const ch of text) {
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: ch, text: ch, unmodifiedText: ch });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: ch });
  }
  await cdp.detach();
}

// Waits until the app has settled: no frame drawn for `quietMs` (timers and replies done),
// or, when a ticking countdown keeps drawing, no widget moved, came or went for twice that.
const layoutOf = (page) => page.evaluate(
  () => JSON.stringify(window.__app.widgets().map((w) => [w.id, w.x, w.y, w.w, w.h])));
export async function waitForIdle(page, quietMs = 700, timeout = 15000) {
  const deadline = Date.now() + timeout;
  let before = await frames(page);
  let layout = await layoutOf(page);
  let layoutSince = Date.now();
  for (;;) {
    await new Promise((r) => setTimeout(r, quietMs));
    const now = await frames(page);
    if (now === before) return now;
    const nowLayout = await layoutOf(page);
    if (nowLayout !== layout) [layout, layoutSince] = [nowLayout, Date.now()];
    else if (Date.now() - layoutSince >= 2 * quietMs) return now;
    if (Date.now() > deadline) throw new Error('the app never went idle');
    before = now;
  }
}

// --- one server and one browser per test file ----------------------------------------------
// Registers the file's before/after hooks. The returned object holds, once tests run,
// `server`, `browser`, and (development mode) `accounts`, the demo accounts with passwords.
export function serverAndBrowser(options) {
  const env = {
    password: (username) => env.accounts.find((a) => a.username === username).password,
  };
  before(async () => {
    env.server = await startServer(options);
    env.browser = await launchBrowser();
    if ((options?.mode ?? 'development') === 'development')
      env.accounts = await (await fetch(`${env.server.url}/api/v1/dev/accounts`)).json();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}

// An API session of a user (cookie + CSRF token, as the client keeps them), for setting a
// scene and checking what was stored: call(method, target, body) -> {status, json, text};
// upload(name, bytes) -> file_id.
export async function apiSession(serverUrl, username, password) {
  const r = await fetch(`${serverUrl}/api/v1/auth/login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }),
  });
  if (r.status !== 200) throw new Error(`sign-in of ${username}: ${r.status} ${await r.text()}`);
  const cookie = r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrf_token: csrf } = await r.json();
  const headers = { Cookie: cookie, 'X-CSRF-Token': csrf };
  const call = async (method, target, body) => {
    const res = await fetch(`${serverUrl}${target}`, {
      method,
      headers: { ...headers, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let json = null;
    try { json = JSON.parse(text); } catch { /* a file */ }
    return { status: res.status, json, text };
  };
  const upload = async (name, bytes) => {
    const form = new FormData();
    form.append('file', new Blob([bytes]), name);
    const res = await fetch(`${serverUrl}/api/v1/files`, { method: 'POST', headers, body: form });
    if (res.status !== 201) throw new Error(`upload of ${name}: ${res.status} ${await res.text()}`);
    return (await res.json()).file_id;
  };
  return { call, upload };
}

// --- acting like a user -------------------------------------------------------------------
// Clicks once the layout has settled and the widget is enabled (a reply may move buttons).
export async function press(page, id) {
  await waitForWidget(page, { id }, (w) => w.value !== 'disabled');
  await waitForIdle(page, 300);
  await click(page, await waitForWidget(page, { id }, (w) => w.value !== 'disabled'));
}

// Answers the question an irreversible action asks first: the dialog must say `says` (a
// RegExp on its title and consequence; the app's words, not ours), then "yes" (or "cancel"
// with { yes: false }), and the dialog goes. Returns the dialog's widget.
export async function answerConfirm(page, says, { yes = true } = {}) {
  const dialog = await waitForWidget(page, { id: 'confirm' });
  if (says && !says.test(`${dialog.label} ${dialog.value}`)) {
    throw new Error(`the confirmation says "${dialog.label} ${dialog.value}", not ${says}`);
  }
  await press(page, yes ? 'confirm.yes' : 'confirm.no');
  try {
    await page.waitForFunction(() => !window.__app.widgets().some((w) => w.id === 'confirm'), null, { timeout: 15000 });
  } catch (e) {
    await page.screenshot({ path: path.join(artifacts, 'confirm-stuck.png') });
    const shown = (await widgets(page)).filter((w) => w.id.startsWith('confirm'));
    throw new Error(`the confirmation did not go after "${yes ? 'yes' : 'cancel'}": ${JSON.stringify(shown)}`);
  }
  return dialog;
}

// Focuses a text field (clicking again when a click fell between frames under load) and
// types `text` with real key events.
export const fill = (page, id, text) => focusAndType(page, id, text, press);

// Activates field `id` with `activate(page, id)` (a click, a tap) until it takes the keys
// (three tries), then types `text` with real key events.
export async function focusAndType(page, id, text, activate) {
  for (let attempt = 1; ; attempt++) {
    await activate(page, id);
    try {
      await waitForWidget(page, { id }, (w) => w.active, 5000);
      break;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
  await typeKeys(page, text);
}

// Like fill, for an empty field: waits until it holds exactly `text` (a password, its dots).
export async function typeInto(page, id, text) {
  await fill(page, id, text);
  const shown = (w) => (w.kind === 'password' ? '*'.repeat([...text].length) : text);
  await waitForWidget(page, { id }, (w) => w.value === shown(w));
}

// Replaces what a field holds (select all, delete), then types.
export async function replace(page, id, text) {
  await fill(page, id, '');
  for (let attempt = 1; ; attempt++) {
    // Ctrl held across frames: ImGui 1.86 reads modifiers from SDL's state, not the events
    // (under load a short press can fall between two frames: then select again).
    await page.keyboard.down('Control');
    await page.keyboard.press('KeyA', { delay: 50 });
    await page.keyboard.up('Control');
    await page.keyboard.press('Backspace');
    try {
      await waitForWidget(page, { id }, (w) => w.value === '', 5000);
      break;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
  await typeKeys(page, text);
}

// Signs in on the sign-in screen the page shows, and waits until the app leaves it.
export async function signInThroughScreen(page, username, password) {
  await typeInto(page, 'signin.username', username);
  await typeInto(page, 'signin.password', password);
  await page.keyboard.press('Enter', { delay: 30 });
  await page.waitForFunction(() => !location.hash.startsWith('#/signin'), null, { timeout: 15000 });
}

// From the anonymous home page: "sign in", the sign-in screen, back on the home page (the
// user's desk).
export async function signInFromHome(page, username, password) {
  await press(page, 'home.signin');
  await page.waitForFunction(() => location.hash.startsWith('#/signin'));
  await signInThroughScreen(page, username, password);
  await page.waitForFunction(() => location.hash === '#/' || location.hash === '');
}

// Opens `url`'s home page, signs in there and clicks the desk's card `kind` (e.g. "users"):
// the way a person reaches their screen.
export async function openFromDesk(browser, url, username, password, kind, size) {
  const page = await openApp(browser, `${url}/#/`, size);
  await signInFromHome(page, username, password);
  await press(page, `desk.${kind}`);
  return page;
}

// The screen of another fiscal year, as a person gets there: the desk's card `kind`, then
// `year` (B.E.) in the screen's year picker `picker` (next year first, then this one, back).
export async function openYearFromDesk(browser, url, username, password, kind, picker, year, size) {
  const page = await openFromDesk(browser, url, username, password, kind, size);
  const now = new Date();
  const fiscal = now.getFullYear() + 543 + (now.getMonth() >= 9 ? 1 : 0);
  await press(page, picker);
  await press(page, `${picker}.${fiscal + 1 - year}`);
  await waitForWidget(page, { id: picker }, (w) => w.value === String(year));
  return page;
}

// --- the development SMS outbox -----------------------------------------------------------
// The outbox of a phone, newest first, once it holds more than `seen` messages.
export async function smsTo(serverUrl, phone, seen = 0) {
  for (let i = 0; i < 150; i++) {
    const list = await (await fetch(`${serverUrl}/api/v1/dev/outbox?phone=${phone}`)).json();
    if (list.length > seen) return list;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no new SMS to ${phone} (had ${seen})`);
}

// The 6-digit code of the newest SMS to `phone`, once there are more than `seen`.
export async function newOtp(serverUrl, phone, seen = 0) {
  const text = (await smsTo(serverUrl, phone, seen))[0].text;
  const m = /(\d{6})/.exec(text);
  if (!m) throw new Error(`no code in "${text}"`);
  return m[1];
}

// A real one-page PDF of about `size` bytes (a stream of spaces), with a correct xref.
export function realPdf(size, text = 'evidence') {
  const stream = `BT /F1 12 Tf 20 700 Td (${text}) Tj ET${' '.repeat(size)}`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => { const at = pdf.length; pdf += `${i + 1} 0 obj\n${o}\nendobj\n`; return at; });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const at of offsets) pdf += `${String(at).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

// --- phones: touch only (tests/browser/touch.mjs) ------------------------------------------
// The access request's pickers: the area office (typed into its filter), then a school in it.
export async function chooseAreaAndSchool(page, area, school) {
  await waitForIdle(page);  // the form's first replies (offices, identity providers) placed
  await click(page, await waitForWidget(page, { id: 'access.area' }));
  await waitForWidget(page, { id: 'access.area.filter' });
  await typeKeys(page, area);
  await waitForIdle(page);
  await click(page, await waitForWidget(page, { idPrefix: 'access.area.', labelIncludes: area }, (w) => w.kind === 'option'));
  await waitForWidget(page, { id: 'access.area' }, (w) => w.value.startsWith(area));
  await waitForIdle(page);
  await click(page, await waitForWidget(page, { id: 'access.school' }));
  await waitForIdle(page);
  await click(page, await waitForWidget(page, { idPrefix: 'access.school.', labelIncludes: school }, (w) => w.kind === 'option'));
  await waitForWidget(page, { id: 'access.school' }, (w) => w.value.startsWith(school));
  await waitForIdle(page);
}

export * from './touch.mjs';
