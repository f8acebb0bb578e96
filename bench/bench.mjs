// Browser benchmarks of the release app and the embeddable widget, driven by `cargo xtask bench` (see
// xtask/src/bench.rs), which builds dist/ and the server, starts the server (a throw-away data folder,
// so the demo customer's profile may be changed here) and passes its URL here. Three entries are
// measured: the admin app (/contacts/new), the customer portal (/portal/profile) and the widget on its
// example host page (/embed-example.html, the form inside a shadow root). Uses playwright-core from
// tests/e2e/node_modules (installed by the xtask with `npm ci`) and Debian's Chromium, never a
// downloaded browser. Writes bench.json and bench.md into BENCH_OUT_DIR. Never fails on a missed
// target: only on a broken setup (no server, no browser, the form never became usable).
//
// Environment: BENCH_BASE_URL (required), BENCH_OUT_DIR (required), BENCH_LOAD_OUTPUT (a file with
// the output of the server's `load` example, optional), BENCH_RUNS (cold-start runs, default 5),
// CHROMIUM_BIN (default /usr/bin/chromium), BENCH_COMMIT (for the report).
import { chromium } from '../tests/e2e/node_modules/playwright-core/index.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { measureImport, importMarkdown } from './import.mjs';

const BASE_URL = requiredEnv('BENCH_BASE_URL').replace(/\/$/, '');
const OUT_DIR = requiredEnv('BENCH_OUT_DIR');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
// The same flags as tests/e2e/playwright.config.ts and webdriver.json.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
/** The demo users the server creates on first start (as tests/e2e/support/fixtures.ts DEMO_USERS). */
const ADMIN = { email: 'admin@demo.test', password: 'demo-admin' };
const CUSTOMER = { email: 'jan@barasek.com', password: 'demo-customer' };
const FORM_PATH = '/contacts/new';
const THROTTLE = 4;
const KB = 1024;

/**
 * What is opened, as whom, and which field must accept input for the page to count as usable: the
 * first editable field of each form (the profile's e-mail is read-only). The app keeps its session
 * in sessionStorage, which is seeded; the widget gets the token the way its host page hands it over
 * (`#token=…`, see public/embed-example.js), and the host page's own storage is left alone.
 */
const ENTRIES = {
  admin: { label: 'admin app', path: FORM_PATH, user: 'admin', field: 'contact-email' },
  portal: { label: 'portal profile', path: '/portal/profile', user: 'customer', field: 'profile-firstName' },
  widget: {
    label: 'widget',
    path: '/embed-example.html',
    user: 'customer',
    field: 'profile-firstName',
    tokenInHash: true,
    // The widget's own files; the host page (its HTML, CSS, script, icon) is the host's download.
    own: (pathname) => pathname.startsWith('/widget/'),
  },
};

/** Targets: reported against, never enforced. */
const TARGETS = {
  adminGzipBytes: 116 * KB,
  widgetGzipBytes: 73 * KB,
  coldStartThrottledMs: 575,
  keystrokeP95ThrottledMs: 16,
  growthFactor: 2,
  memoryBytes: 3 * KB * KB,
};

/** 20 characters per field; the IČO prefix 12345678 has a wrong check digit, so ARES is never asked. */
const TYPED = {
  email: { selector: '#contact-email', text: 'jan.novak.1@firma.cz' },
  phone: { selector: '#contact-phone', text: '+420 777 123 456 789' },
  ico: { selector: '#contact-companyRegistrationNumber', text: '12345678901234567890' },
};
const TAG_INPUT = '#contact-groupList';
/** Matches every generated group for the first characters, then fewer and fewer, then none. */
const TAG_TEXT = 'skupina 9999 abcdefg';
const GROUP_COUNTS = [10, 1_000, 10_000];
/** Tags attached to the contact form before typing (each an existing group, picked by name). */
const ATTACHED_TAGS = 100;

/**
 * The demo customer's profile with every field given (the server's demo profile has no referral ID
 * and no newsletter), stored through the API before the "all filled" run, so the form opens full.
 */
const FULL_PROFILE = {
  email: CUSTOMER.email,
  name: 'Jan Barášek',
  firstName: 'Jan',
  lastName: 'Barášek',
  phone: '+420 777123456',
  companyName: 'BizKitHub s.r.o.',
  companyRegistrationNumber: '05103118',
  taxIdentificationNumber: 'CZ05103118',
  streetAddress: 'R. Novotného 1505',
  city: 'Kladno',
  cityPart: 'Kročehlavy',
  stateRegion: 'Středočeský kraj',
  postalCode: '272 01',
  country: 'CZ',
  newsletter: true,
  primaryLocale: 'cs',
  referralId: 'AbCdEfGh12345678',
  customerRealIp: '127.0.0.1',
  groups: ['vip', 'zahradni-klub'],
};
/**
 * Then changed in the page, so every text field is also edited (unsaved, its preview shown) — the
 * most the form has to re-check on a keystroke. The IČO stays as stored: a changed one asks ARES,
 * which the local server refuses customers. Country and language stay as stored (filled).
 */
const PROFILE_EDITS = {
  firstName: 'Jana Marie',
  lastName: 'Nováková',
  name: 'Ing. Jana Nováková',
  phone: '+420 608 123 456',
  companyName: 'Zahrada & spol. s.r.o.',
  taxIdentificationNumber: 'CZ27082440',
  streetAddress: 'Jankovcova 1522/53',
  cityPart: 'Holešovice',
  city: 'Praha',
  postalCode: '170 00',
  stateRegion: 'Hlavní město Praha',
  referralId: 'ZyXwVuTs87654321',
  customerRealIp: '2001:db8::1',
};
/** 20 ASCII characters each (a key outside the US layout sends no keydown), typed over the value. */
const PROFILE_TYPED = {
  phone: { selector: '#profile-phone', text: TYPED.phone.text },
  name: { selector: '#profile-name', text: 'Ing. Jana Novakova X' },
};

