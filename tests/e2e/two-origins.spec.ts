// Where the forms are really used: never on the API's own origin.
//
// - 127.0.0.1 (bizkit-bff, a server of this file's own): the API and the widget's files, started
//   with --allowed-origin for the two origins below and nothing else.
// - 127.0.0.2, port A (support/origins.ts `portalSite`): an organisation's own customer portal. It
//   signs its customer in on its own server and renders the token into the widget's element; its
//   pages have a strict Content-Security-Policy (no 'unsafe-inline', no 'unsafe-eval'),
//   Cross-Origin-Embedder-Policy: require-corp and a hostile stylesheet.
// - 127.0.0.2, port B (`appSite`): the admin app's dist/ as plain files, config.json pointing at
//   127.0.0.1 (what `cargo xtask run --backend` writes); no API at all on this origin.
// - 127.0.0.3 (`serve`): a site outside the allow-list.
//
// In both set-ups: sign in, fill, bad values, save, reload, ARES fill with the customer's own
// token, no console error (the fixtures fail a test on any), nothing written to the host page's
// storage, and the browser itself refusing the unknown origin.
import type { APIRequestContext, CDPSession, Page } from '@playwright/test';
import { request as playwrightRequest } from '@playwright/test';
import { test, expect, signIn, DEMO_USERS } from './support/fixtures';
import { KitForm, storedRow, unique } from './support/forms';
import { OwnServer, DIST } from './support/server';
import { appSite, freePort, portalSite, serve, type AppSite, type Portal, type Site } from './support/origins';

// One API server and its sites for the file; the tests edit the one demo customer in turn.
test.describe.configure({ mode: 'serial' });

/** What Chromium logs in the console for each call it blocks by CORS. */
const CORS_BLOCKED = [/has been blocked by CORS policy/, /Failed to load resource: net::ERR_FAILED/];

let api: OwnServer;
let portal: Portal;
let app: AppSite;
let stranger: Site;
let asCustomer: APIRequestContext;

