// Sessions that end, and no personal data left behind (issue 14): signing out ends the session on
// the server and removes the person's drafts, also when the backend cannot end it; a session that
// ended removes them too; a draft older than seven days is dropped; a `#token=` hand-over while
// someone else is signed in asks first; after a failed submit the page title starts with "Error: ".
import type { Page, Request } from '@playwright/test';
import { test, expect, axe, apiToken, signIn, tabToken, DEMO_USERS } from './support/fixtures';
import {
  KitForm,
  answerConfirm,
  confirmDialog,
  openSignedIn,
  resourceStatus,
  switchLanguage,
  unique,
} from './support/forms';
import type { OwnServer } from './support/server';

const ADMIN_SCOPE = '1.admin@demo.test';
const CONTACT_DRAFT = `bizkit.draft.v1.contact.${ADMIN_SCOPE}`;
const APP_TITLE = 'BizKit Forms';

/** Every draft in localStorage, key → stored text. */
function drafts(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() =>
    Object.fromEntries(Object.entries(localStorage).filter(([k]) => k.startsWith('bizkit.draft'))),
  );
}

/** Types a half-finished contact (a name and a phone number) and waits until its draft is stored. */
async function typeDraft(page: Page, id: string): Promise<void> {
  const f = new KitForm(page, 'contact');
  await f.control('firstName').fill(`Rozepsaná ${id}`);
  await f.control('phone').fill('777 123 456');
  await expect.poll(async () => JSON.stringify(await drafts(page))).toContain(`Rozepsaná ${id}`);
}

function signOutCalls(page: Page): Request[] {
  const seen: Request[] = [];
  page.on('request', (r) => {
    if (r.method() === 'DELETE' && new URL(r.url()).pathname === '/api/v1/session') seen.push(r);
  });
  return seen;
}

