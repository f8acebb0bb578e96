// The app's own confirmation dialog (issue 27), in place of the browser's `window.confirm`: signing
// out or leaving a page through the navigation over unsaved values asks in a modal dialog of the
// page's language; focus goes into it (on Cancel, the safe choice) and back to what opened it;
// Cancel and Escape change nothing; the action does what the button says. No browser dialog at all.
import type { Page } from '@playwright/test';
import { test, expect, axe, signIn } from './support/fixtures';
import { KitForm, confirmDialog, openSignedIn, switchLanguage, tabTo, unique } from './support/forms';

const T = {
  en: {
    signOut: 'Sign out',
    signOutTitle: 'Sign out with unsaved changes?',
    signOutBody: 'Signing out removes them from this browser.',
    leaveTitle: 'Leave this page?',
    leave: 'Leave',
    cancel: 'Cancel',
  },
  cs: {
    signOut: 'Odhlásit se',
    signOutTitle: 'Odhlásit se s neuloženými změnami?',
    signOutBody: 'Po odhlášení se z tohoto prohlížeče smažou.',
    leaveTitle: 'Odejít z této stránky?',
    leave: 'Odejít',
    cancel: 'Zrušit',
  },
} as const;

/** Fails the test on any browser dialog (confirm, alert): the app asks in its own. */
function noBrowserDialogs(page: Page): string[] {
  const seen: string[] = [];
  page.on('dialog', (d) => {
    // Reloading over unsaved values is the one place the browser's own prompt stays (the tab's
    // `beforeunload`); accepting it lets the reload go on. Any other browser dialog is a failure.
    if (d.type() === 'beforeunload') return void d.accept();
    seen.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  return seen;
}

/** A half-typed contact, its draft stored. */
async function typeContact(page: Page, id: string): Promise<KitForm> {
  const f = new KitForm(page, 'contact');
  await f.control('firstName').fill(`Rozepsaná ${id}`);
  await f.control('phone').fill('777 123 456');
  await expect
    .poll(() => page.evaluate(() => JSON.stringify(Object.entries(localStorage))))
    .toContain(`Rozepsaná ${id}`);
  return f;
}

/**
 * Opens the contact form signed in (in `lang`, when given) and half-types a contact there, with
 * browser dialogs watched from the start.
 */
async function openUnsavedContact(page: Page, lang?: 'cs' | 'en') {
  const browserDialogs = noBrowserDialogs(page);
  await openSignedIn(page, '/contacts/new');
  if (lang) await switchLanguage(page, lang);
  const id = unique();
  const f = await typeContact(page, id);
  return { browserDialogs, id, f };
}

function headerSignOut(page: Page, lang: 'cs' | 'en') {
  return page.locator('header').getByRole('button', { name: T[lang].signOut, exact: true });
}

for (const lang of ['cs', 'en'] as const) {
  test(`signing out over unsaved values asks in the app's dialog (${lang}); Cancel keeps everything; axe 0`, async ({
    page,
  }) => {
    const { browserDialogs, id, f } = await openUnsavedContact(page, lang);

    await headerSignOut(page, lang).click();
    const dialog = page.getByRole('dialog', { name: T[lang].signOutTitle });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(T[lang].signOutBody);
    await expect(dialog).toHaveAttribute('aria-describedby', 'confirm-body');
    // Focus is inside, on the safe choice.
    await expect(dialog.getByRole('button', { name: T[lang].cancel, exact: true })).toBeFocused();
    await axe(page);

    await dialog.getByRole('button', { name: T[lang].cancel, exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(headerSignOut(page, lang)).toBeFocused();
    await expect(f.control('firstName')).toHaveValue(`Rozepsaná ${id}`);
    await expect(page).toHaveURL(/\/contacts\/new$/);
    expect(await page.evaluate(() => sessionStorage.getItem('bizkit.session'))).not.toBeNull();
    expect(browserDialogs).toEqual([]);
  });
}

test('Escape cancels: the values and the session stay', async ({ page }) => {
  const { browserDialogs, id, f } = await openUnsavedContact(page);
  await headerSignOut(page, 'en').click();
  await expect(confirmDialog(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(confirmDialog(page)).toBeHidden();
  await expect(headerSignOut(page, 'en')).toBeFocused();
  await expect(f.control('firstName')).toHaveValue(`Rozepsaná ${id}`);
  await expect(headerSignOut(page, 'en')).toBeVisible();
  // Still signed in: the page reloads as it was, the draft restored.
  await page.reload();
  await expect(f.control('firstName')).toHaveValue(`Rozepsaná ${id}`);
  expect(browserDialogs).toEqual([]);
});

test('keyboard only: "Sign out" signs out and the draft is gone; signing in again gives an empty form', async ({
  page,
}) => {
  const { browserDialogs, id } = await openUnsavedContact(page);

  await tabTo(page, headerSignOut(page, 'en'), { back: true, max: 60 });
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: T.en.signOutTitle });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  // Enter on Cancel: nothing happens, focus is back on the header's button.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(headerSignOut(page, 'en')).toBeFocused();
  // Again, and this time the action.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Sign out', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('form[data-form="sign-in"]')).toBeVisible();
  expect(await page.evaluate(() => sessionStorage.getItem('bizkit.session'))).toBeNull();
  expect(await page.evaluate(() => JSON.stringify(Object.entries(localStorage)))).not.toContain(id);

  await signIn(page, 'admin', { goto: false });
  await expect(page).toHaveURL(/\/contacts\/new$/);
  await expect(page.locator('#contact-firstName')).toHaveValue('');
  await expect(page.locator('.draft-notice')).toHaveCount(0);
  expect(browserDialogs).toEqual([]);
});

for (const lang of ['cs', 'en'] as const) {
  test(`leaving through the navigation over unsaved values asks (${lang}): Cancel stays, Leave goes and keeps the draft`, async ({
    page,
  }) => {
    const { browserDialogs, id, f } = await openUnsavedContact(page, lang);
    const link = page.getByRole('navigation').locator('a[href="/members/invite"]');

    await link.click();
    const dialog = page.getByRole('dialog', { name: T[lang].leaveTitle });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: T[lang].cancel, exact: true })).toBeFocused();
    await axe(page);
    await dialog.getByRole('button', { name: T[lang].cancel, exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(link).toBeFocused();
    await expect(page).toHaveURL(/\/contacts\/new$/);
    await expect(f.control('firstName')).toHaveValue(`Rozepsaná ${id}`);

    await link.click();
    await dialog.getByRole('button', { name: T[lang].leave, exact: true }).click();
    await expect(page).toHaveURL(/\/members\/invite$/);
    await expect(page.locator('form[data-form="invite"]')).toBeVisible();
    // The draft stayed: back on the form, it is restored.
    await page.getByRole('navigation').locator('a[href="/contacts/new"]').click();
    await expect(f.control('firstName')).toHaveValue(`Rozepsaná ${id}`);
    expect(browserDialogs).toEqual([]);
  });
}

test('with nothing unsaved, signing out and the navigation ask nothing', async ({ page }) => {
  const browserDialogs = noBrowserDialogs(page);
  await openSignedIn(page, '/contacts/new');
  await page.getByRole('navigation').locator('a[href="/members/invite"]').click();
  await expect(page).toHaveURL(/\/members\/invite$/);
  await expect(confirmDialog(page)).toBeHidden();
  await headerSignOut(page, 'en').click();
  await expect(page.locator('form[data-form="sign-in"]')).toBeVisible();
  expect(browserDialogs).toEqual([]);
});
