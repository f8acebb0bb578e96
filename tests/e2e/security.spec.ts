// Token hygiene and page security (part of "Nothing lost, no one in"): after real work in the app
// the session token is in no URL, no localStorage entry, no draft, no cookie and no line of the
// server's log; every HTML answer carries the Content-Security-Policy and the app runs under it
// without a single violation; hostile text is shown as text on every form; no code of the app
// writes HTML from data.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, signIn, tabToken } from './support/fixtures';
import { KitForm, answerConfirm, openSignedIn, storedRow, unique } from './support/forms';

const REPO = path.resolve(__dirname, '../..');

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
    // Reloading a form with unsaved changes may ask first (the draft is kept): say yes. Anything
    // else (an alert) would be script that should never have run.
    if (d.type() === 'beforeunload') return void d.accept();
    dialogs.push(d.message());
    void d.dismiss();
  });

  await openSignedIn(page, '/contacts/new');
  const token = await tabToken(page);
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
    // Leaving the contact form with unsaved changes asks first (the draft is kept): say yes.
    if (path === '/members/invite') await answerConfirm(page, 'Leave');
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

  await expect(storedRow(page, 'Full name')).toContainText(hostile);
  await expect(storedRow(page, 'Full name')).toContainText('javascript:alert(2)');
  // Rendered as text: no element was created from it, nothing ran, nothing was blocked.
  expect(await page.locator('main img').count()).toBe(0);
  expect(await page.locator('main a[href^="javascript:"]').count()).toBe(0);
  expect(dialogs).toEqual([]);
  expect(await violations()).toEqual([]);
});

/** Console messages Chromium logs for a CSP violation (besides the DOM event). */
function watchCspConsole(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame|evaluate)/i.test(m.text())) {
      seen.push(m.text());
    }
  });
  return seen;
}

test.describe('a full run against a server whose log is kept', () => {
  // `debug`: more than the server logs by default, so a token in any of its own lines shows.
  test.use({ ownServerOptions: { rustLog: 'debug' } });

  test('the token is in no URL, localStorage entry, draft, cookie or server log line', async ({
    page,
    ownServer: server,
  }) => {
    const urls: string[] = [];
    page.on('request', (r) => urls.push(r.url()));
    page.on('framenavigated', (f) => urls.push(f.url()));
    page.on('dialog', (d) => void d.accept());
    const violations = await watchCsp(page);
    const cspConsole = watchCspConsole(page);

    await page.goto(`${server.url}/contacts/new`);
    await signIn(page, 'admin', { goto: false });
    await expect(page).toHaveURL(`${server.url}/contacts/new`);
    const token = await tabToken(page);
    expect(token.length).toBeGreaterThan(20);

    // A contact, with every kind of field.
    const id = unique();
    const contact = new KitForm(page, 'contact');
    await contact.control('email').fill(`log.${id}@example.cz`);
    await contact.control('phone').fill('777 123 456');
    await contact.control('companyRegistrationNumber').fill('05103118');
    await expect(page.locator('#contact-ares')).toContainText('BizKitHub s.r.o.');
    await contact.addNewTag('groupList', `Log ${id}`);
    await contact.submit.click();
    await expect(page.getByRole('heading', { level: 2, name: 'Contact created' })).toBeVisible();

    // An invitation.
    await page.getByRole('navigation').locator('a[href="/members/invite"]').click();
    const invite = new KitForm(page, 'invite');
    await invite.control('email').fill(`log.member.${id}@example.cz`);
    await invite.submit.click();
    await expect(page.getByRole('heading', { level: 2, name: 'Invitation sent' })).toBeVisible();

    // Groups for the demo customer.
    await page.getByRole('navigation').locator('a[href="/customers/groups"]').click();
    const groups = new KitForm(page, 'groups');
    await groups.control('cuRefNo').fill('1cGIHvFoQDGLAbcA');
    await groups.addNewTag('groups', `Log ${id}`);
    await groups.submit.click();
    await expect(page.getByRole('heading', { level: 2, name: 'Groups updated' })).toBeVisible();

    // A draft left behind, and a reload that keeps the session.
    await page.getByRole('navigation').locator('a[href="/contacts/new"]').click();
    await contact.control('firstName').fill('Rozepsaný');
    await expect
      .poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('bizkit.draft'))))
      .not.toEqual([]);
    await page.reload();
    await expect(contact.control('firstName')).toHaveValue('Rozepsaný');
    expect(await tabToken(page), 'the reload kept the same session').toBe(token);

    const local = await page.evaluate(() => Object.entries(localStorage).map(([k, v]) => `${k}=${v}`));
    expect(local.length).toBeGreaterThan(0);
    for (const entry of local) expect(entry, 'localStorage and drafts').not.toContain(token);
    expect(await page.evaluate(() => document.cookie)).toBe('');
    expect((await page.context().cookies()).map((c) => c.value).join()).not.toContain(token);
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) expect(url, 'a request or address').not.toContain(token);
    expect(page.url()).not.toContain(token);

    // Signing out forgets it in this tab too (the draft left behind makes it ask first).
    await page.getByRole('button', { name: 'Sign out' }).click();
    await answerConfirm(page, 'Sign out');
    await expect(page.locator('form[data-form="sign-in"]')).toBeVisible();
    expect(await page.evaluate(() => sessionStorage.getItem('bizkit.session'))).toBeNull();

    // The server saw every call (so its log was written) and never wrote the token.
    await server.stop();
    const log = server.log();
    expect(log).toContain('/bff/contact/create');
    expect(log).toContain('/bff/member/invite-email');
    expect(log).toContain('/api/v1/customer/add-groups');
    expect(log, 'the token in the server log').not.toContain(token);
    expect(log).not.toMatch(/Bearer [A-Za-z0-9_-]{20,}/);
    expect(await violations()).toEqual([]);
    expect(cspConsole).toEqual([]);
  });
});