test.describe('signing out', () => {
  test('ends the session on the server and removes only this person’s drafts', async ({ page, request }) => {
    await openSignedIn(page, '/contacts/new');
    const token = await tabToken(page);
    expect(token.length).toBeGreaterThan(20);
    const id = unique();
    await typeDraft(page, id);
    // Another person's draft on the same browser is theirs to keep.
    await page.evaluate(() =>
      localStorage.setItem(
        'bizkit.draft.v1.contact.1.other@demo.test',
        JSON.stringify({ values: { firstName: 'Cizí' }, savedAt: Date.now(), owner: '1.other@demo.test' }),
      ),
    );
    const calls = signOutCalls(page);

    await page.getByRole('button', { name: 'Sign out' }).click();
    // Unsaved changes: asked first (in the app's own dialog), and told that they go.
    await expect(confirmDialog(page)).toContainText('removes them from this browser');
    expect(calls, 'nothing is ended before the answer').toHaveLength(0);
    await answerConfirm(page, 'Sign out');
    await expect(page.locator('form[data-form="sign-in"]')).toBeVisible();
    await expect.poll(() => calls.length).toBe(1);
    expect((await calls[0].response())?.status()).toBe(204);
    expect(calls[0].headers()['authorization']).toBe(`Bearer ${token}`);

    expect(await page.evaluate(() => sessionStorage.getItem('bizkit.session'))).toBeNull();
    const left = await drafts(page);
    expect(Object.keys(left)).toEqual(['bizkit.draft.v1.contact.1.other@demo.test']);
    expect(JSON.stringify(left)).not.toContain(id);
    expect(JSON.stringify(left)).not.toContain('777');
    // Nothing of the person is anywhere in localStorage.
    const everything = await page.evaluate(() => JSON.stringify(Object.entries(localStorage)));
    expect(everything).not.toContain(id);
    expect(everything).not.toContain(token);

    // The old token works nowhere any more.
    for (const path of ['/api/v1/session', '/bff/customer-group/list']) {
      const r = await request.get(path, { headers: { Authorization: `Bearer ${token}` } });
      expect(r.status(), path).toBe(401);
    }
    // Signing in again: an empty form, nothing restored.
    await signIn(page, 'admin', { goto: false });
    await expect(page).toHaveURL(/\/contacts\/new$/);
    await expect(page.locator('#contact-firstName')).toHaveValue('');
    await expect(page.locator('.draft-notice')).toHaveCount(0);
  });

  // The local server has the call: a backend without it, or one that fails, is faked here by
  // answering the browser's DELETE in the route (the real call is the test above).
  for (const [name, fake] of [
    ['a backend without the call (404)', { status: 404, body: '' }],
    ['a backend that does not allow it (405)', { status: 405, body: '<html>Method Not Allowed</html>' }],
    ['a server error (500)', { status: 500, body: '{"title":"boom"}' }],
    ['no connection', null],
  ] as const) {
    test(`forgets the token and the drafts here even with ${name}`, async ({ page, consoleGuard }) => {
      consoleGuard.allow(resourceStatus(404, 405, 500));
      consoleGuard.allow(/net::ERR_FAILED|ERR_CONNECTION/);
      await openSignedIn(page, '/contacts/new');
      const id = unique();
      await typeDraft(page, id);
      await page.route('**/api/v1/session', async (route) => {
        if (route.request().method() !== 'DELETE') return route.fallback();
        if (fake === null) return route.abort('connectionreset');
        return route.fulfill({ status: fake.status, body: fake.body });
      });
      const calls = signOutCalls(page);
      await page.getByRole('button', { name: 'Sign out' }).click();
      await answerConfirm(page, 'Sign out');
      await expect(page.locator('form[data-form="sign-in"]')).toBeVisible();
      await expect.poll(() => calls.length).toBe(1);
      expect(await page.evaluate(() => sessionStorage.getItem('bizkit.session'))).toBeNull();
      expect(JSON.stringify(await drafts(page))).not.toContain(id);
      // Still signed out after a reload: nothing kept the token.
      await page.reload();
      await expect(page.locator('form[data-form="sign-in"]')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
    });
  }
});

test.describe('a session that ended', () => {
  // Sessions end after three seconds without a call.
  test.use({ ownServerOptions: { sessionIdleSecs: 3 } });

  async function openOn(page: Page, server: OwnServer, path: string): Promise<void> {
    await page.goto(`${server.url}${path}`);
    await signIn(page, 'admin', { goto: false });
    await expect(page).toHaveURL(`${server.url}${path}`);
  }

  test('left alone: its drafts leave this browser without anyone calling the server', async ({
    page,
    ownServer: server,
  }) => {
    test.setTimeout(60_000);
    await openOn(page, server, '/contacts/new');
    const id = unique();
    await typeDraft(page, id);
    const calls: string[] = [];
    page.on('request', (r) => calls.push(`${r.method()} ${r.url()}`));
    // The app knows the idle time from the server, and that nothing was called since.
    await expect.poll(async () => JSON.stringify(await drafts(page)), { timeout: 30_000 }).not.toContain(id);
    expect(calls, 'found out without a call').toEqual([]);
    // What was typed is still on screen for the person, should they be there.
    await expect(page.locator('#contact-firstName')).toHaveValue(`Rozepsaná ${id}`);
  });

  test('found out on a reload: the sign-in dialog opens at once and no draft is left', async ({
    page,
    consoleGuard,
    ownServer: server,
  }) => {
    consoleGuard.allow(resourceStatus(401));
    page.on('dialog', (d) => void d.accept());
    await openOn(page, server, '/contacts/new');
    const id = unique();
    await typeDraft(page, id);
    await page.waitForTimeout(4_000);
    await page.reload();
    const dialog = page.getByRole('dialog', { name: 'Your session has ended' });
    await expect(dialog).toBeVisible();
    await expect(page.locator('#reauth-password')).toBeFocused();
    await expect.poll(async () => JSON.stringify(await drafts(page))).not.toContain(id);
    // Signing in again in the dialog carries on.
    await page.locator('#reauth-password').fill(DEMO_USERS.admin.password);
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(`${server.url}/contacts/new`);
  });
});

test('a draft older than seven days is dropped when the app loads; a newer one is restored', async ({ page }) => {
  const plant = (daysOld: number, name: string) =>
    page.evaluate(
      ([key, owner, days, firstName]) =>
        localStorage.setItem(
          key as string,
          JSON.stringify({
            values: { firstName },
            pending: null,
            savedAt: Date.now() - (days as number) * 86_400_000,
            owner,
          }),
        ),
      [CONTACT_DRAFT, ADMIN_SCOPE, daysOld, name] as const,
    );
  page.on('dialog', (d) => void d.accept());
  await page.goto('/sign-in');
  await plant(8, 'Osm dní stará');
  await page.evaluate(() =>
    localStorage.setItem('bizkit.draft.v1.contact.1.before@demo.test', '{"values":{"firstName":"Bez data"}}'),
  );
  await page.reload();
  await expect.poll(() => drafts(page)).toEqual({});

  await plant(8, 'Osm dní stará');
  await openSignedIn(page, '/contacts/new');
  await expect(page.locator('#contact-firstName')).toHaveValue('');
  await expect(page.locator('.draft-notice')).toHaveCount(0);

  await plant(6, 'Šest dní stará');
  await page.reload();
  await expect(page.locator('#contact-firstName')).toHaveValue('Šest dní stará');
  await expect(page.locator('.draft-notice')).toBeVisible();
});

test.describe('a #token= hand-over while someone is signed in', () => {
  test('asks first: keeping changes nothing, switching signs the first person out', async ({
    page,
    request,
    consoleGuard,
  }) => {
    consoleGuard.allow(resourceStatus(401));
    page.on('dialog', (d) => void d.accept());
    await openSignedIn(page, '/contacts/new');
    const adminToken = await tabToken(page);
    const id = unique();
    await typeDraft(page, id);
    const customerToken = await apiToken(request, 'customer');

    await page.goto(`/portal/profile#token=${encodeURIComponent(customerToken)}`);
    const dialog = page.getByRole('dialog', { name: 'Switch to another sign-in?' });
    await expect(dialog).toBeVisible();
    expect(page.url(), 'the token left the address at once').not.toContain(customerToken);
    await expect(dialog).toContainText(`You are signed in as ${DEMO_USERS.admin.email}`);
    await expect(dialog).toContainText(DEMO_USERS.customer.email);
    await expect(dialog.getByRole('button', { name: 'Keep the current sign-in' })).toBeFocused();
    await axe(page, { include: '#handover-dialog' });

    // Escape keeps the current session.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    expect(await tabToken(page)).toBe(adminToken);
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    expect(JSON.stringify(await drafts(page))).toContain(id);

    // The button keeps it too.
    await page.goto(`/portal/profile#token=${encodeURIComponent(customerToken)}`);
    await dialog.getByRole('button', { name: 'Keep the current sign-in' }).click();
    await expect(dialog).toBeHidden();
    expect(await tabToken(page)).toBe(adminToken);

    // Switching: the administrator is signed out (on the server too, drafts gone), the customer in.
    await page.goto(`/portal/profile#token=${encodeURIComponent(customerToken)}`);
    await dialog.getByRole('button', { name: `Switch to ${DEMO_USERS.customer.email}` }).click();
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(/\/portal\/profile$/);
    await expect(page.locator('main h1')).toBeVisible();
    expect(await tabToken(page)).toBe(customerToken);
    expect(JSON.stringify(await drafts(page))).not.toContain(id);
    const old = await request.get('/api/v1/session', { headers: { Authorization: `Bearer ${adminToken}` } });
    expect(old.status()).toBe(401);
  });

  test('an invalid handed-over token says so and keeps the session', async ({ page, consoleGuard }) => {
    consoleGuard.allow(resourceStatus(401));
    await openSignedIn(page, '/contacts/new');
    const token = await tabToken(page);
    await page.goto('/contacts/new#token=not-a-valid-token');
    const dialog = page.getByRole('dialog', { name: 'The sign-in from the link cannot be used' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(`You stay signed in as ${DEMO_USERS.admin.email}`);
    await dialog.getByRole('button', { name: 'OK' }).click();
    await expect(dialog).toBeHidden();
    expect(await tabToken(page)).toBe(token);
    await expect(page.locator('form[data-form="contact"]')).toBeVisible();
  });

  test('the same person’s new session is taken without asking', async ({ page, request }) => {
    await openSignedIn(page, '/contacts/new');
    const fresh = await apiToken(request, 'admin');
    await page.goto(`/contacts/new#token=${encodeURIComponent(fresh)}`);
    await expect.poll(() => tabToken(page)).toBe(fresh);
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });
});

test.describe('the page title after a failed submit', () => {
  test('starts with "Error: " while the errors show, and goes back once they are fixed or sent', async ({
    page,
  }) => {
    await openSignedIn(page, '/contacts/new');
    await expect(page).toHaveTitle(APP_TITLE);
    const f = new KitForm(page, 'contact');
    // Errors while typing into an untouched form do not count: only a failed submit.
    await f.control('phone').fill('12');
    await f.control('phone').blur();
    await expect(page).toHaveTitle(APP_TITLE);

    await f.submit.click();
    await expect(f.summary).toBeFocused();
    await expect(page).toHaveTitle(`Error: ${APP_TITLE}`);
    await switchLanguage(page, 'cs');
    await expect(page).toHaveTitle(`Chyba: ${APP_TITLE}`);
    await switchLanguage(page, 'en');

    // Fixed: the summary empties and the title is the page's own again.
    await f.control('phone').fill('777 123 456');
    await expect(f.summary).toBeHidden();
    await expect(page).toHaveTitle(APP_TITLE);

    // Failed again, then fixed and sent.
    await f.control('email').fill('not-an-email');
    await f.submit.click();
    await expect(page).toHaveTitle(`Error: ${APP_TITLE}`);
    await f.control('email').fill(`title.${unique()}@example.cz`);
    await f.submit.click();
    await expect(page.getByRole('heading', { level: 2, name: 'Contact created' })).toBeVisible();
    await expect(page).toHaveTitle(APP_TITLE);
  });

  test('on the sign-in page too, and it is gone on the next page', async ({ page }) => {
    await page.goto('/sign-in');
    await expect(page).toHaveTitle(APP_TITLE);
    await page.locator('form[data-form="sign-in"]').getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveTitle(`Error: ${APP_TITLE}`);
    await signIn(page, 'admin', { goto: false });
    await expect(page).toHaveURL(/\/contacts\/new$/);
    await expect(page).toHaveTitle(APP_TITLE);
  });
});
