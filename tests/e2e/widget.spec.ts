// The embeddable profile widget on the example host page (/embed-example.html, served with the
// server's CSP and its own meta CSP): one script and one element, a session token handed over, the
// form in a shadow root of its own. Mounting and saving, style isolation both ways, the JS call,
// refusals, the error summary inside the shadow root, axe in both languages, a phone.
import { test, expect, axe, apiToken } from './support/fixtures';
import { KitForm, recordRequests, resourceStatus } from './support/forms';
import { phoneScreenshot, setProfile, storedProfile, withDemoProfile } from './support/profile';

const HOST = '/embed-example.html';

async function customerToken(page: import('@playwright/test').Page): Promise<string> {
  return apiToken(page.request, 'customer');
}

test('the host page mounts the widget with a token; the customer edits and saves; the API has it', async ({
  page,
  apiAs,
}) => {
  test.setTimeout(90_000);
  await withDemoProfile(apiAs, async (customer) => {
    await setProfile(customer);
    const token = await customerToken(page);
    const posts = recordRequests(page, 'POST', '/api/v1/customer/update-profile');
    await page.goto(`${HOST}#token=${encodeURIComponent(token)}`);
    // The token left the address bar at once, and the element once the widget took it.
    await expect(page).toHaveURL(/\/embed-example\.html$/);
    const host = page.locator('#bizkit-profile');
    await expect(host).not.toHaveAttribute('data-token', /.*/);

    const f = new KitForm(page, 'profile');
    await expect(page.getByRole('heading', { level: 2, name: 'Your profile' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('My account');
    await expect(f.control('email')).toHaveValue('jan@barasek.com');
    await expect(page.getByRole('navigation')).toHaveCount(1); // the host's own, nothing of the app's

    await f.control('phone').fill('603 987 654');
    await expect(f.preview('phone')).toContainText('+420 603987654');
    await f.control('city').fill('Kladno-Rozdělov');
    await f.submit.click();
    const notice = page.locator('.saved-notice');
    await expect(notice).toBeFocused();
    await expect(notice).toContainText('Changed: Phone, City.');
    expect(posts).toHaveLength(1);
    expect(posts[0].headers()['authorization']).toBe(`Bearer ${token}`);
    expect(await storedProfile(customer)).toMatchObject({ phone: '+420 603987654', city: 'Kladno-Rozdělov' });

    // Nothing of the widget in the host's localStorage (no language, no draft of the customer's
    // data), and the host's <html lang> is its own.
    const keys = await page.evaluate(() => Object.keys(localStorage));
    expect(keys.filter((k) => k.startsWith('bizkit'))).toEqual([]);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await setProfile(customer);
  });
});

test('styles stay apart: the host\'s rules do not reach in, the widget\'s do not leak out', async ({ page }) => {
  await page.goto(`${HOST}#token=${encodeURIComponent(await customerToken(page))}`);
  const widgetCity = page.locator('#profile-city');
  await expect(widgetCity).toBeVisible();

  // The host styles `input` and `.input` with a dashed pink border, `label` in upper case.
  await expect(page.locator('#host-search')).toHaveCSS('border-top-style', 'dashed');
  await expect(page.locator('label[for="host-search"]')).toHaveCSS('text-transform', 'uppercase');
  await expect(widgetCity).toHaveCSS('border-top-style', 'solid');
  await expect(page.locator('label[for="profile-city"]')).toHaveCSS('text-transform', 'none');
  // The host's own button keeps the host's look; the widget's button takes the host's accent
  // colour only because the host asked for it (--bizkit-accent on its element).
  await expect(page.locator('.newsletter-box button')).toHaveCSS('background-color', 'rgb(190, 24, 93)');
  await expect(page.locator('form[data-form="profile"] button[type="submit"]')).toHaveCSS(
    'background-color',
    'rgb(63, 98, 18)',
  );
  // The host's font is inherited on purpose.
  await expect(page.locator('.bizkit-widget')).toHaveCSS('font-family', /Georgia/);

  // The widget's stylesheet sits in its shadow root; the document has only the host's.
  const documentSheets = await page.evaluate(() => [...document.styleSheets].map((s) => s.href ?? 'inline'));
  expect(documentSheets).toEqual([expect.stringMatching(/\/embed-example\.css$/)]);
  const shadowSheets = await page.evaluate(() => {
    const root = document.getElementById('bizkit-profile')?.shadowRoot;
    return root ? [...root.querySelectorAll('link[rel="stylesheet"]')].map((l) => (l as HTMLLinkElement).href) : [];
  });
  expect(shadowSheets).toEqual([expect.stringMatching(/\/widget\/widget\.css$/)]);
  const inlineStyles = await page.evaluate(() => document.querySelectorAll('style, [style]').length);
  expect(inlineStyles, 'no style element or attribute in the host document').toBe(0);
});

test('the JS call mounts another widget, in Czech; without a token or with an admin\'s it says why', async ({
  page,
}) => {
  const token = await customerToken(page);
  const adminToken = await apiToken(page.request, 'admin');
  // Opened without a token: the element on the page explains, nothing breaks.
  await page.goto(HOST);
  await expect(page.locator('#bizkit-profile').getByRole('alert')).toHaveText(
    'This form could not confirm who you are. Sign in again on this site, then reload the page.',
  );

  await page.evaluate(async (t) => {
    const el = document.createElement('div');
    el.id = 'second';
    document.querySelector('main')?.append(el);
    await (window as unknown as { BizkitProfile: { mount: (e: Element, o: object) => Promise<void> } }).BizkitProfile.mount(
      el,
      { token: t, lang: 'cs' },
    );
  }, token);
  const second = page.locator('#second');
  await expect(second.getByRole('heading', { level: 2, name: 'Váš profil' })).toBeVisible();
  await expect(second.locator('.bizkit-widget')).toHaveAttribute('lang', 'cs');
  await expect(second.locator('#profile-email')).toHaveValue('jan@barasek.com');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.evaluate(async (t) => {
    const el = document.createElement('div');
    el.id = 'third';
    el.setAttribute('data-token', t);
    document.querySelector('main')?.append(el);
    await (window as unknown as { BizkitProfile: { mount: (e: Element) => Promise<void> } }).BizkitProfile.mount(el);
  }, adminToken);
  await expect(page.locator('#third').getByRole('alert')).toHaveText(
    'This form is for customers. Administrators edit contacts in the BizKit admin.',
  );
});

test('a token the server does not know: the widget says so', async ({ page, consoleGuard }) => {
  consoleGuard.allow(resourceStatus(401));
  await page.goto(`${HOST}#token=not-a-real-token`);
  await expect(page.locator('#bizkit-profile').getByRole('alert')).toContainText(
    'This form could not confirm who you are.',
  );
});

test('when the widget\'s files cannot be loaded, the host page shows a clear message, not a blank', async ({
  page,
  consoleGuard,
}) => {
  // The wasm blocked (a proxy, an outage): the loader reports it in the console and in the element.
  consoleGuard.allow(/Failed to load resource|BizKit profile widget:|WebAssembly|wasm/i);
  await page.route('**/widget/bizkit-widget_bg.wasm', (route) => route.abort('failed'));
  await page.goto(`${HOST}#token=${encodeURIComponent(await customerToken(page))}`);
  await expect(page.locator('#bizkit-profile').getByRole('alert')).toHaveText(
    'The profile form could not be loaded. Try reloading the page.',
  );
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My account');
});

test('the widget asks for its wasm together with its script, not a round trip after it', async ({ page }) => {
  // The script (the wasm's glue) is held until the wasm has been asked for: a loader that waited
  // for the glue before asking would only get it when the hold runs out.
  let askedForWasm = false;
  let wasmAsked: () => void = () => {};
  const asked = new Promise<void>((resolve) => (wasmAsked = resolve));
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/widget/bizkit-widget_bg.wasm') {
      askedForWasm = true;
      wasmAsked();
    }
  });
  let released = '';
  await page.route('**/widget/bizkit-widget.js', async (route) => {
    released = await Promise.race([
      asked.then(() => 'once the wasm was asked for'),
      new Promise<string>((resolve) => setTimeout(() => resolve('by the time limit'), 5_000)),
    ]);
    await route.continue();
  });
  await page.goto(`${HOST}#token=${encodeURIComponent(await customerToken(page))}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Your profile' })).toBeVisible();
  expect(askedForWasm).toBe(true);
  expect(released).toBe('once the wasm was asked for');
});

test('the error summary inside the shadow root: its links focus the fields', async ({ page }) => {
  await page.goto(`${HOST}#token=${encodeURIComponent(await customerToken(page))}`);
  const f = new KitForm(page, 'profile');
  await f.control('phone').fill('12');
  await f.control('postalCode').fill('1');
  await f.submit.click();
  await expect(f.summary).toBeFocused();
  const links = f.summary.getByRole('link');
  await expect(links).toHaveCount(2);
  await links.nth(1).click();
  await expect(f.control('postalCode')).toBeFocused();
  await links.nth(0).click();
  await expect(f.control('phone')).toBeFocused();
});

/** Records the page's CSP violations (`securitypolicyviolation`), with the script that caused each. */
async function recordCspViolations(page: import('@playwright/test').Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI} from ${e.sourceFile || 'an evaluated script'}`);
    });
  });
  return () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

for (const lang of ['cs', 'en'] as const) {
  test(`axe: the host page with the widget in ${lang === 'cs' ? 'Czech' : 'English'}, errors shown`, async ({
    page,
    consoleGuard,
  }) => {
    // axe-core reads a shadow root's <link> stylesheets by copying each into a scratch document as
    // `<style>@import …</style>`, which the page's `style-src 'self'` refuses (and Chromium logs).
    // That is axe's probe, not the widget: the violations are counted before axe runs (none), and
    // those during its run must all come from axe's evaluated script.
    consoleGuard.allow(/^console\.error: Applying inline style violates the following Content Security Policy directive 'style-src 'self''/);
    const violations = await recordCspViolations(page);
    await page.goto(`${HOST}?lang=${lang}#token=${encodeURIComponent(await customerToken(page))}`);
    const f = new KitForm(page, 'profile');
    await expect(f.control('email')).toHaveValue('jan@barasek.com');
    await expect(page.locator('.bizkit-widget')).toHaveAttribute('lang', lang);
    await f.control('phone').fill('12');
    await f.submit.click();
    await expect(f.summary).toBeFocused();
    expect(await violations(), 'the widget itself breaks no CSP rule').toEqual([]);
    await axe(page);
    for (const v of await violations()) {
      expect(v).toBe('style-src-elem inline from an evaluated script');
    }
  });
}

