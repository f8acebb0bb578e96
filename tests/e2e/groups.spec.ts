// "Add groups to a customer" (/customers/groups): by cuRefNo or e-mail, new and existing groups,
// idempotent re-runs, the notice when both identifiers are given, errors inline and from the server,
// keyboard-only use, accessibility in both languages — and the navigation between the admin pages.
import { test, expect, axe, DEMO_USERS } from './support/fixtures';
import {
  escapeRegExp,
  openForm,
  openSignedIn,
  recordRequests,
  resourceStatus,
  switchLanguage,
  tabAndType,
  tabTo,
  unique,
} from './support/forms';

const PAGE = '/customers/groups';
const CU_REF_NO = '1cGIHvFoQDGLAbcA';

function addedList(page: import('@playwright/test').Page) {
  return page.locator('dd[data-list="added"]');
}

function alreadyList(page: import('@playwright/test').Page) {
  return page.locator('dd[data-list="already"]');
}

test('by cuRefNo: a new group and an existing one are added and listed', async ({ page }) => {
  const f = await openForm(page, PAGE, 'groups');
  const posts = recordRequests(page, 'POST', '/api/v1/customer/add-groups');
  const id = unique();
  await expect(page.getByRole('heading', { level: 1, name: 'Add groups to a customer' })).toBeVisible();

  await f.control('cuRefNo').fill(CU_REF_NO);
  await f.pickExistingTag('groups', 'news', /Newsletter/);
  await f.addNewTag('groups', `Sezóna ${id}`);
  await expect(f.tags('groups')).toHaveCount(2);
  await expect(f.tags('groups').nth(1).locator('code')).toHaveText(`sezona-${id}`);
  await f.submit.click();

  const done = page.getByRole('heading', { level: 2, name: 'Groups updated' });
  await expect(done).toBeVisible();
  await expect(done).toBeFocused();
  await expect(addedList(page)).toHaveText(new RegExp(`newsletter`));
  await expect(addedList(page)).toContainText(`sezona-${id}`);
  await expect(alreadyList(page)).toHaveText('—');
  await expect(page.getByText('nothing changed')).toHaveCount(0);
  expect(posts).toHaveLength(1);
  expect(posts[0].postDataJSON()).toEqual({ cuRefNo: CU_REF_NO, groups: ['newsletter', `sezona-${id}`] });
});

test('the same groups again: "already assigned, nothing changed"', async ({ page }) => {
  const f = await openForm(page, PAGE, 'groups');
  const id = unique();
  const fill = async () => {
    await f.control('cuRefNo').fill(CU_REF_NO);
    await f.pickExistingTag('groups', 'VI', /VIP/);
    await f.addNewTag('groups', `Opakování ${id}`);
    await f.submit.click();
    await expect(page.getByRole('heading', { level: 2, name: 'Groups updated' })).toBeVisible();
  };

  await fill();
  // The demo customer has VIP from the start; the new group is added.
  await expect(addedList(page)).toHaveText(`opakovani-${id}`);
  await expect(alreadyList(page)).toHaveText('vip');

  await page.getByRole('button', { name: 'Add groups to another customer' }).click();
  await expect(f.control('email')).toBeFocused();
  await expect(f.control('cuRefNo')).toHaveValue('');
  await fill();
  await expect(page.getByText('The customer already had all these groups; nothing changed.')).toBeVisible();
  await expect(addedList(page)).toHaveText('—');
  await expect(alreadyList(page)).toContainText('vip');
  await expect(alreadyList(page)).toContainText(`opakovani-${id}`);
});

test('by e-mail: the demo customer found by the address', async ({ page }) => {
  const f = await openForm(page, PAGE, 'groups');
  const id = unique();
  await f.control('email').fill(DEMO_USERS.customer.email.toUpperCase());
  await f.addNewTag('groups', `E-mail ${id}`);
  await f.submit.click();
  await expect(page.getByRole('heading', { level: 2, name: 'Groups updated' })).toBeVisible();
  await expect(addedList(page)).toHaveText(`e-mail-${id}`);
});

test('both identifiers: the notice says the cuRefNo is used, and it is', async ({ page }) => {
  const f = await openForm(page, PAGE, 'groups');
  const posts = recordRequests(page, 'POST', '/api/v1/customer/add-groups');
  const id = unique();
  const notice = page.getByRole('status').filter({ hasText: 'Both are filled in' });

  // An address no customer has: were it used, the server would answer "not found".
  await f.control('email').fill(`nobody.${id}@example.com`);
  await expect(notice).toHaveCount(0);
  await f.control('cuRefNo').fill(CU_REF_NO);
  await expect(notice).toHaveText(
    'Both are filled in: the customer is found by the reference number, the e-mail is not used.',
  );
  await f.control('cuRefNo').fill('');
  await expect(notice).toHaveCount(0);
  await f.control('cuRefNo').fill(CU_REF_NO);
  await expect(notice).toBeVisible();

  await f.addNewTag('groups', `Obojí ${id}`);
  await f.submit.click();
  await expect(page.getByRole('heading', { level: 2, name: 'Groups updated' })).toBeVisible();
  await expect(addedList(page)).toHaveText(`oboji-${id}`);
  expect(posts).toHaveLength(1);
});

