// Organisation contacts (/organizations/:org/contacts/new): the type first, the fields it makes
// relevant, the purchase order rule of invoice contacts, e-mail checked as typed, the country as a
// searchable select sent as its ISO numeric id, the 201 with Location, the list refreshed after each
// create; admins of this organisation only; keyboard, axe in both languages, a phone.
import type { Page, Request } from '@playwright/test';
import { test, expect, axe, signIn, tabToken } from './support/fixtures';
import {
  KitForm,
  openForm,
  openSignedIn,
  recordRequests,
  resourceStatus,
  storedRow,
  switchLanguage,
  tabTo,
  unique,
} from './support/forms';
import { phoneScreenshot } from './support/profile';

const PAGE = '/organizations/1/contacts/new';
/** `purchase_order_number` as the form kit's ids write it (`form.dom_id`: non-alphanumerics → `-`). */
const PO = 'purchase-order-number';
const API = '/api/v1/organizations/1/contacts';

const TYPES = [
  { id: 1, name: 'Primary', title: true, mobile: true, address: true },
  { id: 2, name: 'Technical', title: true, mobile: true, address: false },
  { id: 3, name: 'Billing', title: false, mobile: false, address: true },
  { id: 4, name: 'Abuse', title: false, mobile: true, address: false },
  { id: 5, name: 'Legal', title: true, mobile: false, address: true },
  { id: 6, name: 'Invoice', title: false, mobile: false, address: true },
] as const;

function contactForm(page: Page): KitForm {
  return new KitForm(page, 'orgcontact');
}

function radio(page: Page, id: number) {
  return page.locator(id === 1 ? '#orgcontact-type-id' : `#orgcontact-type-${id}`);
}

function body(request: Request): Record<string, unknown> {
  return JSON.parse(request.postData() ?? '{}') as Record<string, unknown>;
}

