// Runs page: start a simulation or a strategy comparison of a built-in or uploaded scenario, watch it, open its report.
(function () {
  let runs = [];

  function render() {
    const body = document.getElementById('runs');
    if (!runs.length) {
      GT.emptyRow(body, 7, 'runs.none');
      return;
    }
    body.replaceChildren(...runs.map((r) => {
      const tr = document.createElement('tr');
      tr.id = 'run-' + r.id;
      tr.insertCell().textContent = r.id;
      tr.insertCell().textContent = GT.t(r.kind === 'compare' ? 'runs.compare' : 'runs.simulate');
      tr.insertCell().textContent = r.scenario;
      tr.insertCell().textContent = r.start + ' – ' + r.end + ' · ' + r.step;
      const status = tr.insertCell();
      status.className = 'status status-' + r.status;
      status.textContent = GT.t('status.' + r.status) + (r.message ? ': ' + r.message : '');
      const progress = document.createElement('progress');
      progress.max = 1;
      progress.value = r.progress;
      tr.insertCell().appendChild(progress);
      const out = tr.insertCell();
      if (r.report_url) {
        const report = document.createElement('a');
        report.href = r.report_url;
        report.target = '_blank';
        report.className = 'report-link';
        report.textContent = GT.t('runs.report');
        const summary = document.createElement('a');
        summary.href = r.summary_url;
        summary.target = '_blank';
        summary.textContent = GT.t('runs.summary');
        out.append(report, ' · ', summary);
      }
      return tr;
    }));
  }

  async function poll() {
    runs = await GT.api('/api/runs');
    render();
    const busy = runs.some((r) => r.status === 'queued' || r.status === 'running');
    setTimeout(poll, busy ? 500 : 3000);
  }

  async function submit(e) {
    e.preventDefault();
    const msg = document.getElementById('run-message');
    const err = document.getElementById('run-error');
    msg.textContent = '';
    err.textContent = '';
    const body = {
      kind: document.getElementById('run-kind').value,
      start: document.getElementById('run-start').value,
      end: document.getElementById('run-end').value,
      step: document.getElementById('run-step').value
    };
    const file = document.getElementById('run-file').files[0];
    if (file) { body.yaml = await file.text(); } else { body.scenario = document.getElementById('run-scenario').value; }
    try {
      const run = await GT.api('/api/runs', { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body) });
      msg.textContent = GT.t('runs.queued') + ' ' + run.id;
      runs = await GT.api('/api/runs');
      render();
    } catch (x) {
      const lines = [GT.t('error.prefix') + ' ' + x.message];
      ((x.problem && x.problem.errors) || []).slice(1).forEach((p) => lines.push(p.message));
      err.textContent = lines.join('\n');
    }
  }

  document.addEventListener('DOMContentLoaded', async () => {
    const select = document.getElementById('run-scenario');
    const scenarios = await GT.api('/api/scenarios');
    Object.keys(scenarios).forEach((name) => {
      const o = document.createElement('option');
      o.value = name;
      o.textContent = name;
      o.title = scenarios[name];
      select.appendChild(o);
    });
    document.getElementById('run-form').addEventListener('submit', submit);
    GT.onLanguage(render);
    const sites = await GT.api('/api/sites');
    const zone = sites.length ? sites[0].time_zone : 'UTC';
    GT.live((state) => GT.clock(state, zone));
    poll();
  });
})();
