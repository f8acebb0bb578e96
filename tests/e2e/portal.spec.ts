// "Your profile" (/portal/profile): a signed-in customer edits 18 of the 19 fields of update-profile
// (the IP address is the server's to record), grouped in fieldsets, starting from what the server
// stores. Every field with its normal form and
// the stored result, unsaved changes, the rules, the ARES offer with and without conflicts, the
// limits of a customer's token, a backend without the profile call, keyboard use, axe, a phone.
import { test, expect, axe, tabToken } from './support/fixtures';
import {
  KitForm,
  openForm,
  openSignedIn,
  recordRequests,
  resourceStatus,
  routeProblem,
  switchLanguage,
  tabTo,
} from './support/forms';
import {
  DEMO_PROFILE,
  aresLookups,
  phoneScreenshot,
  setProfile,
  storedProfile,
  withDemoProfile,
} from './support/profile';

const PAGE = '/portal/profile';

/** The company and address fields all empty: everything an ARES look-up could fill in. */
const NO_COMPANY = {
  companyRegistrationNumber: '',
  companyName: '',
  taxIdentificationNumber: '',
  streetAddress: '',
  cityPart: '',
  city: '',
  stateRegion: '',
  postalCode: '',
  country: '',
};

function profileForm(page: import('@playwright/test').Page): KitForm {
  return new KitForm(page, 'profile');
}

/** Chooses an option of a searchable select by typing and pressing Enter. */
async function choose(page: import('@playwright/test').Page, id: string, typed: string, option: string) {
  const input = page.locator(`#${id}`);
  await input.fill('');
  await input.pressSequentially(typed);
  const listbox = page.locator(`#${id}-listbox`);
  await expect(listbox.getByRole('option', { name: new RegExp(`^${option}`) }).first()).toBeVisible();
  await expect(input).toHaveAttribute('aria-activedescendant', `${id}-listbox-0`);
  await input.press('Enter');
  await expect(input).toHaveValue(option);
  await expect(listbox).toBeHidden();
}

test('a customer sees their profile in four groups, their own e-mail read-only, no admin navigation', async ({
  page,
}) => {
  await openSignedIn(page, PAGE, 'customer');
  await expect(page.getByRole('heading', { level: 1, name: 'Your profile' })).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  const f = profileForm(page);
  for (const legend of ['Contact details', 'Company', 'Address', 'Preferences']) {
    await expect(f.form.getByRole('group', { name: legend, exact: true })).toBeVisible();
  }
  await expect(f.control('email')).toHaveValue(DEMO_PROFILE.email);
  await expect(f.control('email')).toHaveAttribute('readonly', '');
  await expect(f.control('email')).toHaveAttribute('aria-describedby', /profile-email-hint/);
  // Filled from the server: the stored values are the starting point, so nothing is "unsaved".
  await expect(f.control('lastName')).not.toHaveValue('');
  await expect(page.locator('.unsaved')).toBeEmpty();
  // Every control has a label.
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll('form[data-form="profile"] input, form[data-form="profile"] textarea')]
      .filter((el) => !(el as HTMLInputElement).labels?.length)
      .map((el) => el.id),
  );
  expect(unlabelled).toEqual([]);
});

