// The app loads from the server, mounts and shows the sign-in page, safely and without errors.
import { test, expect, axe } from './support/fixtures';

test('the app mounts and shows the sign-in page', async ({ page }) => {
  const response = await page.goto('/');
  expect(response, 'a response for /').not.toBeNull();
  expect(response!.status()).toBe(200);

  const csp = response!.headers()['content-security-policy'];
  expect(csp, 'a Content-Security-Policy header on /').toBeTruthy();
  expect(csp).toContain("default-src 'self'");
  expect(csp, 'no inline script or eval allowed').not.toMatch(/'unsafe-(inline|eval)'/);

  const form = page.locator('form[data-form="sign-in"]');
  await expect(form).toBeVisible();
  await expect(form.getByLabel(/e-mail/i).and(form.locator('input'))).toBeVisible();
  await expect(page.locator('#crash-banner')).toBeHidden();
  // The console guard fixture fails this test if anything was logged as an error meanwhile.
});

test('the sign-in page has no axe violations (WCAG 2.1 A and AA)', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('form[data-form="sign-in"]')).toBeVisible();
  await axe(page);
});
