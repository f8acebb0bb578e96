// "Invite member" (/members/invite): a new e-mail is invited, a registered user is added at once,
// a second invitation of the same e-mail is a conflict on the e-mail field, names have a length
// limit with a counter, codes can be typed where the backend has no catalogue, keyboard-only use
// and accessibility in both languages.
import { test, expect, axe, DEMO_USERS } from './support/fixtures';
import {
  openForm,
  recordRequests,
  resourceStatus,
  routeProblem,
  switchLanguage,
  tabAndType,
  tabTo,
  unique,
} from './support/forms';

const PAGE = '/members/invite';

/**
 * The filter box of a code list (permissions or roles): a search field labelled by the legend. It
 * carries the field's id, so the error summary's link for the codes lands on it.
 */
function filterBox(page: import('@playwright/test').Page, name: 'permissionCodes' | 'roleCodes') {
  return page.locator(`input[type="search"]#invite-${name}`);
}

function codeBox(page: import('@playwright/test').Page, name: 'permissionCodes' | 'roleCodes', code: string) {
  return page.locator(`#invite-${name}-options`).getByRole('checkbox', { name: new RegExp(code.replace('.', '\\.')) });
}

test('a new e-mail with a permission and a role from the filtered lists: "Invitation sent"', async ({ page }) => {
  const f = await openForm(page, PAGE, 'invite');
  const posts = recordRequests(page, 'POST', '/bff/member/invite-email');
  const email = `new.member+${unique()}@Example.COM`;

  await expect(page.getByRole('heading', { level: 1, name: 'Invite a member' })).toBeVisible();
  await f.control('email').fill(email);
  await expect(f.preview('email')).toHaveText(`Will be saved as ${email.replace('Example.COM', 'example.com')}`);
  await f.control('firstName').fill('Nela');
  await f.control('lastName').fill('Nováčková');

  // Permissions: the list narrows as one types; the count of chosen codes is announced.
  const permissions = page.locator('#invite-permissionCodes-options li');
  await expect(filterBox(page, 'permissionCodes')).toHaveAccessibleName('Search Permissions');
  const all = await permissions.count();
  expect(all).toBeGreaterThan(3);
  await filterBox(page, 'permissionCodes').fill('invite');
  await expect(permissions).toHaveCount(1);
  await codeBox(page, 'permissionCodes', 'member.invite').check();
  await expect(page.locator('#invite-permissionCodes-count')).toHaveText('1 chosen');
  // Nothing matches: said so, and clearing the filter shows everything again with the choice kept.
  await filterBox(page, 'permissionCodes').fill('no such permission');
  await expect(permissions).toHaveCount(0);
  await expect(page.getByText('Nothing matches. Try another word.')).toBeVisible();
  await filterBox(page, 'permissionCodes').fill('');
  await expect(permissions).toHaveCount(all);
  await expect(codeBox(page, 'permissionCodes', 'member.invite')).toBeChecked();

  // Roles: filter by a word of the name.
  await filterBox(page, 'roleCodes').fill('manag');
  await expect(page.locator('#invite-roleCodes-options li')).toHaveCount(1);
  await codeBox(page, 'roleCodes', 'manager').check();
  await expect(page.locator('#invite-roleCodes-count')).toHaveText('1 chosen');

  await f.control('description').fill('Joins the sales team in May.');
  await f.submit.click();

  const done = page.getByRole('heading', { level: 2, name: 'Invitation sent' });
  await expect(done).toBeVisible();
  await expect(done).toBeFocused();
  await expect(page.locator('.success')).toHaveAttribute('data-outcome', 'invited');
  await expect(page.locator('.success')).toContainText(email.replace('Example.COM', 'example.com'));
  expect(posts).toHaveLength(1);
  expect(posts[0].postDataJSON()).toMatchObject({
    email,
    firstName: 'Nela',
    lastName: 'Nováčková',
    permissionCodes: ['member.invite'],
    roleCodes: ['manager'],
    description: 'Joins the sales team in May.',
  });

  await page.getByRole('button', { name: 'Invite someone else' }).click();
  await expect(f.control('email')).toBeFocused();
  await expect(f.control('email')).toHaveValue('');
});

