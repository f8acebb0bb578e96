// Unit tests of the bench's parsing and summing: `node --test bench/` (`cargo xtask test bench-js`).
import assert from 'node:assert/strict';
import test from 'node:test';
import { busy } from '../measures/cold-start.mjs';
import { comparisonTable, compareRow, markdown, targetRow, targetsTable, text, wrap } from './report.mjs';
import { eventTimingRecords, keystrokes, within } from './trace.mjs';
import { percentile, ratio, stats } from './util.mjs';

/** One EventTiming trace event as Chromium 156 writes it (the begin of a nestable async pair). */
const timing = (type, timeStamp, processingStart, processingEnd, interactionId, frame = 'F1') => ({
  name: 'EventTiming',
  ph: 'b',
  cat: 'devtools.timeline',
  args: { data: { type, timeStamp, processingStart, processingEnd, interactionId, frame, duration: 16 } },
});

test('reads EventTiming and EventDispatch out of a trace, ignoring the rest', () => {
  const trace = {
    traceEvents: [
      timing('keydown', 10, 11, 12, 7),
      { name: 'EventTiming', ph: 'e', id: '0x1', args: {} },
      { name: 'EventDispatch', ph: 'X', dur: 2500, args: { data: { type: 'keypress' } } },
      { name: 'Layout', ph: 'X', dur: 100, args: {} },
    ],
  };
  const { timing: t, dispatch } = eventTimingRecords(trace);
  assert.deepEqual(t, [{ type: 'keydown', frame: 'F1', timeStamp: 10, processingStart: 11, processingEnd: 12, interactionId: 7, duration: 16 }]);
  assert.deepEqual(dispatch, [{ type: 'keypress', ms: 2.5 }]);
  assert.deepEqual(eventTimingRecords([]).timing, []);
});

test('a keystroke is its interaction: the largest processingEnd - startTime of keydown, keypress, keyup', () => {
  const { timing: t } = eventTimingRecords([
    // Key 1: keypress holds the input handlers (inside its processing), so it is the largest.
    timing('keydown', 100, 101, 102, 5),
    timing('keypress', 100, 102, 109.5, 5),
    timing('beforeinput', 103, 103, 103, 0),
    timing('input', 103.5, 104, 109, 0),
    timing('keyup', 130, 131, 131.2, 5),
    // Key 2, listed out of order; keyup waited long in the queue.
    timing('keyup', 230, 250, 251, 6),
    timing('keydown', 200, 201, 203, 6),
    // Another frame's events are left out when the frame is given.
    timing('keydown', 150, 151, 190, 9, 'F2'),
  ]);
  const keys = keystrokes(t, 'F1');
  assert.deepEqual(
    keys.map((k) => [k.interactionId, k.at, k.ms]),
    [
      [5, 100, 9.5],
      [6, 200, 21],
    ],
  );
  assert.equal(keystrokes(t).length, 3, 'without a frame, every frame counts');
  assert.equal(keystrokes(t, 'nowhere').length, 3, 'a frame the trace lacks filters nothing');
  assert.deepEqual(within(keys, 199.5, 200).map((k) => k.interactionId), [6]);
  assert.deepEqual(within(keys, null, 200), []);
});

test('statistics: nearest-rank p95, ratios', () => {
  const values = Array.from({ length: 20 }, (_, i) => i + 1);
  assert.equal(percentile(values, 0.95), 19);
  assert.deepEqual(stats([3, 1, 2]), { n: 3, median: 2, p95: 3, max: 3 });
  assert.deepEqual(stats([]), { n: 0, median: null, p95: null, max: null });
  assert.equal(ratio(469, 142.6), 3.29);
  assert.equal(ratio(1, 0), null);
  assert.equal(ratio(null, 3), null);
});

test('the time the page waited for data is the union of the API calls in flight', () => {
  assert.equal(busy([]), 0);
  assert.equal(busy([{ start: 10, end: 20 }, { start: 15, end: 30 }, { start: 40, end: 45 }]), 25);
  assert.equal(busy([{ start: 10, end: 50 }, { start: 20, end: 30 }]), 40);
});

test('the side-by-side table says ours / peer and whether a target ratio is met', () => {
  const rows = [
    compareRow({ figure: 'Cold start', page: '/contacts/new', cpu: '4x', unit: 'ms', ours: 400, peer: 500, target: 0.8 }),
    compareRow({ figure: 'Download', page: '/contacts/new', unit: 'bytes', ours: 2048, peer: null }),
  ];
  const table = comparisonTable(rows, [{ id: 'ours' }, { id: 'peer' }]);
  assert.deepEqual(table.rows[0], ['Cold start', '/contacts/new', '4x', '400.0 ms', '500.0 ms', '0.80x', '≤ 0.80x: met']);
  assert.deepEqual(table.rows[1].slice(3, 6), ['2.0 KB', 'n/a', 'n/a']);
  const md = markdown(['# t'], [table]);
  assert.match(md, /\| Cold start \| \/contacts\/new \| 4x \| 400\.0 ms \| 500\.0 ms \| 0\.80x \| ≤ 0\.80x: met \|/);
  assert.match(text([table]), /Cold start\s+\/contacts\/new\s+4x\s+400\.0 ms/);
  assert.deepEqual(wrap('one two three', 7), ['one two', 'three']);
});

test('the targets table checks a size against its maximum and a timing against its ratio', () => {
  const rows = [
    targetRow({ figure: 'Widget', page: '/w', before: '306 KB', unit: 'bytes', ours: 200 * 1024, peer: 100 * 1024, max: 150 * 1024 }),
    targetRow({ figure: 'Cold start', page: '/c', cpu: '4x', before: '~0.9x', unit: 'ms', ours: 300, peer: 500, maxRatio: 0.8 }),
    targetRow({ figure: 'Event timing', page: '/c', cpu: '4x', before: '—', unit: 'ms', ours: 10, peer: null, maxRatio: 0.66 }),
  ];
  assert.deepEqual(rows.map((r) => r.met), [false, true, null]);
  const table = targetsTable(rows);
  assert.deepEqual(table.rows[0].slice(3), ['306 KB', '200.0 KB', '100.0 KB', '2.00x', '≤ 150.0 KB', '**no**']);
  assert.deepEqual(table.rows[1].slice(4), ['300.0 ms', '500.0 ms', '0.60x', '≤ 0.80x', 'yes']);
  assert.deepEqual(table.rows[2].slice(5), ['n/a', 'n/a', '≤ 0.66x', 'n/a']);
});
