// "New contact" (/contacts/new): the app's core. Signing in, every field with its normal form,
// validation timing, server errors on their fields, the draft, double submits, keyboard-only use
// and accessibility in both languages.
import { test, expect, axe, signIn, DEMO_USERS } from './support/fixtures';
import {
  KitForm,
  createContact,
  openForm,
  recordRequests,
  resourceStatus,
  storedRow,
  switchLanguage,
  tabAndType,
  tabTo,
  unique,
} from './support/forms';

const PAGE = '/contacts/new';

// `příklad.cz` in IDNA (checked against Node's `url.domainToASCII`).
const PUNY_PRIKLAD = 'xn--pklad-zsa96e.cz';

function contactForm(page: import('@playwright/test').Page): KitForm {
  return new KitForm(page, 'contact');
}

test.describe('signing in', () => {
  test('the sign-in page refuses empty and wrong credentials, then lands on the contact form', async ({
    page,
    consoleGuard,
  }) => {
    // The wrong password is answered 401 on purpose; Chromium logs that fetch.
    consoleGuard.allow(resourceStatus(401));
    await page.goto(PAGE);
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fcontacts%2Fnew$/);
    const form = page.locator('form[data-form="sign-in"]');
    const summary = page.locator('.error-summary');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await expect(summary).toBeHidden();

    // Nothing typed: both fields are named in the focused summary and marked on the fields.
    await form.getByRole('button', { name: 'Sign in' }).click();
    await expect(summary).toBeFocused();
    await expect(summary).toHaveAttribute('role', 'alert');
    await expect(summary.getByRole('link', { name: 'Enter your e-mail address' })).toBeVisible();
    await expect(summary.getByRole('link', { name: 'Enter your password' })).toBeVisible();
    await expect(page.locator('#sign-in-email')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#sign-in-email')).toHaveAttribute('aria-describedby', 'sign-in-email-error');
    await summary.getByRole('link', { name: 'Enter your password' }).click();
    await expect(page.locator('#sign-in-password')).toBeFocused();

    // A wrong password: one message for the form, in the focused summary; nothing panics.
    await page.locator('#sign-in-email').fill(DEMO_USERS.admin.email);
    await expect(page.locator('#sign-in-email')).not.toHaveAttribute('aria-invalid', /.*/);
    await page.locator('#sign-in-password').fill('not-the-password');
    await form.getByRole('button', { name: 'Sign in' }).click();
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('The e-mail or password is not right');
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.locator('#crash-banner')).toBeHidden();

    // The right one: on to where the person was heading.
    await page.locator('#sign-in-password').fill(DEMO_USERS.admin.password);
    await form.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(new RegExp(`${PAGE}$`));
    await expect(page.getByRole('heading', { level: 1, name: 'New contact' })).toBeVisible();
    await expect(contactForm(page).control('email')).toBeVisible();
    await expect(page.locator('#crash-banner')).toBeHidden();
  });
});