test('every field: the previews show the normal forms, the save says what changed, the API has every value', async ({
  page,
  apiAs,
}) => {
  test.setTimeout(120_000);
  await withDemoProfile(apiAs, async (customer) => {
    await setProfile(customer);
    const f = await openForm(page, PAGE, 'profile', 'customer');
    const posts = recordRequests(page, 'POST', '/api/v1/customer/update-profile');

    await f.control('firstName').fill('Jana   Marie');
    await expect(f.preview('firstName')).toHaveText('Will be saved as Jana Marie');
    await f.control('lastName').fill('Nováková');
    await f.control('name').fill('Ing.  Jana   Nováková');
    await expect(f.preview('name')).toContainText('Ing. Jana Nováková');
    await f.control('phone').fill('(608) 123-456');
    await expect(f.preview('phone')).toContainText('+420 608123456');
    await f.control('companyRegistrationNumber').fill('27082440');
    await f.control('companyName').fill('Zahrada & spol. s.r.o.');
    await f.control('taxIdentificationNumber').fill('cz 270 82 440');
    await expect(f.preview('taxIdentificationNumber')).toContainText('CZ27082440');
    await f.control('streetAddress').fill('Jankovcova 1522/53');
    await f.control('cityPart').fill('Holešovice');
    await f.control('city').fill('Bratislava');
    await f.control('postalCode').fill('81101');
    await expect(f.preview('postalCode')).toContainText('811 01');
    await f.control('stateRegion').fill('Bratislavský kraj');
    await choose(page, 'profile-country', 'slovak', 'Slovakia');
    await choose(page, 'profile-primaryLocale', 'germ', 'German');
    await f.control('newsletter').check();
    await f.addNewTag('groups', 'Garden Club');
    await f.control('referralId').fill('AbCdEfGh12345678');
    // ARES knows this IČO as another company: it is offered, and nothing typed changes unless the
    // customer agrees.
    await expect(page.locator('#profile-ares')).toContainText('Alza.cz a.s.');
    await expect(f.control('companyName')).toHaveValue('Zahrada & spol. s.r.o.');
    await expect(f.control('city')).toHaveValue('Bratislava');
    await expect(page.locator('.unsaved')).toHaveText('You have unsaved changes.');

    await f.submit.click();
    const notice = page.locator('.saved-notice');
    await expect(notice).toBeFocused();
    await expect(notice).toContainText('Your profile is saved.');
    await expect(notice).toContainText('Changed: Full name, First name, Last name, Phone, Company ID (IČO)');
    await expect(page.locator('.saved-region')).toHaveAttribute('role', 'status');
    expect(posts).toHaveLength(1);
    expect(posts[0].headers()['idempotency-key']).toBeTruthy();

    // The form now holds what the server stored, and nothing counts as unsaved.
    await expect(f.control('phone')).toHaveValue('+420 608123456');
    await expect(f.control('taxIdentificationNumber')).toHaveValue('CZ27082440');
    await expect(f.control('postalCode')).toHaveValue('811 01');
    await expect(page.locator('.unsaved')).toBeEmpty();
    await expect(page.locator('.joined-groups')).toContainText('garden-club');

    const stored = await storedProfile(customer);
    expect(stored).toMatchObject({
      email: DEMO_PROFILE.email,
      name: 'Ing. Jana Nováková',
      firstName: 'Jana Marie',
      lastName: 'Nováková',
      phone: '+420 608123456',
      companyName: 'Zahrada & spol. s.r.o.',
      companyRegistrationNumber: '27082440',
      taxIdentificationNumber: 'CZ27082440',
      streetAddress: 'Jankovcova 1522/53',
      cityPart: 'Holešovice',
      city: 'Bratislava',
      postalCode: '811 01',
      stateRegion: 'Bratislavský kraj',
      country: 'SK',
      newsletter: true,
      primaryLocale: 'de',
      referralId: 'AbCdEfGh12345678',
    });
    expect(stored.groups).toEqual(expect.arrayContaining(['vip', 'garden-club']));

    // A reload starts from the stored values.
    await page.reload();
    await expect(f.control('country')).toHaveValue('Slovakia');
    await expect(f.control('primaryLocale')).toHaveValue('German');
    await expect(f.control('newsletter')).toBeChecked();
    await setProfile(customer);
  });
});

test('only changed fields count as unsaved; a save with no change sends nothing and says so', async ({ page }) => {
  const f = await openForm(page, PAGE, 'profile', 'customer');
  const posts = recordRequests(page, 'POST', '/api/v1/customer/update-profile');
  const unsaved = page.locator('.unsaved');
  const city = await f.control('city').inputValue();

  await f.control('city').fill(`${city} X`);
  await expect(unsaved).toHaveText('You have unsaved changes.');
  await expect(unsaved).toHaveAttribute('aria-live', 'polite');
  await f.control('city').fill(city);
  await expect(unsaved).toBeEmpty();

  await f.submit.click();
  await expect(page.locator('.saved-region')).toHaveText(
    'Nothing to save: you have not changed anything since the last save.',
  );
  await expect(f.summary).toBeHidden();
  expect(posts).toHaveLength(0);
});

