// Shared by every page: language, number and time formatting, the header, API calls and the live stream.
(function () {
  const GT = {};
  window.GT = GT;
  GT.lang = localStorage.getItem('gridtwin.lang') ||
    ((navigator.language || 'en').toLowerCase().startsWith('zh') ? 'zh' : 'en');
  GT.locale = () => (GT.lang === 'zh' ? 'zh-CN' : 'en-US');
  GT.t = (key) => (GT_I18N[GT.lang][key] ?? GT_I18N.en[key] ?? key);
  GT.listeners = [];
  GT.onLanguage = (fn) => GT.listeners.push(fn);

  /** Formats a number for the current language with exactly {@code digits} decimals. */
  GT.num = (v, digits) => new Intl.NumberFormat(GT.locale(), {
    minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
  GT.kw = (v) => GT.num(v, 0) + ' ' + GT.t('unit.kw');
  GT.time = (iso, zone) => new Intl.DateTimeFormat(GT.locale(), {
    timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    second: '2-digit', hour12: false }).format(new Date(iso));
  /** The site-local calendar date (YYYY-MM-DD) of an instant. */
  GT.localDate = (iso, zone) => new Intl.DateTimeFormat('en-CA', {
    timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));

  // Charts draw in UTC (ECharts useUTC) on times shifted to the site's wall clock, so the axis shows site
  // time whatever the browser's own time zone is. Offsets are cached per zone and hour.
  const offsets = {};
  GT.wall = (iso, zone) => {
    const t = new Date(iso).getTime();
    const key = zone + ':' + Math.floor(t / 3600000);
    if (!(key in offsets)) {
      const m = {};
      new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit',
        day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
        .formatToParts(new Date(t)).forEach((p) => { m[p.type] = p.value; });
      offsets[key] = Date.UTC(+m.year, +m.month - 1, +m.day, +m.hour, +m.minute, +m.second) - Math.floor(t / 1000) * 1000;
    }
    return t + offsets[key];
  };

  /**
   * The flows of a history bucket as a chart draws them: what feeds the site bus above zero, where it goes below
   * (signed as the site's convention: into the bus positive). Unmet load feeds nothing, but closes the balance.
   */
  GT.FLOWS = [
    { field: 'wind_kwh', key: 'series.wind', color: '#3a7bd5', sign: 1 },
    { field: 'pv_kwh', key: 'series.pv', color: '#f2a900', sign: 1 },
    { field: 'discharge_kwh', key: 'series.discharge', color: '#8e44ad', sign: 1 },
    { field: 'import_kwh', key: 'series.import', color: '#7f8c8d', sign: 1 },
    { field: 'unmet_kwh', key: 'series.unmet', color: '#e74c3c', sign: 1 },
    { field: 'charge_kwh', key: 'series.charge', color: '#b591c9', sign: -1 },
    { field: 'export_kwh', key: 'series.export', color: '#b3bcc4', sign: -1 }
  ];
  /** Whether any bucket has this flow: a chart draws (and a legend names) only the flows that occurred. */
  GT.present = (points, field) => points.some((p) => Math.abs(p[field] || 0) > 1e-9);

  /** An ECharts instance in the page's language (month and day names, toolbox texts). */
  GT.chart = (el) => echarts.init(el, null, { locale: GT.lang === 'zh' ? 'ZH' : 'EN' });

  /** Formats a value written as a plain number with the same decimals, in the current language. */
  GT.value = (v) => {
    if (/^-?\d+(\.\d+)?$/.test(v)) {
      const dot = v.indexOf('.');
      return GT.num(parseFloat(v), dot < 0 ? 0 : v.length - dot - 1);
    }
    return v;
  };

  /**
   * An event's sentence in the current language, from its named values ({name} in the template); the server's
   * English line for events without values (stored before values were kept) or of a form without a template.
   */
  GT.eventText = (e, zone) => {
    const v = e.values || {};
    const key = 'event.' + e.kind + (v.state ? '.' + v.state : '');
    const template = GT_I18N[GT.lang][key] ?? GT_I18N.en[key];
    if (!template || !Object.keys(v).length) { return e.detail; }
    return template.replace(/\{(\w+)\}/g, (m, name) => {
      if (!(name in v)) { return m; }
      return name === 'since' ? GT.time(v[name], zone) : GT.value(v[name]);
    });
  };

  /**
   * Fills an events table: time, kind, sentence (and a last cell {@code extra} fills, when given); a row that says
   * so when there are none.
   */
  GT.eventRows = (body, events, zone, withSite, extra) => {
    const columns = (withSite ? 4 : 3) + (extra ? 1 : 0);
    if (!events.length) {
      GT.emptyRow(body, columns, 'events.none');
      return;
    }
    body.replaceChildren(...events.map((e) => {
      const tr = document.createElement('tr');
      tr.className = 'sev-' + e.severity;
      tr.insertCell().textContent = GT.time(e.time, zone);
      if (withSite) { tr.insertCell().textContent = e.site_name || e.site; }
      tr.insertCell().textContent = GT.t('kind.' + e.kind);
      tr.insertCell().textContent = GT.eventText(e, zone);
      if (extra) { extra(e, tr.insertCell()); }
      return tr;
    }));
  };

  GT.applyLabels = () => {
    document.documentElement.lang = GT.locale();
    document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = GT.t(el.dataset.i18n); });
    document.title = GT.t(document.body.dataset.title || 'app.title') + ' · GridTwin';
  };
  GT.setLanguage = (lang) => {
    GT.lang = lang;
    localStorage.setItem('gridtwin.lang', lang);
    GT.applyLabels();
    GT.listeners.forEach((fn) => fn());
  };

  GT.api = async (path, options) => {
    const r = await fetch(path, options);
    const type = r.headers.get('Content-Type') || '';
    const body = type.includes('json') ? await r.json() : await r.text();
    if (!r.ok) {
      const err = new Error(body && body.detail ? body.detail : ('HTTP ' + r.status));
      err.problem = body;
      throw err;
    }
    return body;
  };

  /** Calls fn with every live state: the latest at once, then each one the server pushes. */
  GT.live = (fn) => {
    const status = document.getElementById('live-status');
    let key = null;
    const show = (k, cls) => {
      key = k;
      if (status) { status.textContent = GT.t(k); status.className = 'live ' + cls; }
    };
    GT.onLanguage(() => { if (key) { show(key, status.className.replace('live ', '')); } });
    const source = new EventSource('/api/stream');
    source.addEventListener('live', (e) => {
      show('clock.live', 'ok');
      fn(JSON.parse(e.data));
    });
    source.onerror = () => show('clock.stale', 'stale');
    return source;
  };

  GT.clock = (state, zone) => {
    const el = document.getElementById('site-clock');
    if (el) {
      el.textContent = GT.time(state.time, zone) + ' · ' + GT.num(state.speed, 0) + GT.t('clock.speed');
      el.dataset.time = state.time;
    }
  };

  /** The header every page shares: brand, navigation, site clock, stream status, language toggle. */
  function header() {
    const top = document.getElementById('top');
    if (!top) { return; }
    top.innerHTML = '<span class="brand" data-i18n="app.title">GridTwin</span>'
      + '<nav><a href="/" data-i18n="nav.fleet"></a><a href="/runs.html" data-i18n="nav.runs"></a>'
      + '<a href="/openapi.json" data-i18n="nav.api"></a></nav>'
      + '<span class="clock"><span data-i18n="clock.site"></span> <span id="site-clock">–</span></span>'
      + '<span id="live-status" class="live">…</span>'
      + '<span id="who"></span>'
      + '<button id="lang-toggle" type="button" data-i18n="lang.toggle"></button>';
  }

  const RANK = { viewer: 1, operator: 2, admin: 3 };
  /** The caller (GET /api/session), once known: signed_in, user, role, via, csrf. */
  GT.session = { signed_in: false, user: null, role: null, csrf: null };
  /** Whether the caller has at least {@code role}. */
  GT.can = (role) => (RANK[GT.session.role] || 0) >= RANK[role];
  /** Resolves once the session is known; pages show what the caller may do after it. */
  GT.sessionReady = fetch('/api/session').then((r) => (r.ok ? r.json() : null)).catch(() => null).then((s) => {
    if (s) { GT.session = s; }
    return GT.session;
  });

  /** A write through the session: JSON body, its CSRF token. */
  GT.write = (path, method, body) => GT.api(path, { method, headers: { 'Content-Type': 'application/json',
    'X-CSRF-Token': GT.session.csrf || '' }, body: body === undefined ? undefined : JSON.stringify(body) });

  /** The header's sign-in corner: who is signed in and a sign-out button, or a link to sign in. */
  function who() {
    const el = document.getElementById('who');
    if (!el) { return; }
    el.replaceChildren();
    if (GT.session.signed_in) {
      const name = document.createElement('span');
      name.id = 'who-name';
      name.textContent = GT.session.user + ' (' + GT.t('role.' + GT.session.role) + ')';
      el.append(name);
      if (GT.can('admin')) {
        const a = document.createElement('a');
        a.href = '/audit.html';
        a.id = 'nav-audit';
        a.textContent = GT.t('nav.audit');
        el.append(' ', a);
      }
      const out = document.createElement('button');
      out.type = 'button';
      out.id = 'sign-out';
      out.textContent = GT.t('who.signout');
      out.addEventListener('click', async () => {
        await GT.write('/api/logout', 'POST');
        location.reload();
      });
      el.append(' ', out);
    } else {
      const a = document.createElement('a');
      a.href = '/login.html?next=' + encodeURIComponent(location.pathname + location.search);
      a.id = 'sign-in';
      a.textContent = GT.t('who.signin');
      el.append(a);
    }
  }
  GT.onLanguage(who);

  /** Fills a table body with one row that says it is empty. */
  GT.emptyRow = (body, columns, key) => {
    const tr = document.createElement('tr');
    const td = tr.insertCell();
    td.colSpan = columns;
    td.textContent = GT.t(key);
    body.replaceChildren(tr);
  };

  document.addEventListener('DOMContentLoaded', () => {
    header();
    const toggle = document.getElementById('lang-toggle');
    if (toggle) {
      toggle.addEventListener('click', () => GT.setLanguage(GT.lang === 'zh' ? 'en' : 'zh'));
    }
    GT.applyLabels();
    GT.sessionReady.then(who);
  });
})();
