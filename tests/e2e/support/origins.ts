// Sites of other origins for the two-origin suite (two-origins.spec.ts), on loopback addresses of
// their own (127.0.0.2, 127.0.0.3): Linux answers the whole of 127.0.0.0/8, and to a browser each
// address is another origin. Plain Node HTTP servers with nothing of bizkit-bff in them:
//
// - `portalSite`: an organisation's own customer portal that embeds the widget. It signs its
//   customers in on its own server (which calls the API's /api/v1/authenticate, server to server),
//   keeps the token in its own server-side session behind an HttpOnly cookie, and renders it into
//   the widget's element on every page load, as a real portal does. Its pages carry a strict
//   Content-Security-Policy, Cross-Origin-Embedder-Policy and a hostile stylesheet.
// - `appSite`: the admin app's dist/ copied and served as files, with config.json pointing at the
//   API on another origin (what `cargo xtask run --backend` writes): there is no API on this origin,
//   so nothing can fall back to same-origin calls.
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Site {
  /** `http://127.0.0.N:PORT` */
  origin: string;
  /** Every request this site answered, as `METHOD /path` (for "what each origin served"). */
  served: string[];
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL, body: string) => void | Promise<void>;

/** A server on `host` (a loopback address) and a free port, answering with `handler`. */
export async function serve(host: string, handler: Handler): Promise<Site> {
  const served: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', `http://${host}`);
      served.push(`${req.method} ${url.pathname}`);
      Promise.resolve(handler(req, res, url, Buffer.concat(chunks).toString('utf8'))).catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://${host}:${port}`,
    served,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nobody listens on now at `host`. */
export function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createNetServer();
    s.once('error', reject);
    s.listen(0, host, () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The `'sha256-…'` sources of an HTML page's inline scripts (Trunk's loader in index.html). */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    if (match[1]) hashes.push(`'sha256-${createHash('sha256').update(match[1]).digest('base64')}'`);
  }
  return hashes;
}

// ---------------------------------------------------------------------------------------------
// The organisation's portal, embedding the widget
// ---------------------------------------------------------------------------------------------

/**
 * The host's own stylesheet, as hostile as a site's CSS gets to a widget living in its DOM: a reset
 * of everything, hidden form controls, shouting text, a root font size of 10px (the "62.5 %" trick)
 * and custom properties of the same names the widget uses inside. None of it may reach the widget;
 * only its own element (the shadow host) is the host's to style.
 */
export const HOSTILE_CSS = `
html { font-size: 62.5%; }
* { all: unset; }
html, body, main, header, section, div, p, h1 { display: block; }
head, script, style, link, title, meta { display: none; }
* { color: rgb(255, 0, 255) !important; letter-spacing: .3em; text-transform: uppercase; word-spacing: 2em;
    line-height: 3; cursor: crosshair; text-shadow: 0 0 2px red; font-family: "Comic Sans MS", cursive;
    --text: transparent; --bg: black; --surface: black; --accent: lime; --border: transparent;
    --radius: 0; --focus: transparent; --error: transparent; }
input, select, textarea, button, label, form, fieldset, legend, h2, ul, li, a, dialog { display: none !important; }
section > * { visibility: hidden; }
[hidden] { display: block !important; }
:focus, :focus-visible { outline: none !important; }
`;

export interface PortalOptions {
  /** The API (and the widget's files): `http://127.0.0.1:PORT`. */
  api: string;
  host?: string;
}

export interface Portal extends Site {
  /** The strict CSP every page of the portal is served with. */
  csp: string;
}

/**
 * The organisation's portal on `host` (127.0.0.2): `/` signs in (its own form, its own server),
 * `/account` embeds the widget with the session's token rendered into `data-token`, `/handover`
 * embeds it with nothing but a `#token=` in the address (the hand-over the widget takes itself).
 */
