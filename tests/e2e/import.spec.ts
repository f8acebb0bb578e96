// The spreadsheet import (/contacts/import): a Windows-1250 file as Czech Excel writes it, checked
// row by row with the contract, corrected and skipped in place, sent once; a server killed in the
// middle and a page reloaded, resumed without a row twice; a session that expires mid-import; a
// contact that exists already; Czech and English; axe.
//
// What the server holds is read back through the API (`GET /bff/contact/list`), never assumed.
import type { APIRequestContext, Page, Request, Route } from '@playwright/test';
import { test, expect, axe, signIn, tabToken, DEMO_USERS } from './support/fixtures';
import { createContact, openSignedIn, recordRequests, resourceStatus, tabAndType, unique } from './support/forms';

const CREATE = '/bff/contact/create';

interface Stored {
  customerId: string;
  email?: string | null;
  phone?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  companyRegistrationNumber?: string | null;
  companyName?: string | null;
  groupList: { slug: string }[];
}

/** Windows-1250, as Czech Excel's "CSV (oddělený středníkem)" writes it (Node has no encoder). */
const CP1250: Record<string, number> = {
  Š: 0x8a, Ť: 0x8d, Ž: 0x8e, š: 0x9a, ť: 0x9d, ž: 0x9e, Á: 0xc1, Č: 0xc8, É: 0xc9, Ě: 0xcc, Í: 0xcd,
  Ď: 0xcf, Ň: 0xd2, Ó: 0xd3, Ř: 0xd8, Ů: 0xd9, Ú: 0xda, Ý: 0xdd, á: 0xe1, č: 0xe8, é: 0xe9, ě: 0xec,
  í: 0xed, ď: 0xef, ň: 0xf2, ó: 0xf3, ř: 0xf8, ů: 0xf9, ú: 0xfa, ý: 0xfd,
};

function windows1250(text: string): Buffer {
  const bytes = [...text].map((c) => {
    if (c.charCodeAt(0) < 0x80) return c.charCodeAt(0);
    const b = CP1250[c];
    if (b === undefined) throw new Error(`no Windows-1250 byte for ${c}`);
    return b;
  });
  const buffer = Buffer.from(bytes);
  // The test's own encoder checked against the browser platform's decoder.
  expect(new TextDecoder('windows-1250').decode(buffer)).toBe(text);
  return buffer;
}

function digits(n: number): string {
  return Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');
}

async function contacts(api: APIRequestContext): Promise<Stored[]> {
  const r = await api.get('/bff/contact/list');
  expect(r.status(), 'GET /bff/contact/list').toBe(200);
  return (await r.json()) as Stored[];
}

function row(page: Page, line: number) {
  return page.locator(`#import-table tbody tr[data-line="${line}"]`);
}

function cell(page: Page, line: number, field: string) {
  return page.locator(`#import-r${line}-${field}`);
}

/** Waits until the table shows the file (reading and checking are done). */
async function reviewed(page: Page): Promise<void> {
  await expect(page.locator('#import-table')).toBeVisible({ timeout: 20_000 });
}

