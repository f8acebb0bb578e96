// "Nothing lost": the app under a session that expires mid-form, a server that dies mid-submit and
// comes back, a server that never answers, and bursts of clicks (any answer a backend or a proxy may
// give: answers.spec.ts). Every value typed stays; a retry sends the same Idempotency-Key, so
// nothing is created twice; nothing panics (the fixture fails a test on "panicked at").
//
// Tests that stop, kill or reconfigure a server start their OWN (support/server.ts) on their own
// port and data folder; the rest use the harness's server and page.route.
import type { APIRequestContext, Page, Request, Route } from '@playwright/test';
import { test, expect, axe, signIn, tabToken, DEMO_USERS } from './support/fixtures';
import { KitForm, MESSAGES, keyOf, openSignedIn, recordRequests, resourceStatus, storedRow, unique } from './support/forms';
import type { OwnServer } from './support/server';

const CREATE = '/bff/contact/create';
const T = MESSAGES;

function contactForm(page: Page): KitForm {
  return new KitForm(page, 'contact');
}

/** Every field of the contact form, and what the server stores for it. */
function contactValues(id: string) {
  return {
    email: `resilient.${id}@example.cz`,
    phone: '777 123 456',
    firstName: 'Odolná',
    lastName: 'Nováková',
    ico: '05103118',
    group: `Obnova ${id}`,
    slug: `obnova-${id}`,
  };
}

async function fillEveryField(f: KitForm, v: ReturnType<typeof contactValues>): Promise<void> {
  await f.control('email').fill(v.email);
  await f.control('phone').fill(v.phone);
  await f.control('firstName').fill(v.firstName);
  await f.control('lastName').fill(v.lastName);
  await f.control('companyRegistrationNumber').fill(v.ico);
  await expect(f.page.locator('#contact-ares')).toContainText('BizKitHub s.r.o.');
  await f.control('sendRegistrationInvite').check();
  await f.control('ignoreBulkMail').check();
  await f.addNewTag('groupList', v.group);
  await expect(f.tags('groupList')).toHaveCount(1);
}

async function expectEveryField(f: KitForm, v: ReturnType<typeof contactValues>): Promise<void> {
  await expect(f.control('email')).toHaveValue(v.email);
  await expect(f.control('phone')).toHaveValue(v.phone);
  await expect(f.control('firstName')).toHaveValue(v.firstName);
  await expect(f.control('lastName')).toHaveValue(v.lastName);
  await expect(f.control('companyRegistrationNumber')).toHaveValue(v.ico);
  await expect(f.control('sendRegistrationInvite')).toBeChecked();
  await expect(f.control('ignoreBulkMail')).toBeChecked();
  await expect(f.tags('groupList')).toHaveCount(1);
  await expect(f.tags('groupList').first().locator('code')).toHaveText(v.slug);
}

/** The stored view after a create, and the same record through the API, with every field. */
async function expectStored(page: Page, api: APIRequestContext, v: ReturnType<typeof contactValues>): Promise<string> {
  await expect(page.getByRole('heading', { level: 2, name: T.created })).toBeVisible();
  await expect(storedRow(page, 'E-mail')).toHaveText(v.email);
  await expect(storedRow(page, 'Phone')).toHaveText('+420 777123456');
  await expect(storedRow(page, 'Full name')).toHaveText(`${v.firstName} ${v.lastName}`);
  await expect(storedRow(page, 'Company name')).toHaveText('BizKitHub s.r.o.');
  await expect(storedRow(page, 'Groups')).toHaveText(v.slug);
  const customerId = (await page.locator('dl.stored').getAttribute('data-customer-id')) ?? '';
  expect(customerId).not.toBe('');
  const stored = await api.get(`/bff/contact/${encodeURIComponent(customerId)}`);
  expect(stored.status()).toBe(200);
  expect(await stored.json()).toMatchObject({
    customerId,
    email: v.email,
    phone: '+420 777123456',
    firstName: v.firstName,
    lastName: v.lastName,
    companyRegistrationNumber: v.ico,
    ignoreBulkMail: true,
    groupList: [expect.objectContaining({ slug: v.slug })],
  });
  // Exactly one contact has this e-mail: a second create of it (no key) is a conflict.
  const again = await api.post(CREATE, { data: { email: v.email } });
  expect(again.status()).toBe(409);
  expect((await again.json()).code).toBe('EMAIL_TAKEN');
  return customerId;
}

