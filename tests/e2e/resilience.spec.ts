// "Nothing lost": the app under a session that expires mid-form, a server that dies mid-submit and
// comes back, a server that never answers, bursts of clicks, and any answer a backend (or a proxy
// in front of it) may give. Every value typed stays; a retry sends the same Idempotency-Key, so
// nothing is created twice; nothing panics (the fixture fails a test on "panicked at").
//
// Tests that stop, kill or reconfigure a server start their OWN (support/server.ts) on their own
// port and data folder; the rest use the harness's server and page.route.
import type { APIRequestContext, Page, Request, Route } from '@playwright/test';
import { test, expect, axe, signIn, tabToken, DEMO_USERS } from './support/fixtures';
import { KitForm, openSignedIn, recordRequests, resourceStatus, storedRow, unique } from './support/forms';
import type { OwnServer } from './support/server';

const CREATE = '/bff/contact/create';
const T = {
  network: 'We could not reach the server.',
  timeout: 'The server did not answer in time.',
  server: 'The server ran into a problem.',
  unknown: "We don't know whether it was saved.",
  unknownError: 'Something went wrong. Try again.',
  created: 'Contact created',
  expiredTitle: 'Your session has ended',
  draftRestored: 'We restored what you had typed',
};

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
  await expect(storedRow(page, 'Name')).toHaveText(`${v.firstName} ${v.lastName}`);
  await expect(storedRow(page, 'Company')).toHaveText('BizKitHub s.r.o.');
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