test('the admin navigation leads here, to the session\'s organisation', async ({ page }) => {
  await signIn(page, 'admin');
  const link = page.getByRole('navigation').getByRole('link', { name: 'Organisation contacts' });
  await expect(link).toHaveAttribute('href', PAGE);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${PAGE}$`));
  await expect(link).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 1, name: 'Organisation contacts' })).toBeVisible();
});

test('the type comes first: required, fixed once created, and nothing else until it is chosen', async ({ page }) => {
  const f = await openForm(page, PAGE, 'orgcontact');
  const posts = recordRequests(page, 'POST', API);
  const group = page.getByRole('group', { name: 'Contact type' });
  await expect(group).toBeVisible();
  await expect(group).toHaveAttribute('aria-describedby', /orgcontact-type-hint/);
  await expect(page.locator('#orgcontact-type-hint')).toHaveText(
    'Required. The type cannot be changed once the contact is created; for another type, create another contact.',
  );
  await expect(group.getByRole('radio')).toHaveCount(6);
  for (const t of TYPES) {
    await expect(radio(page, t.id)).toHaveAttribute('aria-describedby', /-hint$/);
  }
  await expect(f.control('name')).toHaveCount(0);
  await expect(f.control('email')).toHaveCount(0);
  await expect(page.getByText('Choose a type first: the fields it needs will appear.')).toBeVisible();

  await f.submit.click();
  await expect(f.summary).toBeFocused();
  // The summary names the field, so a list of several empty fields still says which is which.
  const link = f.summary.getByRole('link', { name: 'Fill in “Contact type”' });
  await expect(link).toHaveAttribute('href', '#orgcontact-type-id');
  await expect(page.locator('#orgcontact-type-error')).toContainText('Fill in “Contact type”');
  await expect(group).toHaveAttribute('aria-describedby', 'orgcontact-type-hint orgcontact-type-error');
  await link.click();
  await expect(radio(page, 1)).toBeFocused();
  expect(posts).toHaveLength(0);
});

for (const t of TYPES) {
  test(`type ${t.id} (${t.name}): its fields, 201 with Location, the contact shown and listed`, async ({
    page,
    apiAs,
  }) => {
    const f = await openForm(page, PAGE, 'orgcontact');
    const posts = recordRequests(page, 'POST', API);
    await radio(page, t.id).check();
    await expect(f.control('name')).toBeVisible();
    await expect(f.control('email')).toBeVisible();
    await expect(f.control('phone')).toBeVisible();
    await expect(f.control('department')).toBeVisible();
    await expect(f.control('title')).toHaveCount(t.title ? 1 : 0);
    await expect(f.control('mobile')).toHaveCount(t.mobile ? 1 : 0);
    await expect(f.control('street')).toHaveCount(t.address ? 1 : 0);
    await expect(page.locator('#orgcontact-country-id')).toHaveCount(t.address ? 1 : 0);
    await expect(f.control(PO)).toHaveCount(t.id === 6 ? 1 : 0);

    const id = unique();
    const name = `${t.name} Person ${id}`;
    await f.control('name').fill(name);
    await f.control('email').fill(`${t.name.toLowerCase()}.${id}@Firma.CZ`);
    await expect(f.preview('email')).toContainText(`${t.name.toLowerCase()}.${id}@firma.cz`);
    await f.control('phone').fill('777 123 456');
    if (t.title) await f.control('title').fill('Ing.');
    if (t.mobile) await f.control('mobile').fill('00421 905 123 456');
    if (t.address) {
      await f.control('street').fill('Dlouhá 12');
      await f.control('zipcode').fill('11000');
      await f.control('city').fill('Praha');
    }
    if (t.id === 6) await f.control(PO).fill(`PO-${id}`);
    await f.submit.click();

    const done = page.getByRole('heading', { level: 2, name: 'Contact created' });
    await expect(done).toBeFocused();
    expect(posts).toHaveLength(1);
    const sent = body(posts[0]);
    expect(sent.type).toEqual({ id: t.id });
    expect('id' in sent || 'organisation_id' in sent).toBe(false);
    const answer = await posts[0].response();
    expect(answer?.status()).toBe(201);
    const location = answer?.headers()['location'] ?? '';
    expect(location).toMatch(/^\/api\/v1\/organizations\/1\/contacts\/\d+$/);

    await expect(storedRow(page, 'Contact type')).toHaveText(t.name);
    await expect(storedRow(page, 'Full name')).toHaveText(name);
    await expect(storedRow(page, 'E-mail')).toHaveText(`${t.name.toLowerCase()}.${id}@firma.cz`);
    await expect(storedRow(page, 'Phone')).toHaveText('+420 777123456');
    await expect(storedRow(page, 'Address of the record')).toHaveText(location);
    if (t.mobile) await expect(storedRow(page, 'Mobile phone')).toHaveText('+421 905123456');
    if (t.address) await expect(storedRow(page, 'Postal code')).toHaveText('110 00');
    await expect(storedRow(page, 'Purchase order number')).toHaveText(t.id === 6 ? `PO-${id}` : '—');

    // The list below was refreshed with the new contact, and it is there on the server.
    const contactId = location.split('/').pop() ?? '';
    const row = page.locator(`table.contacts tr[data-contact-id="${contactId}"]`);
    await expect(row).toContainText(name);
    await expect(row).toContainText(t.name);
    const admin = await apiAs('admin');
    const one = await admin.get(location);
    expect(one.status()).toBe(200);
    expect(await one.json()).toMatchObject({ name, type: { id: t.id }, contact_id: contactId });

    // "Create another" starts afresh, focused on the type.
    await page.getByRole('button', { name: 'Create another contact' }).click();
    await expect(radio(page, 1)).toBeFocused();
    await expect(radio(page, t.id)).not.toBeChecked();
  });
}

test('the purchase order number: invoice only, a 50-character counter, the limit, and never sent from a hidden field', async ({
  page,
}) => {
  const f = await openForm(page, PAGE, 'orgcontact');
  const posts = recordRequests(page, 'POST', API);
  await radio(page, 6).check();
  const po = f.control(PO);
  await expect(po).toBeVisible();
  await expect(page.locator(`#orgcontact-${PO}-hint`)).toContainText('At most 50 characters.');

  await po.fill('A'.repeat(40));
  await expect(f.counter(PO)).toHaveText('40 / 50');
  await po.fill('B'.repeat(51));
  await expect(f.counter(PO)).toHaveText('51 / 50');
  await po.blur();
  await f.expectFieldError(PO, 'Enter a purchase order number of 50 characters or fewer');
  await po.fill('C'.repeat(50));
  await f.expectNoFieldError(PO);

  // Another type hides the field; what it held is not sent (the server would refuse it).
  await radio(page, 3).check();
  await expect(po).toHaveCount(0);
  await f.control('name').fill(`Billing ${unique()}`);
  await f.submit.click();
  await expect(page.getByRole('heading', { level: 2, name: 'Contact created' })).toBeFocused();
  expect(posts).toHaveLength(1);
  expect(body(posts[0])).not.toHaveProperty('purchase_order_number');
  await expect(storedRow(page, 'Purchase order number')).toHaveText('—');
});

