// Fleet page: the published headline numbers, live, and one tile per site.
(function () {
  let state = null;
  let zone = 'UTC';

  function set(id, value, digits) {
    const el = document.getElementById(id);
    el.textContent = GT.num(value, digits);
    el.dataset.value = value;
  }

  function row(table, label, text, id) {
    const tr = table.insertRow();
    tr.insertCell().textContent = label;
    const td = tr.insertCell();
    td.className = 'v';
    td.textContent = text;
    if (id) { td.id = id; }
  }

  function tile(s) {
    const card = document.createElement('div');
    card.className = 'card tile';
    card.id = 'tile-' + s.id;
    const a = document.createElement('a');
    a.href = '/site.html?id=' + encodeURIComponent(s.id);
    const h = document.createElement('h3');
    h.textContent = s.name;
    a.appendChild(h);
    const table = document.createElement('table');
    const p = s.power || {};
    row(table, GT.t('flow.wind'), GT.kw(p.wind_kw || 0));
    row(table, GT.t('flow.pv'), GT.kw(p.pv_kw || 0));
    row(table, GT.t('flow.load'), GT.kw(p.load_kw || 0));
    const g = p.grid_kw || 0;
    const island = s.island || { state: 'connected', shed: [] };
    if (island.state === 'connected') {
      row(table, GT.t('flow.grid'), GT.kw(Math.abs(g)) + ' ' + GT.t(g >= 0 ? 'flow.import' : 'flow.export'));
    } else {
      // off the grid: say so where the grid flow would be, with what is shed
      row(table, GT.t('flow.grid'), GT.t('island.' + island.state) + (island.shed.length ? ' · '
        + GT.t('island.shed') + ': ' + island.shed.map((t) => GT.t('tier.' + t)).join(', ') : ''), 'tile-island-' + s.id);
      card.classList.add('off-grid');
    }
    if (s.soc_fraction === null || s.soc_fraction === undefined) {
      row(table, GT.t('flow.battery'), GT.t('site.noBattery'));
    } else {
      const b = p.battery_kw || 0;
      const mode = b > 0.5 ? 'flow.discharge' : (b < -0.5 ? 'flow.charge' : 'flow.idle');
      row(table, GT.t('flow.battery'), GT.kw(Math.abs(b)) + ' ' + GT.t(mode) + ' · ' + GT.t('flow.soc') + ' '
        + GT.num(s.soc_fraction * 100, 0) + '%');
    }
    row(table, GT.t('kpi.green'), GT.num(s.kpis.green_kwh / 1000, 1) + ' ' + GT.t('unit.mwh'), 'tile-green-' + s.id);
    // what this site's own green energy covers: its own cranes, its own households
    const eq = [];
    if (s.kpis.crane_months > 0) { eq.push(GT.t('eq.cranes').replace('{v}', GT.num(s.kpis.crane_months, 2))); }
    if (s.kpis.household_years > 0) { eq.push(GT.t('eq.households').replace('{v}', GT.num(s.kpis.household_years, 1))); }
    row(table, GT.t('fleet.equivalents'), eq.length ? eq.join(' · ') : GT.t('eq.none'), 'tile-eq-' + s.id);
    a.appendChild(table);
    card.appendChild(a);
    return card;
  }

  function render() {
    if (!state) { return; }
    const k = state.fleet.kpis;
    set('kpi-green', k.green_kwh / 1000, 1);
    set('kpi-co2', k.co2_avoided_t, 1);
    set('kpi-cranes', k.crane_months, 2);
    set('kpi-income', k.household_income_yuan, 0);
    set('kpi-households', k.household_years, 1);
    const since = document.getElementById('kpi-since');
    since.textContent = GT.localDate(state.since, zone);
    since.dataset.value = state.since;
    const tiles = document.getElementById('tiles');
    tiles.replaceChildren(...state.sites.map(tile));
    GT.clock(state, zone);
  }

  let sites = [];
  let trend = null;
  let trendChart = null;
  let reported = null;
  let fleetEvents = [];
  const fetched = { trend: 0, reported: 0, events: 0 };
  const COLORS = ['#3a7bd5', '#f2a900', '#27ae60', '#8e44ad', '#c0392b', '#16a085'];

  /** Green energy (wind + PV) of each site by local month since the counters began: one stacked bar a month. */
  async function loadTrend() {
    const to = GT.localDate(state.time, zone);
    const from = GT.localDate(state.since, zone).slice(0, 8) + '01';
    const months = new Set();
    const bySite = await Promise.all(sites.map(async (site) => {
      const r = await GT.api('/api/sites/' + encodeURIComponent(site.id) + '/history?resolution=day&from=' + from
        + '&to=' + encodeURIComponent(state.time));
      const m = {};
      r.points.forEach((p) => {
        const month = GT.localDate(p.start, site.time_zone).slice(0, 7);
        months.add(month);
        m[month] = (m[month] || 0) + (p.wind_kwh + p.pv_kwh) / 1000;
      });
      return { site, m };
    }));
    trend = { months: [...months].sort(), bySite, to };
    renderTrend();
  }

  function renderTrend() {
    if (!trend) { return; }
    if (!trendChart) { trendChart = GT.chart(document.getElementById('trend-chart')); }
    trendChart.setOption({
      animation: false,
      tooltip: { trigger: 'axis', valueFormatter: (v) => GT.num(v, 1) + ' ' + GT.t('unit.mwh') },
      legend: { top: 0 },
      grid: { left: 70, right: 20, top: 80, bottom: 30 },
      xAxis: { type: 'category', data: trend.months },
      yAxis: { type: 'value', name: GT.t('unit.mwh') },
      series: trend.bySite.map((x, i) => ({ name: x.site.name, type: 'bar', stack: 'green',
        color: COLORS[i % COLORS.length], data: trend.months.map((mo) => x.m[mo] || 0) }))
    }, true);
  }

  /** The scenario's published figures beside what the sites measured over the same periods. */
  function renderReported() {
    const body = document.getElementById('reported-rows');
    if (!reported) { return; }
    if (!reported.figures.length) {
      GT.emptyRow(body, 6, 'rep.none');
      return;
    }
    const digits = (v) => (Math.abs(v) >= 100 ? 0 : (Math.abs(v) >= 10 ? 1 : 2));
    body.replaceChildren(...reported.figures.map((f) => {
      const tr = document.createElement('tr');
      tr.id = 'rep-' + f.metric + '-' + f.site;
      const label = GT_I18N[GT.lang]['metric.' + f.metric] ? GT.t('metric.' + f.metric) : f.label;
      tr.insertCell().textContent = label;
      tr.insertCell().textContent = f.site_name;
      const unit = ' ' + f.unit;
      const rep = tr.insertCell();
      rep.className = 'v';
      rep.textContent = GT.num(f.reported, digits(f.reported)) + unit;
      const mea = tr.insertCell();
      mea.className = 'v';
      mea.textContent = GT.num(f.measured, digits(f.measured)) + unit;
      const ratio = tr.insertCell();
      ratio.className = 'v';
      ratio.textContent = f.ratio === null ? '–' : GT.num(f.ratio * 100, 0) + '%';
      tr.insertCell().textContent = f.from === null ? '–'
        : f.from + ' – ' + f.to + (f.complete ? '' : ' (' + GT.t('rep.incomplete') + ')');
      tr.title = f.basis + ' · ' + f.source;
      return tr;
    }));
  }

  function renderEvents() {
    const names = Object.fromEntries(sites.map((s) => [s.id, s.name]));
    const rows = fleetEvents.map((e) => Object.assign({}, e, { site_name: names[e.site] || GT.t('kind.store') }));
    GT.eventRows(document.getElementById('fleet-events'), rows, zone, true);
  }

  /** The slower parts follow the live state at their own pace (wall seconds). */
  function refresh() {
    const now = Date.now();
    if (now - fetched.events > 10000) {
      fetched.events = now;
      GT.api('/api/events?limit=20&severity=warning').then((r) => { fleetEvents = r.events; renderEvents(); });
    }
    if (now - fetched.reported > 30000) {
      fetched.reported = now;
      GT.api('/api/reported').then((r) => { reported = r; renderReported(); });
    }
    if (now - fetched.trend > 60000) {
      fetched.trend = now;
      loadTrend();
    }
  }

  document.addEventListener('DOMContentLoaded', async () => {
    sites = await GT.api('/api/sites');
    if (sites.length) { zone = sites[0].time_zone; }
    GT.onLanguage(() => {
      if (trendChart) { trendChart.dispose(); trendChart = null; }
      render(); renderTrend(); renderReported(); renderEvents();
    });
    window.addEventListener('resize', () => { if (trendChart) { trendChart.resize(); } });
    GT.live((s) => { state = s; render(); refresh(); });
  });
})();