function keyOf(request: Request): string {
  return request.headers()['idempotency-key'] ?? '';
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

/** An answer to the create call, and what the form must make of it. */
interface OddAnswer {
  name: string;
  status: number;
  contentType?: string;
  headers?: Record<string, string>;
  body: string | Buffer;
  /** Texts the error summary must show. */
  says: string[];
  /** Whether the outcome is unknown, so "Try again" (same key) is offered. */
  retry: boolean;
}

const MB5 = 5 * 1024 * 1024;
const ODD_ANSWERS: OddAnswer[] = [
  {
    name: 'malformed JSON in a 422 problem',
    status: 422,
    contentType: 'application/problem+json',
    body: '{"type":"about:blank","errors":[{"field":',
    says: [T.unknownError],
    retry: false,
  },
  {
    name: 'malformed JSON in a 200',
    status: 200,
    contentType: 'application/json',
    body: '{"success": tru',
    says: [T.server, T.unknown],
    retry: true,
  },
  {
    name: "a proxy's HTML error page (502)",
    status: 502,
    contentType: 'text/html',
    body: '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>',
    says: [T.server, T.unknown],
    retry: true,
  },
  {
    name: 'an HTML page with 200 (a portal in front of the API)',
    status: 200,
    contentType: 'text/html; charset=utf-8',
    body: '<!doctype html><html><body><form action="/login"><input name="user"></form></body></html>',
    says: [T.server, T.unknown],
    retry: true,
  },
  {
    name: 'an empty 500',
    status: 500,
    body: '',
    says: [T.server, T.unknown],
    retry: true,
  },
  {
    name: 'an empty 201 (created, but no id to show)',
    status: 201,
    contentType: 'application/json',
    body: '',
    says: [T.server, T.unknown],
    retry: true,
  },
  {
    name: 'an empty 400',
    status: 400,
    body: '',
    says: [T.unknownError],
    retry: false,
  },
  {
    name: 'a 5 MB error body (500)',
    status: 500,
    contentType: 'text/plain',
    body: 'x'.repeat(MB5),
    says: [T.server, T.unknown],
    retry: true,
  },
  {
    name: 'a 5 MB success body (200)',
    status: 200,
    contentType: 'application/json',
    body: `{"success":true,"customerId":"${'a'.repeat(MB5)}"}`,
    says: [T.server, T.unknown],
    retry: true,
  },
  {
    name: 'a 5 MB problem (422)',
    status: 422,
    contentType: 'application/problem+json',
    body: JSON.stringify({ title: 'Validation failed', status: 422, detail: 'd'.repeat(MB5) }),
    says: [T.unknownError],
    retry: false,
  },
  {
    name: 'binary garbage (500)',
    status: 500,
    contentType: 'application/octet-stream',
    body: Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x22, 0xc3, 0x28, 0x80, 0x00, 0x5b]),
    says: [T.server, T.unknown],
    retry: true,
  },
  {
    name: 'JSON nested 100,000 deep (422)',
    status: 422,
    contentType: 'application/problem+json',
    body: `{"errors":${'['.repeat(100_000)}`,
    says: [T.unknownError],
    retry: false,
  },
  {
    name: 'the old shape {"success":false,"errorCode":"E001"} in a 200',
    status: 200,
    contentType: 'application/json',
    body: JSON.stringify({ success: false, errorCode: 'E001', message: 'The contact limit of your plan is reached.' }),
    says: ['The contact limit of your plan is reached.'],
    retry: false,
  },
  {
    name: 'the old shape {"error":{"code":"RATE_LIMIT_EXCEEDED","retry_after":3600}}',
    status: 429,
    contentType: 'application/json',
    body: JSON.stringify({ error: { code: 'RATE_LIMIT_EXCEEDED', message: 'Slow down', retry_after: 3600 } }),
    says: ['Too many requests. Try again in 3600 seconds.'],
    retry: false,
  },
  {
    name: '429 with Retry-After in seconds and no body',
    status: 429,
    headers: { 'Retry-After': '120' },
    body: '',
    says: ['Too many requests. Try again in 120 seconds.'],
    retry: false,
  },
  {
    name: '429 with Retry-After as a date',
    status: 429,
    headers: { 'Retry-After': 'Wed, 21 Oct 2026 07:28:00 GMT' },
    contentType: 'application/problem+json',
    body: JSON.stringify({ type: 'about:blank', title: 'Too Many Requests', status: 429, code: 'RATE_LIMITED' }),
    says: ['Too many requests. Wait a moment and try again.'],
    retry: false,
  },
  {
    name: 'a problem served as text/plain (wrong content type) still lands on its field',
    status: 422,
    contentType: 'text/plain',
    body: JSON.stringify({
      type: 'about:blank',
      title: 'Validation failed',
      status: 422,
      errors: [{ field: 'phone', code: 'PHONE_UNKNOWN_PREFIX', message: 'Unknown prefix.' }],
    }),
    says: ['Enter a valid country calling code'],
    retry: false,
  },
  {
    name: 'the same unknown-field message twice, and fields of the wrong types',
    status: 422,
    contentType: 'application/problem+json',
    body: JSON.stringify({
      status: '422',
      code: 42,
      errors: [
        { field: 'fax', code: 'NO_FAX', message: 'Faxes are not accepted.' },
        { field: 'telex', code: 'NO_FAX', message: 'Faxes are not accepted.' },
        { field: ['x'], code: null, message: { text: 'odd' } },
        'not an object',
      ],
    }),
    says: ['Faxes are not accepted.'],
    retry: false,
  },
  {
    name: '300 distinct unknown-field errors',
    status: 422,
    contentType: 'application/problem+json',
    body: JSON.stringify({
      status: 422,
      errors: Array.from({ length: 300 }, (_, i) => ({ field: `extra${i}`, code: 'X', message: `Problem number ${i}.` })),
    }),
    says: ['Problem number 0.', 'Problem number 299.'],
    retry: false,
  },
  {
    name: 'a redirect to an HTML sign-in page',
    status: 302,
    headers: { Location: '/sign-in' },
    body: '',
    says: [T.server, T.unknown],
    retry: true,
  },
  {
    name: 'an HTML 404',
    status: 404,
    contentType: 'text/html',
    body: '<h1>Not Found</h1>',
    says: ['The server does not offer this.'],
    retry: false,
  },
  {
    name: 'a 403 problem',
    status: 403,
    contentType: 'application/problem+json',
    body: JSON.stringify({ type: 'about:blank', title: 'Forbidden', status: 403, code: 'FORBIDDEN' }),
    says: ['Your account is not allowed to do this.'],
    retry: false,
  },
];