test('the rules: DIČ, postal code, phone, referral ID and country, checked as typed and listed on submit', async ({
  page,
}) => {
  const f = await openForm(page, PAGE, 'profile', 'customer');
  const posts = recordRequests(page, 'POST', '/api/v1/customer/update-profile');

  // Checked while typing: a pause is enough, the field need not be left.
  await f.control('taxIdentificationNumber').fill('CZ123');
  await expect(f.control('taxIdentificationNumber')).toBeFocused();
  await f.expectFieldError('taxIdentificationNumber', 'Enter the DIČ as CZ and 8, 9 or 10 digits, like CZ05103118');
  await f.control('taxIdentificationNumber').fill('CZ27082440');
  await f.expectNoFieldError('taxIdentificationNumber');
  await f.control('taxIdentificationNumber').fill('CZ27082441');
  await f.expectFieldError('taxIdentificationNumber', 'This DIČ does not exist');

  await f.control('postalCode').fill('1234');
  await f.control('phone').fill('12');
  await f.control('referralId').fill('short');
  const country = page.locator('#profile-country');
  await country.fill('Atlantis');
  await country.press('Tab');
  await expect(country).toHaveValue('Atlantis');

  await f.submit.click();
  await expect(f.summary).toBeFocused();
  const expected: [string, string][] = [
    ['phone', 'The phone number is too short'],
    ['taxIdentificationNumber', 'This DIČ does not exist'],
    ['postalCode', 'Enter a postcode of 5 digits, like 272 01'],
    ['country', 'Select a country from the list'],
    ['referralId', 'Enter a customer reference number of exactly 16 characters'],
  ];
  const links = f.summary.getByRole('link');
  await expect(links).toHaveCount(expected.length);
  for (const [i, [name, message]] of expected.entries()) {
    await expect(links.nth(i)).toContainText(message);
    await expect(links.nth(i)).toHaveAttribute('href', `#profile-${name}`);
    await f.expectFieldError(name, message);
  }
  await links.nth(3).click();
  await expect(country).toBeFocused();
  await links.nth(4).click();
  await expect(f.control('referralId')).toBeFocused();
  expect(posts, 'nothing is sent while the form is invalid').toHaveLength(0);
});

