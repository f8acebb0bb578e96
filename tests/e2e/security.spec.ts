// Token hygiene and page security (part of "Nothing lost, no one in"): after real work in the app
// the session token is in no URL, no localStorage entry and no draft; the app runs under its
// Content-Security-Policy without a single violation; hostile text is shown as text.
import { test, expect } from './support/fixtures';
import { openSignedIn, storedRow, unique } from './support/forms';

/** Every CSP violation the page reports, collected before any script of the app runs. */
async function watchCsp(page: import('@playwright/test').Page) {
  await page.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

test('the token stays out of URLs, localStorage and drafts; no CSP violation on the way', async ({ page }) => {
  const violations = await watchCsp(page);
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    // Leaving a form with unsaved changes asks first (the draft is kept): say yes. Anything else
    // (an alert) would be script that should never have run.
    if (d.type() === 'confirm' || d.type() === 'beforeunload') return void d.accept();
    dialogs.push(d.message());
    void d.dismiss();
  });

  await openSignedIn(page, '/contacts/new');
  const token = await page.evaluate(() => {
    const s = sessionStorage.getItem('bizkit.session');
    return s ? (JSON.parse(s) as { token: string }).token : '';
  });
  expect(token.length, 'a session token is held (in sessionStorage, for reloads)').toBeGreaterThan(10);

  // Type into the form so a draft exists, and visit every admin page.
  const id = unique();
  await page.locator('#contact-email').fill(`hygiene.${id}@example.cz`);
  await page.locator('#contact-firstName').fill('Hygiena');
  await expect
    .poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('bizkit.draft'))))
    .not.toEqual([]);
  for (const path of ['/members/invite', '/customers/groups', '/contacts/new']) {
    await page.getByRole('navigation').locator(`a[href="${path}"]`).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
  }
  await page.reload();
  await expect(page.locator('#contact-firstName')).toHaveValue('Hygiena');

  const local = await page.evaluate(() => Object.entries(localStorage).map(([k, v]) => `${k}=${v}`));
  for (const entry of local) expect(entry, 'no token in localStorage or a draft').not.toContain(token);
  for (const url of urls) expect(url, 'no token in any URL').not.toContain(token);
  expect(page.url()).not.toContain(token);
  expect(await violations(), 'no CSP violation').toEqual([]);
  expect(dialogs).toEqual([]);
});

test('a token handed over in the URL fragment is taken and removed from the address at once', async ({
  page,
}) => {
  const auth = await page.request.post('/api/v1/authenticate', {
    data: { email: 'admin@demo.test', password: 'demo-admin' },
  });
  const { auth_token: token } = (await auth.json()) as { auth_token: string };

  await page.goto(`/contacts/new#token=${encodeURIComponent(token)}`);
  await expect(page.locator('form[data-form="contact"]')).toBeVisible();
  expect(page.url(), 'the fragment is gone from the address bar').not.toContain('token');
  const history = await page.evaluate(() => location.href);
  expect(history).not.toContain(token);
});

test('hostile text is stored and shown as text, never run', async ({ page }) => {
  const violations = await watchCsp(page);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await openSignedIn(page, '/contacts/new');
  const id = unique();
  const hostile = '<img src=x onerror=alert(1)>';
  await page.locator('#contact-email').fill(`xss.${id}@example.cz`);
  await page.locator('#contact-firstName').fill(hostile);
  await page.locator('#contact-lastName').fill('javascript:alert(2)');
  await page.locator('#contact-groupList').fill(`${hostile} ${id}`);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: /create contact|vytvořit kontakt/i }).click();

  await expect(storedRow(page, 'Name')).toContainText(hostile);
  await expect(storedRow(page, 'Name')).toContainText('javascript:alert(2)');
  // Rendered as text: no element was created from it, nothing ran, nothing was blocked.
  expect(await page.locator('main img').count()).toBe(0);
  expect(await page.locator('main a[href^="javascript:"]').count()).toBe(0);
  expect(dialogs).toEqual([]);
  expect(await violations()).toEqual([]);
});
