// The example host page's own script: it stands for the host's server, which would render the
// signed-in customer's session token into the element. Here the token comes from the address
// (`#token=…`, then removed from the address bar and history at once) and the language from
// `?lang=cs`. It runs before widget.js, which then finds the element ready.
(function () {
  'use strict';
  var host = document.getElementById('bizkit-profile');
  if (!host) {
    return;
  }
  var hash = location.hash;
  if (hash.indexOf('#token=') === 0) {
    host.setAttribute('data-token', decodeURIComponent(hash.slice('#token='.length)));
    history.replaceState(null, '', location.pathname + location.search);
  }
  var lang = new URLSearchParams(location.search).get('lang');
  if (lang === 'cs' || lang === 'en') {
    host.setAttribute('data-lang', lang);
    document.documentElement.lang = lang;
  }
  var theme = new URLSearchParams(location.search).get('theme');
  if (theme === 'dark' || theme === 'auto') {
    host.setAttribute('data-theme', theme);
  }
})();