test('the widget breaks no rule of the host page\'s Content-Security-Policy', async ({ page }) => {
  const violations = await recordCspViolations(page);
  await page.goto(`${HOST}#token=${encodeURIComponent(await customerToken(page))}`);
  const f = new KitForm(page, 'profile');
  await expect(f.control('email')).toHaveValue('jan@barasek.com');
  await f.addNewTag('groups', 'Coloured swatch');
  await page.locator('#profile-country').fill('ger');
  await expect(page.locator('#profile-country-listbox')).toBeVisible();
  expect(await violations()).toEqual([]);
});

test('a phone-sized screen (390×844): the widget fits the host\'s column', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${HOST}#token=${encodeURIComponent(await customerToken(page))}`);
  await expect(new KitForm(page, 'profile').control('email')).toHaveValue('jan@barasek.com');
  await phoneScreenshot(page, testInfo, 'widget-host-390');
});

for (const lang of ['cs', 'en'] as const) {
  test(`the widget asks for no IP address (${lang})`, async ({ page }) => {
    await page.goto(`${HOST}?lang=${lang}#token=${encodeURIComponent(await customerToken(page))}`);
    const f = new KitForm(page, 'profile');
    await expect(f.control('email')).toHaveValue('jan@barasek.com');
    await expect(page.locator('.bizkit-widget')).toHaveAttribute('lang', lang);
    await expect(f.control('referralId')).toBeVisible();
    await expect(f.control('customerRealIp')).toHaveCount(0);
    await expect(f.form).not.toContainText(/\bIP\b/);
  });
}
