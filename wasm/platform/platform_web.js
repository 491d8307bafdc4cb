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

  // --- HTTP (platform_web.cpp http_send / http_download) ----------------------------------
  function withString(text, fn) {
    var n = lengthBytesUTF8(text) + 1, p = _malloc(n);
    stringToUTF8(text, p, n);
    try { return fn(p); } finally { _free(p); }
  }
  function withBytes(bytes, fn) {
    var p = _malloc(bytes.length || 1);
    HEAPU8.set(bytes, p);
    try { return fn(p); } finally { _free(p); }
  }
  function done(id, status, bytes, headers, saved) {
    withBytes(bytes, function (body) {
      withString(headers, function (h) { _app_http_done(id, status, body, bytes.length, h, saved ? 1 : 0); });
    });
  }
  // Same origin: the session cookie goes along by itself. A download is fetched as a
  // Blob and handed to the browser through <a download> (never through wasm memory).
  Module.httpSend = function (id, method, path, headers, body, withProgress, downloadName) {
    var xhr = new XMLHttpRequest();
    xhr.open(method, path);
    xhr.responseType = downloadName ? 'blob' : 'arraybuffer';
    var lines = headers.split('\n');
    for (var i = 0; i + 1 < lines.length; i += 2) xhr.setRequestHeader(lines[i], lines[i + 1]);
    if (withProgress) xhr.upload.onprogress = function (e) {
      _app_http_progress(id, e.loaded, e.lengthComputable ? e.total : 0);
    };
    xhr.onloadend = function () {
      var status = xhr.status, headerBlock = xhr.getAllResponseHeaders() || '';
      if (!downloadName) {
        done(id, status, new Uint8Array(xhr.response || new ArrayBuffer(0)), headerBlock, false);
      } else if (status >= 200 && status < 300) {
        var url = URL.createObjectURL(xhr.response), a = document.createElement('a');
        a.href = url; a.download = downloadName; a.style.display = 'none';
        document.body.appendChild(a); a.click(); a.remove();
        setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
        done(id, status, new Uint8Array(0), headerBlock, true);
      } else if (xhr.response) {  // the error, for the screen
        xhr.response.arrayBuffer().then(function (b) { done(id, status, new Uint8Array(b), headerBlock, false); });
      } else {
        done(id, status, new Uint8Array(0), headerBlock, false);
      }
    };
    xhr.send(body);
  };

  // --- Files: the browser's own picker ------------------------------------------------------
  Module.pickFile = function (id, accept) {
    var input = document.createElement('input');
    input.type = 'file';
    if (accept) input.accept = accept;
    input.style.display = 'none';
    document.body.appendChild(input);
    input.addEventListener('change', function () {
      var file = input.files && input.files[0];
      input.remove();
      if (!file) return;
      file.arrayBuffer().then(function (buffer) {
        withBytes(new Uint8Array(buffer), function (p) {
          withString(file.name, function (name) { _app_file_picked(id, name, p, buffer.byteLength); });
        });
      });
    });
    input.addEventListener('cancel', function () { input.remove(); });
    input.click();  // follows the click on the app's button: the browser allows it
  };

  // --- Images: the browser's own decoder (JPEG, PNG, ...; EXIF orientation applied) -----
  // Scaled down to max_side, drawn on a canvas, its RGBA copied into the wasm heap.
  Module.decodeImage = function (id, bytes, maxSide) {
    function fail() { _app_image_decoded(id, 0, 0, 0, 0); }
    if (!window.createImageBitmap) return fail();
    createImageBitmap(new Blob([bytes]), { imageOrientation: 'from-image' }).then(function (bitmap) {
      var scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
      var w = Math.max(1, Math.round(bitmap.width * scale)), h = Math.max(1, Math.round(bitmap.height * scale));
      var canvas = window.OffscreenCanvas ? new OffscreenCanvas(w, h) : document.createElement('canvas');
      canvas.width = w; canvas.height = h;
      var g = canvas.getContext('2d');
      g.imageSmoothingQuality = 'high';
      g.drawImage(bitmap, 0, 0, w, h);
      bitmap.close();
      var pixels = g.getImageData(0, 0, w, h).data;
      withBytes(pixels, function (p) { _app_image_decoded(id, w, h, p, pixels.length); });
    }).catch(fail);
  };

  // --- Sleep: an idle app asks for no animation frames (platform_web.cpp step) -------------
  // Woken by the next timer the UI wants (a countdown, a poll, a search's debounce) and by
  // any event that may reach SDL or change what is shown; replies and hash changes wake it
  // through app_request_redraw. Capture on window: before SDL's own listeners queue the
  // event, which the step then reads in the next animation frame.
  var sleepTimer = null;
  function wake() {
    clearTimeout(sleepTimer);
    sleepTimer = null;
    call(function () { _app_wake(); });
  }
  Module.sleep = function (ms) {
    clearTimeout(sleepTimer);
    sleepTimer = ms >= 0 ? setTimeout(wake, ms) : null;
  };
  ['pointerdown', 'pointermove', 'pointerup', 'pointercancel', 'mousedown', 'mousemove', 'mouseup',
   'touchstart', 'touchmove', 'touchend', 'touchcancel', 'wheel', 'keydown', 'keyup', 'keypress',
   'resize', 'visibilitychange', 'focus', 'blur', 'focusin', 'focusout', 'mouseleave', 'mouseenter',
   'contextmenu'].forEach(function (type) {
    window.addEventListener(type, wake, { capture: true, passive: true });
  });

  // --- Hash routes: a new one (link, back button, typed URL) draws a frame -----------------
  window.addEventListener('hashchange', function () { call(function () { _app_request_redraw(); }); });

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
  // text field of the last frame. A swipe (the finger moved: app::Touch scrolls) opens
  // nothing.
  var landed = null;
  if (Module.canvas) Module.canvas.addEventListener('touchstart', function (e) {
    var t = e.changedTouches && e.changedTouches[0];
    if (t && e.touches.length === 1) landed = { x: t.clientX, y: t.clientY };
  });
  if (Module.canvas) Module.canvas.addEventListener('touchend', function (e) {
    var t = e.changedTouches && e.changedTouches[0];
    var start = landed;
    landed = null;
    if (!field || !t || !start || Math.hypot(t.clientX - start.x, t.clientY - start.y) > 10) return;
    var hit = window.__app.widgets().some(function (w) {
      return (w.kind === 'input' || w.kind === 'password' || w.kind === 'multiline') &&
             t.clientX >= w.x && t.clientX < w.x + w.w && t.clientY >= w.y && t.clientY < w.y + w.h;
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