/**
 * Runs in every document before the app: seeds the session (so sign-in is not measured; not for the
 * widget, whose host page hands over the token), captures the wasm memory from Trunk's start event,
 * probes when the form accepts input, and samples keystrokes.
 */
function pageInstrumentation({ key, value, field }) {
  try {
    if (key && location.origin !== 'null' && !sessionStorage.getItem(key)) sessionStorage.setItem(key, value);
  } catch {
    /* storage unavailable: the app shows sign-in and the probe times out */
  }
  const bench = { ready: null, memory: null, memorySource: null, samples: [], errors: [] };
  window.__bench = bench;
  // Trunk's loader: `dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}))`
  // where `wasm` is the instance's exports, `memory` among them.
  addEventListener('TrunkApplicationStarted', (event) => {
    const memory = event.detail?.wasm?.memory;
    if (memory instanceof WebAssembly.Memory) {
      bench.memory = memory;
      bench.memorySource = 'TrunkApplicationStarted detail.wasm.memory';
    }
  });

  // The widget's form is in the open shadow root of its host element, out of getElementById's reach.
  const find = () => {
    const el = document.getElementById(field);
    if (el) return el;
    for (const host of document.querySelectorAll('[data-bizkit-profile]')) {
      const inner = host.shadowRoot?.getElementById(field);
      if (inner) return inner;
    }
    return null;
  };
  // `composed`, so the event leaves a shadow root and reaches the app's delegated listener on window,
  // as a real keystroke's does.
  const fire = (el) => el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));

  // Cold start: poll every frame for the field; once there, set a value and fire `input` (the app's
  // handler runs synchronously), and count it as accepted when the value is still there on the next
  // frame (the app neither replaced the element nor reset it). The time is that of the set. The
  // value the field had (the profile's stored one) is put back, so the form is unchanged after.
  const PROBE = 'probe@example.com';
  let attempt = null;
  const probe = () => {
    const el = find();
    if (attempt && attempt.el === el && el.isConnected && el.value === PROBE) {
      bench.ready = attempt.at;
      el.value = attempt.before;
      fire(el);
      return;
    }
    attempt = null;
    if (el && !el.disabled && !el.readOnly) {
      const before = el.value;
      el.value = PROBE;
      fire(el);
      attempt = { el, before, at: performance.now() };
    }
    requestAnimationFrame(probe);
  };
  requestAnimationFrame(probe);

  // Keystrokes: from the keydown's own timestamp (capture phase, before any app handler) to
  //  - `proc`: a bubble-phase window listener added while the event is on its way, so it runs after
  //    the app's delegated handler and its microtasks (the script cost, without waiting for a frame);
  //  - `frame`: the first requestAnimationFrame callback after the input handler (the next frame);
  //  - `frame2`: the rAF after that (double rAF: the first frame's style, layout and paint done).
  let keydownAt = null;
  addEventListener('keydown', (event) => (keydownAt = event.timeStamp), true);
  addEventListener(
    'input',
    (event) => {
      if (keydownAt === null || !event.isTrusted) return;
      const sample = { start: keydownAt, proc: null, frame: null, frame2: null };
      keydownAt = null;
      bench.samples.push(sample);
      // Added now, so it runs after the app's own listener (Leptos delegates `input` to window).
      const handled = () => queueMicrotask(() => (sample.proc = performance.now() - sample.start));
      addEventListener('input', handled, { once: true });
      requestAnimationFrame(() => {
        sample.frame = performance.now() - sample.start;
        requestAnimationFrame(() => (sample.frame2 = performance.now() - sample.start));
      });
    },
    true,
  );
}