test('the e-mail of a registered user (the demo customer): "Member added"', async ({ page }) => {
  const f = await openForm(page, PAGE, 'invite');
  await f.control('email').fill(DEMO_USERS.customer.email);
  await codeBox(page, 'permissionCodes', 'invoice.read').check();
  await f.submit.click();
  const done = page.getByRole('heading', { level: 2, name: 'Member added' });
  await expect(done).toBeVisible();
  await expect(done).toBeFocused();
  await expect(page.locator('.success')).toHaveAttribute('data-outcome', 'added');
  await expect(page.locator('.success')).toContainText(`${DEMO_USERS.customer.email} already had an account`);
});

test('inviting the same new e-mail again is a conflict (409) on the e-mail field', async ({
  page,
  apiAs,
  consoleGuard,
}) => {
  consoleGuard.allow(resourceStatus(409));
  const email = `twice.${unique()}@example.com`;
  const api = await apiAs('admin');
  const first = await api.post('/bff/member/invite-email', { data: { email } });
  expect(first.status()).toBe(200);

  const f = await openForm(page, PAGE, 'invite');
  // The same address in other letter case is the same member.
  await f.control('email').fill(email.toUpperCase());
  await f.control('firstName').fill('Again');
  await f.submit.click();
  const message = 'This person is already a member of the organisation';
  await f.expectFieldError('email', message);
  await expect(f.summary).toBeFocused();
  await expect(f.summary.getByRole('link', { name: message })).toHaveAttribute('href', '#invite-email');
  await expect(f.control('email')).toHaveValue(email.toUpperCase());
  await expect(f.control('firstName')).toHaveValue('Again');
});

test('a name longer than 128 characters: the counter appears near the limit, then the error', async ({ page }) => {
  const f = await openForm(page, PAGE, 'invite');
  const first = f.control('firstName');
  const counter = f.counter('firstName');

  await first.fill('a'.repeat(100));
  await expect(counter).toHaveCount(0);
  await first.pressSequentially('bbb');
  await expect(counter).toHaveText('103 / 128');
  await expect(first).toHaveAttribute('aria-describedby', /invite-firstName-counter/);
  await f.expectNoFieldError('firstName');

  await first.fill('a'.repeat(129));
  await expect(counter).toHaveText('129 / 128');
  // Still typing: no error until the field is left.
  await f.expectNoFieldError('firstName');
  await first.blur();
  await f.expectFieldError('firstName', 'Enter a name of 128 characters or fewer');
  await first.press('End');
  await first.press('Backspace');
  await expect(counter).toHaveText('128 / 128');
  await f.expectNoFieldError('firstName');

  // The same rule for the last name, shown after a submit.
  await f.control('email').fill(`long.${unique()}@example.com`);
  await f.control('lastName').fill('b'.repeat(140));
  await f.submit.click();
  await f.expectFieldError('lastName', 'Enter a name of 128 characters or fewer');
  await expect(f.summary).toBeFocused();
  await expect(f.summary.getByRole('link', { name: /128 characters or fewer/ })).toHaveAttribute(
    'href',
    '#invite-lastName',
  );
});

test('codes are typed freely when the backend has no permission list (404)', async ({ page, consoleGuard }) => {
  consoleGuard.allow(resourceStatus(404, 422));
  await routeProblem(page, '**/bff/member/permission-list', { type: 'about:blank', title: 'Not Found', status: 404 });
  const f = await openForm(page, PAGE, 'invite');
  const posts = recordRequests(page, 'POST', '/bff/member/invite-email');

  const permissions = page.getByRole('group', { name: /Permissions/ });
  const roles = page.getByRole('group', { name: /Roles/ });
  await expect(permissions.getByLabel('Codes, separated by commas')).toBeVisible();
  await expect(roles.getByLabel('Codes, separated by commas')).toBeVisible();
  await expect(page.locator('input[type="search"]')).toHaveCount(0);
  await expect(permissions).toContainText('The list of codes is not available');

  const email = `free.${unique()}@example.com`;
  await f.control('email').fill(email);
  // An unknown code: the server names it, the app shows it at the codes.
  await permissions.getByLabel('Codes, separated by commas').fill('contact.read, no.such.code');
  await roles.getByLabel('Codes, separated by commas').fill('viewer');
  await f.submit.click();
  await expect(permissions.locator('.error-message')).toHaveText('Select permissions from the list');
  await expect(f.summary).toBeFocused();
  await expect(f.control('email')).toHaveValue(email);

  await permissions.getByLabel('Codes, separated by commas').fill('contact.read, member.invite, contact.read');
  await expect(permissions.locator('.error-message')).toHaveCount(0);
  await f.submit.click();
  await expect(page.getByRole('heading', { level: 2, name: 'Invitation sent' })).toBeVisible();
  expect(posts).toHaveLength(2);
  expect(posts[1].postDataJSON()).toMatchObject({
    email,
    permissionCodes: ['contact.read', 'member.invite'],
    roleCodes: ['viewer'],
  });
});