test('an invalid cuRefNo (15 characters) is an inline error once the field is left', async ({ page }) => {
  const f = await openForm(page, PAGE, 'groups');
  const posts = recordRequests(page, 'POST', '/api/v1/customer/add-groups');
  const cu = f.control('cuRefNo');
  await cu.fill(CU_REF_NO.slice(0, 15));
  await expect(f.counter('cuRefNo')).toHaveText('15 / 16');
  await f.expectNoFieldError('cuRefNo');
  await cu.blur();
  const message = 'Enter a customer reference number of exactly 16 characters';
  await f.expectFieldError('cuRefNo', message);

  await f.addNewTag('groups', 'Cokoliv');
  await f.submit.click();
  await expect(f.summary).toBeFocused();
  await expect(f.summary.getByRole('link', { name: new RegExp(escapeRegExp(message)) })).toHaveAttribute(
    'href',
    '#groups-cuRefNo',
  );
  expect(posts).toHaveLength(0);

  // Characters outside A–Z and digits are a different message; the 16th character fixes it.
  await cu.fill(`${CU_REF_NO.slice(0, 15)}-`);
  await f.expectFieldError('cuRefNo', 'using only letters A to Z and digits');
  await cu.fill(CU_REF_NO);
  await f.expectNoFieldError('cuRefNo');
  // Nothing without groups, either.
  await page.locator('.tag-remove').first().click();
  await f.submit.click();
  await expect(f.summary.getByRole('link', { name: 'Enter at least one group' })).toBeVisible();
  expect(posts).toHaveLength(0);
});

test('an unknown customer: the server error is shown on the field it names', async ({ page, consoleGuard }) => {
  consoleGuard.allow(resourceStatus(404));
  const f = await openForm(page, PAGE, 'groups');
  const message = 'No customer has this e-mail address or reference number';

  await f.control('cuRefNo').fill('ZZZZZZZZZZZZZZZZ');
  await f.addNewTag('groups', 'Nikdo');
  await f.submit.click();
  await f.expectFieldError('cuRefNo', message);
  await expect(f.summary).toBeFocused();
  await expect(f.summary.getByRole('link', { name: new RegExp(message) })).toHaveAttribute('href', '#groups-cuRefNo');
  await f.expectNoFieldError('email');
  await expect(f.control('cuRefNo')).toHaveValue('ZZZZZZZZZZZZZZZZ');
  await expect(f.tags('groups')).toHaveCount(1);

  // By e-mail: the error moves to the e-mail field.
  await f.control('cuRefNo').fill('');
  await f.control('email').fill(`nobody.${unique()}@example.com`);
  await f.submit.click();
  await f.expectFieldError('email', message);
  await f.expectNoFieldError('cuRefNo');
});

test('keyboard only: identify by cuRefNo, add an existing and a new group, send', async ({ page }) => {
  const f = await openForm(page, PAGE, 'groups');
  const id = unique();
  await tabTo(page, f.control('email'));
  await tabAndType(page, f.control('cuRefNo'), CU_REF_NO);
  await page.keyboard.press('Tab');
  await expect(f.control('groups')).toBeFocused();

  await page.keyboard.type('personal');
  const option = f.listbox('groups').getByRole('option', { name: /Personal training/ });
  await expect(option).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await page.keyboard.type(`Klávesy ${id}`);
  await page.keyboard.press('Enter');
  await expect(f.tags('groups')).toHaveCount(2);
  // A mistaken tag: Shift+Tab to its remove button, Enter, and back to the input.
  await page.keyboard.type(`Omyl ${id}`);
  await page.keyboard.press('Enter');
  await expect(f.tags('groups')).toHaveCount(3);
  const removeMistake = page.getByRole('button', { name: `Remove group Omyl ${id}` });
  await tabTo(page, removeMistake, { back: true, max: 3 });
  await page.keyboard.press('Enter');
  await expect(f.tags('groups')).toHaveCount(2);
  // Focus is not lost with the removed button: it goes back to the input.
  await expect(f.control('groups')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(f.submit).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 2, name: 'Groups updated' })).toBeFocused();
  await expect(addedList(page)).toContainText(`klavesy-${id}`);
  await expect(addedList(page).or(alreadyList(page)).filter({ hasText: 'personal-training' })).toHaveCount(1);
  await expect(page.locator('dl.stored')).not.toContainText(`omyl-${id}`);
});

