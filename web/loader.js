// Starts the web client: checks for WebGL2, shows download progress, then runs app.js.
(function () {
  'use strict';
  // The client's files. scripts/make-site.sh rewrites each value to the content-hashed name
  // of the build (app.3f9c1a2b.wasm), which the server lets browsers keep for a year.
  var files = { 'app.js': 'app.js', 'app.wasm': 'app.wasm', 'app.data': 'app.data' };
  var loading = document.getElementById('loading');
  var bar = document.getElementById('progress');

  // A message in Thai and English, in place of the app.
  function problem(th, thDetail, en, enDetail) {
    loading.hidden = true;
    document.getElementById('canvas').hidden = true;
    document.getElementById('problem-th').textContent = th;
    document.getElementById('problem-th-detail').textContent = thDetail;
    document.getElementById('problem-en').textContent = en;
    document.getElementById('problem-en-detail').textContent = enDetail;
    document.getElementById('problem').hidden = false;
  }

  function hasWebGL2() {
    try { return !!document.createElement('canvas').getContext('webgl2'); } catch (e) { return false; }
  }
  if (!hasWebGL2()) {
    problem('เบราว์เซอร์นี้ไม่รองรับ WebGL2',
      'โปรดใช้ Chrome, Edge, Firefox หรือ Safari รุ่นล่าสุด หรือเปิด "ใช้การเร่งฮาร์ดแวร์" (hardware acceleration) ในการตั้งค่าเบราว์เซอร์ แล้วโหลดหน้านี้ใหม่',
      'This browser does not support WebGL2',
      'Please use a recent Chrome, Edge, Firefox or Safari, or turn on hardware acceleration in the browser settings, then reload this page.');
    return;
  }

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

  function fetchWithProgress(url, part) {
    return fetch(url, { credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) throw new Error(url + ': HTTP ' + response.status);
      var encoded = response.headers.get('Content-Encoding');
      var total = encoded && encoded !== 'identity' ? 0 : +response.headers.get('Content-Length') || 0;
      if (!response.body || !total) return response.arrayBuffer();
      parts[part][1] = total;
      var reader = response.body.getReader(), chunks = [], received = 0;
      function pump() {
        return reader.read().then(function (r) {
          if (r.done) {
            var bytes = new Uint8Array(received), at = 0;
            chunks.forEach(function (c) { bytes.set(c, at); at += c.length; });
            parts[part][0] = parts[part][1];
            showProgress();
            return bytes.buffer;
          }
          chunks.push(r.value);
          received += r.value.length;
          parts[part][0] = Math.min(received, total);
          showProgress();
          return pump();
        });
      }
      return pump();
    });
  }

  function failed(err) {
    console.error(err);
    problem('โหลดระบบไม่สำเร็จ', 'โปรดตรวจสอบการเชื่อมต่ออินเทอร์เน็ต แล้วโหลดหน้านี้ใหม่',
      'The system could not be loaded', 'Please check the internet connection, then reload this page.');
  }

  var canvas = document.getElementById('canvas');
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
    instantiateWasm: function (imports, receive) {
      fetchWithProgress(files['app.wasm'], 'wasm')
        .then(function (bytes) { return WebAssembly.instantiate(bytes, imports); })
        .then(function (r) { receive(r.instance, r.module); })
        .catch(failed);
      return {};  // instantiated asynchronously
    },
    onAbort: failed,
    postRun: [function () {
      // Hide the loading screen once the first frame is on the canvas.
      (function wait() {
        if (window.__app && window.__app.frames() > 0) loading.hidden = true;
        else requestAnimationFrame(wait);
      })();
    }],
  };

  var script = document.createElement('script');
  script.src = files['app.js'];
  script.async = true;
  script.onerror = failed;
  document.body.appendChild(script);
})();
