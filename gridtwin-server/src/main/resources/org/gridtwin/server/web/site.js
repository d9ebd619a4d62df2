// Site page: live energy flow, today's stacked dispatch and SoC, history over a chosen range, alarms.
(function () {
  const id = new URLSearchParams(location.search).get('id');
  let site = null;
  let live = null;
  let today = null;
  let history = null;
  let todayFetched = 0;
  const charts = {};

  function chart(elId) {
    if (!charts[elId]) { charts[elId] = echarts.init(document.getElementById(elId)); }
    return charts[elId];
  }

  function kwSeries(points, field, sign) {
    // a bucket's kWh over its covered time is its mean power
    return points.map((p) => [GT.wall(p.start, site.time_zone), p.seconds > 0 ? sign * p[field] / (p.seconds / 3600) : 0]);
  }

  function stackedArea(name, data, color, stack) {
    return { name: GT.t(name), type: 'line', stack, areaStyle: {}, symbol: 'none', lineStyle: { width: 0 },
      color, data };
  }

  function renderToday() {
    if (!today) { return; }
    const pts = today.points;
    chart('today-chart').setOption({
      animation: false,
      useUTC: true,
      tooltip: { trigger: 'axis', valueFormatter: (v) => GT.kw(v) },
      legend: { top: 0 },
      grid: { left: 60, right: 20, top: 50, bottom: 30 },
      xAxis: { type: 'time' },
      yAxis: { type: 'value', name: GT.t('axis.kw') },
      series: [
        stackedArea('series.wind', kwSeries(pts, 'wind_kwh', 1), '#3a7bd5', 'in'),
        stackedArea('series.pv', kwSeries(pts, 'pv_kwh', 1), '#f2a900', 'in'),
        stackedArea('series.discharge', kwSeries(pts, 'discharge_kwh', 1), '#8e44ad', 'in'),
        stackedArea('series.import', kwSeries(pts, 'import_kwh', 1), '#7f8c8d', 'in'),
        stackedArea('series.charge', kwSeries(pts, 'charge_kwh', -1), '#b591c9', 'out'),
        stackedArea('series.export', kwSeries(pts, 'export_kwh', -1), '#b3bcc4', 'out'),
        { name: GT.t('series.load'), type: 'line', symbol: 'none', color: '#c0392b', data: kwSeries(pts, 'load_kwh', 1) }
      ]
    }, true);
    if (!site.assets.battery) {
      // a site without a battery has no state of charge to draw
      document.getElementById('soc-chart').textContent = GT.t('site.noBattery');
      return;
    }
    chart('soc-chart').setOption({
      animation: false,
      useUTC: true,
      tooltip: { trigger: 'axis', valueFormatter: (v) => GT.num(v, 1) + '%' },
      grid: { left: 50, right: 20, top: 30, bottom: 30 },
      xAxis: { type: 'time' },
      yAxis: { type: 'value', min: 0, max: 100, name: GT.t('axis.pct') },
      series: [{ name: GT.t('series.soc'), type: 'line', symbol: 'none', color: '#8e44ad',
        data: pts.map((p) => [GT.wall(p.start, site.time_zone), p.soc_fraction * 100]) }]
    }, true);
  }

  function renderHistory() {
    if (!history) { return; }
    const pts = history.points;
    const bar = (name, field, color) => ({ name: GT.t(name), type: 'bar', stack: 'kwh', color,
      data: pts.map((p) => [GT.wall(p.start, site.time_zone), p[field]]) });
    chart('history-chart').setOption({
      animation: false,
      useUTC: true,
      tooltip: { trigger: 'axis', valueFormatter: (v) => GT.num(v, 0) + ' ' + GT.t('axis.kwh') },
      legend: { top: 0 },
      grid: { left: 70, right: 20, top: 50, bottom: 30 },
      xAxis: { type: 'time' },
      yAxis: { type: 'value', name: GT.t('axis.kwh') },
      series: [bar('series.wind', 'wind_kwh', '#3a7bd5'), bar('series.pv', 'pv_kwh', '#f2a900'),
        bar('series.discharge', 'discharge_kwh', '#8e44ad'), bar('series.import', 'import_kwh', '#7f8c8d'),
        { name: GT.t('series.load'), type: 'line', symbol: 'none', color: '#c0392b',
          data: pts.map((p) => [GT.wall(p.start, site.time_zone), p.load_kwh]) }]
    }, true);
  }

  async function loadToday() {
    const from = GT.localDate(live.time, site.time_zone);
    today = await GT.api('/api/sites/' + encodeURIComponent(id) + '/history?resolution=minute&from=' + from
      + '&to=' + encodeURIComponent(live.time));
    renderToday();
  }

  async function loadHistory() {
    const err = document.getElementById('history-error');
    err.textContent = '';
    const q = '?resolution=' + document.getElementById('hist-res').value + '&from='
      + document.getElementById('hist-from').value + '&to=' + document.getElementById('hist-to').value;
    try {
      history = await GT.api('/api/sites/' + encodeURIComponent(id) + '/history' + q);
      renderHistory();
    } catch (e) {
      err.textContent = GT.t('error.prefix') + ' ' + e.message;
    }
  }

  async function loadEvents() {
    const body = document.getElementById('events');
    const r = await GT.api('/api/events?limit=50&site=' + encodeURIComponent(id));
    if (!r.events.length) {
      GT.emptyRow(body, 3, 'events.none');
      return;
    }
    body.replaceChildren(...r.events.map((e) => {
      const tr = document.createElement('tr');
      tr.insertCell().textContent = GT.time(e.time, site.time_zone);
      tr.insertCell().textContent = GT.t('kind.' + e.kind);
      tr.insertCell().textContent = e.detail;
      return tr;
    }));
  }

  function renderLive() {
    const s = live.sites.find((x) => x.id === id);
    GTFlow.render(document.getElementById('flow'), s, site.assets);
    document.getElementById('price').textContent = GT.num(s.price_yuan_per_kwh, 3) + ' ' + GT.t('unit.yuan') + '/kWh';
    document.getElementById('period').textContent = s.tariff_period ? GT.t('period.' + s.tariff_period) : '–';
    GT.clock(live, site.time_zone);
  }

  function addDays(date, n) {
    const d = new Date(date + 'T00:00:00Z');
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  }

  document.addEventListener('DOMContentLoaded', async () => {
    try {
      site = await GT.api('/api/sites/' + encodeURIComponent(id || ''));
    } catch (e) {
      document.getElementById('site-name').textContent = e.message;
      return;
    }
    document.getElementById('site-name').textContent = site.name;
    document.getElementById('history-form').addEventListener('submit', (e) => { e.preventDefault(); loadHistory(); });
    GT.onLanguage(() => { if (live) { renderLive(); } renderToday(); renderHistory(); loadEvents(); });
    window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
    let first = true;
    GT.live((state) => {
      live = state;
      renderLive();
      if (first) {
        first = false;
        const day = GT.localDate(state.time, site.time_zone);
        document.getElementById('hist-from').value = addDays(day, -6);
        document.getElementById('hist-to').value = addDays(day, 1);
        loadHistory();
      }
      // the day chart follows the live state, at most every 10 s of wall time
      if (Date.now() - todayFetched > 10000) {
        todayFetched = Date.now();
        loadToday();
        loadEvents();
      }
    });
  });
})();
