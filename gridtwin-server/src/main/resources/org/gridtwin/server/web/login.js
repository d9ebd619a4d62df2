// Sign-in page: POST /api/login, then back to the page that sent us here.
(function () {
  document.addEventListener('DOMContentLoaded', () => {
    document.getElementById('login-form').addEventListener('submit', async (e) => {
      e.preventDefault();
      const err = document.getElementById('login-error');
      err.textContent = '';
      try {
        await GT.api('/api/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ user: document.getElementById('login-user').value,
            password: document.getElementById('login-password').value }) });
        const next = new URLSearchParams(location.search).get('next');
        // only a path of this server: never a redirect elsewhere
        location.href = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
      } catch (x) {
        err.textContent = GT.t('error.prefix') + ' ' + x.message;
      }
    });
  });
})();