/** Opens a page of an own server signed in as the administrator. */
async function openOn(page: Page, server: OwnServer, path: string): Promise<void> {
  await page.goto(`${server.url}${path}`);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await signIn(page, 'admin', { goto: false });
  await expect(page).toHaveURL(`${server.url}${path}`);
  await expect(page.locator('main h1')).toBeVisible();
}

/**
 * Opens the contact form of an own server signed in and fills every field with new values; from
 * then on its creates are recorded (`posts`).
 */
async function openFilledContactForm(page: Page, server: OwnServer) {
  await openOn(page, server, '/contacts/new');
  const f = contactForm(page);
  const v = contactValues(unique());
  await fillEveryField(f, v);
  return { f, v, posts: recordRequests(page, 'POST', CREATE) };
}

test.describe('an expired session mid-form', () => {
  // Long enough to sign in and fill the form on a slow machine (an ARES look-up meeting the
  // expired token would open the dialog before the submit), short enough to wait for.
  test.use({ ownServerOptions: { tokenTtlSecs: 6 } });

  test('submit opens the sign-in dialog in place; after signing in the same submission goes through once', async ({
    page,
    apiAs,
    consoleGuard,
    ownServer: server,
  }) => {
    test.setTimeout(60_000);
    consoleGuard.allow(resourceStatus(401));
    const { f, v } = await openFilledContactForm(page, server);

    // Nothing reloads or navigates from here on: a marker on window survives only in this document.
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations.push(frame.url());
    });

    // Let the token expire for real (the server was started with --token-ttl-secs 6): wait until
    // the server itself says so.
    const token = await tabToken(page);
    await expect
      .poll(
        async () => {
          const r = await server.session(token);
          return r.status === 401 ? r.code : String(r.status);
        },
        { timeout: 20_000, intervals: [500] },
      )
      .toBe('TOKEN_EXPIRED');

    const posts = recordRequests(page, 'POST', CREATE);
    await f.submit.click();
    const dialog = page.getByRole('dialog', { name: T.expiredTitle });
    await expect(dialog).toBeVisible();
    await expect(page.locator('#reauth-password')).toBeFocused();
    await expect(dialog).toContainText(DEMO_USERS.admin.email);
    expect(posts).toHaveLength(1);
    expect((await posts[0].response())?.status()).toBe(401);
    // The form is still there underneath, with every value; the dialog passes axe.
    await expectEveryField(f, v);
    await axe(page, { include: 'dialog' });

    // A wrong password first: said in the dialog, nothing sent.
    await page.locator('#reauth-password').fill('wrong-password');
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await expect(dialog.locator('#reauth-error')).toBeVisible();
    expect(posts).toHaveLength(1);

    await page.locator('#reauth-password').fill(DEMO_USERS.admin.password);
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await expect(dialog).toBeHidden();
    const api = await apiAs('admin', server.url);
    await expectStored(page, api, v);

    // The same submission: the same body under the same key, sent once more and only once.
    expect(posts).toHaveLength(2);
    expect((await posts[1].response())?.status()).toBe(201);
    expect(keyOf(posts[1])).toBe(keyOf(posts[0]));
    expect(keyOf(posts[0])).toMatch(/^[0-9a-f-]{36}$/);
    expect(posts[1].postData()).toBe(posts[0].postData());
    // In place: the same document, the same address, no navigation at all.
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    expect(navigations).toEqual([]);
    expect(page.url()).toBe(`${server.url}/contacts/new`);
  });
});

