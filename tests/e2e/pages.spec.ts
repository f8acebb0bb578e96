// Each admin page's code is a chunk of its own (xtask/src/split.rs), fetched when the page is first
// visited: these check that every page arrives by its URL and through the history, and what a
// person sees when a chunk does not arrive — a clear message with a retry, and nothing typed lost.
import { test, expect } from './support/fixtures';
import { openSignedIn, openForm } from './support/forms';

const PAGES = [
  { path: '/contacts/new', h1: 'New contact', field: '#contact-email' },
  { path: '/contacts/import', h1: 'Import contacts from a spreadsheet', field: '#import-file' },
  { path: '/members/invite', h1: 'Invite a member', field: '#invite-email' },
  { path: '/customers/groups', h1: 'Add groups to a customer', field: '#groups-email' },
  { path: '/organizations/1/contacts/new', h1: 'Organisation contacts', field: '#orgcontact-type-id' },
];

/** The split app's chunks: `/app-<hash>/<name>.wasm`. */
const CHUNK = /\/app-[0-9a-f]{16}\/[^/]+\.wasm$/;

test('every page loads straight from its address, and back and forward walk the history', async ({ page }) => {
  await openSignedIn(page, PAGES[0].path);
  for (const target of PAGES) {
    await page.goto(target.path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.h1);
    await expect(page.locator(target.field).first()).toBeAttached();
  }
  for (const target of [...PAGES].reverse().slice(1)) {
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.h1);
  }
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(PAGES[1].h1);
});

test('the release app is split: the landing page needs no chunk, and the import page comes when visited', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (CHUNK.test(request.url())) fetched.push(request.url().split('/').pop()!);
  });
  await openSignedIn(page, '/contacts/new');
  await expect(page.locator('#contact-email')).toBeVisible();
  // Where administrators land is in the main module: it is the only wasm fetched.
  expect([...new Set(fetched)]).toEqual(['bizkit-forms_bg.wasm']);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /import/i }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(PAGES[1].h1);
  expect(fetched.some((name) => name.startsWith('split_contact_import'))).toBe(true);
});

test('the start asks for what it needs at once: config.json and a deep link\'s chunks each come once, from their preloads', async ({
  page,
}) => {
  await openSignedIn(page, '/contacts/new');
  // A fresh load of a page in a chunk, signed in (the session is in this tab's storage).
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto('/customers/groups');
  await expect(page.locator('#groups-email')).toBeVisible();
  const entries = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => ({ path: new URL(e.name).pathname, by: (e as PerformanceResourceTiming).initiatorType })),
  );
  // One request for config.json, the preload's (`<link>`): the app's own fetch took its answer
  // rather than asking again a round trip later.
  expect(requested.filter((p) => p === '/config.json')).toHaveLength(1);
  expect(entries.filter((e) => e.path === '/config.json')).toEqual([{ path: '/config.json', by: 'link' }]);
  // The page's chunks: each asked for once, by the preload script of index.html, not by the
  // splitter's loader after the main module started.
  const chunks = requested.filter((p) => CHUNK.test(p) && !p.endsWith('/bizkit-forms_bg.wasm'));
  expect(chunks.some((p) => p.includes('split_customer_groups'))).toBe(true);
  expect(new Set(chunks).size).toBe(chunks.length);
  for (const chunk of chunks) {
    expect(entries.filter((e) => e.path === chunk).map((e) => e.by), chunk).toEqual(['link']);
  }
});

test('a page whose code answers 404 says so, keeps what was typed, and "Try again" loads it', async ({
  page,
  consoleGuard,
}) => {
  // The splitter's loader logs the failed fetch, and the browser the 404 itself.
  consoleGuard.allow(/404|Not Found|failed to load|WebAssembly|TypeError/i);
  const f = await openForm(page, '/contacts/new', 'contact');
  await f.control('email').fill('kept@example.com');
  let refused = 0;
  await page.route(/split_member_invite[^/]*\.wasm$/, (route) => {
    refused += 1;
    return route.fulfill({ status: 404, body: 'gone' });
  });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Invite member' }).click();
  // The app asks before leaving unsaved values; leaving keeps the draft.
  await page.getByRole('dialog', { name: 'Leave this page?' }).getByRole('button', { name: 'Leave', exact: true }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'This page could not be loaded' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('What you typed on the previous page is kept');
  expect(refused).toBeGreaterThan(0);

  await page.unroute(/split_member_invite[^/]*\.wasm$/);
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Invite a member');
  await expect(page.locator('#invite-email')).toBeVisible();

  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('New contact');
  await expect(f.control('email')).toHaveValue('kept@example.com');
});

test('a page whose code never answers says so after a while; once the network gives up, "Try again" loads it', async ({
  page,
  consoleGuard,
}) => {
  // The splitter's loader logs the failed fetch once the held request is aborted.
  consoleGuard.allow(/Failed to fetch|net::ERR_FAILED|TypeError/i);
  await openSignedIn(page, '/contacts/new');
  // Held, not answered, until the test lets it fail (as a network finally gives up).
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/split_customer_groups[^/]*\.wasm$/, async (route) => {
    await held;
    await route.abort('failed');
  });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customer groups' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toBeVisible();
  const alert = page.getByRole('alert').filter({ hasText: 'This page could not be loaded' });
  await expect(alert).toBeVisible({ timeout: 15_000 });
  await expect(alert.getByRole('button', { name: 'Reload the page' })).toBeVisible();

  const failed = page.waitForEvent('console', (message) => message.type() === 'error');
  release();
  await failed;
  await page.unroute(/split_customer_groups[^/]*\.wasm$/);
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Add groups to a customer');
  await expect(page.locator('#groups-email')).toBeVisible();
});
