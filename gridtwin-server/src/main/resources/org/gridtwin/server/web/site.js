// Site page: live energy flow, today's stacked dispatch and SoC, history over a chosen range, alarms.
(function () {
  const id = new URLSearchParams(location.search).get('id');
  let site = null;
  let live = null;
  let today = null;
  let history = null;
  let todayFetched = 0;
  let todaySiteMs = 0;
  const charts = {};

  function chart(elId) {
    if (!charts[elId]) { charts[elId] = GT.chart(document.getElementById(elId)); }
    return charts[elId];
  }

  /** Charts take their language when made: on a change of language they are made again. */
  function dropCharts() {
    Object.keys(charts).forEach((k) => { charts[k].dispose(); delete charts[k]; });
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
      series: GT.FLOWS.filter((f) => GT.present(pts, f.field)).map((f) => stackedArea(f.key,
        kwSeries(pts, f.field, f.sign), f.color, f.sign > 0 ? 'in' : 'out')).concat([
        { name: GT.t('series.load'), type: 'line', symbol: 'none', color: '#c0392b', data: kwSeries(pts, 'load_kwh', 1) }
      ])
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

  /**
   * Every flow of each bucket as a signed stacked bar: what fed the site bus above zero (wind, PV, discharge,
   * import, unmet load), where it went below (charge, export), the load as a line: the bars above zero less those
   * below are the load.
   */
  function renderHistory() {
    if (!history) { return; }
    const pts = history.points;
    const bar = (f) => ({ name: GT.t(f.key), type: 'bar', stack: f.sign > 0 ? 'in' : 'out', color: f.color,
      barGap: '-100%', data: pts.map((p) => [GT.wall(p.start, site.time_zone), f.sign * p[f.field]]) });
    chart('history-chart').setOption({
      animation: false,
      useUTC: true,
      tooltip: { trigger: 'axis', valueFormatter: (v) => GT.num(v, 0) + ' ' + GT.t('axis.kwh') },
      legend: { top: 0 },
      grid: { left: 70, right: 20, top: 50, bottom: 30 },
      xAxis: { type: 'time' },
      yAxis: { type: 'value', name: GT.t('axis.kwh') },
      series: GT.FLOWS.filter((f) => GT.present(pts, f.field)).map(bar).concat([
        { name: GT.t('series.load'), type: 'line', symbol: 'none', color: '#c0392b',
          data: pts.map((p) => [GT.wall(p.start, site.time_zone), p.load_kwh]) }])
    }, true);
  }

  /**
   * Today's minutes: the whole day once, then only from the last (perhaps partial) minute on, so a fast clock's
   * chart keeps up with the flow diagram without asking for the whole day every second.
   */
  let todayLoading = false;
  async function loadToday() {
    if (todayLoading) { return; }
    todayLoading = true;
    try {
      const day = GT.localDate(live.time, site.time_zone);
      const base = '/api/sites/' + encodeURIComponent(id) + '/history?resolution=minute';
      const to = '&to=' + encodeURIComponent(live.time);
      if (!today || today.day !== day || !today.points.length) {
        const r = await GT.api(base + '&from=' + day + to);
        today = { day, points: r.points };
      } else {
        const last = today.points[today.points.length - 1].start;
        const r = await GT.api(base + '&from=' + encodeURIComponent(last) + to);
        today.points = today.points.filter((p) => p.start < last).concat(r.points);
      }
      renderToday();
    } finally {
      todayLoading = false;
    }
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

  /** Who acknowledged an alarm or warning, or (for operators) the button that does. */
  function ackCell(e, cell) {
    if (e.acknowledged_by) {
      cell.textContent = '✓ ' + e.acknowledged_by;
      cell.title = GT.time(e.acknowledged_at, site.time_zone);
      return;
    }
    if ((e.severity === 'alarm' || e.severity === 'warning') && GT.can('operator')) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'btn ack';
      b.textContent = GT.t('events.acknowledge');
      b.addEventListener('click', async () => {
        await command({ type: 'acknowledge', event: e.id }, GT.t('control.confirmAck'));
        loadEvents();
      });
      cell.append(b);
    }
  }

  /** The site's latest events of the chosen severity and above (alarms and warnings unless asked for all). */
  async function loadEvents() {
    const severity = document.getElementById('event-severity').value;
    const r = await GT.api('/api/events?limit=50&severity=' + severity + '&site=' + encodeURIComponent(id));
    GT.eventRows(document.getElementById('events'), r.events, site.time_zone, false, ackCell);
  }

  /** The operator's instruction in force, shown to everyone above the flow diagram. */
  function renderManual(s) {
    const el = document.getElementById('manual');
    const m = s.manual;
    if (!m) { el.hidden = true; return; }
    const parts = [];
    const left = (until) => Math.max(0, Math.round((new Date(until) - new Date(live.time)) / 60000));
    if (m.battery) {
      parts.push(GT.t('manual.battery').replace('{kw}', GT.num(m.battery.kw, 1)).replace('{source}', m.battery.source)
        .replace('{min}', GT.num(left(m.battery.until), 0)));
    }
    if (m.limit) {
      const kw = (v) => (v === null ? GT.t('manual.none') : GT.num(v, 1) + ' ' + GT.t('unit.kw'));
      parts.push(GT.t('manual.limit').replace('{pv}', kw(m.limit.pv_kw)).replace('{wind}', kw(m.limit.wind_kw))
        .replace('{source}', m.limit.source).replace('{min}', GT.num(left(m.limit.until), 0)));
    }
    el.textContent = parts.join(' · ');
    el.hidden = false;
  }

  /** Sends a command after the operator confirms it, and says what became of it. */
  async function command(body, confirmText) {
    const out = document.getElementById('control-result');
    if (!window.confirm(confirmText)) { return; }
    try {
      const r = await GT.write('/api/sites/' + encodeURIComponent(id) + '/commands', 'POST', body);
      out.className = 'ok-text';
      out.textContent = r.detail;
    } catch (e) {
      out.className = 'error';
      out.textContent = GT.t('error.prefix') + ' ' + (e.problem && e.problem.detail ? e.problem.detail : e.message);
    }
  }

  function setUpControl() {
    if (!GT.can('operator')) { return; }
    document.getElementById('control').hidden = false;
    document.getElementById('control-battery').addEventListener('submit', (e) => {
      e.preventDefault();
      const kw = parseFloat(document.getElementById('control-kw').value);
      const minutes = parseInt(document.getElementById('control-battery-minutes').value, 10);
      command({ type: 'battery_setpoint', kw, minutes }, GT.t('control.confirmHold')
        .replace('{kw}', GT.num(kw, 1)).replace('{min}', GT.num(minutes, 0)).replace('{site}', site.name));
    });
    document.getElementById('control-limit').addEventListener('submit', (e) => {
      e.preventDefault();
      const num = (elId) => { const v = document.getElementById(elId).value; return v === '' ? null : parseFloat(v); };
      const minutes = parseInt(document.getElementById('control-limit-minutes').value, 10);
      command({ type: 'renewables_limit', pv_kw: num('control-pv'), wind_kw: num('control-wind'), minutes },
        GT.t('control.confirmLimit').replace('{min}', GT.num(minutes, 0)).replace('{site}', site.name));
    });
    document.getElementById('control-release').addEventListener('click', () => command({ type: 'release' },
      GT.t('control.confirmRelease').replace('{site}', site.name)));
    document.getElementById('control-strategy').addEventListener('submit', (e) => {
      e.preventDefault();
      const name = document.getElementById('control-strategy-name').value;
      command({ type: 'strategy', name }, GT.t('control.confirmSwitch').replace('{site}', site.name)
        .replace('{name}', name));
    });
    document.getElementById('control-maintenance').addEventListener('click', () => command({ type: 'mode',
      mode: 'maintenance' }, GT.t('control.confirmMaintenance').replace('{site}', site.name)));
    if (GT.can('admin')) {
      // a drill takes a twin site off its grid: administrators only, and the server refuses it on field devices
      document.getElementById('control-drill').hidden = false;
      document.getElementById('control-drill-down').addEventListener('click', () => command({ type: 'grid_outage',
        state: 'down' }, GT.t('control.confirmDrillDown').replace('{site}', site.name)));
      document.getElementById('control-drill-up').addEventListener('click', () => command({ type: 'grid_outage',
        state: 'up' }, GT.t('control.confirmDrillUp').replace('{site}', site.name)));
    }
  }

  /** On the grid, islanded or dark, and the tiers shed: what an operator must see first in an outage. */
  function renderIsland(s) {
    const is = s.island || { state: 'connected', shed: [] };
    const el = document.getElementById('island');
    el.textContent = GT.t('island.' + is.state);
    el.className = is.state === 'connected' ? '' : 'error';
    document.getElementById('shed').textContent = is.shed.length
      ? GT.t('island.shed') + ': ' + is.shed.map((t) => GT.t('tier.' + t)).join(', ') : GT.t('island.none');
  }

  function renderLive() {
    const s = live.sites.find((x) => x.id === id);
    GTFlow.render(document.getElementById('flow'), s, site.assets);
    renderManual(s);
    renderIsland(s);
    document.getElementById('mode').textContent = s.mode ? GT.t('mode.' + s.mode) : '–';
    document.getElementById('strategy').textContent = s.strategy || '–';
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
    GT.sessionReady.then(setUpControl);
    document.getElementById('history-form').addEventListener('submit', (e) => { e.preventDefault(); loadHistory(); });
    document.getElementById('event-severity').addEventListener('change', loadEvents);
    GT.onLanguage(() => { dropCharts(); if (live) { renderLive(); } renderToday(); renderHistory(); loadEvents(); });
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
      // the day chart follows the live state: every 10 s of wall time, or each second once five site minutes
      // have passed (a fast clock), so the chart is never more than about a second behind the flow diagram
      const siteMs = new Date(state.time).getTime();
      if (Date.now() - todayFetched > 10000 || (siteMs - todaySiteMs >= 300000 && Date.now() - todayFetched >= 900)) {
        todayFetched = Date.now();
        todaySiteMs = siteMs;
        loadToday();
        loadEvents();
      }
    });
  });
})();
