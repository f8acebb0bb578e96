// `next` after sign-in goes only to a path of this app (issue 14): the sign-in page is opened with
// each hostile value, the person signs in, and lands on their start page of this origin — never
// anywhere else, and the browser never even asks for another host. The values are written as they
// appear in the address (already percent-encoded where a link would carry them so).
import { test, expect, signIn } from './support/fixtures';

const HOSTILE: string[] = [
  // The values that left the app before (next=/\t/evil.example and next=/\n/evil.example).
  '%2F%09%2Fevil.example',
  '%2F%0A%2Fevil.example',
  '%2F%0D%2Fevil.example',
  // The same with the escape itself escaped, so the app sees a literal %09.
  '%2F%2509%2Fevil.example',
  '%2F%250A%2Fevil.example',
  // Protocol-relative and backslashes.
  '%2F%2Fevil.example',
  '//evil.example',
  '%2F%5Cevil.example',
  '%5C%5Cevil.example',
  '/\\evil.example',
  '%2F%252F%252Fevil.example',
  // Schemes.
  'https%3A%2F%2Fevil.example',
  'https://evil.example/contacts/new',
  'javascript%3Aalert(document.domain)',
  'data%3Atext%2Fhtml%2C%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  // Whitespace around, Unicode look-alikes, a fragment that would hand over a token.
  '%20%2F%2Fevil.example',
  '%2F%E2%80%A8%2Fevil.example',
  '%2F%EF%BC%8Fevil.example',
  '%2Fcontacts%2Fnew%23token%3Dstolen',
];

for (const value of HOSTILE) {
  test(`next=${value} lands on the app's own start page`, async ({ page, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const elsewhere: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).origin !== origin) elsewhere.push(r.url());
    });
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`/sign-in?next=${value}`);
    await signIn(page, 'admin', { goto: false });
    await expect(page).toHaveURL(`${origin}/contacts/new`);
    await expect(page.locator('form[data-form="contact"]')).toBeVisible();
    expect(new URL(page.url()).origin).toBe(origin);
    expect(elsewhere, 'no request to another origin').toEqual([]);
    expect(dialogs, 'no script ran').toEqual([]);
  });
}

test('a path of the app is followed', async ({ page }) => {
  await page.goto(`/sign-in?next=${encodeURIComponent('/members/invite')}`);
  await signIn(page, 'admin', { goto: false });
  await expect(page).toHaveURL(/\/members\/invite$/);
});