test.describe('Czech', () => {
  test.use({ locale: 'cs-CZ' });

  test('a Windows-1250 semicolon file with Czech headers: two cells fixed, one row skipped, the good rows stored once in normal form', async ({
    page,
    apiAs,
  }) => {
    const id = unique();
    const phone = `604 ${digits(3)} ${digits(3)}`;
    const csv = [
      'Jméno;Příjmení;E-mail;Telefon;IČO;Skupiny',
      `Jana;Nováková;Jana.Novakova.${id}@Firma.CZ;777 123 456;05103118;VIP, Zahradní klub`,
      `Petr;"Dvořák ""Pepa""";petr.${id}@@example.cz;608 111 222;;`,
      `Eva;Svobodová;eva.${id}@example.cz;12;;Zákazníci`,
      `Žaneta;Černá;;+420 ${phone};;`,
      `Jiří;Kříž;jana.novakova.${id}@firma.cz;;;`,
      `Tomáš;Malý;tomas.${id}@example.cz;;27082440;`,
      ';;;;;',
    ].join('\r\n');
    await openSignedIn(page, '/contacts/import');
    await expect(page.locator('main h1')).toHaveText('Import kontaktů z tabulky');
    await axe(page);
    await page.locator('#import-file').setInputFiles({ name: 'kontakty.csv', mimeType: 'text/csv', buffer: windows1250(csv) });
    await reviewed(page);
    await expect(page.locator('[data-import-source]')).toHaveText(
      'kontakty.csv · Windows-1250 · oddělené středníkem · 6 řádků · 1 prázdných řádků vynecháno',
    );

    // The columns were guessed from the Czech header.
    for (const [column, field] of [['0', 'firstName'], ['1', 'lastName'], ['2', 'email'], ['3', 'phone'], ['4', 'ico'], ['5', 'groups']]) {
      await expect(page.locator(`#import-map-${column}`)).toHaveValue(field);
    }
    // Normal forms of the good rows, the contract's messages on the bad ones.
    await expect(page.locator('#import-r2-email-normal')).toContainText(`Jana.Novakova.${id}@firma.cz`);
    await expect(page.locator('#import-r2-phone-normal')).toContainText('+420 777123456');
    await expect(page.locator('#import-r2-groups-normal')).toContainText('vip, zahradni-klub');
    await expect(cell(page, 3, 'lastName')).toHaveValue('Dvořák "Pepa"');
    await expect(cell(page, 3, 'email')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#import-r3-email-error')).toHaveText('Zadejte e-mail ve správném tvaru, např. jmeno@example.cz');
    await expect(cell(page, 3, 'email')).toHaveAttribute('aria-describedby', /import-r3-email-error/);
    await expect(page.locator('#import-r4-phone-error')).toContainText('Telefonní číslo je příliš krátké');
    await expect(page.locator('#import-r6-email-error')).toContainText('stejný jako řádek 2');
    await expect(row(page, 6)).toHaveAttribute('data-state', 'invalid');
    await expect(page.locator('[data-count="invalid"] dd')).toHaveText('3');
    await axe(page);

    // Sending with errors left: the summary takes focus and says what to do; nothing is sent.
    const posts = recordRequests(page, 'POST', CREATE);
    await page.locator('#import-send').click();
    const summary = page.locator('.error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('3 řádků má chyby');
    await summary.getByRole('link', { name: 'Přejít na první řádek k opravě' }).click();
    await expect(cell(page, 3, 'email')).toBeFocused();
    expect(posts).toHaveLength(0);

    // Fix two cells in place (the message goes the moment the value is right), skip the duplicate.
    await cell(page, 3, 'email').fill(`petr.${id}@example.cz`);
    await expect(page.locator('#import-r3-email-error')).toBeHidden();
    await expect(cell(page, 3, 'email')).not.toHaveAttribute('aria-invalid', /.*/);
    await cell(page, 4, 'phone').fill('603 555 444');
    await expect(page.locator('#import-r4-phone-normal')).toContainText('+420 603555444');
    await page.getByRole('button', { name: 'Přeskočit řádek 6' }).click();
    await expect(row(page, 6)).toHaveAttribute('data-state', 'skipped');
    await expect(page.getByRole('button', { name: 'Zahrnout řádek 6' })).toBeFocused();
    await expect(page.locator('[data-count="invalid"] dd')).toHaveText('0');
    await expect(page.locator('[data-count="ready"] dd')).toHaveText('5');

    await page.locator('#import-send').click();
    const done = page.locator('[data-import-done]');
    await expect(done).toBeVisible({ timeout: 20_000 });
    await expect(done.getByRole('heading', { name: 'Import dokončen' })).toBeFocused();
    await expect(done).toContainText('Vytvořených kontaktů: 5');
    await expect(done).toContainText('Odmítnutých řádků: 0');
    await expect(done).toContainText('Přeskočených řádků: 1');
    await expect(page.locator('[data-count="created"] dd')).toHaveText('5');
    await axe(page);

    // Each request had its own key; the server holds exactly the five good rows, in normal form.
    expect(posts).toHaveLength(5);
    const keys = new Set(posts.map((p) => p.headers()['idempotency-key']));
    expect(keys.size).toBe(5);
    const api = await apiAs('admin');
    const mine = (await contacts(api)).filter(
      (c) => c.email?.toLowerCase().includes(id.toLowerCase()) || c.phone === `+420 ${phone.replace(/ /g, '')}`,
    );
    const byName = Object.fromEntries(mine.map((c) => [c.firstName ?? '', c]));
    expect(mine.map((c) => c.firstName).sort()).toEqual(['Eva', 'Jana', 'Petr', 'Tomáš', 'Žaneta']);
    expect(byName.Jana).toMatchObject({
      email: `Jana.Novakova.${id}@firma.cz`,
      phone: '+420 777123456',
      lastName: 'Nováková',
      companyRegistrationNumber: '05103118',
    });
    expect(byName.Jana.groupList.map((g) => g.slug).sort()).toEqual(['vip', 'zahradni-klub']);
    expect(byName.Petr).toMatchObject({ email: `petr.${id}@example.cz`, lastName: 'Dvořák "Pepa"' });
    expect(byName.Eva).toMatchObject({ phone: '+420 603555444' });
    expect(byName.Eva.groupList.map((g) => g.slug)).toEqual(['zakaznici']);
    expect(byName.Žaneta).toMatchObject({ email: null, phone: `+420 ${phone.replace(/ /g, '')}` });
    expect(byName.Tomáš).toMatchObject({ companyRegistrationNumber: '27082440' });
    // The table names what was created.
    for (const line of [2, 3, 4, 5, 7]) {
      await expect(row(page, line)).toHaveAttribute('data-state', 'created');
    }
    const ids = await page.locator('#import-table tbody tr[data-state="created"]').evaluateAll((rs) =>
      rs.map((r) => (r as HTMLElement).dataset.customerId),
    );
    expect(ids.sort()).toEqual(mine.map((c) => c.customerId).sort());
  });
});

test.describe('English', () => {
  test('pasted rows: an e-mail that exists already is refused on its row, and the refused rows download as CSV', async ({
    page,
    apiAs,
    consoleGuard,
  }) => {
    consoleGuard.allow(resourceStatus(409));
    const id = unique();
    const api = await apiAs('admin');
    await createContact(api, { email: `taken.${id}@example.com` });

    await openSignedIn(page, '/contacts/import');
    await expect(page.locator('main h1')).toHaveText('Import contacts from a spreadsheet');
    await page.getByLabel('Or paste rows copied from a spreadsheet').fill(
      [
        'Email\tFirst name\tLast name\tTags',
        `new.${id}@example.com\tNew\tPerson\tleads`,
        `TAKEN.${id}@example.com\tOld\tPerson\t`,
      ].join('\n'),
    );
    await page.getByRole('button', { name: 'Read the pasted rows' }).click();
    await reviewed(page);
    await expect(page.locator('[data-import-source]')).toContainText('pasted rows · UTF-8 · tab separated · 2 rows');
    await expect(page.locator('#import-map-3')).toHaveValue('groups');
    await axe(page);

    await page.locator('#import-send').click();
    const done = page.locator('[data-import-done]');
    await expect(done).toBeVisible({ timeout: 20_000 });
    await expect(done).toContainText('Contacts created: 1');
    await expect(done).toContainText('Rows refused: 1');
    await expect(row(page, 3)).toHaveAttribute('data-state', 'failed');
    await expect(page.locator('#import-r3-email-error')).toHaveText(
      'A contact with this e-mail address already exists: use another address or edit the existing contact',
    );
    await axe(page);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      done.getByRole('button', { name: 'Download the refused rows (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('refused-contacts.csv');
    const text = await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8'));
    expect(text.startsWith('\uFEFF'), 'a BOM, so Excel reads UTF-8').toBe(true);
    expect(text).toBe(
      '\uFEFFRow;Email;First name;Last name;Tags;Error\r\n' +
        `3;TAKEN.${id}@example.com;Old;Person;;A contact with this e-mail address already exists: use another address or edit the existing contact\r\n`,
    );

    // The refused row is fixed in place and sent again: only it, with a new key.
    const posts = recordRequests(page, 'POST', CREATE);
    await cell(page, 3, 'email').fill(`other.${id}@example.com`);
    await page.locator('#import-send').click();
    await expect(done).toContainText('Contacts created: 2', { timeout: 20_000 });
    expect(posts).toHaveLength(1);
    const mine = (await contacts(api)).filter((c) => c.email?.includes(id));
    expect(mine.map((c) => c.email).sort()).toEqual(
      [`new.${id}@example.com`, `other.${id}@example.com`, `taken.${id}@example.com`].sort(),
    );
  });

  test('starting over once sending has begun asks in the app\'s dialog: Escape keeps the import, "Discard the import" clears it', async ({
    page,
  }) => {
    const id = unique();
    await openSignedIn(page, '/contacts/import');
    const paste = page.getByLabel('Or paste rows copied from a spreadsheet');
    await paste.fill(['Email\tFirst name', `over.${id}@example.com\tOver`].join('\n'));
    await page.getByRole('button', { name: 'Read the pasted rows' }).click();
    await reviewed(page);
    await page.locator('#import-send').click();
    const done = page.locator('[data-import-done]');
    await expect(done).toContainText('Contacts created: 1', { timeout: 20_000 });

    const startOver = page.getByRole('button', { name: 'Start again with another file' });
    await startOver.click();
    const dialog = page.getByRole('dialog', { name: 'Discard this import?' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Contacts already created stay saved.');
    await expect(dialog.getByRole('button', { name: 'Cancel', exact: true })).toBeFocused();
    await axe(page);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(startOver).toBeFocused();
    await expect(done).toBeVisible();

    await startOver.click();
    await dialog.getByRole('button', { name: 'Discard the import' }).click();
    await expect(dialog).toBeHidden();
    await expect(done).toBeHidden();
    await expect(paste).toBeVisible();
    await expect(paste).toHaveValue('');
  });

  test('the table is usable by keyboard: mapping selects, cells with labels, Enter moves down a column', async ({ page }) => {
    const id = unique();
    await openSignedIn(page, '/contacts/import');
    await page.getByLabel('Or paste rows copied from a spreadsheet').fill(
      [`a.${id}@example.com\t777123456`, `b.${id}@example\t1`, `c.${id}@example.com\t608123456`].join('\n'),
    );
    await page.getByRole('button', { name: 'Read the pasted rows' }).click();
    await reviewed(page);
    // No header: the columns were guessed from their values.
    await expect(page.locator('#import-has-header')).not.toBeChecked();
    await expect(page.locator('#import-map-0')).toHaveValue('email');
    await expect(page.locator('#import-map-1')).toHaveValue('phone');
    await expect(page.getByRole('textbox', { name: 'Phone, Row 2' })).toHaveValue('1');
    await page.getByRole('textbox', { name: 'E-mail, Row 1' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('textbox', { name: 'E-mail, Row 2' })).toBeFocused();
    await tabAndType(page, page.getByRole('textbox', { name: 'Phone, Row 2' }), '0');
    await expect(page.locator('#import-r2-phone-error')).toContainText('too short');
    // Changing a mapping by keyboard: the column is then not imported, and the table follows.
    await page.locator('#import-map-1').focus();
    await page.locator('#import-map-1').selectOption('');
    await reviewed(page);
    await expect(page.locator('#import-map-1')).toBeFocused();
    await expect(page.locator('#import-r2-phone')).toHaveCount(0);
    await axe(page);
  });

  test('an import left half-done is a draft of its own: signing out removes it from this browser', async ({ page }) => {
    const id = unique();
    await openSignedIn(page, '/contacts/import');
    await page.getByLabel('Or paste rows copied from a spreadsheet').fill(
      ['Email\tFirst name\tPhone', `left.${id}@example.com\tLeft ${id}\t777 123 456`].join('\n'),
    );
    await page.getByRole('button', { name: 'Read the pasted rows' }).click();
    await reviewed(page);
    const everything = () => page.evaluate(() => JSON.stringify(Object.entries(localStorage)));
    await expect.poll(everything).toContain(`left.${id}@example.com`);

    page.on('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.locator('form[data-form="sign-in"]')).toBeVisible();
    const left = await everything();
    expect(left).not.toContain(id);
    expect(left).not.toContain('777 123 456');
  });
});

test.describe('the mapping and the language', () => {
  test('a changed mapping is remembered for the organisation (no token stored), and the page follows a language switch', async ({
    page,
  }) => {
    const id = unique();
    const paste = ['Poznámka\tEmail', `Nováková\tn.${id}@example.com`, `Kříž\t${id}@@x`].join('\n');
    await openSignedIn(page, '/contacts/import');
    const area = page.getByLabel('Or paste rows copied from a spreadsheet');
    await area.fill(paste);
    await page.getByRole('button', { name: 'Read the pasted rows' }).click();
    await reviewed(page);
    await expect(page.locator('#import-map-0')).toHaveValue('');
    await expect(page.locator('label[for="import-map-0"]')).toHaveText('“Poznámka” (column 1)');
    await page.locator('#import-map-0').selectOption('lastName');
    await expect(page.locator('#import-r2-lastName')).toHaveValue('Nováková');
    const remembered = await page.evaluate(() =>
      Object.entries(localStorage).filter(([k]) => k.startsWith('bizkit.import.mapping.')),
    );
    expect(remembered).toHaveLength(1);
    expect(JSON.parse(remembered[0][1])).toEqual({ poznamka: 'lastName', email: 'email' });
    const session = await page.evaluate(() => sessionStorage.getItem('bizkit.session') ?? '');
    const token = (JSON.parse(session) as { token: string }).token;
    for (const [, value] of await page.evaluate(() => Object.entries(localStorage))) {
      expect(value).not.toContain(token);
    }

    // The language follows at once, the contract's messages included.
    await expect(page.locator('#import-r3-email-error')).toContainText('Enter an e-mail address in the correct format');
    await page.getByRole('button', { name: 'Čeština', exact: true }).click();
    await expect(page.locator('main h1')).toHaveText('Import kontaktů z tabulky');
    await expect(page.locator('#import-r3-email-error')).toContainText('Zadejte e-mail ve správném tvaru');
    await expect(page.getByRole('textbox', { name: 'Příjmení, Řádek 2' })).toHaveValue('Nováková');
    await page.getByRole('button', { name: 'English', exact: true }).click();

    // A new import with the same header: the remembered choice, not the guess.
    await page.getByRole('button', { name: 'Start again with another file' }).click();
    await expect(page.locator('#import-file')).toBeFocused();
    await area.fill(paste);
    await page.getByRole('button', { name: 'Read the pasted rows' }).click();
    await reviewed(page);
    await expect(page.locator('#import-map-0')).toHaveValue('lastName');
    await axe(page);
  });
});

test.describe('the server dies mid-import', () => {
  test('killed while rows are in flight, restarted, the page reloaded: the import resumes and no row is created twice', async ({
    page,
    apiAs,
    consoleGuard,
    ownServer: server,
  }) => {
    test.setTimeout(90_000);
    consoleGuard.allow(/net::ERR_CONNECTION_(RESET|REFUSED)|net::ERR_FAILED/);
    const rows = 24;
    const lines = ['E-mail,Phone,First name'];
    for (let i = 1; i <= rows; i++) {
      // Every other contact has a phone only: those the server would happily create twice.
      lines.push(i % 2 ? `r${i}@example.com,,Row ${i}` : `,"+420 7${String(i).padStart(2, '0')} 000 ${digits(3)}",Row ${i}`);
    }
    await page.goto(`${server.url}/contacts/import`);
    await signIn(page, 'admin', { goto: false });
    await expect(page.locator('main h1')).toHaveText('Import contacts from a spreadsheet');
    // UTF-8 with a BOM and commas: Excel's "CSV UTF-8".
    await page.locator('#import-file').setInputFiles({
      name: 'contacts.csv',
      mimeType: 'text/csv',
      buffer: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\n'), 'utf8')]),
    });
    await reviewed(page);
    await expect(page.locator('[data-import-source]')).toContainText('UTF-8 (BOM) · comma separated · 24 rows');

    // Every create goes through the route, so the order is certain: six are answered; the
    // seventh reaches the server, which creates the contact, and then the process is killed before
    // the answer gets back; everything after finds no server.
    const posts = recordRequests(page, 'POST', CREATE);
    let seen = 0;
    const answered: Promise<unknown>[] = [];
    let lostKey = '';
    let killed: () => void = () => {};
    const dead = new Promise<void>((resolve) => (killed = resolve));
    await page.route(`${server.url}${CREATE}`, async (route: Route, request: Request) => {
      seen += 1;
      if (seen <= 6) {
        const done = route.fetch().then((response) => route.fulfill({ response }));
        answered.push(done);
        await done;
      } else if (seen === 7) {
        await Promise.all(answered);
        lostKey = request.headers()['idempotency-key'] ?? '';
        const response = await route.fetch();
        expect(response.status()).toBe(201);
        await server.kill();
        killed();
        await route.abort('connectionreset');
      } else {
        await dead;
        await route.abort('connectionrefused');
      }
    });
    await page.locator('#import-send').click();
    await expect(page.locator('[data-import-pause]')).toContainText('The server is not answering', { timeout: 30_000 });
    await expect(page.locator('[data-count="created"] dd')).toHaveText('6');
    expect(lostKey).toMatch(/^[0-9a-f-]{36}$/);

    // Back on the same port with the same data; the page is reloaded (as after a crash).
    await page.unroute(`${server.url}${CREATE}`);
    await server.restart();
    await page.reload();
    await reviewed(page);
    await expect(page.locator('[data-import-resume]')).toContainText('The import was interrupted');
    await expect(page.locator('[data-count="created"] dd')).toHaveText('6');
    const before = posts.length;
    await page.getByRole('button', { name: /Continue sending/ }).click();
    const done = page.locator('[data-import-done]');
    await expect(done).toBeVisible({ timeout: 30_000 });
    await expect(done).toContainText(`Contacts created: ${rows}`);
    await expect(done).toContainText('Rows refused: 0');

    // The lost one was replayed under its key, not created again.
    const resent = posts.slice(before);
    expect(resent).toHaveLength(rows - 6);
    const replay = resent.find((p) => p.headers()['idempotency-key'] === lostKey);
    expect(replay, 'the lost row was sent again with the same key').toBeTruthy();
    expect((await replay!.response())?.headers()['idempotent-replayed']).toBe('true');

    // Exactly one contact per row.
    const api = await apiAs('admin', server.url);
    const imported = (await contacts(api)).filter((c) => /^Row \d+$/.test(c.firstName ?? ''));
    expect(imported.map((c) => c.firstName).sort()).toEqual(
      Array.from({ length: rows }, (_, i) => `Row ${i + 1}`).sort(),
    );
  });
});

test.describe('a session that expires mid-import', () => {
  test.use({ ownServerOptions: { tokenTtlSecs: 6 } });

  test('sending pauses for the sign-in dialog, nothing is lost, and it goes on once signed in', async ({
    page,
    apiAs,
    consoleGuard,
    ownServer: server,
  }) => {
    test.setTimeout(60_000);
    consoleGuard.allow(resourceStatus(401));
    await page.goto(`${server.url}/contacts/import`);
    await signIn(page, 'admin', { goto: false });
    await page.getByLabel('Or paste rows copied from a spreadsheet').fill(
      ['Email\tFirst name', 's1@example.com\tOne', 's2@example.com\tTwo', 's3@example.com\tThree'].join('\n'),
    );
    await page.getByRole('button', { name: 'Read the pasted rows' }).click();
    await reviewed(page);

    // Let the token expire for real: wait until the server itself says so.
    const token = await tabToken(page);
    await expect
      .poll(async () => (await server.session(token)).status, { timeout: 20_000, intervals: [500] })
      .toBe(401);

    await page.locator('#import-send').click();
    const dialog = page.getByRole('dialog', { name: 'Your session has ended' });
    await expect(dialog).toBeVisible();
    await expect(page.locator('[data-count="created"] dd')).toHaveText('0');
    await page.locator('#reauth-password').fill(DEMO_USERS.admin.password);
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await expect(dialog).toBeHidden();
    const done = page.locator('[data-import-done]');
    await expect(done).toBeVisible({ timeout: 20_000 });
    await expect(done).toContainText('Contacts created: 3');
  });
});