test('every HTML answer carries the CSP, and no page of the app violates it', async ({ page, request }) => {
  // Direct answers: the app's routes, the SPA fallback for an unknown path, the file itself.
  for (const url of ['/', '/index.html', '/contacts/new', '/members/invite', '/customers/groups',
    '/portal/profile', '/sign-in?next=%2Fcontacts%2Fnew', '/no/such/page']) {
    const r = await request.get(url);
    expect(r.headers()['content-type'], url).toMatch(/^text\/html/);
    expectStrictCsp(r.headers()['content-security-policy'], url);
  }

  const html: string[] = [];
  page.on('response', (r) => {
    if ((r.headers()['content-type'] ?? '').startsWith('text/html')) {
      html.push(r.url());
      expectStrictCsp(r.headers()['content-security-policy'], r.url());
    }
  });
  const violations = await watchCsp(page);
  const cspConsole = watchCspConsole(page);
  page.on('dialog', (d) => void d.accept());

  await openSignedIn(page, '/contacts/new');
  // Every admin page, its interactive parts opened (ARES look-up, tag suggestions, code lists).
  const contact = new KitForm(page, 'contact');
  await contact.control('companyRegistrationNumber').fill('05103118');
  await expect(page.locator('#contact-ares')).toContainText('BizKitHub s.r.o.');
  await contact.control('groupList').fill('n');
  await expect(contact.listbox('groupList')).toBeVisible();
  await contact.control('groupList').fill('');
  await page.keyboard.press('Escape');
  await expect(contact.listbox('groupList')).toBeHidden();
  await contact.submit.click(); // the error summary
  for (const path of ['/members/invite', '/customers/groups', '/contacts/new']) {
    await page.getByRole('navigation').locator(`a[href="${path}"]`).click();
    // The contact form has unsaved values: the app asks first (its dialog is part of the page).
    if (path === '/members/invite') await answerConfirm(page, 'Leave');
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.locator('main h1')).toBeVisible();
  }
  await page.reload();
  await expect(page.locator('main h1')).toBeVisible();
  // The customer's side (the contact draft restored by the reload makes signing out ask first).
  await page.getByRole('button', { name: 'Sign out' }).click();
  await answerConfirm(page, 'Sign out');
  await signIn(page, 'customer', { goto: false });
  await page.goto('/portal/profile');
  await expect(page.locator('main h1')).toBeVisible();

  expect(html.length, 'HTML documents were loaded').toBeGreaterThanOrEqual(3);
  expect(await violations(), 'securitypolicyviolation events').toEqual([]);
  expect(cspConsole, 'CSP errors in the console').toEqual([]);
});

/** The app's policy: nothing inline or evaluated but the hashed loader and wasm, no plugins, no framing. */
function expectStrictCsp(csp: string | undefined, where: string): void {
  expect(csp, `${where}: Content-Security-Policy`).toBeTruthy();
  const directives = new Map(
    csp!.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );
  expect(directives.get('default-src'), where).toEqual(["'self'"]);
  const script = directives.get('script-src') ?? [];
  expect(script, where).toContain("'self'");
  for (const value of script) {
    expect(["'self'", "'wasm-unsafe-eval'"].includes(value) || /^'sha256-[A-Za-z0-9+/=]+'$/.test(value), `${where}: script-src ${value}`).toBe(true);
  }
  expect(directives.get('style-src'), where).toEqual(["'self'"]);
  expect(directives.get('object-src'), where).toEqual(["'none'"]);
  expect(directives.get('base-uri'), where).toEqual(["'none'"]);
  expect(directives.get('frame-ancestors'), where).toEqual(["'none'"]);
}

