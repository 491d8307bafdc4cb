// Touch-only helpers for the phone tests (re-exported by harness.mjs): open at a phone's
// size, tap, swipe, and fail on anything past the right edge.
import { focusAndType, openApp, waitForIdle, waitForWidget, widgets } from './harness.mjs';

// --- phones: touch only ----------------------------------------------------------------------
// A phone's browser context (touch screen, mobile viewport) and the app open in it.
export async function openPhone(browser, url, { width = 390, height = 844 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, hasTouch: true, isMobile: true });
  const page = await openApp(context, url);
  page.phone = { width, height };
  return page;
}

// A finger through CDP: down at `from`, moved in `steps` touchMove events 16 ms apart, then
// resting `restMs` before lifted (0: lifted while moving, so the content glides on).
export async function swipe(page, from, to, { steps = 8, restMs = 150 } = {}) {
  const cdp = await page.context().newCDPSession(page);
  const point = (p) => [{ x: p.x, y: p.y, id: 1, radiusX: 4, radiusY: 4, force: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(from) });
  for (let i = 1; i <= steps; i++) {
    await new Promise((r) => setTimeout(r, 16));
    const at = { x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps };
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(at) });
  }
  if (restMs) await new Promise((r) => setTimeout(r, restMs));
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

// A tap in the middle of a widget (a touchStart and a touchEnd, no mouse events).
export async function tap(page, widget) {
  await page.touchscreen.tap(widget.x + widget.w / 2, widget.y + widget.h / 2);
}

// The lowest edge of the top bar (its widgets), under which the screen scrolls.
async function contentTop(page) {
  const bar = (await widgets(page)).filter((w) => /^(lang\.|topbar\.|app\.)/.test(w.id) && w.id !== 'app.home');
  return Math.max(0, ...bar.map((w) => w.y + w.h)) + 8;
}

// Swipes (slowly, no glide) until the widget is wholly on screen under the top bar, and
// returns it; `swipes` tells how many it took.
export async function swipeIntoView(page, id, { maxSwipes = 12 } = {}) {
  const { width, height } = page.viewportSize();
  for (let n = 0; ; n++) {
    await waitForIdle(page, 300);
    const top = await contentTop(page);
    const w = await waitForWidget(page, { id });
    const inBar = /^(lang\.|topbar\.|app\.)/.test(id);  // the top bar does not scroll
    if (inBar || (w.y >= top && w.y + w.h <= height)) return Object.assign(w, { swipes: n });
    if (n === maxSwipes) throw new Error(`${id} never came into view: ${JSON.stringify(w)}`);
    // Half a screen at a time, from the middle of the content area (a finger on the page).
    const x = width / 2, mid = (top + height) / 2, dy = Math.min((height - top) / 2, Math.abs(w.y - mid) + w.h);
    const up = w.y + w.h > height;
    await swipe(page, { x, y: up ? mid + dy / 2 : mid - dy / 2 }, { x, y: up ? mid - dy / 2 : mid + dy / 2 });
  }
}

// Taps a widget once the layout has settled, swiping it into view first.
export async function tapWidget(page, id) {
  await waitForWidget(page, { id }, (w) => w.value !== 'disabled');
  const w = await swipeIntoView(page, id);
  await tap(page, w);
  return w;
}

// Focuses a text field by tapping it and types `text` with real key events (a phone's
// keyboard sends key events for Latin text too).
export const tapAndType = (page, id, text) => focusAndType(page, id, text, tapWidget);

// Fails when any widget of the last frame reaches past the right edge of the viewport
// (or starts left of it): the page would need a sideways scroll, or text is cut off.
export async function assertNoHorizontalOverflow(page, where = '') {
  await waitForIdle(page, 300);
  const { width } = page.viewportSize();
  const off = (await widgets(page)).filter((w) => w.w > 0 && (w.x < -0.5 || w.x + w.w > width + 0.5));
  if (off.length) {
    const list = off.map((w) => `${w.id} (${w.kind}) x=${Math.round(w.x)} w=${Math.round(w.w)}`).join('; ');
    throw new Error(`${where || await page.evaluate(() => location.hash)}: past the ${width} px edge: ${list}`);
  }
}