async function main() {
  const started = Date.now();
  const loadAtStart = round(os.loadavg()[0], 2);
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const seeds = { admin: await sessionSeed(ADMIN), customer: await sessionSeed(CUSTOMER) };
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const problems = [];
  try {
    const open = (entry, options) => openForm(browser, seeds, problems, entry, options);
    // Only the admin form is required; a portal or widget that never becomes usable is reported as
    // not measured (with the reason), so the rest of the figures still come out. Once an entry has
    // failed it is not tried again: each try waits a minute for a form that will not come.
    const broken = {};
    const soft = async (entry, what, run) => {
      if (broken[entry]) {
        problems.push(`not measured: ${what}: skipped, an earlier measure of it failed`);
        return null;
      }
      try {
        return await run();
      } catch (error) {
        broken[entry] = true;
        problems.push(`not measured: ${what}: ${error.message.split('\n')[0]}`);
        log(`not measured: ${what}: ${error.message}`);
        return null;
      }
    };
    const bytes = {};
    for (const name of Object.keys(ENTRIES)) {
      log(`download sizes: ${ENTRIES[name].label}`);
      const run = () => measureBytes(open, name);
      bytes[name] = name === 'admin' ? await run() : await soft(name, `${ENTRIES[name].label} download`, run);
    }
    log(`cold start: ${RUNS} runs unthrottled, ${RUNS} at ${THROTTLE}x CPU throttling, per entry`);
    const cold = {};
    for (const name of Object.keys(ENTRIES)) {
      cold[name] = {};
      for (const rate of [1, THROTTLE]) {
        const run = () => coldStart(open, name, rate);
        cold[name][rate] = name === 'admin' ? await run() : await soft(name, `${ENTRIES[name].label} cold start at ${rate}x`, run);
      }
    }
    log('memory');
    const memory = await measureMemory(browser, seeds.admin);
    log('keystrokes');
    const keys = { contact: {}, profileAllFilled: {}, contact100Tags: {} };
    for (const rate of [1, THROTTLE]) {
      keys.contact[rate] = await keystrokes(open, rate);
      keys.profileAllFilled[rate] = await soft('portal', `profile keystrokes at ${rate}x`, () =>
        profileKeystrokes(open, seeds.customer.token, rate),
      );
      keys.contact100Tags[rate] = await soft('tags', `keystrokes with ${ATTACHED_TAGS} tags at ${rate}x`, () =>
        taggedKeystrokes(open, rate),
      );
    }
    log(`tag picker with ${GROUP_COUNTS.join(', ')} groups`);
    const growth = {};
    for (const rate of [1, THROTTLE]) growth[rate] = await tagGrowth(open, rate);
    const imported = await soft('import', 'import of 10,000 rows', () =>
      measureImport({ browser, baseUrl: BASE_URL, seed: seeds.admin, throttle: THROTTLE, log }),
    );
    const server = readLoadOutput();
    const report = {
      date: new Date().toISOString(),
      commit: process.env.BENCH_COMMIT || null,
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? null,
        loadAverageAtStart: loadAtStart,
        loadAverageAtEnd: round(os.loadavg()[0], 2),
      },
      browser: `Chromium ${browser.version()}`,
      baseUrl: BASE_URL,
      units: 'bytes; milliseconds; KB = 1024 bytes',
      targets: TARGETS,
      entries: Object.fromEntries(Object.entries(ENTRIES).map(([k, e]) => [k, { label: e.label, path: e.path, field: `#${e.field}` }])),
      bytes,
      coldStart: cold,
      keystrokes: keys,
      growth,
      memory,
      server,
      import: imported,
      problems,
      benchSeconds: Math.round((Date.now() - started) / 100) / 10,
    };
    fs.writeFileSync(path.join(OUT_DIR, 'bench.json'), JSON.stringify(report, null, 2) + '\n');
    fs.writeFileSync(path.join(OUT_DIR, 'bench.md'), markdown(report) + importMarkdown(report.import));
    log(`done in ${report.benchSeconds}s`);
  } finally {
    await browser.close();
  }
}

/** A real token from the server, and the session JSON the app keeps in sessionStorage. */
async function sessionSeed(user) {
  const auth = await fetch(`${BASE_URL}/api/v1/authenticate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(user),
  });
  if (auth.status !== 200) throw new Error(`POST /api/v1/authenticate as ${user.email} answered ${auth.status}`);
  const { auth_token: token, role } = await auth.json();
  const session = await fetch(`${BASE_URL}/api/v1/session`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const info = session.ok ? await session.json() : {};
  // As src/session.rs stores it; anything but "admin" is a customer there too.
  const value = JSON.stringify({
    token,
    role: /^admin$/i.test(info.role ?? role ?? '') ? 'admin' : 'customer',
    email: info.email ?? user.email,
    organisation: info.organisation ?? null,
  });
  return { key: 'bizkit.session', value, token };
}

/**
 * A fresh browser context (cold HTTP cache, empty storage) with the instrumentation, navigated to the
 * entry's page, waiting until its first field accepts input. Returns what the caller needs to go on
 * and to clean up.
 */
async function openForm(browser, seeds, problems, name, { rate = 1, groups = null, onContext = null } = {}) {
  const entry = ENTRIES[name];
  const seed = seeds[entry.user];
  const context = await browser.newContext({ baseURL: BASE_URL });
  await context.addInitScript(pageInstrumentation, {
    key: entry.tokenInHash ? null : seed.key,
    value: seed.value,
    field: entry.field,
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`uncaught ${error.name}: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    if (/panicked at|RuntimeError: unreachable/.test(text)) problems.push(`panic: ${text}`);
  });
  if (groups !== null) {
    const body = JSON.stringify(generateGroups(groups));
    await page.route('**/bff/customer-group/list', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body }),
    );
  }
  if (onContext) await onContext(context, page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const groupList = page.waitForResponse((r) => r.url().includes('/bff/customer-group/list'), {
    timeout: 60_000,
  });
  groupList.catch(() => {});
  const url = entry.tokenInHash ? `${entry.path}#token=${encodeURIComponent(seed.token)}` : entry.path;
  await page.goto(url, { waitUntil: 'commit' });
  const ready = await page
    .waitForFunction(() => window.__bench?.ready, null, { timeout: 60_000, polling: 100 })
    .then((handle) => handle.jsonValue())
    .catch(async (error) => {
      const shot = path.join(OUT_DIR, `not-ready-${name}.png`);
      await page.screenshot({ path: shot }).catch(() => {});
      await context.close().catch(() => {});
      throw new Error(`${entry.path} never accepted input in #${entry.field} (see ${shot}): ${error.message}`);
    });
  return { context, page, cdp, ready, groupList };
}

/**
 * Every response of a cold load until the network is idle, bodies as the page fetched them, sorted
 * by type. API calls (/api/, /bff/: the session, the profile, the group list) are data, not the
 * app, and are listed apart; so are the widget's host page's own files.
 */
