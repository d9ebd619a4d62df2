// The live energy-flow diagram: wind, PV, battery, grid and loads around the site bus, arrows in the direction
// energy flows, kW on each. Drawn as SVG so it scales and needs no library.
window.GTFlow = (function () {
  const NS = 'http://www.w3.org/2000/svg';
  const BUS = { x: 300, y: 185 };
  const NODES = [
    { key: 'wind', x: 90, y: 60, color: 'var(--wind)' },
    { key: 'pv', x: 510, y: 60, color: 'var(--pv)' },
    { key: 'battery', x: 90, y: 310, color: 'var(--battery)' },
    { key: 'grid', x: 510, y: 310, color: 'var(--grid)' },
    { key: 'load', x: 300, y: 320, color: 'var(--load)' }
  ];

  function el(name, attrs, parent) {
    const e = document.createElementNS(NS, name);
    Object.entries(attrs).forEach(([k, v]) => e.setAttribute(k, v));
    if (parent) { parent.appendChild(e); }
    return e;
  }

  function text(parent, x, y, content, cls, id) {
    const t = el('text', { x, y }, parent);
    if (cls) { t.setAttribute('class', cls); }
    if (id) { t.setAttribute('id', id); }
    t.textContent = content;
    return t;
  }

  /** kW into the bus from each node (negative = out of the bus) and a note under the value. */
  function flows(s) {
    const p = s.power || {};
    const b = p.battery_kw || 0;
    const g = p.grid_kw || 0;
    const hasBattery = s.soc_fraction !== null && s.soc_fraction !== undefined;
    return {
      wind: { kw: p.wind_kw || 0, note: '' },
      pv: { kw: p.pv_kw || 0, note: '' },
      battery: { kw: b, note: hasBattery ? GT.t(b > 0.5 ? 'flow.discharge' : (b < -0.5 ? 'flow.charge' : 'flow.idle'))
        + ' · ' + GT.t('flow.soc') + ' ' + GT.num(s.soc_fraction * 100, 0) + '%' : GT.t('site.noBattery') },
      grid: { kw: g, note: GT.t(g >= 0 ? 'flow.import' : 'flow.export') },
      load: { kw: -(p.load_kw || 0), note: '' }
    };
  }

  /** Draws the nodes of the assets the site has (grid and load always). */
  function render(container, s, assets) {
    const f = flows(s);
    const has = { wind: assets.wind.length > 0, pv: assets.pv.length > 0, battery: !!assets.battery, grid: true,
      load: true };
    const nodes = NODES.filter((n) => has[n.key]);
    // one sentence for screen readers: every node's kW and direction
    const label = nodes.map((n) => GT.t('flow.' + n.key) + ' ' + GT.kw(Math.abs(f[n.key].kw))
      + (f[n.key].note ? ' (' + f[n.key].note + ')' : '')).join(', ');
    const svg = el('svg', { viewBox: '0 0 600 400', class: 'flow', role: 'img', 'aria-label': label });
    nodes.forEach((n) => {
      const v = f[n.key].kw;
      const moving = Math.abs(v) >= 0.5;
      // drawn from source to sink, so the dashes run the way the energy goes
      const from = v >= 0 ? n : BUS;
      const to = v >= 0 ? BUS : n;
      el('line', { x1: n.x, y1: n.y, x2: BUS.x, y2: BUS.y, class: 'wire' }, svg);
      if (moving) {
        el('line', { x1: from.x, y1: from.y, x2: to.x, y2: to.y, class: 'flowing', stroke: n.color,
          id: 'flow-line-' + n.key, 'data-direction': v >= 0 ? 'in' : 'out' }, svg);
      }
    });
    const bus = el('g', { class: 'node' }, svg);
    el('rect', { x: BUS.x - 60, y: BUS.y - 18, width: 120, height: 36, rx: 6, fill: '#17324d' }, bus);
    text(bus, BUS.x, BUS.y + 5, GT.t('flow.bus'), null).setAttribute('fill', '#fff');
    nodes.forEach((n) => {
      const g = el('g', { class: 'node', id: 'flow-' + n.key }, svg);
      el('circle', { cx: n.x, cy: n.y, r: 46, stroke: n.color }, g);
      text(g, n.x, n.y - 4, GT.t('flow.' + n.key));
      const kw = text(g, n.x, n.y + 16, GT.kw(Math.abs(f[n.key].kw)), 'kw', 'flow-' + n.key + '-kw');
      kw.setAttribute('data-value', f[n.key].kw);
      if (f[n.key].note) { text(g, n.x, n.y + 66, f[n.key].note, 'note'); }
    });
    container.replaceChildren(svg);
  }

  return { render };
})();
