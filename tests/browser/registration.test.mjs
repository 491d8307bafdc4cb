// The whole registration in real Chromium against the real server: find a school, fill the
// form with real key events, the OTP from the dev outbox, the letter checked by pdftotext,
// a signed JPG through the browser's file picker; a reviewer signs in, sees the letter's image
// next to the record and approves; the activation link from the outbox opened in the browser,
// a password, and signing in through the sign-in screen: all through the UI.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import {
  answerConfirm, artifacts, click, newOtp, openApp, press, serverAndBrowser, smsTo, typeInto, typeKeys, waitForIdle,
  waitForWidget,
} from './harness.mjs';

const env = serverAndBrowser();

const step = (page, n) => waitForWidget(page, { id: 'reg.steps' }, (w) => w.value === String(n));

async function signIn(page, username, password) {
  await typeInto(page, 'signin.username', username);
  await typeInto(page, 'signin.password', password);
  await press(page, 'signin.submit');
}

test('a school registers, uploads its signed letter, is approved, activates and signs in', async () => {
  const page = await openApp(env.browser, `${env.server.url}/#/register`, { height: 1100 });
  const dir = mkdtempSync(path.join(tmpdir(), 'reg-browser-'));

  // 1 affiliation: อปท. and สพฐ. open, the others listed as not open.
  await step(page, 1);
  await press(page, 'reg.next');
  await waitForWidget(page, { id: 'reg.affiliation.error' });
  await press(page, 'reg.affiliation.obec');
  await press(page, 'reg.next');

  // 2 institution: by name and province; then by code.
  await step(page, 2);
  await typeInto(page, 'reg.name', 'หนองบัว');
  await typeInto(page, 'reg.province', 'ขอนแก่น');
  await press(page, 'reg.find_name');
  await press(page, 'reg.result.1010720001');
  await press(page, 'reg.next');

  // 3 legacy usernames; back and forth keeps them.
  await step(page, 3);
  await typeInto(page, 'reg.tsl', 'tsl_nongbua');
  await press(page, 'reg.back');
  await step(page, 2);
  await press(page, 'reg.next');
  await waitForWidget(page, { id: 'reg.tsl' }, (w) => w.value === 'tsl_nongbua');
  await press(page, 'reg.next');

  // 4 the account holder, with a wrong check digit first: shown inline.
  await step(page, 4);
  await typeInto(page, 'reg.title', 'นางสาว');
  await typeInto(page, 'reg.first_name', 'สมหญิง');
  await typeInto(page, 'reg.last_name', 'ใจดี');
  await typeInto(page, 'reg.national_id', '1101700203451');
  const wrongId = await waitForWidget(page, { id: 'reg.national_id.error' });
  assert.equal(wrongId.value, 'national_id_checksum');
  await click(page, await waitForWidget(page, { id: 'reg.national_id' }));
  await page.keyboard.press('Backspace');
  await typeKeys(page, '0');
  await page.waitForFunction(() => !window.__app.widgets().some((w) => w.id === 'reg.national_id.error'));
  await typeInto(page, 'reg.position', 'ครู');
  await typeInto(page, 'reg.phone', '0812345678');
  await press(page, 'reg.next');

  // 5 OTP from the outbox.
  await step(page, 5);
  await typeInto(page, 'reg.otp', await newOtp(env.server.url, '0812345678'));
  await press(page, 'reg.verify');

  // 6 the letter: a real download, checked with pdftotext.
  await step(page, 6);
  const [download] = await Promise.all([page.waitForEvent('download'), press(page, 'reg.letter')]);
  const pdfPath = path.join(dir, 'letter.pdf');
  await download.saveAs(pdfPath);
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  assert.ok(text.includes('นางสาวสมหญิง ใจดี'), text);
  assert.ok(text.includes('1010720001'));
  await press(page, 'reg.next');

  // 7 upload the signed letter: its first page as a JPG (pdftoppm) with a blue signature,
  // through the browser's file picker.
  await step(page, 7);
  execFileSync('pdftoppm', ['-jpeg', '-r', '72', '-f', '1', '-l', '1', '-singlefile', pdfPath, path.join(dir, 'page')]);
  const jpg = path.join(dir, 'signed.jpg');
  execFileSync('convert', [path.join(dir, 'page.jpg'), '-fill', 'none', '-stroke', '#1a3cc8', '-strokewidth', '4',
    '-draw', 'bezier 330,640 380,600 420,680 470,620', jpg]);
  // Nothing asked twice: the username and national ID of this session are filled in.
  await waitForWidget(page, { id: 'reg.upload.username' }, (w) => w.value === '1010720001');
  await waitForWidget(page, { id: 'reg.upload.national_id' }, (w) => w.value === '1101700203450');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), press(page, 'reg.file')]);
  await chooser.setFiles({ name: 'signed.jpg', mimeType: 'image/jpeg', buffer: readFileSync(jpg) });
  await waitForWidget(page, { id: 'reg.file' }, (w) => w.value === 'signed.jpg');
  await press(page, 'reg.upload');

  // 8 status: under review.
  await step(page, 8);
  await page.screenshot({ path: path.join(artifacts, 'registration-status.png') });

  // The area's reviewer, in a browser of their own: the queue asks to sign in first.
  const reviewer = await openApp(env.browser, `${env.server.url}/#/review/registrations`, { width: 1200, height: 1000 });
  await reviewer.waitForFunction(() => location.hash.startsWith('#/signin?next='));
  await signIn(reviewer, 'area.reviewer', 'Phat-Kaphrao-Mu-Sap-8');
  await reviewer.waitForFunction(() => location.hash === '#/review/registrations');
  const row = await waitForWidget(reviewer, { idPrefix: 'rev.row.' });
  assert.match(row.label, /หนองบัว/);
  await press(reviewer, row.id);
  // The record next to the uploaded letter's image (the JPG as uploaded, 595x842 at 72 dpi).
  const letter = await waitForWidget(reviewer, { id: 'rev.letter' });
  assert.equal(letter.kind, 'image');
  assert.match(letter.value, /^\d+x\d+$/);
  const [iw, ih] = letter.value.split('x').map(Number);
  assert.ok(letter.w > 100 && letter.h > 100, JSON.stringify(letter));
  assert.ok(Math.abs(letter.w / letter.h - iw / ih) < 0.02, 'aspect ratio kept');
  const record = await waitForWidget(reviewer, { id: 'rev.approve' });
  assert.ok(record.x < letter.x, 'the record sits next to the letter, on its left');
  await waitForIdle(reviewer, 300);
  // What was drawn there is the letter, not the page's background: printed text and the blue ink.
  const shot = path.join(dir, 'letter-shown.png');
  await reviewer.screenshot({ path: shot, clip: { x: letter.x, y: letter.y, width: letter.w, height: letter.h } });
  const deviation = Number(execFileSync('convert', [shot, '-format', '%[fx:standard_deviation]', 'info:'],
    { encoding: 'utf8' }));
  const blue = Number(execFileSync('convert', [shot, '-fx', 'b - r', '-format', '%[fx:maxima]', 'info:'],
    { encoding: 'utf8' }));
  assert.ok(deviation > 0.05, `the letter's rectangle looks blank (deviation ${deviation})`);
  assert.ok(blue > 0.3, `no blue signature in the letter's rectangle (${blue})`);
  await reviewer.screenshot({ path: path.join(artifacts, 'registration-review.png') });
  // Enlarged over the whole window (a click on it), and closed again.
  await waitForWidget(reviewer, { id: 'rev.letter.zoom' }, (w) => w.y + w.h <= 1000);
  await press(reviewer, 'rev.letter');
  const zoomed = await waitForWidget(reviewer, { id: 'rev.letter.zoomed' });
  assert.ok(zoomed.w > letter.w, 'the enlarged letter is wider');
  await press(reviewer, 'rev.letter.close');
  await reviewer.waitForFunction(() => !window.__app.widgets().some((w) => w.id === 'rev.letter.zoomed'));
  // Legacy usernames on the record; approve.
  await press(reviewer, 'rev.approve');
  await answerConfirm(reviewer, /อนุมัติการลงทะเบียนของ .*ลิงก์เปิดใช้บัญชีทาง SMS/);
  await reviewer.waitForFunction(() => !window.__app.widgets().some((w) => w.id.startsWith('rev.row.')));
  assert.deepEqual(reviewer.errors, []);
  await reviewer.close();

  // The registrant's status screen shows the approval.
  await press(page, 'reg.refresh');
  assert.deepEqual(page.errors, []);
  await page.close();

  // The activation link from the outbox, opened in the browser; a password; then signing in.
  const token = (await smsTo(env.server.url, '0812345678'))[0].text.match(/#\/activate\/([A-Za-z0-9_-]+)/)[1];
  const school = await openApp(env.browser, `${env.server.url}/#/activate/${token}`);
  await typeInto(school, 'activate.password', 'Baan-Nong-Bua-Kru-7');
  await typeInto(school, 'activate.confirm', 'Baan-Nong-Bua-Kru-7');
  await press(school, 'activate.submit');
  await press(school, 'activate.signin');
  await school.waitForFunction(() => location.hash.startsWith('#/signin'));
  await waitForWidget(school, { id: 'signin.username' }, (w) => w.value === '1010720001');
  await typeInto(school, 'signin.password', 'Baan-Nong-Bua-Kru-7');
  await press(school, 'signin.submit');
  const signedIn = await waitForWidget(school, { id: 'app.signout' });
  assert.ok(signedIn);
  assert.deepEqual(school.errors, []);
  await school.close();
});