test.describe('ARES', () => {
  test('no conflicts: the empty company fields are filled at the customer\'s word, then saved', async ({
    page,
    apiAs,
  }) => {
    test.setTimeout(120_000);
    await withDemoProfile(apiAs, async (customer) => {
      await setProfile(customer, NO_COMPANY);
      const asked = aresLookups(page);
      const f = await openForm(page, PAGE, 'profile', 'customer');
      const offer = page.locator('#profile-ares');
      // Nothing is looked up until there is a valid IČO.
      await f.control('companyRegistrationNumber').fill('2708244');
      await page.waitForTimeout(600);
      expect(asked).toEqual([]);
      await f.control('companyRegistrationNumber').fill('27082440');
      await expect(offer).toContainText('Alza.cz a.s.');
      await expect(offer).toContainText(
        'Would fill in the empty fields: Company name, VAT ID (DIČ), Street and number, Part of the city, City, Postal code, Region, Country.',
      );
      await expect(offer).not.toContainText('Would replace');
      await expect(offer.getByRole('button', { name: 'Fill in only the empty fields' })).toHaveCount(0);
      expect(asked).toEqual(['27082440']);

      await offer.getByRole('button', { name: 'Use the company details from ARES' }).click();
      await expect(offer.locator('.ares-done')).toBeFocused();
      await expect(offer.locator('.ares-done')).toContainText('Filled in from ARES: Company name, VAT ID (DIČ)');
      await expect(offer).toContainText('Your company details match ARES.');
      await expect(f.control('companyName')).toHaveValue('Alza.cz a.s.');
      await expect(f.control('taxIdentificationNumber')).toHaveValue('CZ27082440');
      await expect(f.control('streetAddress')).toHaveValue('Jankovcova 1522/53');
      await expect(f.control('postalCode')).toHaveValue('170 00');
      await expect(f.control('country')).toHaveValue('Czechia');
      await expect(page.locator('.unsaved')).toHaveText('You have unsaved changes.');

      await f.submit.click();
      await expect(page.locator('.saved-notice')).toBeFocused();
      expect(await storedProfile(customer)).toMatchObject({
        companyRegistrationNumber: '27082440',
        companyName: 'Alza.cz a.s.',
        taxIdentificationNumber: 'CZ27082440',
        streetAddress: 'Jankovcova 1522/53',
        cityPart: 'Holešovice',
        city: 'Praha',
        stateRegion: 'Hlavní město Praha',
        postalCode: '170 00',
        country: 'CZ',
      });
      await setProfile(customer);
    });
  });

  test('conflicts: what would be replaced is listed old → new; "only empty fields" keeps the customer\'s', async ({
    page,
    apiAs,
  }) => {
    test.setTimeout(120_000);
    await withDemoProfile(apiAs, async (customer) => {
      await setProfile(customer, {
        ...NO_COMPANY,
        streetAddress: 'Kounicova 10',
        city: 'Brno',
        postalCode: '602 00',
        country: 'CZ',
      });
      const f = await openForm(page, PAGE, 'profile', 'customer');
      const offer = page.locator('#profile-ares');
      await f.control('companyRegistrationNumber').fill('27082440');
      await expect(offer).toContainText('Would fill in the empty fields: Company name, VAT ID (DIČ), Part of the city, Region.');
      await expect(offer).toContainText('Would replace what you have entered:');
      const changes = offer.locator('.ares-changes li');
      await expect(changes).toHaveText([
        'Street and number: Kounicova 10 → Jankovcova 1522/53',
        'City: Brno → Praha',
        'Postal code: 602 00 → 170 00',
      ]);

      await offer.getByRole('button', { name: 'Fill in only the empty fields' }).click();
      await expect(f.control('companyName')).toHaveValue('Alza.cz a.s.');
      await expect(f.control('stateRegion')).toHaveValue('Hlavní město Praha');
      await expect(f.control('city')).toHaveValue('Brno');
      await expect(f.control('streetAddress')).toHaveValue('Kounicova 10');
      await expect(offer.locator('.ares-done')).toBeFocused();
      // The differing fields are still offered, now on their own.
      await expect(changes).toHaveCount(3);
      await expect(offer).not.toContainText('Would fill in');

      await offer.getByRole('button', { name: 'Use the company details from ARES' }).click();
      await expect(f.control('city')).toHaveValue('Praha');
      await expect(f.control('streetAddress')).toHaveValue('Jankovcova 1522/53');
      await expect(f.control('postalCode')).toHaveValue('170 00');
      await expect(offer).toContainText('Your company details match ARES.');
      await f.submit.click();
      await expect(page.locator('.saved-notice')).toBeFocused();
      expect(await storedProfile(customer)).toMatchObject({ city: 'Praha', companyName: 'Alza.cz a.s.' });
      await setProfile(customer);
    });
  });

  test('an IČO ARES does not know says so; a changed IČO is looked up again', async ({
    page,
    consoleGuard,
  }) => {
    // ARES's "no such company" is a 404 on purpose; Chromium logs that fetch.
    consoleGuard.allow(resourceStatus(404));
    const asked = aresLookups(page);
    const f = await openForm(page, PAGE, 'profile', 'customer');
    const offer = page.locator('#profile-ares');
    // A valid checksum, but not a company the register knows.
    await f.control('companyRegistrationNumber').fill('00000019');
    await expect(offer).toContainText('ARES has no company with this IČO');
    await f.control('companyRegistrationNumber').fill('45274649');
    await expect(offer).toContainText('ČEZ, a. s.');
    // Both typed IČOs, with the customer's own token (this test does not hold the profile lock,
    // so the stored one may have been looked up first).
    expect(asked.slice(-2)).toEqual(['00000019', '45274649']);
    expect(asked.filter((a) => a.startsWith('admin-only'))).toEqual([]);
  });
});