async function measureBytes(open, name) {
  const entry = ENTRIES[name];
  const responses = [];
  const { context, page } = await open(name, {
    onContext: (context) =>
      context.on('requestfinished', (request) => responses.push(request)),
  });
  await page.waitForLoadState('networkidle').catch(() => {});
  const rows = {};
  const api = emptyRow();
  const host = emptyRow();
  for (const request of responses) {
    const response = await request.response();
    if (!response) continue;
    const body = await response.body().catch(() => Buffer.alloc(0));
    const sizes = await request.sizes().catch(() => ({ responseBodySize: body.length }));
    const pathname = new URL(request.url()).pathname;
    const file = {
      url: pathname,
      raw: body.length,
      ...compressed(body),
      served: sizes.responseBodySize,
      encoding: response.headers()['content-encoding'] ?? null,
    };
    if (/^\/(api|bff)\//.test(pathname)) {
      addFile(api, file);
    } else if (entry.own && !entry.own(pathname)) {
      addFile(host, file);
    } else {
      addFile((rows[classify(request, response)] ??= emptyRow()), file);
    }
  }
  await context.close();
  const order = ['wasm', 'JS', 'CSS', 'HTML', 'other'];
  const byType = Object.fromEntries(order.filter((t) => rows[t]).map((t) => [t, rows[t]]));
  const total = emptyRow();
  delete total.files;
  for (const row of Object.values(byType)) for (const k of Object.keys(total)) total[k] += row[k];
  const target = { admin: TARGETS.adminGzipBytes, widget: TARGETS.widgetGzipBytes }[name] ?? null;
  return {
    page: entry.path,
    note: 'every response of a cold load until network idle, bodies as fetched; gzip = node zlib level 9, brotli = quality 11; served = body bytes as the server sent them',
    byType,
    total,
    targetGzip: target,
    targetMet: target === null ? null : total.gzip <= target,
    apiCalls: api,
    ...(entry.own ? { hostPage: host } : {}),
  };
}

function emptyRow() {
  return { files: [], raw: 0, gzip: 0, brotli: 0, served: 0 };
}

function addFile(row, file) {
  row.files.push(file);
  for (const k of ['raw', 'gzip', 'brotli', 'served']) row[k] += file[k];
}

function compressed(body) {
  const gzip = zlib.gzipSync(body, { level: 9 }).length;
  const brotli = zlib.brotliCompressSync(body, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  }).length;
  return { gzip, brotli };
}

function classify(request, response) {
  const url = new URL(request.url()).pathname;
  const type = (response.headers()['content-type'] ?? '').split(';')[0];
  if (url.endsWith('.wasm') || type === 'application/wasm') return 'wasm';
  if (url.endsWith('.js') || url.endsWith('.mjs') || type.includes('javascript')) return 'JS';
  if (url.endsWith('.css') || type === 'text/css') return 'CSS';
  if (request.resourceType() === 'document' || type === 'text/html') return 'HTML';
  return 'other';
}

async function coldStart(open, name, rate) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, ready } = await open(name, { rate });
    runs.push(round(ready));
    await context.close();
  }
  return { runs, median: median(runs), min: Math.min(...runs), max: Math.max(...runs) };
}

/** Types each field's 20 characters, one field after the other, in one page. */
async function keystrokes(open, rate) {
  const { context, page } = await open('admin', { rate });
  const fields = {};
  for (const [name, { selector, text }] of Object.entries(TYPED)) {
    fields[name] = await typeInto(page, selector, text);
  }
  await context.close();
  return fields;
}

/**
 * The profile with every field filled: the full profile stored through the API (so the form opens
 * with all 19 filled, groups joined), then every text field changed in the page (fill, unthrottled,
 * not measured), then the phone and the full name typed over, key by key, at `rate`.
 */
async function profileKeystrokes(open, token, rate) {
  const stored = await fetch(`${BASE_URL}/api/v1/customer/update-profile`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(FULL_PROFILE),
  });
  if (stored.status !== 200) {
    throw new Error(`storing the full profile answered ${stored.status}: ${await stored.text()}`);
  }
  const { context, page, cdp } = await open('portal');
  for (const [name, value] of Object.entries(PROFILE_EDITS)) await page.fill(`#profile-${name}`, value);
  await page.fill('#profile-groups', 'Stálí zákazníci');
  await page.press('#profile-groups', 'Enter');
  await settle(page);
  // What is left empty: nothing but the tag picker's input (emptied by adding the tag).
  const empty = await page.evaluate(() =>
    [...document.querySelectorAll('form[data-form="profile"] input:not([type=checkbox]):not([type=color]), form[data-form="profile"] textarea')]
      .filter((el) => el.value.trim() === '')
      .map((el) => el.id),
  );
  const unsaved = await page.evaluate(() => document.querySelector('.unsaved')?.textContent.trim() ?? '');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const fields = {};
  for (const [name, { selector, text }] of Object.entries(PROFILE_TYPED)) {
    fields[name] = await typeInto(page, selector, text, { replace: true });
  }
  await context.close();
  return { fields, emptyFieldsBeforeTyping: empty, unsavedNotice: unsaved };
}

/**
 * The contact form with 100 tags attached: 100 existing groups served, each picked by typing its
 * name (fill) and Enter, unthrottled and not measured; then the e-mail field and the tag picker's
 * input typed into at `rate`.
 */
async function taggedKeystrokes(open, rate) {
  const { context, page, cdp, groupList } = await open('admin', { groups: ATTACHED_TAGS });
  await groupList;
  await settle(page);
  for (let i = 0; i < ATTACHED_TAGS; i++) {
    await page.fill(TAG_INPUT, `Skupina ${i}`);
    await page.press(TAG_INPUT, 'Enter');
  }
  await settle(page);
  const attached = await page.evaluate(
    (selector) => document.querySelector(selector)?.closest('.tag-picker')?.querySelectorAll('ul.tags > li').length ?? 0,
    TAG_INPUT,
  );
  if (attached !== ATTACHED_TAGS) throw new Error(`${attached} tags attached, not ${ATTACHED_TAGS}`);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const fields = {
    email: await typeInto(page, TYPED.email.selector, TYPED.email.text),
    tagInput: await typeInto(page, TAG_INPUT, TAG_TEXT),
  };
  await context.close();
  return { fields, tagsAttached: attached };
}