test('hostile names and groups on the invite and groups forms are shown as text, never run', async ({ page }) => {
  const violations = await watchCsp(page);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  const id = unique();
  const img = '<img src=x onerror=alert(1)>';
  const script = '<script>alert(3)</script>';

  // Invite: hostile names and note; the success view names the address, as text.
  await openSignedIn(page, '/members/invite');
  const invite = new KitForm(page, 'invite');
  await invite.control('email').fill(`hostile.${id}@example.cz`);
  await invite.control('firstName').fill(img);
  await invite.control('lastName').fill('javascript:alert(2)');
  await invite.control('description').fill(script);
  await invite.submit.click();
  await expect(page.getByRole('heading', { level: 2, name: 'Invitation sent' })).toBeVisible();
  await expect(page.locator('.success')).toContainText(`hostile.${id}@example.cz`);

  // A contact whose new group is named with markup, so the group list holds that name.
  await page.getByRole('navigation').locator('a[href="/contacts/new"]').click();
  const contact = new KitForm(page, 'contact');
  await contact.control('email').fill(`hostile.contact.${id}@example.cz`);
  await contact.addNewTag('groupList', `${img} ${id}`);
  await contact.addNewTag('groupList', `javascript:alert(4) ${id}`);
  await expect(contact.tags('groupList').first()).toContainText(`${img} ${id}`);
  await contact.submit.click();
  await expect(page.getByRole('heading', { level: 2, name: 'Contact created' })).toBeVisible();
  await expect(storedRow(page, 'Groups')).toContainText(`img-src-x-onerror-alert-1-${id}`);

  // The groups form: the group list suggests those groups by name, as text.
  await page.getByRole('navigation').locator('a[href="/customers/groups"]').click();
  const groups = new KitForm(page, 'groups');
  await groups.control('cuRefNo').fill('1cGIHvFoQDGLAbcA');
  await groups.control('groups').fill(id);
  const options = groups.listbox('groups').getByRole('option');
  await expect(options.filter({ hasText: `${img} ${id}` })).toHaveCount(1);
  await expect(options.filter({ hasText: `javascript:alert(4) ${id}` })).toHaveCount(1);
  await groups.control('groups').fill('');
  await groups.addNewTag('groups', `${script} ${id}`);
  await expect(groups.tags('groups').first()).toContainText(`${script} ${id}`);
  await groups.submit.click();
  await expect(page.getByRole('heading', { level: 2, name: 'Groups updated' })).toBeVisible();
  await expect(page.locator('dd[data-list="added"]')).toContainText(`script-alert-3-script-${id}`);

  // Nothing became markup, nothing ran, nothing was blocked.
  expect(await page.locator('main img, main script, main iframe, main object').count()).toBe(0);
  expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
  expect(dialogs).toEqual([]);
  expect(await violations()).toEqual([]);
});

test('no code of the app writes HTML from data (no inner_html, innerHTML, document.write, eval)', () => {
  const files = [...walk(path.join(REPO, 'src')), ...walk(path.join(REPO, 'public'))].filter((f) =>
    /\.(rs|js|html)$/.test(f),
  );
  expect(files.some((f) => f.endsWith('.rs'))).toBe(true);
  const forbidden = [
    /\binner_html\b/,
    /\bset_inner_html\b/,
    /\bouter_html\b/,
    /\binsert_adjacent_html\b/,
    /\.innerHTML\b/,
    /\.outerHTML\b/,
    /\binsertAdjacentHTML\b/,
    /\bdocument\.write(ln)?\s*\(/,
    /\beval\s*\(/,
    /\bnew\s+Function\s*\(/,
    /\bjs_sys::(eval|Function::new)/,
    /\bcreateContextualFragment\b/,
    /\bparseFromString\b/,
  ];
  const found: string[] = [];
  for (const file of files) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (forbidden.some((re) => re.test(line))) found.push(`${path.relative(REPO, file)}:${i + 1}: ${line.trim()}`);
      });
  }
  expect(found).toEqual([]);
});

function walk(dir: string): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    out = statSync(full).isDirectory() ? out.concat(walk(full)) : out.concat(full);
  }
  return out;
}