test.describe('the server goes away mid-submit', () => {
  test('it did the work but died before answering: outcome unknown; after a restart the retry is replayed', async ({
    page,
    apiAs,
    consoleGuard,
    ownServer: server,
  }) => {
    consoleGuard.allow(/net::ERR_CONNECTION_(RESET|REFUSED)/);
    const { f, v, posts } = await openFilledContactForm(page, server);

    // The request reaches the server, which creates the contact; then the process is killed
    // before the answer gets back (the route holds it, so the order is certain).
    let lost: { status: number; customerId: string } | null = null;
    await page.route(
      `${server.url}${CREATE}`,
      async (route) => {
        const answer = await route.fetch();
        lost = { status: answer.status(), customerId: ((await answer.json()) as { customerId: string }).customerId };
        await server.kill();
        await route.abort('connectionreset');
      },
      { times: 1 },
    );
    await f.submit.click();
    await expect(f.summary).toContainText(T.network);
    await expect(f.summary).toContainText(T.unknown);
    await expect(f.summary).toBeFocused();
    expect(lost).toMatchObject({ status: 201 });
    await expect(f.submit).not.toHaveAttribute('aria-disabled', /.*/);
    await expectEveryField(f, v);

    // "Try again" while the server is still down: the same key again, the same answer.
    const retry = f.summary.getByRole('button', { name: 'Try again' });
    await retry.click();
    await expect.poll(() => posts.length).toBe(2);
    await expect(retry).toBeVisible();
    await expect(f.summary).toContainText(T.network);
    expect(keyOf(posts[1])).toBe(keyOf(posts[0]));

    // The server comes back on the same port with the same data; the person reloads the page.
    await server.restart();
    await page.reload();
    await expect(page.locator('.draft-notice')).toContainText(T.draftRestored);
    await expectEveryField(f, v);
    await f.submit.click();

    const api = await apiAs('admin', server.url);
    const customerId = await expectStored(page, api, v);
    expect(posts).toHaveLength(3);
    expect(keyOf(posts[2])).toBe(keyOf(posts[0]));
    const replay = await posts[2].response();
    expect(replay?.status()).toBe(201);
    expect(replay?.headers()['idempotent-replayed'], 'the server replayed the answer it had stored').toBe('true');
    expect(customerId, 'the same contact the lost answer named').toBe(lost!.customerId);
  });

  test('it died before the request arrived: after a restart and a reload the draft is sent once', async ({
    page,
    apiAs,
    consoleGuard,
    ownServer: server,
  }) => {
    consoleGuard.allow(/net::ERR_CONNECTION_(RESET|REFUSED)/);
    const { f, v, posts } = await openFilledContactForm(page, server);

    // The request is held in the browser while the server is killed, then let go: it finds no one.
    await page.route(
      `${server.url}${CREATE}`,
      async (route) => {
        await server.kill();
        await route.continue();
      },
      { times: 1 },
    );
    await f.submit.click();
    await expect(f.summary).toContainText(T.network);
    await expect(f.summary.getByRole('button', { name: 'Try again' })).toBeVisible();
    await expectEveryField(f, v);

    await server.restart();
    await page.reload();
    await expect(page.locator('.draft-notice')).toContainText(T.draftRestored);
    await expectEveryField(f, v);
    await f.submit.click();
    const api = await apiAs('admin', server.url);
    await expectStored(page, api, v);
    expect(posts).toHaveLength(2);
    expect(keyOf(posts[1]), 'the key was kept with the draft').toBe(keyOf(posts[0]));
    const created = await posts[1].response();
    expect(created?.status()).toBe(201);
    expect(created?.headers()['idempotent-replayed'], 'nothing was stored before: a first create').toBeUndefined();
  });
});

test('a hung server: the client gives up after its timeout, says so, and the form works on', async ({
  page,
  apiAs,
}) => {
  // The timeout comes from config.json (requestTimeoutMs), shortened here so the test stays short.
  await page.route('**/config.json', (route) => route.fulfill({ json: { apiBaseUrl: '', requestTimeoutMs: 1500 } }));
  await openSignedIn(page, '/contacts/new');
  const f = contactForm(page);
  const v = contactValues(unique());
  await fillEveryField(f, v);
  const posts = recordRequests(page, 'POST', CREATE);
  const hung: Route[] = [];
  await page.route(`**${CREATE}`, (route) => void hung.push(route), { times: 1 });

  const started = Date.now();
  await f.submit.click();
  await expect(f.submit).toHaveAttribute('aria-disabled', 'true');
  await expect(f.submit).toContainText('Saving…');

  // While it waits, the page answers: the language switches both ways, the tag picker suggests,
  // the previews follow typing (a value typed and taken back leaves the body as it was).
  await page.getByRole('button', { name: 'Čeština', exact: true }).click();
  await expect(page.locator('main h1')).toHaveText('Nový kontakt');
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await expect(page.locator('main h1')).toHaveText('New contact');
  await f.control('groupList').fill('responsive');
  await expect(f.listbox('groupList').getByRole('option', { name: /responsive/ })).toBeVisible();
  await f.control('groupList').fill('');
  await f.control('phone').fill('777 123 4');
  await expect(f.preview('phone')).toHaveCount(0);
  await f.control('phone').fill(v.phone);
  await expect(f.preview('phone')).toHaveText('Will be saved as +420 777123456');

  await expect(f.summary).toContainText(T.timeout);
  const waited = Date.now() - started;
  expect(waited, 'gave up after about the configured 1.5 s').toBeGreaterThanOrEqual(1400);
  expect(waited).toBeLessThan(10_000);
  await expect(f.summary).toContainText(T.unknown);
  await expect(f.submit).not.toHaveAttribute('aria-disabled', /.*/);
  await expect(f.submit).toHaveText('Create contact');
  await expectEveryField(f, v);
  expect(hung).toHaveLength(1);

  // The button works again: the server answers now, the retry carries the same key.
  await f.summary.getByRole('button', { name: 'Try again' }).click();
  await expectStored(page, await apiAs('admin'), v);
  expect(posts).toHaveLength(2);
  expect(keyOf(posts[1])).toBe(keyOf(posts[0]));
  await hung[0].abort().catch(() => undefined);
});