test('a group created here (it has no colour yet) is suggested afterwards, also on the contact form', async ({
  page,
  apiAs,
}) => {
  const id = unique();
  const api = await apiAs('admin');
  const answer = await api.post('/api/v1/customer/add-groups', {
    data: { cuRefNo: CU_REF_NO, groups: [`Bez barvy ${id}`] },
  });
  expect(answer.status()).toBe(200);
  expect(await answer.json()).toMatchObject({ added: [`bez-barvy-${id}`] });

  // The list now holds a group without a colour; the other suggestions must not vanish with it.
  const contact = await openForm(page, '/contacts/new', 'contact');
  await contact.pickExistingTag('groupList', `bez-barvy-${id}`, new RegExp(`bez-barvy-${id}`));
  await contact.pickExistingTag('groupList', 'VI', /VIP/);
  await expect(contact.tags('groupList')).toHaveCount(2);
  await contact.control('email').fill(`colourless.${id}@example.com`);
  await contact.submit.click();
  await expect(page.getByRole('heading', { level: 2, name: 'Contact created' })).toBeVisible();
  await expect(page.locator('dl.stored')).toContainText(`bez-barvy-${id}`);
});

for (const lang of ['cs', 'en'] as const) {
  test(`axe: the groups form in ${lang === 'cs' ? 'Czech' : 'English'}, with the notice, errors and the result`, async ({
    page,
  }) => {
    const f = await openForm(page, PAGE, 'groups');
    await switchLanguage(page, lang);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      lang === 'cs' ? 'Přidat skupiny zákazníkovi' : 'Add groups to a customer',
    );
    await axe(page);

    await f.submit.click();
    await expect(f.summary).toBeFocused();
    await f.control('email').fill('not-an-email');
    await f.control('cuRefNo').fill('short');
    await expect(page.locator('.notice.info')).toBeVisible();
    await expect(f.error('cuRefNo')).toBeVisible();
    await axe(page);

    await f.control('email').fill('');
    await f.control('cuRefNo').fill(CU_REF_NO);
    await f.addNewTag('groups', `Axe ${lang} ${unique()}`);
    await f.submit.click();
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(
      lang === 'cs' ? 'Skupiny upraveny' : 'Groups updated',
    );
    await axe(page);
  });
}

test.describe('navigation', () => {
  const pages = [
    { path: '/contacts/new', link: 'New contact', h1: 'New contact' },
    { path: '/members/invite', link: 'Invite member', h1: 'Invite a member' },
    { path: '/customers/groups', link: 'Customer groups', h1: 'Add groups to a customer' },
  ];

  test('the nav marks the current page, and each page loads by its URL after a reload', async ({ page }) => {
    await openSignedIn(page, pages[0].path);
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const target of [...pages.slice(1), pages[0]]) {
      await nav.getByRole('link', { name: target.link }).click();
      await expect(page).toHaveURL(new RegExp(`${escapeRegExp(target.path)}$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.h1);
      await expect(nav.getByRole('link', { name: target.link })).toHaveAttribute('aria-current', 'page');
      for (const other of pages.filter((p) => p !== target)) {
        await expect(nav.getByRole('link', { name: other.link })).not.toHaveAttribute('aria-current', /.*/);
      }
      // A reload keeps the session (this tab) and the page.
      await page.reload();
      await expect(page).toHaveURL(new RegExp(`${escapeRegExp(target.path)}$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.h1);
      await expect(nav.getByRole('link', { name: target.link })).toHaveAttribute('aria-current', 'page');
    }
    // Typed into the address bar, each loads as well.
    for (const target of pages) {
      await page.goto(target.path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.h1);
      await expect(nav.getByRole('link', { name: target.link })).toHaveAttribute('aria-current', 'page');
    }
  });

  test('signed out, each page sends to sign-in and back to itself', async ({ page, consoleGuard }) => {
    // The browser asks for /favicon.ico on the JSON page below; the app itself declares none.
    consoleGuard.allow(/favicon\.ico/);
    for (const target of pages) {
      await page.context().clearCookies();
      // Cleared on a page of the origin that runs no app: a running app may write its session back
      // (it does after every call, for the idle time) between the clear and the next navigation.
      await page.goto('/config.json');
      await page.evaluate(() => sessionStorage.clear());
      await openSignedIn(page, target.path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.h1);
    }
  });
});