test.describe('creating a contact', () => {
  test('every field: the previews show the normal forms, the stored contact matches them', async ({
    page,
    apiAs,
  }) => {
    const f = await openForm(page, PAGE, 'contact');
    const id = unique();
    const typedEmail = `Jana.Novak+crm${id}@PŘÍKLAD.CZ`;
    const normalEmail = `Jana.Novak+crm${id}@${PUNY_PRIKLAD}`;
    const newGroup = `Projekt Q1 & Q2 ${id}`;
    const newSlug = `projekt-q1-and-q2-${id}`;

    await f.control('email').fill(typedEmail);
    await expect(f.preview('email')).toContainText(`Will be saved as ${normalEmail}`);
    await expect(f.control('email')).toHaveAttribute('aria-describedby', /contact-email-preview/);

    await f.control('phone').fill('00420 777-123-456');
    await expect(f.preview('phone')).toHaveText('Will be saved as +420 777123456');

    await f.control('firstName').fill('Jana');
    await f.control('lastName').fill('Nováková');

    await f.control('companyRegistrationNumber').fill('5103118');
    await expect(f.preview('companyRegistrationNumber')).toHaveText('Will be saved as 05103118');
    const ares = page.locator('#contact-ares');
    await expect(ares).toContainText('Found in ARES');
    await expect(ares).toContainText('BizKitHub s.r.o.');
    await expect(ares).toContainText('Kladno');

    const invite = f.control('sendRegistrationInvite');
    await expect(invite).not.toHaveAttribute('aria-disabled', /.*/);
    await invite.check();
    await f.control('ignoreBulkMail').check();
    await expect(invite).toBeChecked();
    await expect(f.control('ignoreBulkMail')).toBeChecked();

    await f.pickExistingTag('groupList', 'Pers', /Personal training/);
    await f.addNewTag('groupList', newGroup);
    const tags = f.tags('groupList');
    await expect(tags).toHaveCount(2);
    await expect(tags.nth(0)).toContainText('Personal training');
    await expect(tags.nth(0).locator('code')).toHaveText('personal-training');
    await expect(tags.nth(1)).toContainText(newGroup);
    await expect(tags.nth(1).locator('code')).toHaveText(newSlug);

    await f.submit.click();
    const done = page.getByRole('heading', { level: 2, name: 'Contact created' });
    await expect(done).toBeVisible();
    await expect(done).toBeFocused();
    await expect(storedRow(page, 'E-mail')).toHaveText(normalEmail);
    await expect(storedRow(page, 'Phone')).toHaveText('+420 777123456');
    await expect(storedRow(page, 'Full name')).toHaveText('Jana Nováková');
    await expect(storedRow(page, 'Company ID (IČO)')).toHaveText('05103118');
    await expect(storedRow(page, 'Company name')).toHaveText('BizKitHub s.r.o.');
    await expect(storedRow(page, 'Address')).toHaveText('R. Novotného 1505, 272 01 Kladno');
    await expect(storedRow(page, 'VAT ID (DIČ)')).toHaveText('CZ05103118');
    await expect(storedRow(page, 'Groups')).toContainText('personal-training');
    await expect(storedRow(page, 'Groups')).toContainText(newSlug);
    await expect(storedRow(page, 'No newsletters and bulk e-mails')).toHaveText('Yes');

    // The server agrees: the same normal forms through the API.
    const customerId = await page.locator('dl.stored').getAttribute('data-customer-id');
    expect(customerId, 'the stored view names the contact').toBeTruthy();
    const api = await apiAs('admin');
    const response = await api.get(`/bff/contact/${encodeURIComponent(customerId!)}`);
    expect(response.status()).toBe(200);
    const stored = await response.json();
    expect(stored).toMatchObject({
      customerId,
      email: normalEmail,
      phone: '+420 777123456',
      firstName: 'Jana',
      lastName: 'Nováková',
      companyRegistrationNumber: '05103118',
      companyName: 'BizKitHub s.r.o.',
      streetAddress: 'R. Novotného 1505',
      city: 'Kladno',
      postalCode: '272 01',
      dic: 'CZ05103118',
      ignoreBulkMail: true,
    });
    const slugs = (stored.groupList as { slug: string }[]).map((g) => g.slug).sort();
    expect(slugs).toEqual(['personal-training', newSlug].sort());

    // "Create another contact" empties the form and puts the cursor in the first field.
    await page.getByRole('button', { name: 'Create another contact' }).click();
    await expect(f.control('email')).toBeFocused();
    await expect(f.control('email')).toHaveValue('');
    await expect(f.tags('groupList')).toHaveCount(0);
  });

  test('a phone written with brackets and no prefix gets the organisation prefix', async ({ page }) => {
    const f = await openForm(page, PAGE, 'contact');
    await f.control('phone').fill('(777) 123 456');
    await expect(f.preview('phone')).toHaveText('Will be saved as +420 777123456');
    // A phone alone is enough (no e-mail): the invitation stays unavailable.
    await expect(f.control('sendRegistrationInvite')).toHaveAttribute('aria-disabled', 'true');
    await f.submit.click();
    await expect(page.getByRole('heading', { level: 2, name: 'Contact created' })).toBeVisible();
    await expect(storedRow(page, 'Phone')).toHaveText('+420 777123456');
    await expect(storedRow(page, 'E-mail')).toHaveText('—');
  });
});