test('the server\'s own purchase order rule: a number on a billing contact is refused on its field', async ({
  page,
  consoleGuard,
}) => {
  consoleGuard.allow(resourceStatus(422));
  const f = await openForm(page, PAGE, 'orgcontact');
  await page.route(`**${API}`, async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    const sent = JSON.parse(route.request().postData() ?? '{}') as Record<string, unknown>;
    await route.continue({ postData: JSON.stringify({ ...sent, purchase_order_number: 'PO-1' }) });
  });
  await radio(page, 3).check();
  await f.control('name').fill('Billing person');
  await f.submit.click();
  await expect(f.summary).toBeFocused();
  await expect(f.summary).toContainText(
    'A purchase order number can only be set on an invoice contact: change the type or clear this field',
  );
  await expect(f.control('name')).toHaveValue('Billing person');
});

test('the e-mail is checked as it is typed, without leaving the field', async ({ page }) => {
  const f = await openForm(page, PAGE, 'orgcontact');
  await radio(page, 1).check();
  const email = f.control('email');
  await email.pressSequentially('jana@');
  await expect(email).toBeFocused();
  await f.expectFieldError('email', 'Enter an e-mail address in the correct format, like name@example.com');
  await email.pressSequentially('firma.cz');
  await f.expectNoFieldError('email');
  await expect(f.preview('email')).toHaveCount(0);
  await expect(email).toBeFocused();
});

test('the country: a searchable select sent as its ISO numeric id; the postal code follows it', async ({ page }) => {
  const f = await openForm(page, PAGE, 'orgcontact');
  const posts = recordRequests(page, 'POST', API);
  await radio(page, 1).check();
  const country = page.locator('#orgcontact-country-id');
  await expect(page.locator('label[for="orgcontact-country-id"]')).toHaveText(/Country/);
  await country.pressSequentially('sloven');
  const options = page.locator('#orgcontact-country-id-listbox').getByRole('option');
  // Slovenia starts with what was typed; Slovakia matches by its Czech name, Slovensko.
  await expect(options).toHaveText([/^Slovenia\s*SI$/, /^Slovakia\s*SK$/]);
  await country.press('ArrowDown');
  await expect(country).toHaveAttribute('aria-activedescendant', 'orgcontact-country-id-listbox-1');
  await country.press('Enter');
  await expect(country).toHaveValue('Slovakia');
  await f.control('zipcode').fill('81101');
  await expect(f.preview('zipcode')).toContainText('811 01');
  await choose(page, 'orgcontact-country-id', 'germany', 'Germany');
  await f.control('zipcode').fill('10115 ');
  await expect(f.preview('zipcode')).toHaveCount(0);
  await f.control('name').fill(`Abroad ${unique()}`);
  await f.submit.click();
  await expect(page.getByRole('heading', { level: 2, name: 'Contact created' })).toBeFocused();
  expect(body(posts[0]).country).toEqual({ id: 276 });
  await expect(storedRow(page, 'Country')).toHaveText('Germany');
});

async function choose(page: Page, id: string, typed: string, option: string) {
  const input = page.locator(`#${id}`);
  await input.fill('');
  await input.pressSequentially(typed);
  await expect(page.locator(`#${id}-listbox`).getByRole('option').first()).toContainText(option);
  await input.press('Enter');
  await expect(input).toHaveValue(option);
}

