// Shared test fixtures and helpers. Specs import `test` and `expect` from here, not from
// '@playwright/test', so every test is guarded against console errors and wasm panics.
import {
  test as base,
  expect,
  type APIRequestContext,
  type Page,
} from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { OwnServer, type ServerOptions } from './server';

export { expect };

export type Role = 'admin' | 'customer';

/** The demo users the local server creates on first start (see README). */
export const DEMO_USERS: Record<Role, { email: string; password: string }> = {
  admin: { email: 'admin@demo.test', password: 'demo-admin' },
  customer: { email: 'jan@barasek.com', password: 'demo-customer' },
};

/** A Rust panic in the wasm app: console_error_panic_hook's message, or the trap that follows. */
const PANIC = [/panicked at/, /RuntimeError: unreachable/];

export interface ConsoleGuard {
  /**
   * Accept console errors matching any of `patterns` in this test, for errors the test provokes on
   * purpose — e.g. Chromium's own "Failed to load resource: ... status of 401" after a wrong
   * password. Panics are never accepted.
   */
  allow(...patterns: RegExp[]): void;
}

type Fixtures = {
  consoleGuard: ConsoleGuard;
  /**
   * A request context signed in as `role` through the API (bearer token), disposed after the test;
   * on the harness's server unless `baseURL` names another (a test's own server).
   */
  apiAs: (role: Role, baseURL?: string) => Promise<APIRequestContext>;
  /** How `ownServer` is started; a describe block sets it with `test.use({ ownServerOptions })`. */
  ownServerOptions: ServerOptions;
  /**
   * A server of the test's own (support/server.ts), for tests that kill, restart or reconfigure it:
   * started for the test, stopped and its data folder removed after it.
   */
  ownServer: OwnServer;
};

export const test = base.extend<Fixtures>({
  // Automatic: every test fails if any page of its browser context logs a console error, throws an
  // uncaught exception or panics — also when the test's own assertions passed.
  consoleGuard: [
    async ({ context }, use, testInfo) => {
      const seen: { text: string; panic: boolean }[] = [];
      const allowed: RegExp[] = [];
      context.on('console', (message) => {
        const text = message.text();
        const panic = PANIC.some((re) => re.test(text));
        if (message.type() === 'error' || panic) {
          const { url, lineNumber } = message.location();
          const where = url ? ` (${url}:${lineNumber})` : '';
          seen.push({ text: `console.${message.type()}: ${text}${where}`, panic });
        }
      });
      context.on('weberror', (webError) => {
        const error = webError.error();
        const text = `uncaught ${error.name}: ${error.message}`;
        seen.push({ text, panic: PANIC.some((re) => re.test(text)) });
      });

      await use({ allow: (...patterns) => allowed.push(...patterns) });

      const problems = seen
        .filter(({ text, panic }) => panic || !allowed.some((re) => re.test(text)))
        .map(({ text }) => text);
      if (problems.length > 0) {
        await testInfo.attach('console-errors', { body: problems.join('\n'), contentType: 'text/plain' });
      }
      expect(problems, 'console errors, uncaught exceptions or panics in the page').toEqual([]);
    },
    { auto: true },
  ],

  apiAs: async ({ playwright, baseURL: harness }, use) => {
    const contexts: APIRequestContext[] = [];
    await use(async (role, baseURL = harness) => {
      const anonymous = await playwright.request.newContext({ baseURL });
      const token = await apiToken(anonymous, role).finally(() => anonymous.dispose());
      const context = await playwright.request.newContext({
        baseURL,
        extraHTTPHeaders: { Authorization: `Bearer ${token}` },
      });
      contexts.push(context);
      return context;
    });
    await Promise.all(contexts.map((c) => c.dispose()));
  },

  ownServerOptions: [{}, { option: true }],

  ownServer: async ({ ownServerOptions }, use) => {
    const server = await OwnServer.start(ownServerOptions);
    await use(server);
    await server.dispose();
  },
});

/**
 * Signs in through the app's sign-in form as a demo user and waits until the form is gone.
 * Starts from `/` unless `goto` is false (then the sign-in form must already be shown).
 */
export async function signIn(page: Page, role: Role, { goto = true } = {}): Promise<void> {
  const { email, password } = DEMO_USERS[role];
  if (goto) {
    await page.goto('/');
  }
  const form = page.locator('form[data-form="sign-in"]');
  await expect(form).toBeVisible();
  // `.and(input)`: a "show password" toggle may carry a matching label too.
  await form.getByLabel(/e-mail/i).and(form.locator('input')).fill(email);
  await form.getByLabel(/heslo|password/i).and(form.locator('input')).fill(password);
  await form.getByRole('button', { name: /přihlásit|sign in/i }).click();
  await expect(form).toBeHidden();
}

/** A bearer token for a demo user from `POST /api/v1/authenticate`. Never log it. */
export async function apiToken(request: APIRequestContext, role: Role): Promise<string> {
  const response = await request.post('/api/v1/authenticate', { data: DEMO_USERS[role] });
  expect(response.status(), `POST /api/v1/authenticate as ${role}`).toBe(200);
  const body = (await response.json()) as { auth_token?: unknown; role?: unknown };
  expect(typeof body.auth_token, 'auth_token in the response').toBe('string');
  return body.auth_token as string;
}

/** The session token the app keeps for this tab (never logged); empty when signed out. */
export async function tabToken(page: Page): Promise<string> {
  return page.evaluate(() => {
    const s = sessionStorage.getItem('bizkit.session');
    return s ? (JSON.parse(s) as { token: string }).token : '';
  });
}

export interface AxeOptions {
  /** Only check inside this CSS selector. */
  include?: string;
  /** Leave out these CSS selectors. */
  exclude?: string[];
  /** axe rule ids to skip; say why next to the call. */
  disableRules?: string[];
}

/**
 * Runs axe-core (WCAG 2.0/2.1, levels A and AA) on the page as it is now and fails the test with a
 * readable list of violations, if any. Returns the full results for further checks.
 */
export async function axe(page: Page, options: AxeOptions = {}) {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (options.include) builder = builder.include(options.include);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  if (options.disableRules?.length) builder = builder.disableRules(options.disableRules);
  const results = await builder.analyze();
  const violations = results.violations.map(
    (v) =>
      `${v.id} [${v.impact ?? 'unknown'}] ${v.help} (${v.helpUrl})\n` +
      v.nodes.map((n) => `    at ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n'),
  );
  expect(violations, `axe found accessibility violations on ${page.url()}`).toEqual([]);
  return results;
}
