// Input event processing: Event Timing's processingEnd - startTime of every keystroke of the typing
// scripts, at 4x CPU, on both apps, read from a Chromium trace (lib/trace.mjs says why a trace and
// what a keystroke's figure is). A pass of its own, apart from the next-frame one, so the trace's
// small cost never touches that figure.
import fs from 'node:fs';
import path from 'node:path';
import { compareRow, targetRow } from '../lib/report.mjs';
import { SCRIPTS, runScript } from '../lib/scripts.mjs';
import { eventTimingRecords, keystrokes, within } from '../lib/trace.mjs';
import { fmt, log, stats } from '../lib/util.mjs';

/** Issue 15: ours at most 0.66x of the peer's p95 at 4x. */
const TARGET_RATIO = 0.66;
const CATEGORIES = ['devtools.timeline'];

export default {
  id: 'eventTiming',
  async run(ctx) {
    const rate = ctx.throttle;
    const result = {};
    const dir = path.join(ctx.outDir, 'traces');
    fs.mkdirSync(dir, { recursive: true });
    for (const scriptId of Object.keys(SCRIPTS)) {
      for (const app of ctx.apps) {
        log(`event timing: ${app.label} ${SCRIPTS[scriptId].label} at ${rate}x, traced`);
        const run = await ctx.soft(app, scriptId, `${SCRIPTS[scriptId].label} event timing at ${rate}x`, async () => {
          const recorded = await runScript(ctx, app, scriptId, rate, tracer(ctx));
          if (!recorded) return null;
          const file = path.join(dir, `${app.id}-${scriptId}-${rate}x.json`);
          fs.writeFileSync(file, JSON.stringify(recorded.recorded.records) + '\n');
          const summary = summarise(recorded);
          if (summary.all.n !== summary.keys) {
            ctx.problems.push(`${app.label} ${SCRIPTS[scriptId].label}: Event Timing reported ${summary.all.n} of ${summary.keys} keystrokes`);
          }
          return { ...summary, records: path.relative(ctx.outDir, file) };
        });
        ((result[app.id] ??= {})[scriptId] ??= {})[rate] = run;
      }
    }
    return result;
  },

  report(result, ctx) {
    const t = ctx.throttle;
    const compare = [];
    const targets = [];
    const rows = [];
    const typeRows = [];
    for (const [scriptId, script] of Object.entries(SCRIPTS)) {
      compare.push(
        compareRow({
          figure: `Input event processing p95 (Event Timing processingEnd − startTime, every keystroke): ${script.label}`,
          page: ctx.ours.pages[script.page].path,
          cpu: `${t}x`,
          unit: 'ms',
          ours: result.ours?.[scriptId]?.[t]?.all.p95,
          peer: result.peer?.[scriptId]?.[t]?.all.p95,
          target: TARGET_RATIO,
        }),
      );
      targets.push(
        targetRow({
          figure: `Input event processing p95: ${script.label}`,
          page: ctx.ours.pages[script.page].path,
          cpu: `${t}x`,
          before: '—',
          unit: 'ms',
          ours: result.ours?.[scriptId]?.[t]?.all.p95,
          peer: result.peer?.[scriptId]?.[t]?.all.p95,
          maxRatio: TARGET_RATIO,
        }),
      );
      for (const app of ctx.apps) {
        const r = result[app.id]?.[scriptId]?.[t];
        const name = `${app.label}: ${script.label}`;
        if (!r) {
          rows.push([name, '', 'not measured', '', '', '', '', '', '']);
          continue;
        }
        const fields = Object.entries(r.fields).map(([f, s]) => `${f} ${fmt.ms(s.p95)}`).join(', ');
        rows.push([
          name,
          `${r.all.n}/${r.keys}`,
          fmt.ms(r.all.median),
          `**${fmt.ms(r.all.p95)}**`,
          fmt.ms(r.all.max),
          fields,
          fmt.ms(r.input.p95),
          `${r.observer.keystrokes}/${r.all.n}${r.observer.keystrokes ? `, p95 ${fmt.ms(r.observer.p95)}` : ''}`,
          fmt.ms(r.inPageHandledWorstP95),
        ]);
        for (const [type, s] of Object.entries(r.byType)) {
          typeRows.push([name, type, String(s.eventTiming.n), fmt.ms(s.eventTiming.p95), fmt.ms(s.processing.p95), `${s.dispatch.n}: ${fmt.ms(s.dispatch.p95)}`]);
        }
      }
    }
    return {
      summary: [],
      targets,
      compare,
      sections: [
        {
          title: `Input event processing (Event Timing processingEnd − startTime), ${t}x CPU, every keystroke`,
          head: ['App: script', 'Keystrokes', 'Median', 'p95', 'Max', 'p95 per field', '`input` event alone, p95', 'Seen by an observer (threshold 16 ms)', 'In-page "input handled", worst field p95'],
          rows,
          notes: [
            'The same typing scripts as the next-frame measure, in a pass of their own, with a Chromium trace (category devtools.timeline) recorded from the first key to the last. ' +
              'Chromium emits an `EventTiming` trace event for every event it times, with the same timeStamp (= startTime), processingStart, processingEnd and interactionId a PerformanceObserver ' +
              'would get, but with no duration threshold: an observer is only given events of duration ≥ durationThreshold (16 ms at the least, durations rounded to 8 ms), and `first-input` ' +
              'comes once per page, so a p95 over what an observer sees is a p95 of the slow keystrokes only (the last column: how many it saw).',
            'A keystroke is the keydown, keypress and keyup sharing one interactionId (in Chromium 156 beforeinput and input have interactionId 0); its figure is the largest ' +
              'processingEnd − startTime among them, in practice keypress\'s: the text is inserted in keypress\'s default action, so beforeinput and input — and the apps\' input handlers, ' +
              'where both do their work — run inside keypress\'s processing. It counts from the key\'s timestamp (queueing included) to the end of the handlers; rendering is not in it ' +
              '(the next-frame measure has that). "`input` event alone": the input entry\'s own processingEnd − startTime, which starts only once the text is inserted. ' +
              'The last column is the next-frame measure\'s in-page "input handled" for the same keys of this pass (keydown timestamp → after the input handlers and their microtasks), a cross-check.',
            'Limits: keys come from CDP Input.dispatchKeyEvent (page.keyboard), so startTime is when the renderer got the key, not a hardware timestamp; 4x throttling slows the main thread, ' +
              'not the compositor or the browser process; recording the trace costs a little main-thread time in both apps alike. ' +
              'The viewport is made as tall as the page before the first key: with the default 720 px, headless Chromium 156 reported no Event Timing entry (trace and observer alike) ' +
              'after the first key into the peer\'s tag input below 100 tags, though rAF went on; with the whole page in view every key is reported. The keystroke count is checked on every run. ' +
              'The raw records are in target/bench/traces/.',
          ],
        },
        {
          title: 'Event Timing by event type (cross-check: EventDispatch trace events)',
          head: ['App: script', 'Event', 'Entries', 'processingEnd − startTime p95', 'processingEnd − processingStart p95', 'EventDispatch: n, duration p95'],
          rows: typeRows,
          notes: [
            'Every event of the typing, from the first typed key to the last (the select-all keys before typing over a profile field included). ' +
              'EventDispatch durations match processingEnd − processingStart (the dispatch alone), not processingEnd − startTime: they leave out the wait before processing, so they would ' +
              'understate a keystroke on a busy main thread. They also carry no interactionId, so they cannot be grouped into keystrokes.',
          ],
        },
      ],
    };
  },
};

