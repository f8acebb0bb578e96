// A customer's session: the app shows them their own profile and nothing of the admin side.
import { test, expect, axe, signIn, tabToken } from './support/fixtures';
import { switchLanguage } from './support/forms';

test('a customer lands on their own profile, without admin navigation', async ({ page }) => {
  await signIn(page, 'customer');
  await expect(page).toHaveURL(/\/portal\/profile$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Your profile' })).toBeVisible();
  await expect(page.locator('#profile-email')).toHaveValue('jan@barasek.com');
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
});

test('an admin page tells a customer it is for administrators, and the server refuses too', async ({
  page,
  consoleGuard,
}) => {
  consoleGuard.allow(/status of 403/);
  await signIn(page, 'customer');
  await expect(page).toHaveURL(/\/portal\/profile$/);
  await page.goto('/contacts/new');
  await expect(page.getByRole('heading', { level: 1, name: 'This page is for administrators' })).toBeVisible();
  await expect(page.locator('form[data-form="contact"]')).toHaveCount(0);
  await page.getByRole('link', { name: 'Go to your profile' }).click();
  await expect(page).toHaveURL(/\/portal\/profile$/);

  // The server is the real guard: the customer's own token is refused on an admin call.
  const token = await tabToken(page);
  const answer = await page.request.post('/bff/contact/create', {
    headers: { Authorization: `Bearer ${token}` },
    data: { email: 'sneaky@example.cz' },
  });
  expect(answer.status()).toBe(403);
});

for (const lang of ['cs', 'en'] as const) {
  test(`axe: the profile page in ${lang === 'cs' ? 'Czech' : 'English'}`, async ({ page }) => {
    await signIn(page, 'customer');
    await expect(page).toHaveURL(/\/portal\/profile$/);
    await switchLanguage(page, lang);
    await expect(page.locator('form[data-form="profile"]')).toBeVisible();
    await axe(page);
  });
}