test.describe('validation', () => {
  test('an error shows once the field is left, and goes on the next keystroke that fixes it', async ({
    page,
  }) => {
    const f = await openForm(page, PAGE, 'contact');
    const email = f.control('email');

    await email.click();
    await page.keyboard.type('jana@');
    // Still typing: no error yet.
    await f.expectNoFieldError('email');
    await expect(f.summary).toBeHidden();

    await page.keyboard.press('Tab');
    await expect(f.control('phone')).toBeFocused();
    await f.expectFieldError('email', 'Enter an e-mail address in the correct format');
    // Leaving a field does not open the summary: that is for submitting.
    await expect(f.summary).toBeHidden();

    // Back in the field, one more character makes it valid: the error goes at once.
    await email.press('End');
    await email.press('x');
    await f.expectNoFieldError('email');
    // And breaking it again shows the error right away (the field is armed now).
    await email.press('Backspace');
    await f.expectFieldError('email', 'Enter an e-mail address in the correct format');
  });

  test('clicking submit straight from an invalid field submits at once (the click is not lost)', async ({
    page,
  }) => {
    const f = await openForm(page, PAGE, 'contact');
    const posts = recordRequests(page, 'POST', '/bff/contact/create');
    await f.control('email').fill('jana@example.cz');
    // The last text field above the button, still focused and failing when the button is pressed.
    await f.control('lastName').fill('x'.repeat(130));
    await f.submit.click();
    await expect(f.summary).toBeFocused();
    await expect(f.summary.getByRole('link', { name: /128 characters or fewer/ })).toHaveAttribute(
      'href',
      '#contact-lastName',
    );
    await f.expectFieldError('lastName', 'Enter a name of 128 characters or fewer');
    expect(posts).toHaveLength(0);
  });

  test('an empty submit lists every problem in a focused summary whose links focus the fields', async ({
    page,
  }) => {
    const f = await openForm(page, PAGE, 'contact');
    const posts = recordRequests(page, 'POST', '/bff/contact/create');

    await f.submit.click();
    await expect(f.summary).toBeVisible();
    await expect(f.summary).toBeFocused();
    await expect(f.summary).toHaveAttribute('role', 'alert');
    await expect(f.summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    // The either/or rule is one problem: listed once, linked to the first of its fields, and shown
    // beside both.
    const message = 'Enter an e-mail address or a phone number';
    const links = f.summary.getByRole('link', { name: message });
    await expect(links).toHaveCount(1);
    await expect(links).toHaveAttribute('href', '#contact-email');
    await f.expectFieldError('email', message);
    await f.expectFieldError('phone', message);

    await f.control('phone').focus();
    await links.click();
    await expect(f.control('email')).toBeFocused();

    // Typing a phone satisfies the rule for both fields.
    await f.control('phone').fill('777123456');
    await f.expectNoFieldError('email');
    await f.expectNoFieldError('phone');
    await expect(f.summary).toBeHidden();
    expect(posts, 'nothing was sent while the form was invalid').toHaveLength(0);
  });

  test('each rule of the form: phone too short, IČO checksum, the invitation needs an e-mail', async ({
    page,
  }) => {
    const f = await openForm(page, PAGE, 'contact');

    await f.control('phone').fill('777 12');
    await f.control('phone').blur();
    await f.expectFieldError('phone', 'The phone number is too short');
    await expect(f.preview('phone')).toHaveCount(0);

    await f.control('companyRegistrationNumber').fill('12345678');
    await f.control('companyRegistrationNumber').blur();
    await f.expectFieldError('companyRegistrationNumber', 'This IČO does not exist');
    // An IČO failing its checksum is never sent to ARES.
    await expect(page.locator('#contact-ares')).toBeEmpty();

    await f.control('companyRegistrationNumber').fill('1234567a');
    await f.expectFieldError('companyRegistrationNumber', 'Enter an IČO using digits only');

    // The invitation: unavailable, with its reason, while there is no e-mail.
    const invite = f.control('sendRegistrationInvite');
    const reason = page.locator('#contact-sendRegistrationInvite-reason');
    await expect(invite).toHaveAttribute('aria-disabled', 'true');
    await expect(reason).toHaveText('Enter an e-mail address to send an invitation.');
    await expect(invite).toHaveAttribute('aria-describedby', /contact-sendRegistrationInvite-reason/);
    await invite.click({ force: true });
    await expect(invite).not.toBeChecked();
    await invite.focus();
    await page.keyboard.press('Space');
    await expect(invite).not.toBeChecked();

    await f.control('email').fill('jana@example.cz');
    await expect(invite).not.toHaveAttribute('aria-disabled', /.*/);
    await expect(reason).toHaveCount(0);
    await invite.check();
    await expect(invite).toBeChecked();
    // Clearing the e-mail clears the choice instead of failing later.
    await f.control('email').fill('');
    await expect(invite).toHaveAttribute('aria-disabled', 'true');
    await expect(invite).not.toBeChecked();

    // Submitting shows all of them in the summary.
    await f.submit.click();
    await expect(f.summary).toBeFocused();
    await expect(f.summary.getByRole('link', { name: /phone number is too short/ })).toBeVisible();
    await expect(f.summary.getByRole('link', { name: /digits only/ })).toBeVisible();
  });
});

test.describe('server errors', () => {
  test('an e-mail that is taken (409) is shown under the e-mail field and in the summary', async ({
    page,
    apiAs,
    consoleGuard,
  }) => {
    consoleGuard.allow(resourceStatus(409));
    const id = unique();
    const api = await apiAs('admin');
    await createContact(api, { email: `dup.${id}@example.cz` });

    const f = await openForm(page, PAGE, 'contact');
    // Uniqueness compares the whole address lower-cased.
    await f.control('email').fill(`DUP.${id}@Example.CZ`);
    await f.control('firstName').fill('Second');
    await f.submit.click();

    const message = 'A contact with this e-mail address already exists';
    await f.expectFieldError('email', message);
    await expect(f.summary).toBeFocused();
    await expect(f.summary.getByRole('link', { name: new RegExp(message) })).toHaveAttribute(
      'href',
      '#contact-email',
    );
    await expect(f.control('email')).toHaveValue(`DUP.${id}@Example.CZ`);
    await expect(f.control('firstName')).toHaveValue('Second');

    // Editing the e-mail hides the server's verdict about the old value.
    await f.control('email').fill(`other.${id}@example.cz`);
    await f.expectNoFieldError('email');
    await f.submit.click();
    await expect(page.getByRole('heading', { level: 2, name: 'Contact created' })).toBeVisible();
  });

  test('a 422 the client cannot foresee lands on its field; an unknown field at form level; values kept', async ({
    page,
    consoleGuard,
  }) => {
    consoleGuard.allow(resourceStatus(422));
    const f = await openForm(page, PAGE, 'contact');
    let answered = 0;
    await page.route('**/bff/contact/create', async (route) => {
      answered++;
      await route.fulfill({
        status: 422,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          type: 'about:blank',
          title: 'Validation failed',
          status: 422,
          errors: [
            { field: 'phone', code: 'PHONE_UNKNOWN_PREFIX', message: 'Unknown prefix.' },
            { field: 'faxNumber', code: 'FAX_NOT_ACCEPTED', message: 'Fax numbers are not accepted.' },
          ],
        }),
      });
    });

    const id = unique();
    await f.control('email').fill(`kept.${id}@example.cz`);
    await f.control('phone').fill('+420 777 123 456');
    await f.control('firstName').fill('Karel');
    await f.control('lastName').fill('Novák');
    await f.control('companyRegistrationNumber').fill('27082440');
    await f.control('ignoreBulkMail').check();
    await f.addNewTag('groupList', `Kept ${id}`);
    await f.submit.click();
    // First that the request went at all: this test once failed in CI (and passed on its retry)
    // with no phone error shown, and this tells "never sent" from "answer not shown".
    await expect.poll(() => answered).toBe(1);

    // Phone: the app's own text for the known code, under the field and linked from the summary.
    await f.expectFieldError('phone', 'Enter a valid country calling code');
    await expect(f.summary).toBeFocused();
    await expect(f.summary.getByRole('link', { name: /valid country calling code/ })).toHaveAttribute(
      'href',
      '#contact-phone',
    );
    // The unknown field: the server's message, at form level (no link).
    const formLevel = f.summary.locator('li', { hasText: 'Fax numbers are not accepted.' });
    await expect(formLevel).toBeVisible();
    await expect(formLevel.getByRole('link')).toHaveCount(0);
    await f.expectNoFieldError('email');
    expect(answered).toBe(1);

    // Every typed value is still there.
    await expect(f.control('email')).toHaveValue(`kept.${id}@example.cz`);
    await expect(f.control('phone')).toHaveValue('+420 777 123 456');
    await expect(f.control('firstName')).toHaveValue('Karel');
    await expect(f.control('lastName')).toHaveValue('Novák');
    await expect(f.control('companyRegistrationNumber')).toHaveValue('27082440');
    await expect(f.control('ignoreBulkMail')).toBeChecked();
    await expect(f.tags('groupList')).toHaveCount(1);
    await expect(f.tags('groupList').first()).toContainText(`Kept ${id}`);
  });
});