test.describe('any answer: a sensible message, every value kept, never a panic', () => {
  for (const answer of ODD_ANSWERS) {
    test(answer.name, async ({ page, consoleGuard }) => {
      consoleGuard.allow(/Failed to load resource/);
      await openSignedIn(page, '/contacts/new');
      const f = contactForm(page);
      const id = unique();
      await f.control('email').fill(`odd.${id}@example.cz`);
      await f.control('phone').fill('777 123 456');
      await f.control('firstName').fill('Podivná');
      await f.addNewTag('groupList', `Odd ${id}`);
      const posts = recordRequests(page, 'POST', CREATE);
      await page.route(`**${CREATE}`, (route) =>
        route.fulfill({
          status: answer.status,
          contentType: answer.contentType,
          headers: answer.headers,
          body: answer.body,
        }),
      );
      await f.submit.click();
      for (const text of answer.says) {
        await expect(f.summary).toContainText(text);
      }
      await expect(f.summary.getByRole('button', { name: 'Try again' })).toHaveCount(answer.retry ? 1 : 0);
      await expect(f.submit).not.toHaveAttribute('aria-disabled', /.*/);
      await expect(page.getByRole('heading', { level: 2, name: T.created })).toHaveCount(0);
      await expect(f.control('email')).toHaveValue(`odd.${id}@example.cz`);
      await expect(f.control('phone')).toHaveValue('777 123 456');
      await expect(f.control('firstName')).toHaveValue('Podivná');
      await expect(f.tags('groupList')).toHaveCount(1);
      expect(posts).toHaveLength(1);

      // The app is alive: the real server takes the same form now.
      await page.unroute(`**${CREATE}`);
      await f.submit.click();
      await expect(page.getByRole('heading', { level: 2, name: T.created })).toBeVisible();
      await expect(page.locator('#crash-banner')).toBeHidden();
    });
  }

  for (const [name, status, contentType, body] of [
    ['a bare PUBLIC_API_KEY_DOES_NOT_EXIST', 400, 'text/plain', 'PUBLIC_API_KEY_DOES_NOT_EXIST'],
    ['a bare SESSION_EXPIRED with 200', 200, 'text/plain', 'SESSION_EXPIRED'],
    ['"INVALID_IDENTITY" as a JSON string', 403, 'application/json', '"INVALID_IDENTITY"'],
  ] as const) {
    test(`${name}: the sign-in dialog, then the same submission`, async ({ page, consoleGuard }) => {
      consoleGuard.allow(/Failed to load resource/);
      await openSignedIn(page, '/contacts/new');
      const f = contactForm(page);
      const email = `expired.${unique()}@example.cz`;
      await f.control('email').fill(email);
      await f.control('lastName').fill('Znovu');
      const posts = recordRequests(page, 'POST', CREATE);
      await page.route(`**${CREATE}`, (route) => route.fulfill({ status, contentType, body }), { times: 1 });
      await f.submit.click();
      const dialog = page.getByRole('dialog', { name: T.expiredTitle });
      await expect(dialog).toBeVisible();
      await expect(f.control('email')).toHaveValue(email);
      await page.locator('#reauth-password').fill(DEMO_USERS.admin.password);
      await dialog.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('heading', { level: 2, name: T.created })).toBeVisible();
      await expect(storedRow(page, 'E-mail')).toHaveText(email);
      expect(posts).toHaveLength(2);
      expect(keyOf(posts[1])).toBe(keyOf(posts[0]));
    });
  }
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
