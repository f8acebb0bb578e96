// The report is tables: every measure returns { summary, compare, sections } made of plain rows, and
// this module renders them as Markdown (bench.md) and as aligned text (bench.txt, what the terminal
// shows). A new measure adds rows; it never formats a report of its own.
import { fmt, ratio } from './util.mjs';

/**
 * A comparison row: one figure of one page for both apps. `unit`: 'bytes' | 'ms'. `target`: an
 * optional ratio (ours / peer's) the issue asks for, lower is better.
 */
export function compareRow({ figure, page, cpu = '', unit, ours, peer, target = null }) {
  return { figure, page, cpu, unit, ours: ours ?? null, peer: peer ?? null, ratio: ratio(ours, peer), target };
}

/**
 * A row of the targets table: one figure, what the issue measured before, ours, the peer's
 * and the ratio, and the target: `max` (ours at most that many `unit`s) or `ratio` (ours / peer's at
 * most that).
 */
export function targetRow({ figure, page, cpu = '', before, unit, ours, peer, max = null, maxRatio = null }) {
  const r = ratio(ours, peer);
  let met = null;
  if (max !== null && ours !== null && ours !== undefined) met = ours <= max;
  if (maxRatio !== null && r !== null) met = r <= maxRatio;
  return { figure, page, cpu, before, unit, ours: ours ?? null, peer: peer ?? null, ratio: r, max, maxRatio, met };
}

/** The targets: ours, the peer's, ratio, target, met. */
export function targetsTable(rows) {
  return {
    title: 'Issue 15 targets (reported, never enforced)',
    head: ['Figure', 'Page', 'CPU', 'Before (issue)', 'Ours', 'Peer', 'Ours / peer', 'Target', 'Met'],
    rows: rows.map((r) => [
      r.figure,
      r.page,
      r.cpu,
      r.before,
      ...sideBySide(r),
      r.max !== null ? `≤ ${formatValue(r.unit, r.max)}` : `≤ ${r.maxRatio.toFixed(2)}x`,
      fmt.yes(r.met),
    ]),
    notes: [],
  };
}

/** A row's ours, peer and ours / peer cells. */
function sideBySide(r) {
  return [formatValue(r.unit, r.ours), formatValue(r.unit, r.peer), fmt.x(r.ratio)];
}

function formatValue(unit, value) {
  if (unit === 'bytes') return value !== null && value >= 1024 * 1024 ? fmt.mb(value) : fmt.kb(value);
  return unit === 'ms' ? fmt.ms(value) : value === null ? 'n/a' : String(value);
}

/** The side-by-side table from every measure's comparison rows. */
export function comparisonTable(rows, apps) {
  const peer = apps.find((a) => a.id === 'peer');
  return {
    title: `Side by side: ours vs the React peer${peer ? '' : ' (not measured: run without --no-peer)'}`,
    head: ['Figure', 'Page', 'CPU', 'Ours', 'Peer', 'Ours / peer', 'Target'],
    rows: rows.map((r) => [
      r.figure,
      r.page,
      r.cpu,
      ...sideBySide(r),
      r.target === null ? '' : `≤ ${r.target.toFixed(2)}x: ${r.ratio === null ? 'n/a' : r.ratio <= r.target ? 'met' : '**missed**'}`,
    ]),
    notes: [],
  };
}

export function markdown(header, tables) {
  const lines = [...header, ''];
  for (const t of tables) {
    if (t.title) lines.push(`## ${t.title}`, '');
    if (t.rows.length) {
      lines.push(`| ${t.head.join(' | ')} |`, `|${t.head.map(() => '---').join('|')}|`);
      for (const row of t.rows) lines.push(`| ${row.map((c) => String(c).replace(/\|/g, '\\|').replace(/\n/g, ' ')).join(' | ')} |`);
      lines.push('');
    }
    for (const note of t.notes ?? []) lines.push(note, '');
  }
  return lines.join('\n');
}

/** Aligned plain text (no Markdown emphasis), for the terminal; long cells wrap within their column. */
export function text(tables) {
  const plain = (c) => String(c).replace(/\*\*/g, '');
  const out = [];
  for (const t of tables) {
    if (t.title) out.push(t.title, '='.repeat(Math.min(t.title.length, 100)));
    const limit = (i) => (i === 0 ? 56 : 36);
    const rows = [t.head, ...t.rows].map((row) => row.map((c, i) => wrap(plain(c), limit(i))));
    const widths = t.head.map((_, i) => Math.max(...rows.map((row) => Math.max(0, ...(row[i] ?? ['']).map((l) => l.length)))));
    for (const row of rows) {
      const height = Math.max(...row.map((lines) => lines.length));
      for (let line = 0; line < height; line++) {
        out.push(row.map((lines, i) => (lines[line] ?? '').padEnd(widths[i])).join('  ').trimEnd());
      }
    }
    out.push('');
  }
  return out.join('\n');
}

/** Words into lines of at most `width` characters (a longer word stays whole). */
export function wrap(s, width) {
  const lines = [''];
  for (const w of s.split(' ')) {
    const last = lines[lines.length - 1];
    if (last && last.length + 1 + w.length > width) lines.push(w);
    else lines[lines.length - 1] = last ? `${last} ${w}` : w;
  }
  return lines;
}