test('a customer cannot reach an admin page or another customer\'s profile: the server refuses, the app says why', async ({
  page,
  consoleGuard,
}) => {
  consoleGuard.allow(resourceStatus(403));
  await openSignedIn(page, PAGE, 'customer');
  const token = await tabToken(page);

  await page.goto('/organizations/1/contacts/new');
  await expect(page.getByRole('heading', { level: 1, name: 'This page is for administrators' })).toBeVisible();
  await expect(page.locator('form[data-form="orgcontact"]')).toHaveCount(0);
  const list = await page.request.get('/api/v1/organizations/1/contacts', {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(list.status()).toBe(403);
  const other = await page.request.post('/api/v1/customer/update-profile', {
    headers: { Authorization: `Bearer ${token}` },
    data: { ...DEMO_PROFILE, email: 'admin@demo.test' },
  });
  expect(other.status()).toBe(403);

  // Even a tampered request from the page (another customer's e-mail) is refused, and the form
  // says so while keeping what was typed.
  await page.getByRole('link', { name: 'Go to your profile' }).click();
  await expect(page).toHaveURL(/\/portal\/profile$/);
  await page.route('**/api/v1/customer/update-profile', async (route) => {
    const body = JSON.parse(route.request().postData() ?? '{}') as Record<string, unknown>;
    await route.continue({ postData: JSON.stringify({ ...body, email: 'someone.else@example.cz' }) });
  });
  const f = profileForm(page);
  await f.control('cityPart').fill('Tampered');
  await f.submit.click();
  await expect(f.summary).toBeFocused();
  await expect(f.summary).toContainText('Your account is not allowed to do this.');
  await expect(f.control('cityPart')).toHaveValue('Tampered');
  await expect(f.control('email')).toHaveValue(DEMO_PROFILE.email);
});

test('a backend without the profile call: an empty form with the customer\'s e-mail, nothing broken', async ({
  page,
  consoleGuard,
}) => {
  consoleGuard.allow(resourceStatus(404));
  await routeProblem(page, '**/api/v1/customer/profile', { status: 404, title: 'Not Found' });
  const f = await openForm(page, PAGE, 'profile', 'customer');
  await expect(f.control('email')).toHaveValue(DEMO_PROFILE.email);
  await expect(f.control('city')).toHaveValue('');
  await expect(f.control('country')).toHaveValue('');
  await expect(page.locator('.unsaved')).toBeEmpty();
  await expect(page.locator('#crash-banner')).toBeHidden();
});

test('keyboard only: the country list with arrows, Enter, Escape and Tab', async ({ page }) => {
  await openSignedIn(page, PAGE, 'customer');
  const country = page.locator('#profile-country');
  const listbox = page.locator('#profile-country-listbox');
  await tabTo(page, country, { max: 60 });
  await expect(country).toHaveAttribute('role', 'combobox');
  await expect(country).toHaveAttribute('aria-expanded', 'false');

  // ↓ opens the list on the chosen country; ↓ again moves on.
  await page.keyboard.press('ArrowDown');
  await expect(listbox).toBeVisible();
  await expect(country).toHaveAttribute('aria-expanded', 'true');
  const first = await country.getAttribute('aria-activedescendant');
  await expect(page.locator(`#${first}`)).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator(`#${first}`)).toContainText('Czechia');
  await page.keyboard.press('Escape');
  await expect(listbox).toBeHidden();

  // Typing filters (Czech or English names, no accents needed); Enter takes the highlighted one.
  await page.keyboard.press('Control+a');
  await page.keyboard.type('nemec');
  await expect(listbox.getByRole('option')).toHaveText([/^Germany/]);
  await expect(page.locator('#profile-country-status')).toHaveText('1 match. Press Enter to choose it.');
  await page.keyboard.press('Enter');
  await expect(country).toHaveValue('Germany');

  // Escape twice puts back the chosen one after typing something else.
  await page.keyboard.press('Control+a');
  await page.keyboard.type('fra');
  await expect(listbox).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(listbox).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(country).toHaveValue('Germany');

  // Tab takes the highlighted match and moves on.
  await page.keyboard.press('Control+a');
  await page.keyboard.type('aust');
  await expect(listbox.getByRole('option').first()).toContainText('Australia');
  await page.keyboard.press('ArrowDown');
  await expect(country).toHaveAttribute('aria-activedescendant', 'profile-country-listbox-1');
  await page.keyboard.press('Tab');
  await expect(country).toHaveValue('Austria');
  await expect(page.locator('#profile-primaryLocale')).toBeFocused();
  await expect(page.locator('.unsaved')).toHaveText('You have unsaved changes.');
});

for (const lang of ['cs', 'en'] as const) {
  test(`axe: the profile form in ${lang === 'cs' ? 'Czech' : 'English'}, with errors, the open list and the ARES offer`, async ({
    page,
  }) => {
    await openSignedIn(page, PAGE, 'customer');
    await switchLanguage(page, lang);
    const f = profileForm(page);
    await f.control('companyRegistrationNumber').fill('27082440');
    await expect(page.locator('#profile-ares .ares-use')).toBeVisible();
    await f.control('postalCode').fill('12');
    await f.submit.click();
    await expect(f.summary).toBeFocused();
    await page.locator('#profile-country').fill('a');
    await expect(page.locator('#profile-country-listbox')).toBeVisible();
    await axe(page);
    if (lang === 'cs') {
      await expect(page.getByRole('heading', { level: 1, name: 'Váš profil' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Použít údaje o firmě z ARES' })).toBeVisible();
    }
  });
}

test('a phone-sized screen (390×844): one column, nothing wider than the screen', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openSignedIn(page, PAGE, 'customer');
  await expect(profileForm(page).control('city')).not.toHaveValue('');
  await phoneScreenshot(page, testInfo, 'portal-profile-390');
});

// The IP address is not the customer's to type (issue 27): the form has no such field in either
// language, sends none, and the server records the address the save came from.
test.describe('the IP address', () => {
  for (const lang of ['cs', 'en'] as const) {
    test(`the profile asks for no IP address (${lang})`, async ({ page }) => {
      await openSignedIn(page, PAGE, 'customer');
      await switchLanguage(page, lang);
      const f = profileForm(page);
      await expect(f.control('lastName')).toBeVisible();
      await expect(f.control('referralId')).toBeVisible();
      await expect(f.control('customerRealIp')).toHaveCount(0);
      await expect(f.form.locator('[name="customerRealIp"], [id*="customerRealIp"]')).toHaveCount(0);
      await expect(f.form).not.toContainText(/\bIP\b/);
    });
  }

  // Passes once the server records the caller's address for a body without one (issue 27, the
  // server's part): before that the save stores no address at all.
  test('a save sends no IP address; the server then holds the address the save came from', async ({
    page,
    apiAs,
  }) => {
    await withDemoProfile(apiAs, async (customer) => {
      // Another address first (an API client may still send one), so only the save can make it
      // the caller's.
      await setProfile(customer, { customerRealIp: '192.0.2.7' });
      expect((await storedProfile(customer)).customerRealIp).toBe('192.0.2.7');

      const f = await openForm(page, PAGE, 'profile', 'customer');
      const posts = recordRequests(page, 'POST', '/api/v1/customer/update-profile');
      await f.control('city').fill('Kladno-Rozdělov');
      await f.submit.click();
      await expect(page.locator('.saved-notice')).toBeFocused();
      expect(posts).toHaveLength(1);
      expect(posts[0].postDataJSON()).not.toHaveProperty('customerRealIp');

      const token = await tabToken(page);
      const response = await page.request.get('/api/v1/customer/profile', {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(response.status()).toBe(200);
      const stored = (await response.json()) as Record<string, unknown>;
      expect(stored.city).toBe('Kladno-Rozdělov');
      expect(stored.customerRealIp).toBe('127.0.0.1');
      await setProfile(customer);
    });
  });
});