test.describe('draft', () => {
  test('a reload restores what was typed; "start again" empties it for good', async ({ page }) => {
    const f = await openForm(page, PAGE, 'contact');
    const id = unique();
    await f.control('email').fill(`draft.${id}@example.cz`);
    await f.control('phone').fill('777 123 456');
    await f.control('firstName').fill('Draft');
    await f.control('ignoreBulkMail').check();
    await f.addNewTag('groupList', `Draft ${id}`);

    await page.reload();
    const notice = page.locator('.draft-notice');
    await expect(notice).toContainText('We restored what you had typed');
    await expect(f.control('email')).toHaveValue(`draft.${id}@example.cz`);
    await expect(f.control('phone')).toHaveValue('777 123 456');
    await expect(f.control('firstName')).toHaveValue('Draft');
    await expect(f.control('ignoreBulkMail')).toBeChecked();
    await expect(f.tags('groupList')).toHaveCount(1);

    await notice.getByRole('button', { name: 'Start again with an empty form' }).click();
    await expect(notice).toBeHidden();
    await expect(f.control('email')).toHaveValue('');
    await expect(f.control('firstName')).toHaveValue('');
    await expect(f.tags('groupList')).toHaveCount(0);

    await page.reload();
    await expect(f.control('email')).toBeVisible();
    await expect(f.control('email')).toHaveValue('');
    await expect(notice).toBeHidden();
  });

  test('after a successful create the draft is gone', async ({ page }) => {
    const f = await openForm(page, PAGE, 'contact');
    const id = unique();
    await f.control('email').fill(`saved.${id}@example.cz`);
    await f.control('firstName').fill('Saved');

    await page.reload();
    await expect(page.locator('.draft-notice')).toBeVisible();
    await expect(f.control('email')).toHaveValue(`saved.${id}@example.cz`);

    await f.submit.click();
    await expect(page.getByRole('heading', { level: 2, name: 'Contact created' })).toBeVisible();
    await expect(storedRow(page, 'E-mail')).toHaveText(`saved.${id}@example.cz`);

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'New contact' })).toBeVisible();
    await expect(f.control('email')).toHaveValue('');
    await expect(f.control('firstName')).toHaveValue('');
    await expect(page.locator('.draft-notice')).toBeHidden();
  });
});

