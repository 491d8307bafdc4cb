// The public KPI statistics page: plain DOM, no framework, no WebAssembly, so it opens fast
// on a slow line. Reads GET /api/v1/public/stats?year= (aggregates only).
(function () {
  'use strict';
  var select = document.getElementById('year');
  var table = document.getElementById('stats');
  var body = table.querySelector('tbody');
  var status = document.getElementById('status');

  // The current fiscal year (B.E.): October starts the next one.
  var now = new Date();
  var current = now.getFullYear() + 543 + (now.getMonth() >= 9 ? 1 : 0);
  var wanted = Number(new URLSearchParams(location.search).get('year')) || current;
  for (var y = current + 1; y >= current - 5; y--) select.add(new Option(String(y), String(y)));
  if (wanted > current + 1 || wanted < current - 5) select.add(new Option(String(wanted), String(wanted)), 0);
  select.value = String(wanted);

  function count(v) { return v === null || v === undefined ? '<3' : String(v); }
  function avg(v) { return v === null || v === undefined ? '–' : Number(v).toFixed(2); }
  function cell(row, text, cls) {
    var td = row.insertCell();
    td.textContent = text;
    if (cls) td.className = cls;
    return td;
  }

  function load(year) {
    status.textContent = 'กำลังโหลด… · Loading…';
    fetch('/api/v1/public/stats?year=' + encodeURIComponent(year))
      .then(function (r) {
        return r.json().then(function (j) {
          if (!r.ok) throw new Error(j.error ? j.error.message_th + ' · ' + j.error.message_en : r.status);
          return j;
        });
      })
      .then(function (data) {
        body.textContent = '';
        data.kpis.forEach(function (k) {
          var periods = k.periods.filter(function (p) { return p.total !== 0; });
          if (!periods.length) periods = k.periods.slice(0, 1);
          periods.forEach(function (p, i) {
            var row = body.insertRow();
            row.dataset.kpi = k.number;
            if (i === 0) {
              var name = cell(row, k.number + ' ' + k.name + (k.status === 'closed' ? ' (ปิด · closed)' : ''));
              name.rowSpan = periods.length;
              cell(row, k.office_name || k.office_code).rowSpan = periods.length;
            }
            cell(row, p.label_th);
            cell(row, '[' + count(p.submitted) + '/' + count(p.reviewed) + '/' + count(p.total) + ']', 'n');
            cell(row, avg(p.avg_self), 'n');
            cell(row, avg(p.avg_review), 'n');
          });
        });
        table.hidden = data.kpis.length === 0;
        status.textContent = data.kpis.length
          ? 'ปีงบประมาณ ' + data.year + ': ' + data.kpis.length + ' ตัวชี้วัด · ' + data.kpis.length + ' KPIs'
          : 'ยังไม่มีตัวชี้วัดในปีงบประมาณ ' + data.year + ' · No KPIs in fiscal year ' + data.year;
      })
      .catch(function (e) {
        table.hidden = true;
        status.textContent = 'โหลดข้อมูลไม่สำเร็จ (' + e.message + ') โปรดลองใหม่ · Could not load the figures, please try again';
      });
  }

  select.addEventListener('change', function () {
    history.replaceState(null, '', '?year=' + select.value);
    load(select.value);
  });
  load(select.value);
})();
