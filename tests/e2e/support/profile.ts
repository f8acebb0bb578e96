// Helpers for the specs that edit the demo customer's profile (portal, widget). There is one demo
// customer and the server stores every profile field on each save, so two workers saving it at once
// would overwrite each other's values: those tests take a lock (a directory in the run's own data
// folder, shared by the workers) and start from a known profile.
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect } from './fixtures';
import demoProfile from './demo-profile.json';

/** The demo customer's profile as the server creates it on first start (shared with the bench). */
export const DEMO_PROFILE = Object.freeze(demoProfile);

/** `customerRealIp` is not the customer's to type: the server records the caller's address when a
 * body has none, but API clients may still send one. */
export type ProfileBody = Partial<
  Record<keyof typeof DEMO_PROFILE | 'referralId' | 'customerRealIp', string | boolean>
> & {
  groups?: string[];
};

/**
 * Runs `body` with a request context signed in as the demo customer (from the `apiAs` fixture)
 * while no other test of this run edits the demo customer's profile.
 */
export async function withDemoProfile<T>(
  apiAs: (role: 'customer') => Promise<APIRequestContext>,
  body: (customer: APIRequestContext) => Promise<T>,
): Promise<T> {
  const customer = await apiAs('customer');
  const dir = path.join(process.env.BIZKIT_E2E_DATA_DIR ?? tmpdir(), 'e2e-demo-profile.lock');
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      mkdirSync(dir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (Date.now() > deadline) throw new Error(`the demo profile stayed locked (${dir})`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    return await body(customer);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Stores a profile through the API (as the customer): the demo one, changed by `changes`. */
export async function setProfile(customer: APIRequestContext, changes: ProfileBody = {}): Promise<void> {
  const body: Record<string, unknown> = { ...DEMO_PROFILE, ...changes };
  // A field given as '' is left out, which the server stores as "not given".
  for (const [key, value] of Object.entries(body)) {
    if (value === '') delete body[key];
  }
  const response = await customer.post('/api/v1/customer/update-profile', { data: body });
  expect(response.status(), `set the demo profile: ${await response.text()}`).toBe(200);
}

/** The stored profile, as `GET /api/v1/customer/profile` answers it. */
export async function storedProfile(customer: APIRequestContext): Promise<Record<string, unknown>> {
  const response = await customer.get('/api/v1/customer/profile');
  expect(response.status()).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

/**
 * The IČOs the page looks up in ARES, in order, through the customer's own lookup
 * (`GET /api/v1/ares/{ico}`, with the tab's own token). A look-up on the admin BFF's `/bff/ares`
 * fails the test: a customer's token gets 403 there.
 */
export function aresLookups(page: Page): string[] {
  const asked: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/bff/ares/')) {
      asked.push(`admin-only ${pathname}`);
    } else if (pathname.startsWith('/api/v1/ares/')) {
      asked.push(pathname.slice('/api/v1/ares/'.length));
    }
  });
  return asked;
}

/** A full-page screenshot at phone size, attached to the report and kept under the test's output. */
export async function phoneScreenshot(
  page: Page,
  testInfo: import('@playwright/test').TestInfo,
  name: string,
): Promise<void> {
  // Nothing may stick out sideways: a phone would scroll the whole page horizontally.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'the page is no wider than the phone').toBeLessThanOrEqual(0);
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}