test('a burst of clicks and Enter sends exactly one request and creates one contact', async ({ page }) => {
  const f = await openForm(page, PAGE, 'contact');
  const posts = recordRequests(page, 'POST', '/bff/contact/create');
  // A slow server keeps the submission pending while the person keeps clicking.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/bff/contact/create', async (route) => {
    await held;
    await route.continue();
  });

  const id = unique();
  await f.control('email').fill(`burst.${id}@example.cz`);
  await f.submit.scrollIntoViewIfNeeded();
  const box = await f.submit.boundingBox();
  expect(box).not.toBeNull();
  const [x, y] = [box!.x + box!.width / 2, box!.y + box!.height / 2];
  for (let i = 0; i < 5; i++) {
    await page.mouse.click(x, y);
  }
  await expect(f.submit).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(f.submit).toHaveAttribute('aria-disabled', 'true');
  await expect(f.submit).toContainText('Saving…');
  expect(posts).toHaveLength(1);

  release();
  await expect(page.getByRole('heading', { level: 2, name: 'Contact created' })).toBeVisible();
  await expect(storedRow(page, 'E-mail')).toHaveText(`burst.${id}@example.cz`);
  expect(posts, 'one POST /bff/contact/create').toHaveLength(1);
  const answer = await posts[0].response();
  expect(answer?.status()).toBe(201);
});

