// The fixed typing scripts: which page, how it is prepared, what is typed into which field. The
// keystroke (next frame) and Event Timing measures run the very same scripts on both apps; each app
// says how it prepares a script (`app.prepare[script]`) and where its fields are (`app.selectors`).
import { openPage, settle, typeInto } from './page.mjs';

/** The IČO prefix 12345678 has a wrong check digit, so ARES is never asked. */
export const TYPED = {
  email: 'jan.novak.1@firma.cz',
  phone: '+420 777 123 456 789',
  ico: '12345678901234567890',
  /** Matches every generated group for the first characters, then fewer and fewer, then none. */
  tagInput: 'skupina 9999 abcdefg',
  /** 20 ASCII characters (a key outside the US layout sends no keydown), typed over the value. */
  fullName: 'Ing. Jana Novakova X',
};

export const SCRIPTS = {
  contact: {
    label: 'contact form',
    page: 'admin',
    fieldsLabel: 'e-mail / phone / IČO',
    type: [
      { field: 'email', text: TYPED.email },
      { field: 'phone', text: TYPED.phone },
      { field: 'ico', text: TYPED.ico },
    ],
  },
  profileAllFilled: {
    label: 'profile, all fields filled',
    page: 'portal',
    fieldsLabel: 'phone / full name',
    type: [
      { field: 'phone', text: TYPED.phone, replace: true },
      { field: 'name', text: TYPED.fullName, replace: true },
    ],
  },
  contact100Tags: {
    label: 'contact form, 100 tags',
    page: 'admin',
    fieldsLabel: 'e-mail / tag input',
    type: [
      { field: 'email', text: TYPED.email },
      { field: 'tagInput', text: TYPED.tagInput },
    ],
  },
};

/**
 * Runs one script on one app: opens the page unthrottled, prepares it (not measured), waits until
 * its data is in and it is idle, switches CPU throttling to `rate`, then types every field.
 * `around`: optional { start(page, cdp), stop(page, cdp) } run just before the first and after the
 * last key (the Event Timing measure records a trace there). Returns null when the app lacks the
 * script's page.
 */
export async function runScript(ctx, app, scriptId, rate, around = null) {
  const script = SCRIPTS[scriptId];
  if (!app.pages[script.page]) return null;
  const prepare = app.prepare?.[scriptId] ?? {};
  if (prepare.beforeOpen) await prepare.beforeOpen();
  const { context, page, cdp, data } = await openPage(ctx, app, script.page, prepare.open ?? {});
  try {
    await data;
    await page.waitForLoadState('networkidle').catch(() => {});
    await settle(page);
    const setup = prepare.afterOpen ? await prepare.afterOpen(page) : {};
    await settle(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const selectors = app.selectors[script.page];
    if (around) await around.start(page, cdp);
    const fields = {};
    for (const { field, text, replace } of script.type) {
      fields[field] = await typeInto(page, selectors[field], text, { replace: Boolean(replace) });
    }
    const recorded = around ? await around.stop(page, cdp) : null;
    return { fields, ...setup, ...(recorded === null ? {} : { recorded }) };
  } finally {
    await context.close().catch(() => {});
  }
}