test.beforeAll(async () => {
  // The API's port first: the sites name it (CSP, config.json), and it names their origins.
  const apiPort = await freePort('127.0.0.1');
  const apiOrigin = `http://127.0.0.1:${apiPort}`;
  portal = await portalSite({ api: apiOrigin });
  app = await appSite(DIST, apiOrigin);
  stranger = await serve('127.0.0.3', (req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Somewhere else</title></head>` +
        `<body><main><h1>Somewhere else</h1><div id="profile" data-lang="en"></div></main>` +
        `<script src="${apiOrigin}/widget/widget.js"></script></body></html>`,
    );
  });
  api = await OwnServer.start({ port: apiPort, allowedOrigins: [portal.origin, app.origin] });
  asCustomer = await apiContext('customer');
});

test.afterAll(async () => {
  await asCustomer?.dispose();
  await Promise.all([api?.dispose(), portal?.close(), app?.close(), stranger?.close()]);
});

/** A request context of Node (not a browser: no CORS) signed in to the API as a demo user. */
async function apiContext(role: 'admin' | 'customer'): Promise<APIRequestContext> {
  const anonymous = await playwrightRequest.newContext({ baseURL: api.url });
  const answer = await anonymous.post('/api/v1/authenticate', { data: DEMO_USERS[role] });
  expect(answer.status()).toBe(200);
  const { auth_token: token } = (await answer.json()) as { auth_token: string };
  await anonymous.dispose();
  return playwrightRequest.newContext({ baseURL: api.url, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
}

async function customerToken(): Promise<string> {
  const anonymous = await playwrightRequest.newContext({ baseURL: api.url });
  const answer = await anonymous.post('/api/v1/authenticate', { data: DEMO_USERS.customer });
  const { auth_token: token } = (await answer.json()) as { auth_token: string };
  await anonymous.dispose();
  return token;
}

async function storedProfile(): Promise<Record<string, unknown>> {
  const answer = await asCustomer.get('/api/v1/customer/profile');
  expect(answer.status()).toBe(200);
  return (await answer.json()) as Record<string, unknown>;
}

interface Spy {
  /** Every write to localStorage / sessionStorage and document.cookie, by the page's own JS. */
  writes: string[];
  /** Every pushState / replaceState, as `kind url state`. */
  history: string[];
  csp: string[];
  historyLengthAtStart: number;
}

/**
 * Watches, from before any script of the page runs, what the page's scripts do to the things a
 * widget must leave alone: storage, cookies, the address and history; and CSP violations.
 */
async function spy(page: Page): Promise<() => Promise<Spy>> {
  await page.addInitScript(() => {
    const w = window as unknown as { __spy: Spy };
    w.__spy = { writes: [], history: [], csp: [], historyLengthAtStart: history.length };
    for (const name of ['setItem', 'removeItem', 'clear'] as const) {
      const original = Storage.prototype[name] as (...args: unknown[]) => unknown;
      Storage.prototype[name] = function (this: Storage, ...args: unknown[]) {
        const which = this === window.localStorage ? 'localStorage' : 'sessionStorage';
        w.__spy.writes.push(`${which}.${name}(${String(args[0] ?? '')})`);
        return original.apply(this, args);
      } as never;
    }
    const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
    if (cookie?.set) {
      Object.defineProperty(document, 'cookie', {
        get: () => cookie.get?.call(document),
        set: (value: string) => {
          w.__spy.writes.push(`document.cookie=${value.split('=')[0]}`);
          cookie.set?.call(document, value);
        },
      });
    }
    for (const kind of ['pushState', 'replaceState'] as const) {
      const original = history[kind].bind(history);
      history[kind] = (state: unknown, unused: string, url?: string | URL | null) => {
        w.__spy.history.push(`${kind} ${url ?? '(same)'} ${JSON.stringify(state)}`);
        original(state, unused, url);
      };
    }
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__spy.csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return () => page.evaluate(() => (window as unknown as { __spy: Spy }).__spy);
}

/** Which origin answered which paths, from the browser's side. */
function servedBy(page: Page): Map<string, Set<string>> {
  const seen = new Map<string, Set<string>>();
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (!url.protocol.startsWith('http')) return;
    const paths = seen.get(url.origin) ?? new Set<string>();
    paths.add(`${response.request().method()} ${url.pathname}`);
    seen.set(url.origin, paths);
  });
  return seen;
}

function profileForm(page: Page): KitForm {
  return new KitForm(page, 'profile');
}

/** The host's stylesheet is in force on the host's own elements, and on none of the widget's. */
async function expectHostileCssKeptOut(page: Page): Promise<void> {
  // In force on the host: its own search field is hidden, its text magenta and upper-case.
  await expect(page.locator('#host-search')).toBeHidden();
  await expect(page.locator('.host-note')).toHaveCSS('text-transform', 'uppercase');
  await expect(page.locator('.host-note')).toHaveCSS('color', 'rgb(255, 0, 255)');
  await expect(page.locator('html')).toHaveCSS('font-size', '10px');
  // Not in the widget: its controls are there and look like the widget's, at the reader's own
  // text size (16px), whatever the host's root font size (10px) and its custom properties.
  const f = profileForm(page);
  for (const name of ['email', 'phone', 'city', 'companyRegistrationNumber']) {
    await expect(f.control(name)).toBeVisible();
  }
  await expect(f.submit).toBeVisible();
  const city = f.control('city');
  await expect(city).toHaveCSS('border-top-style', 'solid');
  await expect(city).toHaveCSS('border-top-color', 'rgb(156, 163, 175)');
  await expect(city).toHaveCSS('font-size', '16px');
  await expect(city).toHaveCSS('letter-spacing', 'normal');
  await expect(city).toHaveCSS('cursor', 'text');
  const label = page.locator('label[for="profile-city"]');
  await expect(label).toBeVisible();
  await expect(label).toHaveCSS('text-transform', 'none');
  await expect(label).toHaveCSS('color', 'rgb(17, 24, 39)');
  await expect(label).toHaveCSS('visibility', 'visible');
  await expect(page.getByRole('heading', { level: 2, name: 'Your profile' })).toHaveCSS('font-size', '24px');
  await expect(f.submit).toHaveCSS('background-color', 'rgb(29, 78, 216)');
}

test.describe('the widget on the organisation\'s own site (127.0.0.2), API and widget files on 127.0.0.1', () => {
  test('the customer signs in on the portal; in the widget a bad value, save, reload, ARES fill; nothing stored on the portal', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const watched = await spy(page);
    const served = servedBy(page);
    const preflights = await watchPreflights(page);
    const apiCalls: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.origin === api.url && !url.pathname.startsWith('/widget/')) {
        apiCalls.push(`${r.method()} ${url.pathname} ${r.headers()['authorization'] ? 'with token' : 'no token'}`);
      }
    });

    // Signing in is the portal's own business: its form, its server, its HttpOnly cookie.
    await page.goto(`${portal.origin}/`);
    await page.getByLabel('E-mail').fill(DEMO_USERS.customer.email);
    await page.getByLabel('Password').fill(DEMO_USERS.customer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(`${portal.origin}/account`);
    const f = profileForm(page);
    await expect(f.control('email')).toHaveValue('jan@barasek.com');
    // The token the portal rendered is taken out of its DOM at once.
    await expect(page.locator('#profile')).not.toHaveAttribute('data-token', /.*/);
    await expectHostileCssKeptOut(page);

    // Bad values: beside the field once left, in the summary on submit; nothing is sent.
    await f.control('phone').fill('12');
    await f.control('postalCode').click();
    await f.expectFieldError('phone', /./);
    await f.control('postalCode').fill('1');
    await f.submit.click();
    await expect(f.summary).toBeFocused();
    await expect(f.summary.getByRole('link')).toHaveCount(2);
    expect(apiCalls.filter((c) => c.startsWith('POST'))).toEqual([]);

    // Fixed and saved, across origins: the API has it.
    await f.control('phone').fill('603 987 654');
    await f.control('postalCode').fill('27201');
    await f.control('city').fill('Kladno-Rozdělov');
    await f.submit.click();
    await expect(page.locator('.saved-notice')).toBeFocused();
    expect(await storedProfile()).toMatchObject({ phone: '+420 603987654', postalCode: '272 01', city: 'Kladno-Rozdělov' });

    // ARES with the customer's own token: another company's IČO, its details offered and used.
    await f.control('companyRegistrationNumber').fill('27082440');
    const offer = page.locator('#profile-ares');
    await expect(offer).toContainText('Alza.cz a.s.');
    await offer.getByRole('button', { name: 'Use the company details from ARES' }).click();
    await expect(f.control('companyName')).toHaveValue('Alza.cz a.s.');
    await expect(f.control('city')).toHaveValue('Praha');
    await f.submit.click();
    await expect(page.locator('.saved-notice')).toBeFocused();
    expect(await storedProfile()).toMatchObject({ companyRegistrationNumber: '27082440', companyName: 'Alza.cz a.s.', city: 'Praha' });

    // A reload: the portal renders its token again; the widget shows what the server stores. A
    // fragment of the host's own stays where it is.
    await page.goto(`${portal.origin}/account#orders`);
    await expect(f.control('companyName')).toHaveValue('Alza.cz a.s.');
    await expect(f.control('phone')).toHaveValue('+420 603987654');
    await expect(page).toHaveURL(`${portal.origin}/account#orders`);
    await expectHostileCssKeptOut(page);

    const seen = await watched();
    expect(seen.writes, 'writes to the portal\'s storage or cookies').toEqual([]);
    expect(seen.csp, 'CSP violations on the portal').toEqual([]);
    expect(seen.history, 'only the portal\'s own history call').toEqual([`replaceState (same) {"portal":"kept"}`]);
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie])).toEqual([0, 0, '']);

    // What each origin served: the portal its pages, 127.0.0.1 the widget and the API.
    expect([...(served.get(portal.origin) ?? [])].filter((p) => !p.endsWith('/favicon.ico')).sort()).toEqual(
      ['GET /', 'GET /plain.css', 'GET /account', 'GET /portal.css', 'GET /portal.js', 'POST /sign-in'].sort(),
    );
    const fromApi = [...(served.get(api.url) ?? [])];
    for (const file of ['widget.js', 'bizkit-widget.js', 'bizkit-widget_bg.wasm', 'widget.css', 'main.css', 'portal.css']) {
      expect(fromApi, `the widget's ${file}`).toContain(`GET /widget/${file}`);
    }
    // The browser asked first (a preflight per call with a token) and was answered for this origin.
    const saves = preflights.filter((p) => p.url === `${api.url}/api/v1/customer/update-profile`);
    expect(saves.length).toBeGreaterThan(0);
    for (const p of preflights) {
      expect(p, p.url).toMatchObject({ origin: portal.origin, status: 200, allowOrigin: portal.origin });
    }
    expect([...served.keys()].sort()).toEqual([api.url, portal.origin].sort());
    // Every API call carried the token, ARES went to the customer's lookup, none to the admin BFF.
    expect(apiCalls.filter((c) => !c.endsWith('with token'))).toEqual([]);
    expect(apiCalls).toContain('GET /api/v1/ares/27082440 with token');
    expect(apiCalls.filter((c) => c.includes('/bff/'))).toEqual([]);
  });

  test('a #token= hand-over: the widget takes exactly that fragment, keeps path, query and history.state, stores nothing', async ({
    page,
  }) => {
    const watched = await spy(page);
    const token = await customerToken();
    await page.goto(`${portal.origin}/handover?tab=profile#token=${encodeURIComponent(token)}`);
    const f = profileForm(page);
    await expect(f.control('email')).toHaveValue('jan@barasek.com');
    await expect(page).toHaveURL(`${portal.origin}/handover?tab=profile`);
    expect(await page.evaluate(() => history.state)).toEqual({ portal: 'kept' });

    // Working in the widget changes nothing more of the address or the history.
    await f.control('cityPart').fill('Holešovice-Bubny');
    await f.submit.click();
    await expect(page.locator('.saved-notice')).toBeFocused();
    expect(await storedProfile()).toMatchObject({ cityPart: 'Holešovice-Bubny' });

    const seen = await watched();
    expect(seen.history).toEqual([
      `replaceState (same) {"portal":"kept"}`,
      `replaceState /handover?tab=profile {"portal":"kept"}`,
    ]);
    expect(await page.evaluate(() => history.length)).toBe(seen.historyLengthAtStart);
    expect(seen.writes).toEqual([]);
    expect(seen.csp).toEqual([]);
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
    // Back to the page: the token went with the fragment and lives nowhere the page keeps.
    await page.reload();
    await expect(page.locator('#profile').getByRole('alert')).toHaveText(
      'This form could not confirm who you are. Sign in again on this site, then reload the page.',
    );
  });

  test('an origin outside the allow-list (127.0.0.3): the widget\'s files load, the browser gets no Access-Control-Allow-Origin from the API', async ({
    page,
    consoleGuard,
  }) => {
    // What this test provokes: Chromium reports each blocked call in the console.
    consoleGuard.allow(...CORS_BLOCKED);
    const preflights = await watchPreflights(page);
    const console: string[] = [];
    page.on('console', (m) => console.push(m.text()));
    const served = servedBy(page);
    const token = await customerToken();

    await page.goto(`${stranger.origin}/`);
    await page.evaluate((t) => {
      const el = document.getElementById('profile');
      const mount = (window as unknown as { BizkitProfile: { mount: (e: Element | null, o: object) => Promise<void> } })
        .BizkitProfile.mount;
      return mount(el, { token: t });
    }, token);
    // The public files came; the API's answers could not be read, and the widget says so.
    await expect(page.locator('#profile').getByRole('alert')).toHaveText(
      'The profile form could not reach its server. Try reloading the page in a moment.',
    );
    const fromApi = [...(served.get(api.url) ?? [])];
    expect(fromApi).toContain('GET /widget/bizkit-widget_bg.wasm');

    // A page script of that origin cannot read the API either, signed in or not.
    const outcome = await page.evaluate(async (base) => {
      const tries = [
        fetch(`${base}/api/v1/session`, { headers: { Authorization: 'Bearer x' } }),
        fetch(`${base}/api/v1/authenticate`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ email: 'admin@demo.test', password: 'demo-admin' }),
        }),
      ];
      return Promise.all(tries.map((t) => t.then((r) => `read ${r.status}`, (e: Error) => e.name)));
    }, api.url);
    expect(outcome).toEqual(['TypeError', 'TypeError']);

    // The browser's own view of the preflights: answered, without Access-Control-Allow-Origin.
    await expect.poll(() => preflights.filter((p) => p.url.endsWith('/api/v1/authenticate')).length).toBeGreaterThan(0);
    for (const p of preflights) {
      expect(p.origin, p.url).toBe(stranger.origin);
      expect(p.status, p.url).toBe(200);
      expect(p.allowOrigin, p.url).toBeUndefined();
    }
    expect(console.some((c) => /preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin'/.test(c))).toBe(true);
    // The server's operator is told how to allow it.
    expect(api.log()).toContain(stranger.origin);
    expect(api.log()).toContain('--allowed-origin');
  });
});