/** Two frames: what the last action changed is rendered. */
function settle(page) {
  return page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

async function typeInto(page, selector, text, { afterKey = null, replace = false } = {}) {
  await page.focus(selector);
  // Over the whole value: the first key replaces it, so the field is never empty while typing.
  if (replace) await page.keyboard.press('ControlOrMeta+A');
  const before = await page.evaluate(() => window.__bench.samples.length);
  let missing = 0;
  let extra = null;
  for (let i = 0; i < text.length; i++) {
    const want = before + i + 1 - missing;
    await page.keyboard.type(text[i]);
    const complete = await page
      .waitForFunction(
        (n) => window.__bench.samples.length >= n && window.__bench.samples[n - 1].frame2 !== null,
        want,
        { timeout: 5_000, polling: 10 },
      )
      .then(() => true)
      .catch(() => false);
    if (!complete) missing++;
    if (afterKey && i === afterKey.index) extra = await afterKey.run(page);
    // A random pause, so keystrokes do not line up with the frame clock.
    await sleep(20 + Math.random() * 17);
  }
  const samples = await page.evaluate((from) => window.__bench.samples.slice(from), before);
  // What the field holds after the last key: shows the keys arrived where they were meant to.
  const valueAfter = await page.locator(selector).inputValue().catch(() => null);
  const pick = (k) => samples.map((s) => s[k]).filter((v) => v !== null);
  return {
    keys: text.length,
    samples: samples.length,
    valueAfter,
    noInputEvent: missing,
    frame: stats(pick('frame')),
    frame2: stats(pick('frame2')),
    proc: stats(pick('proc')),
    ...(extra === null ? {} : { extra }),
  };
}

/**
 * JS heap and wasm memory after loading the form and typing 20 keys into the e-mail field. Driven by
 * raw CDP only (Runtime.evaluate, Input.dispatchKeyEvent), never by Playwright's page.evaluate or
 * locators, whose injected script would live in the same V8 heap and be counted. An empty page in a
 * fresh context gives the browser's own floor for comparison.
 */
async function measureMemory(browser, seed) {
  const heapOf = async (cdp) => {
    await cdp.send('HeapProfiler.collectGarbage').catch(() => {});
    return cdp.send('Runtime.getHeapUsage');
  };
  const evaluate = async (cdp, expression) =>
    (await cdp.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true })).result
      .value;

  const blank = await browser.newContext({ baseURL: BASE_URL });
  const blankPage = await blank.newPage(); // about:blank
  const blankCdp = await blank.newCDPSession(blankPage);
  const floor = await heapOf(blankCdp);
  await blank.close();

  const context = await browser.newContext({ baseURL: BASE_URL });
  await context.addInitScript(pageInstrumentation, { key: seed.key, value: seed.value, field: ENTRIES.admin.field });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(FORM_PATH, { waitUntil: 'commit' });
  const deadline = Date.now() + 60_000;
  while (!(await evaluate(cdp, 'window.__bench?.ready ?? null'))) {
    if (Date.now() > deadline) throw new Error(`${FORM_PATH} never accepted input (memory run)`);
    await sleep(100);
  }
  await evaluate(cdp, "document.getElementById('contact-email').focus()");
  for (const ch of TYPED.email.text) {
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: ch, text: ch, unmodifiedText: ch });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: ch });
    await sleep(30);
  }
  await evaluate(cdp, 'new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
  const typed = await evaluate(cdp, "document.getElementById('contact-email').value");
  const heap = await heapOf(cdp);
  const wasm = await evaluate(
    cdp,
    `(() => {
      let memory = window.__bench.memory, source = window.__bench.memorySource;
      const candidate = window.wasmBindings?.__wasm?.memory;
      if (!memory && candidate instanceof WebAssembly.Memory) {
        memory = candidate;
        source = 'window.wasmBindings.__wasm.memory';
      }
      return memory ? { bytes: memory.buffer.byteLength, source } : null;
    })()`,
  );
  await context.close();
  const jsHeap = heap.usedSize;
  const total = jsHeap + (wasm?.bytes ?? 0);
  return {
    when: `after loading ${FORM_PATH} and typing 20 keys into the e-mail field (it then held ${JSON.stringify(typed)}), unthrottled, after a forced GC`,
    jsHeapUsed: jsHeap,
    jsHeapTotal: heap.totalSize,
    emptyPageJsHeapUsed: floor.usedSize,
    wasmMemory: wasm?.bytes ?? null,
    wasmMemorySource: wasm?.source ?? 'not found',
    total,
    targetMet: total <= TARGETS.memoryBytes,
  };
}

async function tagGrowth(open, rate) {
  const result = {};
  for (const count of GROUP_COUNTS) {
    const { context, page, groupList } = await open('admin', { rate, groups: count });
    await groupList;
    // Let the app parse the list and build its suggestions before the first key.
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    await sleep(200 * rate);
    const typed = await typeInto(page, TAG_INPUT, TAG_TEXT, {
      afterKey: {
        index: 2, // after "sku": every group matches, the list shows the most it shows
        run: (p) => p.locator('[role="option"]:visible').count(),
      },
    });
    result[count] = { ...typed, optionsAfterSku: typed.extra ?? null };
    delete result[count].extra;
    await context.close();
  }
  const first = result[GROUP_COUNTS[0]].frame.p95;
  const last = result[GROUP_COUNTS[GROUP_COUNTS.length - 1]].frame.p95;
  const worst = Math.max(...GROUP_COUNTS.map((c) => result[c].frame.p95));
  return {
    counts: result,
    ratio: round(worst / first, 2),
    flatWithin2x: worst <= TARGETS.growthFactor * first,
    lastOverFirst: round(last / first, 2),
  };
}

