// Starts the web client: asks for its files at once, makes the WebGL2 context while they
// download, shows download progress, then runs app.js.
(function () {
  'use strict';
  // The client's files. scripts/make-site.sh rewrites each value to the content-hashed name
  // of the build (app.3f9c1a2b.wasm), which the server lets browsers keep for a year.
  var files = { 'app.js': 'app.js', 'app.wasm': 'app.wasm', 'app.data': 'app.data' };
  var loading = document.getElementById('loading');
  var bar = document.getElementById('progress');
  var canvas = document.getElementById('canvas');
  var stopped = false;  // a problem is shown: nothing more to start

  // Stages of the start, for bench/first-frame.mjs (the client marks its first frame).
  function mark(name) { if (window.performance && performance.mark) performance.mark(name); }

  // A message in Thai and English, in place of the app.
  function problem(th, thDetail, en, enDetail) {
    stopped = true;
    loading.hidden = true;
    canvas.hidden = true;
    document.getElementById('problem-th').textContent = th;
    document.getElementById('problem-th-detail').textContent = thDetail;
    document.getElementById('problem-en').textContent = en;
    document.getElementById('problem-en-detail').textContent = enDetail;
    document.getElementById('problem').hidden = false;
  }

  function noWebGL2() {
    problem('เบราว์เซอร์นี้ไม่รองรับ WebGL2',
      'โปรดใช้ Chrome, Edge, Firefox หรือ Safari รุ่นล่าสุด หรือเปิด "ใช้การเร่งฮาร์ดแวร์" (hardware acceleration) ในการตั้งค่าเบราว์เซอร์ แล้วโหลดหน้านี้ใหม่',
      'This browser does not support WebGL2',
      'Please use a recent Chrome, Edge, Firefox or Safari, or turn on hardware acceleration in the browser settings, then reload this page.');
  }
  if (typeof WebGL2RenderingContext !== 'function') { noWebGL2(); return; }

  // Download progress of app.wasm and app.data together: [loaded, total] bytes. The bar
  // stays indeterminate until app.wasm's size is known (never, if it comes compressed:
  // its Content-Length is then not the size of what the stream yields).
  var parts = { wasm: [0, 0], data: [0, 0] };
  function showProgress() {
    if (!parts.wasm[1]) return;
    var loaded = parts.wasm[0] + parts.data[0], total = parts.wasm[1] + parts.data[1];
    bar.style.width = Math.min(100, Math.round(100 * loaded / total)) + '%';
    bar.parentNode.classList.remove('indeterminate');
  }

  // The response, counted into the progress bar as it is read when its size is known; still
  // a Response, so that the browser can compile the wasm while it streams in.
  function withProgress(response, part) {
    if (!response.ok) throw new Error(response.url + ': HTTP ' + response.status);
    var encoded = response.headers.get('Content-Encoding');
    var total = encoded && encoded !== 'identity' ? 0 : +response.headers.get('Content-Length') || 0;
    if (!response.body || !total) return response;
    parts[part][1] = total;
    var reader = response.body.getReader(), received = 0;
    var body = new ReadableStream({
      pull: function (controller) {
        return reader.read().then(function (r) {
          if (r.done) controller.close();
          else controller.enqueue(r.value);
          received += r.done ? 0 : r.value.length;
          parts[part][0] = r.done ? total : Math.min(received, total);
          showProgress();
        });
      },
    });
    return new Response(body, { headers: { 'Content-Type': response.headers.get('Content-Type') } });
  }

  function failed(err) {
    console.error(err);
    if (stopped) return;
    problem('โหลดระบบไม่สำเร็จ', 'โปรดตรวจสอบการเชื่อมต่ออินเทอร์เน็ต แล้วโหลดหน้านี้ใหม่',
      'The system could not be loaded', 'Please check the internet connection, then reload this page.');
  }

  canvas.addEventListener('webglcontextlost', function (e) {
    e.preventDefault();
    problem('การแสดงผลกราฟิกหยุดทำงาน', 'โปรดโหลดหน้านี้ใหม่',
      'The graphics stopped working', 'Please reload this page.');
  });

  window.Module = {
    canvas: canvas,
    // Emscripten reports the data download as "Downloading data... (loaded/total)".
    setStatus: function (text) {
      var m = text && text.match(/\((\d+(?:\.\d+)?)\/(\d+)\)/);
      if (m) { parts.data = [+m[1], +m[2]]; showProgress(); }
    },
    monitorRunDependencies: function () {},
    // app.js asks for app.data (and app.wasm) by its plain name.
    locateFile: function (path) { return files[path] || path; },
    // Compiled while it downloads (served as application/wasm).
    instantiateWasm: function (imports, receive) {
      wasm.then(function (response) {
        if (WebAssembly.instantiateStreaming) return WebAssembly.instantiateStreaming(response, imports);
        return response.arrayBuffer().then(function (bytes) { return WebAssembly.instantiate(bytes, imports); });
      }).then(function (r) { mark('app:wasm-compiled'); receive(r.instance, r.module); })
        .catch(failed);
      return {};  // instantiated asynchronously
    },
    onAbort: failed,
    onRuntimeInitialized: function () { mark('app:main'); },
    postRun: [function () {
      mark('app:main-returned');
      delete canvas.width;  // the canvas's own size properties again
      delete canvas.height;
      // Hide the loading screen once the first frame is on the canvas.
      (function wait() {
        if (window.__app && window.__app.frames() > 0) { loading.hidden = true; mark('app:frame-shown'); }
        else requestAnimationFrame(wait);
      })();
    }],
  };

  // All three files are asked for now, side by side: app.wasm and app.data not only once
  // app.js has arrived and run (app.js's own request for app.data finds this preload).
  var wasm = fetch(files['app.wasm'], { credentials: 'same-origin' })
    .then(function (response) { return withProgress(response, 'wasm'); });
  wasm.catch(function () {});  // reported by instantiateWasm
  var data = document.createElement('link');
  data.rel = 'preload';
  data.as = 'fetch';
  data.crossOrigin = 'anonymous';
  data.href = files['app.data'];
  document.head.appendChild(data);
  var script = document.createElement('script');
  script.src = files['app.js'];
  script.async = true;
  script.onerror = failed;
  document.body.appendChild(script);

  // The WebGL2 context the app will draw with, made now rather than when main() asks for
  // it: with a software GPU (SwiftShader) making one blocks the page for 1-2 s, which now
  // passes while the files download instead of after. SDL's own getContext then gets this
  // one (a canvas has one context of a kind), so these are the attributes SDL asks for
  // (alpha 0, depth 16, no stencil, no multisampling). Its drawing buffer gets the size SDL
  // will give it (CSS size x devicePixelRatio): resizing one costs as much again.
  var box = canvas.getBoundingClientRect(), ratio = window.devicePixelRatio || 1;
  canvas.width = Math.floor(box.width * ratio);
  canvas.height = Math.floor(box.height * ratio);
  if (!canvas.getContext('webgl2', { alpha: false, depth: true, stencil: false, antialias: false })) noWebGL2();
  // SDL_CreateWindow sets the canvas to 1 x 1 and back to find out whether CSS sizes it
  // (style.css does): with the context made, each would reallocate the drawing buffer, as
  // costly as making it. Until main() returns, sizes of 1 and unchanged sizes are left out.
  ['width', 'height'].forEach(function (side) {
    var real = Object.getOwnPropertyDescriptor(HTMLCanvasElement.prototype, side);
    Object.defineProperty(canvas, side, {
      configurable: true,
      get: function () { return real.get.call(canvas); },
      set: function (v) { if (v > 1 && v !== real.get.call(canvas)) real.set.call(canvas, v); },
    });
  });
})();
