// Reading Event Timing out of a Chromium trace. Why a trace and not a PerformanceObserver: an
// observer is only given events whose duration (to the next paint, rounded to 8 ms) is at least
// `durationThreshold`, and that is 16 ms at the least, so fast keystrokes never reach it and a p95
// over what it reports is a p95 of the slow ones. `first-input` is reported whatever its duration,
// but once per page. Chromium (checked on 156) emits an `EventTiming` trace event in the
// `devtools.timeline` category for *every* event it times, with the same timeStamp,
// processingStart, processingEnd and interactionId the observer would get (in ms of the page's
// performance.now(), unrounded), so a trace gives the Event Timing figure of every keystroke.
//
// One keystroke (page.keyboard.type) is keydown, keypress, beforeinput, input and keyup. keydown,
// keypress and keyup share one interactionId; beforeinput and input have interactionId 0. The text is
// inserted in keypress's default action, so beforeinput and input are dispatched *inside* keypress's
// processing: keypress.processingEnd is after the app's input handlers. A keystroke's figure is the
// largest processingEnd - startTime over the entries of its interaction, which is in practice
// keypress's: from the key's timestamp to the end of the input handlers, queueing included.
//
// `EventDispatch` trace events time the dispatch alone: their duration equals processingEnd -
// processingStart (to ~0.02 ms), so they miss the wait between the key's timestamp and the start of
// processing, which a busy or throttled main thread makes real; they carry no interactionId either.

const KEY_EVENTS = new Set(['keydown', 'keypress', 'keyup']);

/** The EventTiming and EventDispatch events of a trace (its JSON, parsed), as plain records. */
export function eventTimingRecords(trace) {
  const events = Array.isArray(trace) ? trace : (trace?.traceEvents ?? []);
  const timing = [];
  const dispatch = [];
  for (const e of events) {
    if (e.name === 'EventTiming' && (e.ph === 'b' || e.ph === 'X' || e.ph === 'B') && e.args?.data?.type) {
      const d = e.args.data;
      timing.push({
        type: d.type,
        frame: d.frame ?? null,
        timeStamp: d.timeStamp,
        processingStart: d.processingStart,
        processingEnd: d.processingEnd,
        interactionId: d.interactionId ?? 0,
        duration: d.duration ?? null,
      });
    } else if (e.name === 'EventDispatch' && e.ph === 'X' && e.args?.data?.type) {
      dispatch.push({ type: e.args.data.type, ms: (e.dur ?? 0) / 1000 });
    }
  }
  return { timing, dispatch };
}

/**
 * One record per keystroke: the key events sharing an interactionId, their figure the largest
 * processingEnd - timeStamp among them, `at` the keydown's timestamp. Only the given frame's events
 * when `frame` is set and the trace has any of it.
 */
export function keystrokes(timing, frame = null) {
  const inFrame = frame && timing.some((t) => t.frame === frame) ? timing.filter((t) => t.frame === frame) : timing;
  const byInteraction = new Map();
  for (const t of inFrame) {
    if (!KEY_EVENTS.has(t.type) || !t.interactionId) continue;
    const list = byInteraction.get(t.interactionId) ?? [];
    list.push(t);
    byInteraction.set(t.interactionId, list);
  }
  const out = [];
  for (const [interactionId, list] of byInteraction) {
    const keydown = list.find((t) => t.type === 'keydown');
    out.push({
      interactionId,
      at: (keydown ?? list[0]).timeStamp,
      ms: Math.max(...list.map((t) => t.processingEnd - t.timeStamp)),
      types: list.map((t) => t.type),
    });
  }
  return out.sort((a, b) => a.at - b.at);
}

/** The keystrokes whose keydown is within [from, to] (ms, page time), with `slack` either side. */
export function within(list, from, to, slack = 1) {
  if (from === null || to === null) return [];
  return list.filter((k) => k.at >= from - slack && k.at <= to + slack);
}
