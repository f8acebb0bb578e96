/*
 * BizKit profile widget — the loader a host site includes once:
 *
 *   <div data-bizkit-profile data-token="SESSION-TOKEN" data-api-base="https://api.example.com"
 *        data-lang="cs"></div>
 *   <script src="https://forms.example.com/widget/widget.js" defer></script>
 *
 * or, from the host's own script:  BizkitProfile.mount(element, { token, apiBase, lang })
 * (returns a promise). `data-theme="dark"` or `"auto"` on the element switches the colours;
 * --bizkit-accent, --bizkit-font, --bizkit-radius, --bizkit-surface, --bizkit-text and
 * --bizkit-background set on it match the host's look; --bizkit-rem (a length) sizes it, which
 * otherwise follows the reader's default font size, never the host's root font size.
 *
 * Each element gets an open shadow root holding the widget's stylesheet and the form, so the
 * host's CSS and the widget's never meet. The token is read once and removed from the element, kept
 * in memory only (never in the host's storage or cookies) and sent only as `Authorization: Bearer`
 * to the API base. Or the page is opened with `#token=…`: the first widget without a token takes
 * it and removes exactly that fragment (path, query and history.state stay); nothing else of the
 * address is touched. The host's CSP: script-src WIDGET 'wasm-unsafe-eval'; style-src WIDGET;
 * connect-src WIDGET API (WIDGET: this script's origin). No 'unsafe-inline' or 'unsafe-eval'.
 */
(function () {
  'use strict';
  if (window.BizkitProfile) {
    return;
  }
  var script = document.currentScript;
  var base = new URL('./', script && script.src ? script.src : location.href).href;
  var ownOrigin = new URL(base).origin;
  var wasm = null;

  function load() {
    if (!wasm) {
      // The wasm is asked for with its glue, not once the glue has arrived and asks for it: one
      // round trip less before the widget starts (the glue's init awaits the promised answer).
      var answer = fetch(base + 'bizkit-widget_bg.wasm');
      answer.catch(function () {});
      wasm = import(base + 'bizkit-widget.js').then(function (glue) {
        return glue.default({ module_or_path: answer }).then(function () {
          return glue;
        });
      });
      // A failed load may be retried by the next mount.
      wasm.catch(function () {
        wasm = null;
      });
    }
    return wasm;
  }

  function stylesheet(root, href) {
    return new Promise(function (resolve) {
      var link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = href;
      link.onload = link.onerror = function () {
        resolve();
      };
      root.appendChild(link);
    });
  }

  // The form's error summary links to fields by id; inside a shadow root the document cannot find
  // them, so the root does.
  function focusLinkedField(root) {
    return function (event) {
      var link = event.target && event.target.closest ? event.target.closest('a[href^="#"]') : null;
      if (!link) {
        return;
      }
      var id = decodeURIComponent(link.getAttribute('href').slice(1));
      var field = id && root.getElementById(id);
      if (field) {
        event.preventDefault();
        field.focus();
        field.scrollIntoView({ block: 'center' });
      }
    };
  }

  // `#token=…`, taken once and removed from the address and the current history entry.
  var fragmentTaken = false;
  function fragmentToken() {
    if (fragmentTaken || location.hash.indexOf('#token=') !== 0) {
      return '';
    }
    fragmentTaken = true;
    var raw = location.hash.slice('#token='.length);
    try {
      history.replaceState(history.state, '', location.pathname + location.search);
    } catch (error) {
      // A sandboxed page may refuse; the token is still used.
    }
    try {
      return decodeURIComponent(raw);
    } catch (error) {
      return raw;
    }
  }

  // The widget's `rem` (its stylesheets say --bizkit-rem): the reader's default font size, not the
  // host's root font size. Set through the CSSOM, which a host's style-src allows.
  function sizeUnit(host, root, container) {
    if (getComputedStyle(host).getPropertyValue('--bizkit-rem').trim()) {
      return;
    }
    var probe = document.createElement('span');
    probe.style.fontSize = 'medium';
    root.appendChild(probe);
    var size = getComputedStyle(probe).fontSize;
    root.removeChild(probe);
    if (/^[0-9.]+px$/.test(size)) {
      container.style.setProperty('--bizkit-rem', size);
    }
  }

  function failed(container, lang) {
    var p = document.createElement('p');
    p.className = 'widget-failed';
    p.setAttribute('role', 'alert');
    p.textContent = /^(cs|sk)/i.test(lang || document.documentElement.lang || navigator.language || '')
      ? 'Formulář profilu se nepodařilo načíst. Zkuste stránku načíst znovu.'
      : 'The profile form could not be loaded. Try reloading the page.';
    container.hidden = false;
    container.appendChild(p);
  }

  function mount(host, options) {
    options = options || {};
    if (!host || host.nodeType !== 1) {
      return Promise.reject(new TypeError('BizkitProfile.mount: give it an element'));
    }
    if (host.__bizkitProfile) {
      return host.__bizkitProfile;
    }
    var token = options.token || host.getAttribute('data-token') || fragmentToken();
    var apiBase = options.apiBase || host.getAttribute('data-api-base') || ownOrigin;
    var lang = options.lang || host.getAttribute('data-lang') || '';
    // Handed over once: the token does not stay in the host page's DOM.
    host.removeAttribute('data-token');
    var root;
    try {
      root = host.shadowRoot || host.attachShadow({ mode: 'open' });
    } catch (error) {
      return Promise.reject(error);
    }
    var container = document.createElement('div');
    container.className = 'bizkit-root';
    // Hidden until its stylesheet is in: no flash of an unstyled form.
    container.hidden = true;
    root.appendChild(container);
    root.addEventListener('click', focusLinkedField(root));
    var done = Promise.all([stylesheet(root, base + 'widget.css'), load()]).then(
      function (loaded) {
        sizeUnit(host, root, container);
        container.hidden = false;
        loaded[1].mountProfile(container, token, apiBase, lang);
        host.dispatchEvent(new CustomEvent('bizkit-profile-ready', { bubbles: true }));
      },
      function (error) {
        failed(container, lang);
        delete host.__bizkitProfile;
        throw error;
      },
    );
    host.__bizkitProfile = done;
    return done;
  }

  function scan() {
    var found = document.querySelectorAll('[data-bizkit-profile]');
    for (var i = 0; i < found.length; i++) {
      mount(found[i]).catch(function (error) {
        console.error('BizKit profile widget:', error);
      });
    }
  }

  window.BizkitProfile = { mount: mount, scan: scan };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', scan);
  } else {
    scan();
  }
})();