test('keyboard only: the whole form with Tab, typing, Space and Enter', async ({ page, apiAs }) => {
  // Groups that merely contain "vi" come before VIP in the server's order (as any id with "vi" in
  // it once did in CI): one ArrowDown must still reach VIP, which starts with what was typed.
  const id = unique();
  await createContact(await apiAs('admin'), {
    email: `vi.${id}@example.cz`,
    groupList: [{ slug: `davis-${id}`, name: `Davis ${id}`, color: '#336699' }],
  });
  await page.goto(PAGE);
  await expect(page).toHaveURL(/\/sign-in/);
  // Sign in by keyboard as well.
  await tabTo(page, page.locator('#sign-in-email'));
  await page.keyboard.type(DEMO_USERS.admin.email);
  await tabAndType(page, page.locator('#sign-in-password'), DEMO_USERS.admin.password);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${PAGE}$`));

  const f = contactForm(page);
  await expect(f.control('email')).toBeVisible();
  await tabTo(page, f.control('email'));
  await page.keyboard.type(`keys.${id}@example.cz`);
  await tabAndType(page, f.control('phone'), '777 123 456');
  await tabAndType(page, f.control('firstName'), 'Klára');
  await tabAndType(page, f.control('lastName'), 'Klávesová');
  await tabAndType(page, f.control('companyRegistrationNumber'), '5103118');
  await expect(page.locator('#contact-ares')).toContainText('BizKitHub s.r.o.');
  await page.keyboard.press('Tab');
  await expect(f.control('sendRegistrationInvite')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(f.control('sendRegistrationInvite')).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(f.control('ignoreBulkMail')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(f.control('ignoreBulkMail')).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(f.control('groupList')).toBeFocused();

  // An existing group: type, ArrowDown to it, Enter.
  await page.keyboard.type('VI');
  const vip = f.listbox('groupList').getByRole('option', { name: /VIP/ });
  await expect(vip).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(vip).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  // A new one: type and Enter.
  await page.keyboard.type(`Klíčový ${id}`);
  await page.keyboard.press('Enter');
  await expect(f.tags('groupList')).toHaveCount(2);
  await expect(f.tags('groupList').nth(1).locator('code')).toHaveText(`klicovy-${id}`);
  await expect(f.control('groupList')).toBeFocused();

  // Tab goes on to the submit button; Enter sends.
  await page.keyboard.press('Tab');
  await expect(f.submit).toBeFocused();
  await page.keyboard.press('Enter');
  const done = page.getByRole('heading', { level: 2, name: 'Contact created' });
  await expect(done).toBeFocused();
  await expect(storedRow(page, 'Groups')).toContainText('vip');
  await expect(storedRow(page, 'Groups')).toContainText(`klicovy-${id}`);
  await expect(storedRow(page, 'Company name')).toHaveText('BizKitHub s.r.o.');
});

test.describe('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
  for (const lang of ['cs', 'en'] as const) {
    test(`the sign-in page in ${lang === 'cs' ? 'Czech' : 'English'}, also with errors`, async ({ page }) => {
      await page.goto('/sign-in');
      await expect(page.locator('form[data-form="sign-in"]')).toBeVisible();
      await switchLanguage(page, lang);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(lang === 'cs' ? 'Přihlášení' : 'Sign in');
      await axe(page);
      await page.locator('form[data-form="sign-in"] button[type="submit"]').click();
      await expect(page.locator('.error-summary')).toBeFocused();
      await expect(page.locator('.error-summary')).toContainText(
        lang === 'cs' ? 'Zadejte svůj e-mail' : 'Enter your e-mail address',
      );
      await axe(page);
    });

    test(`the contact form in ${lang === 'cs' ? 'Czech' : 'English'}, also with errors`, async ({ page }) => {
      const f = await openForm(page, PAGE, 'contact');
      await switchLanguage(page, lang);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(lang === 'cs' ? 'Nový kontakt' : 'New contact');
      await axe(page);

      // Errors, previews, the ARES preview, a tag and the open suggestion list.
      await f.control('phone').fill('777 12');
      await f.control('companyRegistrationNumber').fill('5103118');
      await expect(page.locator('#contact-ares')).toContainText('BizKitHub s.r.o.');
      await f.addNewTag('groupList', 'Nová skupina');
      await f.control('groupList').focus();
      await page.keyboard.type('VI');
      await expect(f.listbox('groupList')).toBeVisible();
      await expect(f.control('groupList')).toHaveAttribute('aria-expanded', 'true');
      await axe(page);
      await page.keyboard.press('Escape');
      await expect(f.listbox('groupList')).toBeHidden();
      await expect(f.control('groupList')).toHaveAttribute('aria-expanded', 'false');
      await f.submit.click();
      await expect(f.summary).toBeFocused();
      await expect(f.error('phone')).toContainText(
        lang === 'cs' ? 'Telefonní číslo je příliš krátké' : 'The phone number is too short',
      );
      await axe(page);
    });
  }

  test('the language buttons switch the texts and <html lang> both ways', async ({ page }) => {
    await signIn(page, 'admin');
    await expect(page).toHaveURL(new RegExp(`${PAGE}$`));
    await switchLanguage(page, 'cs');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nový kontakt');
    await expect(page.getByLabel('Telefon', { exact: false }).first()).toBeVisible();
    await switchLanguage(page, 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('New contact');
    // The choice survives a reload.
    await switchLanguage(page, 'cs');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'cs');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nový kontakt');
  });
});