test.describe('double submits on the other forms: one request, one record', () => {
  /** Five clicks on the submit button and five Enter presses in a field, while the answer is held. */
  async function burst(page: Page, f: KitForm, field: string): Promise<void> {
    await f.submit.scrollIntoViewIfNeeded();
    const box = await f.submit.boundingBox();
    expect(box).not.toBeNull();
    for (let i = 0; i < 5; i++) {
      await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2);
    }
    await f.control(field).focus();
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Enter');
    }
    await expect(f.submit).toHaveAttribute('aria-disabled', 'true');
  }

  async function hold(page: Page, path: string): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(`**${path}`, async (route) => {
      await held;
      await route.continue();
    });
    return release;
  }

  test('invite member', async ({ page, apiAs }) => {
    await openSignedIn(page, '/members/invite');
    const f = new KitForm(page, 'invite');
    const posts = recordRequests(page, 'POST', '/bff/member/invite-email');
    const release = await hold(page, '/bff/member/invite-email');
    const email = `burst.member.${unique()}@example.cz`;
    await f.control('email').fill(email);
    await f.control('firstName').fill('Dvojklik');
    await burst(page, f, 'firstName');
    expect(posts).toHaveLength(1);
    release();
    await expect(page.getByRole('heading', { level: 2, name: 'Invitation sent' })).toBeVisible();
    expect(posts).toHaveLength(1);
    // One member: inviting the address again is a conflict.
    const again = await (await apiAs('admin')).post('/bff/member/invite-email', { data: { email } });
    expect(again.status()).toBe(409);
  });

  test('add groups to a customer', async ({ page, apiAs }) => {
    await openSignedIn(page, '/customers/groups');
    const f = new KitForm(page, 'groups');
    const posts = recordRequests(page, 'POST', '/api/v1/customer/add-groups');
    const release = await hold(page, '/api/v1/customer/add-groups');
    const id = unique();
    await f.control('cuRefNo').fill('1cGIHvFoQDGLAbcA');
    await f.addNewTag('groups', `Burst ${id}`);
    await burst(page, f, 'cuRefNo');
    expect(posts).toHaveLength(1);
    release();
    await expect(page.getByRole('heading', { level: 2, name: 'Groups updated' })).toBeVisible();
    await expect(page.locator('dd[data-list="added"]')).toContainText(`burst-${id}`);
    expect(posts).toHaveLength(1);
    // Assigned once.
    const profile = await (await apiAs('customer')).get('/api/v1/customer/profile');
    const groups = ((await profile.json()) as { groups: string[] }).groups;
    expect(groups.filter((g) => g === `burst-${id}`)).toHaveLength(1);
  });
});

test.describe('the crash banner', () => {
  test('is in the page, hidden, and would tell the person to reload and that the draft is kept', async ({ page }) => {
    await openSignedIn(page, '/contacts/new');
    const banner = page.locator('#crash-banner');
    await expect(banner).toHaveCount(1);
    await expect(banner).toBeHidden();
    await expect(banner).toHaveAttribute('role', 'alert');
    await expect(banner.locator('p[lang="en"]')).toContainText(/reload the page/i);
    await expect(banner.locator('p[lang="en"]')).toContainText(/form is kept/i);
    await expect(banner.locator('p[lang="cs"]')).toContainText(/Načtěte stránku znovu/);
    await expect(banner.locator('p[lang="cs"]')).toContainText(/zůstal uložený/);
    // It is static HTML: shown even where the wasm is dead. The panic hook only lifts `hidden`;
    // the stylesheet (allowed by the CSP) must then show it.
    await page.evaluate(() => document.getElementById('crash-banner')?.removeAttribute('hidden'));
    await expect(banner).toBeVisible();
  });
});