test('another organisation\'s page: the app says so, the server refuses', async ({ page, consoleGuard }) => {
  consoleGuard.allow(resourceStatus(403));
  await openSignedIn(page, '/organizations/2/contacts/new');
  await expect(page.getByRole('alert')).toContainText('This is another organisation\'s page.');
  await expect(page.locator('form[data-form="orgcontact"]')).toHaveCount(0);
  const token = await tabToken(page);
  const refused = await page.request.post('/api/v1/organizations/2/contacts', {
    headers: { Authorization: `Bearer ${token}` },
    data: { type: { id: 1 }, name: 'Sneaky' },
  });
  expect(refused.status()).toBe(403);
  await page.getByRole('link', { name: 'Go to your organisation\'s contacts' }).click();
  await expect(page).toHaveURL(new RegExp(`${PAGE}$`));
  await expect(page.getByRole('group', { name: 'Contact type' })).toBeVisible();
});

test('a customer sees no link here and is told the page is for administrators; the server refuses too', async ({
  page,
  consoleGuard,
}) => {
  consoleGuard.allow(resourceStatus(403));
  await signIn(page, 'customer');
  await expect(page.getByRole('link', { name: 'Organisation contacts' })).toHaveCount(0);
  await page.goto(PAGE);
  await expect(page.getByRole('heading', { level: 1, name: 'This page is for administrators' })).toBeVisible();
  const token = await tabToken(page);
  const refused = await page.request.post(API, {
    headers: { Authorization: `Bearer ${token}` },
    data: { type: { id: 1 }, name: 'Sneaky' },
  });
  expect(refused.status()).toBe(403);
});

test('keyboard only: arrows through the types, type the fields, choose a country, Enter creates', async ({ page }) => {
  const f = await openForm(page, PAGE, 'orgcontact');
  await tabTo(page, radio(page, 1), { max: 30 });
  await page.keyboard.press('Space');
  await expect(radio(page, 1)).toBeChecked();
  await page.keyboard.press('ArrowDown');
  await expect(radio(page, 2)).toBeChecked();
  await expect(radio(page, 2)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(radio(page, 3)).toBeChecked();
  await tabTo(page, f.control('name'));
  await page.keyboard.type(`Keyboard ${unique()}`);
  await tabTo(page, page.locator('#orgcontact-country-id'));
  await page.keyboard.type('cesk');
  await page.keyboard.press('Enter');
  await expect(page.locator('#orgcontact-country-id')).toHaveValue('Czechia');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Contact created' })).toBeFocused();
  await expect(storedRow(page, 'Contact type')).toHaveText('Billing');
  await expect(storedRow(page, 'Country')).toHaveText('Czechia');
});

for (const lang of ['cs', 'en'] as const) {
  test(`axe: the page in ${lang === 'cs' ? 'Czech' : 'English'}, with errors, the list and a created contact`, async ({
    page,
  }) => {
    await openSignedIn(page, PAGE);
    await switchLanguage(page, lang);
    const f = contactForm(page);
    await f.submit.click();
    await expect(f.summary).toBeFocused();
    await axe(page);
    await radio(page, 6).check();
    await f.control('email').fill('not-an-email');
    await f.control(PO).fill('X'.repeat(51));
    await f.submit.click();
    await expect(f.summary).toBeFocused();
    await axe(page);
    await f.control('email').fill(`axe.${unique()}@firma.cz`);
    await f.control(PO).fill('PO-7');
    await f.submit.click();
    await expect(page.locator('.success h2')).toBeFocused();
    await expect(page.locator('table.contacts')).toBeVisible();
    await axe(page);
    if (lang === 'cs') {
      await expect(page.locator('.success h2')).toHaveText('Kontakt je vytvořený');
      await expect(storedRow(page, 'Typ kontaktu')).toHaveText('Fakturační');
    }
  });
}

test('a phone-sized screen (390×844): the types, the fields and the list fit', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openSignedIn(page, PAGE);
  await radio(page, 6).check();
  await expect(contactForm(page).control(PO)).toBeVisible();
  await phoneScreenshot(page, testInfo, 'org-contacts-390');
});