/**
 * Records a devtools.timeline trace from just before the first key to just after the last. The
 * page gets a viewport as tall as itself first: in headless Chromium 156 with the default 720 px,
 * the peer with 100 tags got no Event Timing entry at all (trace and observer alike) after the
 * first key into its tag input, below the fold, while rAF went on; with the whole page in view
 * every key is reported. The cause was not found (a small viewport with scrolling alone does not
 * do it), so the keystroke count is checked on every run.
 */
function tracer(ctx) {
  let observedBefore = 0;
  let viewport = null;
  return {
    async start(page) {
      const height = await page.evaluate(() => Math.ceil(document.documentElement.scrollHeight));
      const current = page.viewportSize() ?? { width: 1280, height: 720 };
      if (height > current.height) {
        await page.setViewportSize({ width: current.width, height: Math.min(height + 40, 10_000) });
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      }
      viewport = page.viewportSize();
      observedBefore = await page.evaluate(() => window.__bench.observed.length);
      await ctx.browser.startTracing(page, { categories: CATEGORIES });
    },
    async stop(page, cdp) {
      // A frame more, so the last key's entries are complete before the trace ends.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const buffer = await ctx.browser.stopTracing();
      const records = eventTimingRecords(JSON.parse(buffer.toString('utf8')));
      const observed = await page.evaluate((from) => window.__bench.observed.slice(from), observedBefore);
      const frame = await cdp
        .send('Page.getFrameTree')
        .then((tree) => tree.frameTree.frame.id)
        .catch(() => null);
      return { records, observed, frame, viewport };
    },
  };
}

function summarise(run) {
  const { records, observed, frame, viewport } = run.recorded;
  const all = keystrokes(records.timing, frame);
  if (!all.length) throw new Error('the trace has no EventTiming events for the keystrokes (has Chromium changed its trace events?)');
  const fields = {};
  const counted = [];
  let keys = 0;
  for (const [name, f] of Object.entries(run.fields)) {
    keys += f.keys;
    const mine = within(all, f.from, f.to);
    counted.push(...mine);
    fields[name] = stats(mine.map((k) => k.ms));
  }
  const ids = new Set(counted.map((k) => k.interactionId));
  const seen = new Map();
  for (const o of observed) {
    if (!ids.has(o.interactionId)) continue;
    const ms = o.processingEnd - o.startTime;
    seen.set(o.interactionId, Math.max(seen.get(o.interactionId) ?? 0, ms));
  }
  // Only the events of the typed keys (from the first field's first key to the last field's last).
  const firstAt = Math.min(...counted.map((k) => k.at));
  const lastAt = Math.max(...counted.map((k) => k.at));
  const typed = records.timing.filter((t) => t.timeStamp >= firstAt - 1 && t.timeStamp <= lastAt + 1000);
  const byType = {};
  for (const type of ['keydown', 'keypress', 'beforeinput', 'input', 'keyup']) {
    const list = typed.filter((t) => t.type === type);
    if (!list.length) continue;
    byType[type] = {
      eventTiming: stats(list.map((t) => t.processingEnd - t.timeStamp)),
      processing: stats(list.map((t) => t.processingEnd - t.processingStart)),
      dispatch: stats(records.dispatch.filter((d) => d.type === type).map((d) => d.ms)),
    };
  }
  // The in-page "input handled" of the same keys (keydown timestamp → after the input handlers):
  // it should be close to the Event Timing figure, and shows what the trace's presence costs.
  const handled = Object.values(run.fields).map((f) => f.proc.p95).filter((v) => v !== null);
  return {
    keys,
    viewport,
    inPageHandledWorstP95: handled.length ? Math.max(...handled) : null,
    all: stats(counted.map((k) => k.ms)),
    fields,
    input: byType.input?.eventTiming ?? stats([]),
    byType,
    observer: { keystrokes: seen.size, p95: stats([...seen.values()]).p95 },
  };
}
