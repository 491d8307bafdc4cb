// The JavaScript half of platform_web.cpp (linked with --post-js).
// - window.__app: the test hook (frame counter, last frame's widgets), for tests.
// - A hidden textarea (#text-input in index.html) receives text that comes without key
//   events: paste, IMEs, dictation, mobile keyboards. Typed keys still reach SDL as key
//   events (SDL cancels their keypress, so the textarea never gets them twice).

(function () {
  function call(fn, fallback) {
    try { return fn(); } catch (e) { return fallback; }  // before the runtime is ready
  }

  function insertText(text) {
    if (!text) return;
    var n = lengthBytesUTF8(text) + 1;
    var p = _malloc(n);
    stringToUTF8(text, p, n);
    _app_insert_text(p);
    _free(p);
  }

  window.__app = {
    // Frames drawn so far: unchanged while the app is idle.
    frames: function () { return call(function () { return _app_frames_drawn(); }, 0); },
    // The last frame's interactive widgets: [{id, kind, label, value, x, y, w, h, active}],
    // rectangles in page CSS pixels.
    widgets: function () {
      return call(function () {
        var r = Module.canvas.getBoundingClientRect();
        return JSON.parse(UTF8ToString(_app_widgets_json())).map(function (w) {
          w.x += r.left; w.y += r.top;
          return w;
        });
      }, []);
    },
    insertText: insertText,
  };
  Module.framesDrawn = window.__app.frames;

  var field = document.getElementById('text-input');

  // Called by the app after each frame: focus the field while ImGui wants text.
  Module.textInput = function (wanted, x, y, w, h) {
    if (!field) return;
    if (wanted) {
      // Over the edited widget, so an IME puts its candidate window there.
      field.style.left = x + 'px'; field.style.top = y + 'px';
      field.style.width = Math.max(w, 1) + 'px'; field.style.height = Math.max(h, 1) + 'px';
      if (document.activeElement !== field) field.focus({ preventScroll: true });
    } else if (document.activeElement === field) {
      field.blur();
    }
  };

  function flush() {
    var text = field.value.replace(/[\r\n]+/g, ' ');
    field.value = '';
    insertText(text);
  }
  if (field) {
    field.addEventListener('input', function (e) { if (!e.isComposing) flush(); });
    field.addEventListener('compositionend', flush);
  }

  // Mobile browsers open their keyboard only for a focus() made during the tap itself,
  // not for the one the app makes a frame later: focus on the tap when it lands on a
  // text field of the last frame.
  if (Module.canvas) Module.canvas.addEventListener('touchend', function (e) {
    var t = e.changedTouches && e.changedTouches[0];
    if (!field || !t) return;
    var hit = window.__app.widgets().some(function (w) {
      return w.kind === 'input' && t.clientX >= w.x && t.clientX < w.x + w.w &&
             t.clientY >= w.y && t.clientY < w.y + w.h;
    });
    if (hit) field.focus({ preventScroll: true });
  });

  // A new devicePixelRatio (a move to another screen) fires no resize event, yet SDL
  // resizes the backing store and the app re-rasterises its fonts on one.
  (function watchPixelRatio() {
    if (!window.matchMedia) return;
    matchMedia('(resolution: ' + devicePixelRatio + 'dppx)').addEventListener('change', function () {
      window.dispatchEvent(new Event('resize'));
      watchPixelRatio();
    }, { once: true });
  })();

  // Paste (keyboard shortcut or menu) arrives as a DOM paste event, with the text.
  document.addEventListener('paste', function (e) {
    var text = e.clipboardData && e.clipboardData.getData('text/plain');
    if (!text) return;
    e.preventDefault();
    insertText(text.replace(/[\r\n]+/g, ' '));
  });
  // SDL would cancel Ctrl/Cmd+V's keydown, and with it the browser's paste event: keep
  // SDL from seeing it (capture phase, before SDL's window listener).
  window.addEventListener('keydown', function (e) {
    if ((e.ctrlKey || e.metaKey) && (e.key === 'v' || e.key === 'V')) e.stopPropagation();
  }, true);
})();
