// Thai lines wrap between words in the browser too: the client asks Chromium's own word
// segmentation (Intl.Segmenter, no dictionary in the bundle). The word starts it finds for
// a set of Thai sentences (shown on the developer page, #/dev/widgets) are checked against
// libthai's dictionary, which the native client uses.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';

import { openApp, serverAndBrowser, waitForWidget } from './harness.mjs';

const env = serverAndBrowser();

// libthai's word starts (code point indices), through Python's ctypes: wchar_t is UTF-32.
function libthaiBreaks(sentences) {
  const script = `
import ctypes, json, sys
lib = ctypes.CDLL('libthai.so.0')
lib.th_brk_new.restype = ctypes.c_void_p
brk = ctypes.c_void_p(lib.th_brk_new(None))
out = []
for s in json.load(sys.stdin):
    pos = (ctypes.c_int * (len(s) + 1))()
    n = lib.th_brk_wc_find_breaks(brk, ctypes.c_wchar_p(s), pos, len(s) + 1)
    out.append([pos[i] for i in range(n)])
print(json.dumps(out))
`;
  return JSON.parse(execFileSync('python3', ['-c', script], { input: JSON.stringify(sentences) }).toString());
}

test('Thai word breaks in Chromium agree with libthai', async () => {
  const page = await openApp(env.browser, `${env.server.url}/#/dev/widgets`, { height: 2000 });
  const shown = [];
  for (let i = 0; i < 5; i++) shown.push(await waitForWidget(page, { id: `dev.breaks.${i}` }));
  const sentences = shown.map((w) => w.label);
  const chromium = shown.map((w) => (w.value ? w.value.split(',').map(Number) : []));
  const libthai = libthaiBreaks(sentences);
  let agreed = 0, found = 0, expected = 0;
  for (const [i, s] of sentences.entries()) {
    const length = [...s].length;
    assert.ok(chromium[i].length >= 3, `Chromium found words in "${s}": ${chromium[i]}`);
    assert.ok(chromium[i].every((b) => b > 0 && b < length), `inside the sentence: ${chromium[i]}`);
    const mine = new Set(chromium[i]);
    agreed += libthai[i].filter((b) => mine.has(b)).length;
    found += chromium[i].length;
    expected += libthai[i].length;
  }
  const precision = agreed / found, recall = agreed / expected;
  console.log(`word starts: Chromium ${found}, libthai ${expected}, both ${agreed} ` +
    `(precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)})`);
  // Dictionaries differ on compounds (สถานศึกษา, นักเรียน); a break inside a word is what matters.
  assert.ok(precision >= 0.8, `Chromium's breaks are libthai's: precision ${precision}`);
  assert.ok(recall >= 0.6, `and most of libthai's are found: recall ${recall}`);
  assert.deepEqual(page.errors, []);
  await page.close();
});
