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
    row(table, GT.t('flow.grid'), GT.kw(Math.abs(g)) + ' ' + GT.t(g >= 0 ? 'flow.import' : 'flow.export'));
    if (s.soc_fraction === null || s.soc_fraction === undefined) {
      row(table, GT.t('flow.battery'), GT.t('site.noBattery'));
    } else {
      const b = p.battery_kw || 0;
      const mode = b > 0.5 ? 'flow.discharge' : (b < -0.5 ? 'flow.charge' : 'flow.idle');
      row(table, GT.t('flow.battery'), GT.kw(Math.abs(b)) + ' ' + GT.t(mode) + ' · ' + GT.t('flow.soc') + ' '
        + GT.num(s.soc_fraction * 100, 0) + '%');
    }
    row(table, GT.t('kpi.green'), GT.num(s.kpis.green_kwh / 1000, 1) + ' ' + GT.t('unit.mwh'), 'tile-green-' + s.id);
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

  document.addEventListener('DOMContentLoaded', async () => {
    const sites = await GT.api('/api/sites');
    if (sites.length) { zone = sites[0].time_zone; }
    GT.onLanguage(render);
    GT.live((s) => { state = s; render(); });
  });
})();
