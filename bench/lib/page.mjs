// Opening an app's page in a fresh browser context with the bench's instrumentation, and typing into
// it key by key. Shared by every measure, for both apps, so "interactive" and "a keystroke" mean the
// same on both sides.
import path from 'node:path';
import { sleep, stats } from './util.mjs';

/**
 * Runs in every document before the app: seeds sessionStorage (so sign-in is not measured; the
 * widget gets its token from the URL instead), captures the wasm memory from Trunk's start event,
 * probes when the form accepts input, samples keystrokes, and keeps the Event Timing entries the
 * browser reports to an observer (for the threshold comparison of the event-timing measure).
 */
export function pageInstrumentation({ storage, field }) {
  try {
    if (location.origin !== 'null') {
      for (const [key, value] of storage) if (!sessionStorage.getItem(key)) sessionStorage.setItem(key, value);
    }
  } catch {
    /* storage unavailable: the app shows sign-in and the probe times out */
  }
  const bench = { ready: null, apiBeforeReady: [], memory: null, memorySource: null, samples: [], observed: [] };
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
  // What an Event Timing observer is given: only events of duration ≥ durationThreshold (16 ms at
  // the least), so keystrokes faster than that never show up here.
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        bench.observed.push({ name: e.name, startTime: e.startTime, processingEnd: e.processingEnd, interactionId: e.interactionId });
      }
    }).observe({ type: 'event', durationThreshold: 16 });
  } catch {
    /* no Event Timing: the comparison says 0 observed */
  }

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
      // The API calls answered before the form was usable: the time the page waited for data.
      bench.apiBeforeReady = performance
        .getEntriesByType('resource')
        .filter((r) => /\/(api|bff)\//.test(new URL(r.name).pathname) && r.responseEnd > 0 && r.responseEnd <= attempt.at)
        .map((r) => ({ url: new URL(r.name).pathname, start: r.startTime, end: r.responseEnd }));
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
  //    the app's handler (Leptos delegates `input` to window, React listens on its root) and its
  //    microtasks (the script cost, without waiting for a frame);
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

/**
 * A fresh browser context (cold HTTP cache, empty storage) with the instrumentation, navigated to the
 * app's page, waiting until its field accepts input. `groups`: serve that many generated groups as
 * our group list (ours only). Returns what the caller needs to go on and to clean up; `data` settles
 * once the page's data requests (`entry.data`) have answered.
 */
export async function openPage(ctx, app, pageKey, { rate = 1, groups = null, onContext = null } = {}) {
  const entry = app.pages[pageKey];
  const context = await ctx.browser.newContext({ baseURL: app.baseUrl });
  await context.addInitScript(pageInstrumentation, { storage: entry.storage ?? [], field: entry.field });
  const page = await context.newPage();
  const where = `${app.label} ${entry.path}`;
  page.on('pageerror', (error) => ctx.problems.push(`${where}: uncaught ${error.name}: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    if (/panicked at|RuntimeError: unreachable/.test(text)) ctx.problems.push(`${where}: panic: ${text}`);
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
  const data = Promise.all(
    (entry.data ?? []).map((part) => page.waitForResponse((r) => r.url().includes(part), { timeout: 60_000 })),
  );
  data.catch(() => {});
  await page.goto(`${entry.path}${entry.hash ?? ''}`, { waitUntil: 'commit' });
  const ready = await page
    .waitForFunction(() => window.__bench?.ready, null, { timeout: 60_000, polling: 100 })
    .then((handle) => handle.jsonValue())
    .catch(async (error) => {
      const shot = path.join(ctx.outDir, `not-ready-${app.id}-${pageKey}.png`);
      await page.screenshot({ path: shot }).catch(() => {});
      await context.close().catch(() => {});
      throw new Error(`${where} never accepted input in #${entry.field} (see ${shot}): ${error.message}`);
    });
  return { context, page, cdp, ready, data };
}

export function generateGroups(count) {
  const colors = ['#2563eb', '#16a34a', '#d97706', '#db2777', '#7c3aed', '#0891b2', '#dc2626', '#4b5563'];
  return Array.from({ length: count }, (_, i) => ({
    slug: `skupina-${i}`,
    name: `Skupina ${i}`,
    color: colors[i % colors.length],
  }));
}

/** Two frames: what the last action changed is rendered. */
export function settle(page) {
  return page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/**
 * Types `text` into `selector` one key at a time (CDP Input.dispatchKeyEvent via page.keyboard),
 * each key once the previous one's double rAF is in, at random 20–37 ms gaps. `replace`: select the
 * whole value first, so the first key replaces it and the field is never empty while typing.
 * Returns the next-frame figures and the keydown timestamps of the first and last sample (`from`,
 * `to`: page time), by which other measures tell this field's keystrokes from the next field's.
 */
export async function typeInto(page, selector, text, { afterKey = null, replace = false } = {}) {
  await page.focus(selector);
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
    from: samples.length ? samples[0].start : null,
    to: samples.length ? samples[samples.length - 1].start : null,
    frame: stats(pick('frame')),
    frame2: stats(pick('frame2')),
    proc: stats(pick('proc')),
    ...(extra === null ? {} : { extra }),
  };
}
