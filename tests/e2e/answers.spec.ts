// Any answer a backend (or a proxy in front of it) may give to the contact form's create call — malformed
// JSON, odd statuses, HTML error pages, huge bodies: a sensible localised message, every value kept, a
// retry only where the outcome is unknown (with the same Idempotency-Key), never a panic (the fixture
// fails a test on "panicked at"). The rest of "nothing lost" is in resilience.spec.ts.
import { test, expect, DEMO_USERS } from './support/fixtures';
import { KitForm, MESSAGES as T, keyOf, openSignedIn, recordRequests, storedRow, unique } from './support/forms';

const CREATE = '/bff/contact/create';

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
      const f = new KitForm(page, 'contact');
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
      const f = new KitForm(page, 'contact');
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
