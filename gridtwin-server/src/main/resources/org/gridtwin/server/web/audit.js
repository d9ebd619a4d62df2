// Audit trail page (admins): the last records, newest first, whether the hash chain holds, a text filter.
(function () {
  let records = [];

  function render() {
    const q = document.getElementById('audit-filter').value.toLowerCase();
    const body = document.getElementById('audit-rows');
    const rows = records.filter((r) => !q || JSON.stringify(r).toLowerCase().includes(q)).reverse();
    if (!rows.length) {
      GT.emptyRow(body, 7, 'audit.none');
      return;
    }
    body.replaceChildren(...rows.map((r) => {
      const tr = document.createElement('tr');
      [r.seq, GT.time(r.time, 'UTC') + ' UTC', r.actor, r.client, r.action, r.request, r.outcome]
        .forEach((v) => { tr.insertCell().textContent = v === null || v === undefined ? '' : String(v); });
      return tr;
    }));
  }

  document.addEventListener('DOMContentLoaded', async () => {
    document.getElementById('audit-filter').addEventListener('input', render);
    try {
      const a = await GT.api('/api/audit?last=500');
      records = a.last;
      const chain = document.getElementById('audit-chain');
      chain.textContent = a.chain_holds ? GT.t('audit.holds').replace('{n}', GT.num(a.records, 0))
        : GT.t('audit.broken') + ' ' + a.broken;
      chain.className = a.chain_holds ? 'ok-text' : 'error';
      render();
      GT.onLanguage(render);
    } catch (e) {
      document.getElementById('audit-error').textContent = GT.t('error.prefix') + ' ' + e.message;
    }
  });
})();
