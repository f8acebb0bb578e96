// Helpers for the admin form specs (contact, invite, groups): signing in on the way to a page,
// locating the form kit's parts by their documented ids, keyboard-only navigation and unique data.
//
// The form kit names every control `{form}-{jsonName}` (see APP.md: `form.dom_id(name)`); its
// inline error is `{id}-error`, its "will be saved as" preview `{id}-preview`, its counter
// `{id}-counter`. Specs use those ids for the parts and roles/labels for what a person sees.
import type { APIRequestContext, Locator, Page, Request } from '@playwright/test';
import { expect, signIn, type Role } from './fixtures';

/** A suffix no other test (nor an earlier run on the same server) uses. */
export function unique(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

/**
 * Opens an admin page by its URL while signed out: the app sends the person to the sign-in page
 * (with `next`), they sign in through the form, and land on the page they asked for.
 */
export async function openSignedIn(page: Page, path: string, role: Role = 'admin'): Promise<void> {
  await page.goto(path);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await signIn(page, role, { goto: false });
  await expect(page).toHaveURL(new RegExp(`${escapeRegExp(path)}$`));
  await expect(page.locator('main h1')).toBeVisible();
}

/** Opens a kit form's page as `openSignedIn` does and returns the form (`key`, see KitForm). */
export async function openForm(page: Page, path: string, key: string, role: Role = 'admin'): Promise<KitForm> {
  await openSignedIn(page, path, role);
  return new KitForm(page, key);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One form of the kit (`data-form` and id prefix are the same key). */
export class KitForm {
  readonly form: Locator;

  constructor(
    readonly page: Page,
    readonly key: string,
  ) {
    this.form = page.locator(`form[data-form="${key}"]`);
  }

  /** The control of a field by its JSON name. */
  control(name: string): Locator {
    return this.page.locator(`#${this.key}-${name.replace(/[^A-Za-z0-9]/g, '-')}`);
  }

  error(name: string): Locator {
    return this.page.locator(`#${this.key}-${name}-error`);
  }

  preview(name: string): Locator {
    return this.page.locator(`#${this.key}-${name}-preview`);
  }

  counter(name: string): Locator {
    return this.page.locator(`#${this.key}-${name}-counter`);
  }

  /** The error summary above the form (GOV.UK pattern): focused after a failed submit. */
  get summary(): Locator {
    return this.page.locator('.error-summary');
  }

  get submit(): Locator {
    return this.form.locator('button[type="submit"]');
  }

  /** The chosen tags of a tag picker, each with its name and the slug it is stored as. */
  tags(name: string): Locator {
    return this.control(name).locator('xpath=ancestor::div[contains(@class,"tag-picker")]').locator('ul.tags > li');
  }

  listbox(name: string): Locator {
    return this.page.locator(`#${this.key}-${name}-listbox`);
  }

  /** Asserts the field shows `message` inline, marked invalid and described by the message. */
  async expectFieldError(name: string, message: string | RegExp): Promise<void> {
    const control = this.control(name);
    await expect(this.error(name)).toBeVisible();
    await expect(this.error(name)).toContainText(message);
    await expect(control).toHaveAttribute('aria-invalid', 'true');
    await expect(control).toHaveAttribute('aria-describedby', new RegExp(`(^| )${this.key}-${name}-error( |$)`));
  }

  /** Asserts the field shows no error and is not marked invalid. */
  async expectNoFieldError(name: string): Promise<void> {
    const control = this.control(name);
    await expect(this.error(name)).toHaveCount(0);
    await expect(control).not.toHaveAttribute('aria-invalid', /.*/);
    await expect(control).not.toHaveAttribute('aria-describedby', new RegExp(`${this.key}-${name}-error`));
  }

  /**
   * Chooses an existing group by keyboard: types part of its name, waits for the suggestion,
   * then ArrowDown (until it is the active option) and Enter.
   */
  async pickExistingTag(name: string, typed: string, option: string | RegExp): Promise<void> {
    const input = this.control(name);
    await input.focus();
    await this.page.keyboard.type(typed);
    const listbox = this.listbox(name);
    const wanted = listbox.getByRole('option', { name: option });
    await expect(wanted).toBeVisible();
    const wantedId = await wanted.getAttribute('id');
    for (let i = 0; i < 10; i++) {
      await this.page.keyboard.press('ArrowDown');
      if ((await input.getAttribute('aria-activedescendant')) === wantedId) break;
    }
    await expect(input).toHaveAttribute('aria-activedescendant', wantedId!);
    await expect(wanted).toHaveAttribute('aria-selected', 'true');
    await this.page.keyboard.press('Enter');
    await expect(input).toHaveValue('');
  }

  /** Types a new (free) tag and presses Enter. */
  async addNewTag(name: string, text: string): Promise<void> {
    const input = this.control(name);
    await input.focus();
    await this.page.keyboard.type(text);
    await expect(this.listbox(name).getByRole('option', { name: new RegExp(escapeRegExp(text)) })).toBeVisible();
    await this.page.keyboard.press('Enter');
    await expect(input).toHaveValue('');
  }
}

/** The `dd` of a row of a result list (`dl.stored`) by the exact text of its `dt`. */
export function storedRow(page: Page, label: string): Locator {
  return page
    .locator('dl.stored .row')
    .filter({ has: page.locator('dt', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }) })
    .locator('dd');
}

/**
 * Presses Tab (Shift+Tab with `back`) until `target` has focus — keyboard only, as a person
 * would. Fails when it is not reached within `max` presses.
 */
export async function tabTo(page: Page, target: Locator, { max = 40, back = false } = {}): Promise<void> {
  const handle = await target.elementHandle();
  expect(handle, 'the element to tab to exists').not.toBeNull();
  for (let i = 0; i < max; i++) {
    const focused = await handle!.evaluate((el) => el === document.activeElement);
    if (focused) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  await expect(target, `reached by ${max} presses of Tab`).toBeFocused({ timeout: 1 });
}

/**
 * Presses Tab once and types `text`: keyboard-only tests check the tab order, so the control Tab
 * reaches must be `next` before anything is typed into it.
 */
export async function tabAndType(page: Page, next: Locator, text: string): Promise<void> {
  await page.keyboard.press('Tab');
  await expect(next).toBeFocused();
  await page.keyboard.type(text);
}

/** Records the requests of one method and path, e.g. every POST to `/bff/contact/create`. */
export function recordRequests(page: Page, method: string, pathname: string): Request[] {
  const seen: Request[] = [];
  page.on('request', (request) => {
    if (request.method() === method && new URL(request.url()).pathname === pathname) {
      seen.push(request);
    }
  });
  return seen;
}

/** Switches the language with the header buttons and checks `<html lang>` follows. */
export async function switchLanguage(page: Page, lang: 'cs' | 'en'): Promise<void> {
  const button = page.getByRole('button', { name: lang === 'cs' ? 'Čeština' : 'English', exact: true });
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/** Creates a contact through the BFF as `api`'s user, which must succeed (201): one a test then meets. */
export async function createContact(api: APIRequestContext, data: Record<string, unknown>): Promise<void> {
  const response = await api.post('/bff/contact/create', { data });
  expect(response.status()).toBe(201);
}

/** Answers every request to `url` with `problem`, a problem document (RFC 9457), under its own status. */
export async function routeProblem(
  page: Page,
  url: string,
  problem: { status: number } & Record<string, unknown>,
): Promise<void> {
  await page.route(url, (route) =>
    route.fulfill({ status: problem.status, contentType: 'application/problem+json', body: JSON.stringify(problem) }),
  );
}

/** Chromium logs every 4xx/5xx fetch as a console error; tests that provoke one allow it. */
export function resourceStatus(...statuses: number[]): RegExp {
  return new RegExp(`Failed to load resource: the server responded with a status of (${statuses.join('|')})`);
}

/** The app's own confirmation dialog (signing out or leaving a page over unsaved values). */
export function confirmDialog(page: Page): Locator {
  return page.locator('#confirm-dialog');
}

/**
 * Answers the app's confirmation dialog, which must be open, with its action (`Sign out`, `Leave`,
 * or `Cancel`), and waits until it is closed.
 */
export async function answerConfirm(page: Page, answer: string): Promise<void> {
  const dialog = confirmDialog(page);
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: answer, exact: true }).click();
  await expect(dialog).toBeHidden();
}

/** The English texts the resilience specs look for in the form's summary and notices. */
export const MESSAGES = {
  network: 'We could not reach the server.',
  timeout: 'The server did not answer in time.',
  server: 'The server ran into a problem.',
  unknown: "We don't know whether it was saved.",
  unknownError: 'Something went wrong. Try again.',
  created: 'Contact created',
  expiredTitle: 'Your session has ended',
  draftRestored: 'We restored what you had typed',
};

/** The Idempotency-Key a request carried ('' without one). */
export function keyOf(request: Request): string {
  return request.headers()['idempotency-key'] ?? '';
}