test('a server error about the chosen codes is shown at the list, and its summary link leads there', async ({
  page,
  consoleGuard,
}) => {
  consoleGuard.allow(resourceStatus(422));
  // A catalogue that changed meanwhile: the server refuses a code the list still offered.
  await routeProblem(page, '**/bff/member/invite-email', {
    type: 'about:blank',
    title: 'Validation failed',
    status: 422,
    errors: [{ field: 'permissionCodes[0]', code: 'PERMISSION_UNKNOWN', message: 'Unknown permission.' }],
  });
  const f = await openForm(page, PAGE, 'invite');
  await f.control('email').fill(`stale.${unique()}@example.com`);
  await codeBox(page, 'permissionCodes', 'settings.manage').check();
  await f.submit.click();

  const permissions = page.getByRole('group', { name: /Permissions/ });
  await expect(permissions.locator('.error-message')).toHaveText('Select permissions from the list');
  await expect(f.summary).toBeFocused();
  await f.summary.getByRole('link', { name: 'Select permissions from the list' }).click();
  await expect(filterBox(page, 'permissionCodes')).toBeFocused();
  await expect(codeBox(page, 'permissionCodes', 'settings.manage')).toBeChecked();
});

test('keyboard only: e-mail, names, a permission and a role chosen with Space, sent with Enter', async ({
  page,
}) => {
  const f = await openForm(page, PAGE, 'invite');
  const posts = recordRequests(page, 'POST', '/bff/member/invite-email');
  const email = `keys.${unique()}@example.com`;
  await expect(codeBox(page, 'permissionCodes', 'contact.read')).toBeVisible();

  await tabTo(page, f.control('email'));
  await page.keyboard.type(email);
  await tabAndType(page, f.control('firstName'), 'Petr');
  await tabAndType(page, f.control('lastName'), 'Klávesa');
  await tabAndType(page, filterBox(page, 'permissionCodes'), 'invoice');
  await page.keyboard.press('Tab');
  await expect(codeBox(page, 'permissionCodes', 'invoice.read')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(codeBox(page, 'permissionCodes', 'invoice.read')).toBeChecked();
  await tabTo(page, filterBox(page, 'roleCodes'), { max: 5 });
  await page.keyboard.type('account');
  await page.keyboard.press('Tab');
  await expect(codeBox(page, 'roleCodes', 'accountant')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(codeBox(page, 'roleCodes', 'accountant')).toBeChecked();
  await tabAndType(page, f.control('description'), 'Typed with the keyboard.');
  await page.keyboard.press('Tab');
  await expect(f.submit).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 2, name: 'Invitation sent' })).toBeFocused();
  expect(posts).toHaveLength(1);
  expect(posts[0].postDataJSON()).toMatchObject({
    email,
    permissionCodes: ['invoice.read'],
    roleCodes: ['accountant'],
  });
});

for (const lang of ['cs', 'en'] as const) {
  test(`axe: the invite form in ${lang === 'cs' ? 'Czech' : 'English'}, also with errors and the result`, async ({
    page,
  }) => {
    const f = await openForm(page, PAGE, 'invite');
    await switchLanguage(page, lang);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(lang === 'cs' ? 'Pozvat člena' : 'Invite a member');
    await expect(codeBox(page, 'permissionCodes', 'contact.read')).toBeVisible();
    await axe(page);

    await f.control('firstName').fill('x'.repeat(130));
    await filterBox(page, 'permissionCodes').fill('zzz');
    await f.submit.click();
    await expect(f.summary).toBeFocused();
    await expect(f.error('email')).toContainText(lang === 'cs' ? 'Vyplňte pole „E-mail“' : 'Fill in “E-mail”');
    await expect(f.counter('firstName')).toBeVisible();
    await axe(page);

    await f.control('email').fill(`axe.${lang}.${unique()}@example.com`);
    await f.control('firstName').fill('Axe');
    await f.submit.click();
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(lang === 'cs' ? 'Pozvánka odeslána' : 'Invitation sent');
    await axe(page);
  });
}