function generateGroups(count) {
  const colors = ['#2563eb', '#16a34a', '#d97706', '#db2777', '#7c3aed', '#0891b2', '#dc2626', '#4b5563'];
  return Array.from({ length: count }, (_, i) => ({
    slug: `skupina-${i}`,
    name: `Skupina ${i}`,
    color: colors[i % colors.length],
  }));
}

function readLoadOutput() {
  const file = process.env.BENCH_LOAD_OUTPUT;
  if (!file || !fs.existsSync(file)) return { note: 'not run' };
  const text = fs.readFileSync(file, 'utf8');
  const m = text.match(
    /(\d+) contact creates.*?concurrency (\d+): (\d+) creates\/s, p50 ([\d.]+) ms, p99 ([\d.]+) ms, max ([\d.]+) ms, errors (\d+)/,
  );
  if (!m) return { note: 'could not parse the load output', output: text.trim() };
  return {
    creates: Number(m[1]),
    concurrency: Number(m[2]),
    createsPerSecond: Number(m[3]),
    p50: Number(m[4]),
    p99: Number(m[5]),
    max: Number(m[6]),
    errors: Number(m[7]),
    output: text.trim(),
  };
}

// ---- the report ----

function markdown(r) {
  const t = r.targets;
  const kb = (n) => (n === null || n === undefined ? 'n/a' : `${(n / KB).toFixed(1)} KB`);
  const ms = (n) => (n === null || n === undefined ? 'n/a' : `${n.toFixed(1)} ms`);
  const mb = (n) => (n === null || n === undefined ? 'n/a' : `${(n / KB / KB).toFixed(2)} MB`);
  const yes = (ok) => (ok === null || ok === undefined ? 'n/a' : ok ? 'yes' : '**no**');
  const lines = [];
  const table = (head, rows) => {
    lines.push(`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`);
    for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
    lines.push('');
  };
  const names = Object.keys(r.entries);
  const label = (name) => r.entries[name].label;
  // The worst field's p95 of one keystroke run (null when the run was not measured).
  const fieldsOf = (run) => (run ? (run.fields ?? run) : null);
  const worstP95 = (run) => {
    const fields = fieldsOf(run);
    const p95s = fields ? Object.values(fields).map((f) => f.frame.p95).filter((v) => v !== null) : [];
    return p95s.length ? Math.max(...p95s) : null;
  };
  const KEY_RUNS = {
    contact: { form: 'contact form', fields: 'e-mail / phone / IČO' },
    profileAllFilled: { form: 'profile, all fields filled', fields: 'phone / full name' },
    contact100Tags: { form: `contact form, ${ATTACHED_TAGS} tags`, fields: 'e-mail / tag input' },
  };
  const g = r.growth[THROTTLE];
  // The portal is the same app: when it loads the very same files, the admin target says it all.
  const files = (b) =>
    Object.entries(b.byType)
      .flatMap(([type, row]) => row.files.map((f) => `${type === 'HTML' ? 'the page' : f.url} ${f.raw}`))
      .sort()
      .join('\n');
  const sameFiles = (a, b) => Boolean(a && b && a !== b && files(a) === files(b));

  lines.push(`# bizkit-forms bench`, '');
  lines.push(
    `${r.date}${r.commit ? `, commit ${r.commit}` : ''}; ${r.browser}; ${r.machine.cpus} CPUs (${r.machine.cpuModel}); ` +
      `browser part took ${r.benchSeconds}s; 1-minute load average ${r.machine.loadAverageAtStart} at start, ${r.machine.loadAverageAtEnd} at end ` +
      `(timings are only comparable on an otherwise idle machine). KB = 1024 bytes. Targets are reported, never enforced.`,
    '',
  );
  const summary = [];
  for (const name of names) {
    const b = r.bytes[name];
    const what = name === 'widget' ? 'its own files' : 'gzip -9 total';
    summary.push([
      `Download: ${label(name)}, ${r.entries[name].path}, ${what}`,
      b ? `${kb(b.total.gzip)} gzip (brotli ${kb(b.total.brotli)})` : 'not measured',
      b?.targetGzip ? `≤ ${kb(b.targetGzip)}` : sameFiles(b, r.bytes.admin) ? 'none of its own (the admin app’s files)' : '',
      b?.targetGzip ? yes(b.targetMet) : '',
    ]);
  }
  for (const name of names) {
    const c = r.coldStart[name][THROTTLE];
    summary.push([
      `Cold start to usable form: ${label(name)}, median of ${RUNS}, ${THROTTLE}x CPU`,
      c ? ms(c.median) : 'not measured',
      `≤ ${t.coldStartThrottledMs} ms`,
      c ? yes(c.median <= t.coldStartThrottledMs) : 'n/a',
    ]);
  }
  summary.push([
    `Cold start to usable form, median of ${RUNS}, no throttling`,
    names.map((name) => `${label(name)} ${r.coldStart[name][1] ? ms(r.coldStart[name][1].median) : 'n/a'}`).join('; '),
    '',
    '',
  ]);
  for (const [key, what] of Object.entries(KEY_RUNS)) {
    const p95 = worstP95(r.keystrokes[key][THROTTLE]);
    summary.push([
      `Keystroke → next frame, p95, worst field, ${THROTTLE}x CPU: ${what.form} (${what.fields})`,
      p95 === null ? 'not measured' : ms(p95),
      `≤ ${t.keystrokeP95ThrottledMs} ms`,
      p95 === null ? 'n/a' : yes(p95 <= t.keystrokeP95ThrottledMs),
    ]);
  }
  summary.push([
    'Keystroke → next frame, p95, worst field, no throttling',
    Object.entries(KEY_RUNS)
      .map(([key, what]) => `${what.form} ${ms(worstP95(r.keystrokes[key][1]))}`)
      .join('; '),
    '',
    '',
  ]);
  summary.push(
    [`Tag picker 10 → 10,000 groups, p95 worst/10, ${THROTTLE}x CPU`, `${g.ratio.toFixed(2)}x`, `flat within ${t.growthFactor}x`, yes(g.flatWithin2x)],
    ['Memory: JS heap + wasm memory', r.memory ? mb(r.memory.total) : 'n/a', `≤ ${mb(t.memoryBytes)}`, r.memory ? yes(r.memory.targetMet) : 'n/a'],
    [
      `Server: ${r.server.creates ?? '?'} creates, concurrency ${r.server.concurrency ?? '?'}`,
      r.server.createsPerSecond !== undefined ? `${r.server.createsPerSecond} creates/s, p50 ${r.server.p50} ms, p99 ${r.server.p99} ms` : r.server.note,
      '',
      '',
    ],
  );
  table(['Measure', 'Result', 'Target', 'Met'], summary);

  lines.push('## Download (cold cache)', '');
  const byteRows = [];
  const apiNotes = [];
  for (const name of names) {
    const b = r.bytes[name];
    if (!b) {
      byteRows.push([`**${label(name)}**`, 'not measured', '', '', '', '', '']);
      continue;
    }
    for (const [type, row] of Object.entries(b.byType)) {
      byteRows.push([label(name), type, String(row.files.length), kb(row.raw), kb(row.gzip), kb(row.brotli), kb(row.served)]);
    }
    const target = b.targetGzip ? ` (target ≤ ${kb(b.targetGzip)}: ${yes(b.targetMet)})` : '';
    byteRows.push([`**${label(name)} total**`, '', '', kb(b.total.raw), `**${kb(b.total.gzip)}**${target}`, kb(b.total.brotli), kb(b.total.served)]);
    if (b.hostPage?.files.length) {
      const h = b.hostPage;
      byteRows.push([`${label(name)}: host page, not counted`, h.files.map((f) => f.url).join(', '), String(h.files.length), kb(h.raw), kb(h.gzip), kb(h.brotli), kb(h.served)]);
    }
    const other = b.byType.other?.files.map((f) => f.url).join(', ');
    if (other) apiNotes.push(`${label(name)} "other": ${other}.`);
    if (b.apiCalls.files.length) {
      apiNotes.push(
        `${label(name)} API calls, not counted: ${b.apiCalls.files.map((f) => f.url).join(', ')} (${kb(b.apiCalls.raw)} raw).`,
      );
    }
  }
  table(['Entry', 'Type', 'Files', 'Raw', 'gzip -9', 'brotli 11', 'As served'], byteRows);
  lines.push(
    'Every response the page received until the network was idle, bodies as fetched. "As served" is the body as the server sent it (its own compression, if any). ' +
      `The widget is measured on ${r.entries.widget.path}: its own files are those under /widget/ (loader, glue, wasm, stylesheets); the host page's are listed, not counted. ` +
      apiNotes.join(' '),
    '',
  );

  lines.push('## Cold start: navigation start → the first field exists and accepts input', '');
  const coldRows = [];
  for (const name of names) {
    for (const rate of [1, THROTTLE]) {
      const c = r.coldStart[name][rate];
      const cpu = rate === 1 ? 'no throttling' : `${rate}x slower`;
      coldRows.push(
        c
          ? [label(name), r.entries[name].field, cpu, ms(c.median), ms(c.min), ms(c.max), c.runs.map((v) => v.toFixed(0)).join(', ')]
          : [label(name), r.entries[name].field, cpu, 'not measured', '', '', ''],
      );
    }
  }
  table(['Entry', 'Field', 'CPU', 'Median', 'Min', 'Max', 'Runs'], coldRows);
  lines.push(
    'Each run in a fresh browser context (empty cache and storage). The app\'s session is pre-seeded in sessionStorage (admin, resp. the demo customer); ' +
      `the widget gets the customer's token as its host page hands it over (${r.entries.widget.path}#token=…) and its field is found in the widget's shadow root. ` +
      'Polled every frame: set a value on the field and fire `input`; accepted when the value is still there a frame later; the time is that of the set. ' +
      'The portal and the widget show the form only once the stored profile is loaded, so their time includes that API call.',
    '',
  );

  lines.push('## Keystroke → next frame (20 keys per field)', '');
  const keyRows = [];
  for (const [key, what] of Object.entries(KEY_RUNS)) {
    for (const rate of [1, THROTTLE]) {
      const fields = fieldsOf(r.keystrokes[key][rate]);
      if (!fields) {
        keyRows.push([what.form, what.fields, `${rate}x`, 'not measured', '', '', '', '', '']);
        continue;
      }
      for (const [name, f] of Object.entries(fields)) {
        keyRows.push([
          what.form,
          name,
          `${rate}x`,
          `${f.samples}/${f.keys}`,
          ms(f.frame.median),
          ms(f.frame.p95),
          ms(f.frame2.p95),
          ms(f.proc.median),
          ms(f.proc.p95),
        ]);
      }
    }
  }
  table(['Form', 'Field', 'CPU', 'Samples', 'Next frame median', 'Next frame p95', 'Double rAF p95', 'Input handled median', 'Input handled p95'], keyRows);
  const filled = r.keystrokes.profileAllFilled[THROTTLE] ?? r.keystrokes.profileAllFilled[1];
  const tagged = r.keystrokes.contact100Tags[THROTTLE] ?? r.keystrokes.contact100Tags[1];
  lines.push(
    'From the keydown event\'s timestamp (capture listener) to: the first requestAnimationFrame callback after the input handler ("next frame", the measure the target is for), ' +
      'the rAF after that ("double rAF": the first frame painted), and the end of the app\'s input handler and its microtasks ("input handled", no frame wait). ' +
      'Keys sent with CDP Input.dispatchKeyEvent (page.keyboard), one at a time, at random 20–37 ms gaps. The next-frame time includes waiting for the 60 Hz frame clock.',
    '',
    `Profile, all fields filled: the demo customer's profile stored with all 19 fields through the API, then every text field but the IČO changed in the page and a tag added (unsaved changes: ${JSON.stringify(filled?.unsavedNotice ?? 'n/a')}; ` +
      `empty before typing: ${filled ? filled.emptyFieldsBeforeTyping.map((id) => `#${id}`).join(', ') || 'none' : 'n/a'}); ` +
      'then the phone and the full name typed over (select all, 20 keys). ' +
      `Contact form with tags: ${tagged?.tagsAttached ?? 'n/a'} existing groups attached in the tag picker (typed by name + Enter), then "${TYPED.email.text}" into the e-mail field and "${TAG_TEXT}" into the tag input. ` +
      'The setup runs unthrottled; throttling is switched on just before typing.',
    '',
  );

  lines.push('## Growth: tag picker (#contact-groupList) with many existing groups', '');
  const growthRows = [];
  for (const rate of [1, THROTTLE]) {
    for (const [count, c] of Object.entries(r.growth[rate].counts)) {
      growthRows.push([
        `${Number(count).toLocaleString('en')}${rate === 1 ? '' : `, ${rate}x CPU`}`,
        `${c.samples}/${c.keys}`,
        String(c.optionsAfterSku ?? 'n/a'),
        ms(c.frame.median),
        ms(c.frame.p95),
        ms(c.proc.p95),
      ]);
    }
    growthRows.push([`flat within 2x${rate === 1 ? '' : `, ${rate}x CPU`}`, '', '', '', `${yes(r.growth[rate].flatWithin2x)} (${r.growth[rate].ratio.toFixed(2)}x)`, '']);
  }
  table(['Groups', 'Samples', 'Options after "sku"', 'Next frame median', 'Next frame p95', 'Input handled p95'], growthRows);
  lines.push(`Groups served by page.route on /bff/customer-group/list; typed "${TAG_TEXT}".`, '');

  lines.push('## Memory', '');
  if (r.memory) {
    table(
      ['JS heap used', 'JS heap total', 'wasm memory', 'Total (used + wasm)', 'Target', 'Empty page, JS heap used'],
      [[mb(r.memory.jsHeapUsed), mb(r.memory.jsHeapTotal), mb(r.memory.wasmMemory), mb(r.memory.total), `≤ ${mb(t.memoryBytes)}: ${yes(r.memory.targetMet)}`, mb(r.memory.emptyPageJsHeapUsed)]],
    );
    lines.push(
      `${r.memory.when}. JS heap: CDP Runtime.getHeapUsage usedSize (driven by raw CDP, so no Playwright script is in the heap); ` +
        `wasm memory: WebAssembly.Memory buffer size, found via ${r.memory.wasmMemorySource}. "Empty page": about:blank in a fresh context, the browser's own floor.`,
      '',
    );
  }

  lines.push('## Server', '');
  if (r.server.createsPerSecond !== undefined) {
    table(
      ['Creates', 'Concurrency', 'Creates/s', 'p50', 'p99', 'max', 'Errors'],
      [[r.server.creates, r.server.concurrency, r.server.createsPerSecond, ms(r.server.p50), ms(r.server.p99), ms(r.server.max), r.server.errors].map(String)],
    );
    lines.push('`cargo run -p bizkit-bff --profile server --example load -- 2000 8` (own server, SQLite file, loopback). It prints p50/p99/max, no p95.', '');
  } else {
    lines.push(r.server.note, '');
  }

  if (r.problems.length) {
    lines.push('## Problems seen in the page', '', ...r.problems.map((p) => `- ${p}`), '');
  }
  return lines.join('\n');
}

// ---- small helpers ----

function stats(values) {
  if (values.length === 0) return { n: 0, median: null, p95: null, max: null };
  return {
    n: values.length,
    median: round(median(values)),
    p95: round(percentile(values, 0.95)),
    max: round(Math.max(...values)),
  };
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Nearest rank: the smallest value with at least p of the values at or below it. */
function percentile(values, p) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length, Math.max(1, Math.ceil(p * s.length))) - 1];
}

function round(n, digits = 1) {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const STARTED = Date.now();

function log(message) {
  console.log(`bench: ${((Date.now() - STARTED) / 1000).toFixed(0).padStart(3)}s ${message}`);
}

function requiredEnv(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`bench: ${name} is not set; run \`cargo xtask bench\``);
    process.exit(2);
  }
  return value;
}

main().catch((error) => {
  console.error(`bench: ${error.stack ?? error}`);
  process.exit(1);
});