test.describe('the admin app on 127.0.0.2 (files only), its API on 127.0.0.1', () => {
  test('the admin signs in, a bad value, creates a contact with the ARES preview, reloads; every call goes to the API origin', async ({
    page,
  }) => {
    const watched = await spy(page);
    const served = servedBy(page);
    await page.goto(`${app.origin}/contacts/new`);
    await expect(page).toHaveURL(`${app.origin}/sign-in?next=%2Fcontacts%2Fnew`);
    await signIn(page, 'admin', { goto: false });
    await expect(page).toHaveURL(`${app.origin}/contacts/new`);

    const f = new KitForm(page, 'contact');
    const email = `eva.dvorakova.${unique()}@example.com`;
    await f.control('email').fill('eva@');
    await f.control('phone').click();
    await f.expectFieldError('email', /./);
    await f.control('email').fill(email);
    await f.expectNoFieldError('email');
    await f.control('firstName').fill('Eva');
    await f.control('companyRegistrationNumber').fill('5103118');
    await expect(page.locator('#contact-ares')).toContainText('BizKitHub s.r.o.');
    await f.submit.click();
    const done = page.getByRole('heading', { level: 2, name: 'Contact created' });
    await expect(done).toBeFocused();
    await expect(storedRow(page, 'E-mail')).toHaveText(email);
    await expect(storedRow(page, 'Company name')).toHaveText('BizKitHub s.r.o.');
    const customerId = await page.locator('dl.stored').getAttribute('data-customer-id');
    const admin = await apiContext('admin');
    const stored = await admin.get(`/bff/contact/${encodeURIComponent(customerId ?? '')}`);
    expect(stored.status()).toBe(200);
    expect(await stored.json()).toMatchObject({ email, companyName: 'BizKitHub s.r.o.' });
    await admin.dispose();

    // A reload keeps the session of this tab (the app's own sessionStorage, by the contract).
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'New contact' })).toBeVisible();
    await expect(f.control('email')).toHaveValue('');

    const seen = await watched();
    expect(seen.csp).toEqual([]);
    expect(await page.evaluate(() => Object.keys(sessionStorage))).toEqual(['bizkit.session']);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('draft')))).toEqual([]);
    // The app's origin served files and nothing else; every call went to the API.
    const fromApp = [...(served.get(app.origin) ?? [])];
    expect(fromApp.filter((p) => /^\S+ \/(api|bff)\//.test(p))).toEqual([]);
    expect(app.served.filter((p) => /^\S+ \/(api|bff)\//.test(p))).toEqual([]);
    expect(fromApp).toContain('GET /config.json');
    const fromApi = [...(served.get(api.url) ?? [])];
    for (const call of ['POST /api/v1/authenticate', 'GET /api/v1/session', 'GET /bff/ares/05103118', 'POST /bff/contact/create']) {
      expect(fromApi).toContain(call);
    }
    expect([...served.keys()].sort()).toEqual([api.url, app.origin].sort());
  });

  test('a page whose code comes later (groups): its chunks come from the app origin, its calls go to the API', async ({
    page,
  }) => {
    const served = servedBy(page);
    await page.goto(`${app.origin}/contacts/new`);
    await signIn(page, 'admin', { goto: false });
    await expect(page).toHaveURL(`${app.origin}/contacts/new`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customer groups' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Add groups to a customer');
    await expect(page.locator('#groups-email')).toBeEditable();

    const fromApp = [...(served.get(app.origin) ?? [])];
    expect(fromApp.some((p) => /^GET \/app-[0-9a-f]+\/split_customer_groups\.wasm$/.test(p))).toBe(true);
    expect(fromApp.filter((p) => /^\S+ \/(api|bff)\//.test(p))).toEqual([]);
    expect([...(served.get(api.url) ?? [])]).toContain('GET /bff/customer-group/list');
    expect([...served.keys()].sort()).toEqual([api.url, app.origin].sort());
  });

  test('a customer in the app served apart: bad values, save, reload, ARES fill on the portal page', async ({ page }) => {
    test.setTimeout(90_000);
    const watched = await spy(page);
    await page.goto(`${app.origin}/portal/profile`);
    await signIn(page, 'customer', { goto: false });
    await expect(page).toHaveURL(`${app.origin}/portal/profile`);
    const f = profileForm(page);
    await expect(f.control('email')).toHaveValue('jan@barasek.com');

    await f.control('postalCode').fill('1');
    await f.control('referralId').fill('too-short');
    await f.submit.click();
    await expect(f.summary).toBeFocused();
    await expect(f.summary.getByRole('link')).toHaveCount(2);
    await f.control('postalCode').fill('602 00');
    await f.control('referralId').fill('');
    await f.control('city').fill('Brno');
    await f.submit.click();
    await expect(page.locator('.saved-notice')).toBeFocused();
    expect(await storedProfile()).toMatchObject({ postalCode: '602 00', city: 'Brno' });

    await page.reload();
    await expect(f.control('city')).toHaveValue('Brno');
    await f.control('companyRegistrationNumber').fill('45274649');
    const offer = page.locator('#profile-ares');
    await expect(offer).toContainText('ČEZ, a. s.');
    await offer.getByRole('button', { name: 'Use the company details from ARES' }).click();
    await expect(f.control('companyName')).toHaveValue('ČEZ, a. s.');
    await f.submit.click();
    await expect(page.locator('.saved-notice')).toBeFocused();
    expect(await storedProfile()).toMatchObject({ companyRegistrationNumber: '45274649', companyName: 'ČEZ, a. s.' });
    expect((await watched()).csp).toEqual([]);
  });

  test('the same app on an origin outside the allow-list: sign-in says it cannot reach the server; the preflight has no Access-Control-Allow-Origin', async ({
    page,
    consoleGuard,
  }) => {
    consoleGuard.allow(...CORS_BLOCKED);
    const elsewhere = await appSite(DIST, api.url, '127.0.0.3');
    try {
      const preflights = await watchPreflights(page);
      await page.goto(`${elsewhere.origin}/sign-in`);
      const form = page.locator('form[data-form="sign-in"]');
      await form.getByLabel(/e-mail/i).and(form.locator('input')).fill(DEMO_USERS.admin.email);
      await form.getByLabel(/password/i).and(form.locator('input')).fill(DEMO_USERS.admin.password);
      await form.getByRole('button', { name: /sign in/i }).click();
      await expect(page.locator('.error-summary')).toContainText('We could not reach the server');
      await expect(form).toBeVisible();
      await expect.poll(() => preflights.length).toBeGreaterThan(0);
      expect(preflights[0]).toMatchObject({ origin: elsewhere.origin, status: 200, allowOrigin: undefined });
      expect(preflights[0].url).toBe(`${api.url}/api/v1/authenticate`);
    } finally {
      await elsewhere.close();
    }
  });
});

interface Preflight {
  url: string;
  origin: string | undefined;
  status: number;
  allowOrigin: string | undefined;
}

/**
 * The CORS preflights Chromium sends, with the headers of their answers, from the DevTools
 * protocol: Playwright's own events do not show preflights, and this is the browser's view, not a
 * request made by the test.
 */
async function watchPreflights(page: Page): Promise<Preflight[]> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const seen: Preflight[] = [];
  const urls = new Map<string, string>();
  const origins = new Map<string, string>();
  const lower = (headers: object) =>
    Object.fromEntries(Object.entries(headers as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));
  await cdp.send('Network.enable');
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.request.method === 'OPTIONS') urls.set(e.requestId, e.request.url);
  });
  // The headers as sent (Origin is added by the network stack, so only the extra info has it).
  cdp.on('Network.requestWillBeSentExtraInfo', (e) => {
    const origin = lower(e.headers)['origin'];
    if (origin) origins.set(e.requestId, origin);
  });
  cdp.on('Network.responseReceived', (e) => {
    if (e.type !== 'Preflight') return;
    const headers = lower(e.response.headers);
    seen.push({
      url: urls.get(e.requestId) ?? e.response.url,
      origin: origins.get(e.requestId),
      status: e.response.status,
      allowOrigin: headers['access-control-allow-origin'],
    });
  });
  return seen;
}