export async function portalSite({ api, host = '127.0.0.2' }: PortalOptions): Promise<Portal> {
  const sessions = new Map<string, string>();
  const csp = [
    "default-src 'none'",
    `script-src 'self' ${api} 'wasm-unsafe-eval'`,
    `style-src 'self' ${api}`,
    `connect-src ${api}`,
    "img-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  // The sign-in page keeps plain looks (its own form must work); the pages with the widget get
  // the hostile stylesheet.
  const page = (res: ServerResponse, title: string, body: string, status = 200, css = '/portal.css') => {
    res.writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': csp,
      // Cross-origin isolation: every file of the widget must come with CORS or CORP to load.
      'cross-origin-embedder-policy': 'require-corp',
      'cross-origin-opener-policy': 'same-origin',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    });
    res.end(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} – Zahradnictví Kvítek</title>` +
        `<link rel="stylesheet" href="${css}"></head><body>` +
        `<header><p class="brand">Zahradnictví Kvítek</p></header><main><h1>${escapeHtml(title)}</h1>${body}</main>` +
        `</body></html>`,
    );
  };
  const cookieSession = (req: IncomingMessage): string | undefined => {
    const match = /(?:^|;\s*)portal_session=([A-Za-z0-9_-]+)/.exec(req.headers.cookie ?? '');
    return match ? sessions.get(match[1]) : undefined;
  };
  const widget = (token: string | null) =>
    `<section aria-label="Your profile"><div id="profile" data-bizkit-profile data-lang="en" data-api-base="${api}"` +
    (token === null ? '' : ` data-token="${escapeHtml(token)}"`) +
    `></div></section><p class="host-note">Questions? Call us.</p>` +
    `<input id="host-search" type="search" aria-label="Search the shop">` +
    `<script src="/portal.js"></script><script src="${api}/widget/widget.js" defer></script>`;

  const site = await serve(host, async (req, res, url, body) => {
    if (url.pathname === '/plain.css') {
      res.writeHead(200, { 'content-type': 'text/css', 'cache-control': 'no-store' });
      res.end('body { font-family: Georgia, serif; margin: 2rem; } label { display: block; margin: .5rem 0; }');
    } else if (url.pathname === '/portal.css') {
      res.writeHead(200, { 'content-type': 'text/css', 'cache-control': 'no-store' });
      res.end(HOSTILE_CSS);
    } else if (url.pathname === '/portal.js') {
      // The host's own script: it keeps a state of its own in the history entry, which the widget
      // must leave alone.
      res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' });
      res.end("history.replaceState({ portal: 'kept' }, '');\n");
    } else if (url.pathname === '/' && req.method === 'GET') {
      page(
        res,
        'Sign in',
        `<form method="post" action="/sign-in" class="plain"><label>E-mail <input name="email" type="email"></label>` +
          `<label>Password <input name="password" type="password"></label><button>Sign in</button></form>`,
        200,
        '/plain.css',
      );
    } else if (url.pathname === '/sign-in' && req.method === 'POST') {
      const form = new URLSearchParams(body);
      const answer = await fetch(`${api}/api/v1/authenticate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: form.get('email'), password: form.get('password') }),
      });
      if (!answer.ok) {
        page(res, 'Sign in', '<p role="alert">Wrong e-mail or password.</p>', 401, '/plain.css');
        return;
      }
      const { auth_token: token } = (await answer.json()) as { auth_token: string };
      const id = randomBytes(16).toString('base64url');
      sessions.set(id, token);
      res.writeHead(303, {
        location: '/account',
        'set-cookie': `portal_session=${id}; HttpOnly; SameSite=Lax; Path=/`,
      });
      res.end();
    } else if (url.pathname === '/account') {
      const token = cookieSession(req);
      if (!token) {
        res.writeHead(303, { location: '/' });
        res.end();
        return;
      }
      page(res, 'My account', widget(token));
    } else if (url.pathname === '/handover') {
      page(res, 'My account', widget(null));
    } else if (url.pathname === '/favicon.ico') {
      res.writeHead(204);
      res.end();
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not here');
    }
  });
  return { ...site, csp };
}

// ---------------------------------------------------------------------------------------------
// The admin app, served apart from its API
// ---------------------------------------------------------------------------------------------

export interface AppSite extends Site {
  csp: string;
}

/**
 * A copy of `dist` whose config.json points at `api`, served by a plain static file server on
 * `host` (SPA fallback to index.html, as nginx's `try_files` would do), with the CSP a deployment
 * would send: Trunk's inline loader by its hash, and connect-src for the API only.
 */
export async function appSite(dist: string, api: string, host = '127.0.0.2'): Promise<AppSite> {
  if (!existsSync(path.join(dist, 'index.html'))) {
    throw new Error(`no built app in ${dist} (cargo xtask test e2e builds it)`);
  }
  const root = mkdtempSync(path.join(tmpdir(), 'bizkit-app-site-'));
  cpSync(dist, root, { recursive: true });
  const configPath = path.join(root, 'config.json');
  const config = existsSync(configPath) ? (JSON.parse(readFileSync(configPath, 'utf8')) as object) : {};
  writeFileSync(configPath, JSON.stringify({ ...config, apiBaseUrl: api }));
  const index = readFileSync(path.join(root, 'index.html'), 'utf8');
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${inlineScriptHashes(index).join(' ')}`,
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self' ${api}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');

  const site = await serve(host, (req, res, url) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      // A file server: no API here, whatever the path.
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' });
      res.end('this origin serves files only');
      return;
    }
    const relative = path.normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = path.join(root, relative);
    const isFile = existsSync(file) && statSync(file).isFile();
    if (!isFile) {
      if (path.extname(url.pathname) !== '') {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('no such file');
        return;
      }
      file = path.join(root, 'index.html');
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, {
      'content-type': type,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
      ...(type.startsWith('text/html') ? { 'content-security-policy': csp } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : readFileSync(file));
  });
  return {
    ...site,
    csp,
    close: async () => {
      await site.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
