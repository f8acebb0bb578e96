// Browser benchmarks of the release app, the embeddable widget and the React peer, driven by
// `cargo xtask bench` (see xtask/src/bench.rs), which builds dist/, the server and the peer, starts
// the server (a throw-away data folder, so the demo customer's profile may be changed here) and the
// peer's serve.mjs, and passes their URLs here. Uses playwright-core from tests/e2e/node_modules
// (installed by the xtask with `npm ci`) and Debian's Chromium, never a downloaded browser. Writes
// bench.json, bench.md and bench.txt into BENCH_OUT_DIR. Never fails on a missed target: only on a
// broken setup (no server, no browser, our admin form never became usable).
//
// The measures are in measures/ (one module each, listed in measures/index.mjs); the apps and what
// "interactive" means on each in lib/apps.mjs; the typing scripts in lib/scripts.mjs.
//
// Environment: BENCH_BASE_URL (required: our server), BENCH_PEER_URL (the peer's serve.mjs; without
// it only ours is measured), BENCH_OUT_DIR (required), BENCH_LOAD_OUTPUT (a file with the output of
// the server's `load` example, optional), BENCH_RUNS (cold-start runs, default 5), BENCH_ONLY
// (comma-separated measure ids, to run some while working on them), CHROMIUM_BIN (default
// /usr/bin/chromium), BENCH_COMMIT and BENCH_PEER_SOURCE (for the report).
import { chromium } from '../tests/e2e/node_modules/playwright-core/index.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ours, peer } from './lib/apps.mjs';
import { comparisonTable, markdown, targetsTable, text } from './lib/report.mjs';
import { MEASURES } from './measures/index.mjs';
import { log, requiredEnv, round } from './lib/util.mjs';

const BASE_URL = requiredEnv('BENCH_BASE_URL').replace(/\/$/, '');
const PEER_URL = (process.env.BENCH_PEER_URL ?? '').replace(/\/$/, '');
const OUT_DIR = requiredEnv('BENCH_OUT_DIR');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ONLY = (process.env.BENCH_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
const THROTTLE = 4;
// The flags the wasm tests give Chromium in webdriver.json, as tests/e2e/playwright.config.ts does.
const CHROMIUM_ARGS = JSON.parse(fs.readFileSync(new URL('../webdriver.json', import.meta.url), 'utf8'))[
  'goog:chromeOptions'
].args;

async function main() {
  const started = Date.now();
  const loadAtStart = round(os.loadavg()[0], 2);
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const apps = [await ours(BASE_URL), ...(PEER_URL ? [peer(PEER_URL)] : [])];
  const unknown = ONLY.filter((id) => !MEASURES.some((m) => m.id === id));
  if (unknown.length) throw new Error(`BENCH_ONLY names no measure ${unknown.join(', ')}; there are ${MEASURES.map((m) => m.id).join(', ')}`);
  const measures = ONLY.length ? MEASURES.filter((m) => ONLY.includes(m.id)) : MEASURES;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const ctx = context(browser, apps);
  try {
    const results = {};
    const reports = [];
    for (const measure of measures) {
      results[measure.id] = await measure.run(ctx);
      // What is measured so far, kept should a later measure break the run.
      fs.writeFileSync(path.join(OUT_DIR, 'results.partial.json'), JSON.stringify(results, null, 2) + '\n');
      try {
        reports.push(measure.report(results[measure.id], ctx));
      } catch (error) {
        // A bug in one measure's tables must not cost the figures of the others.
        ctx.problems.push(`the report of ${measure.id} failed: ${error.message}`);
        log(`the report of ${measure.id} failed: ${error.stack ?? error}`);
        reports.push({ summary: [], targets: [], compare: [], sections: [] });
      }
    }
    fs.rmSync(path.join(OUT_DIR, 'results.partial.json'), { force: true });
    const compare = reports.flatMap((r) => r.compare);
    const targets = reports.flatMap((r) => r.targets ?? []);
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
      throttle: THROTTLE,
      runs: RUNS,
      units: 'bytes; milliseconds; KB = 1024 bytes',
      apps: Object.fromEntries(
        apps.map((a) => [
          a.id,
          {
            label: a.long,
            baseUrl: a.baseUrl,
            ...(a.id === 'peer' && process.env.BENCH_PEER_SOURCE ? { source: process.env.BENCH_PEER_SOURCE } : {}),
            pages: Object.fromEntries(Object.entries(a.pages).map(([k, p]) => [k, { path: p.path, field: `#${p.field}`, interactive: p.interactive }])),
          },
        ]),
      ),
      targets,
      comparison: compare,
      results,
      problems: ctx.problems,
      benchSeconds: Math.round((Date.now() - started) / 100) / 10,
    };
    const tables = [
      ...(targets.length ? [{ ...targetsTable(targets), notes: [TARGETS_NOTE] }] : []),
      { title: 'Against the earlier targets (ours alone)', head: ['Measure', 'Result', 'Target', 'Met'], rows: reports.flatMap((r) => r.summary), notes: [] },
      { ...comparisonTable(compare, apps), notes: [interactiveNote(apps)] },
    ];
    const sections = reports.flatMap((r) => r.sections);
    const problems = ctx.problems.length
      ? [{ title: 'Problems seen in the pages', head: ['Problem'], rows: ctx.problems.map((p) => [p]), notes: [] }]
      : [];
    fs.writeFileSync(path.join(OUT_DIR, 'bench.json'), JSON.stringify(report, null, 2) + '\n');
    fs.writeFileSync(path.join(OUT_DIR, 'bench.md'), markdown(header(report), [...tables, ...sections, ...problems]));
    fs.writeFileSync(path.join(OUT_DIR, 'bench.txt'), `${header(report).join('\n')}\n\n${text([...tables, ...problems])}`);
    log(`done in ${report.benchSeconds}s`);
  } finally {
    await browser.close();
  }
}

/**
 * What every measure is given: the browser, the apps (ours first), the settings, where to write,
 * the problems list, and `soft`, which runs one measurement of one app and turns a failure into a
 * "not measured" line; once a page (or script) of an app has failed, later measures skip it rather
 * than wait a minute again for a form that will not come. Only our admin form is required.
 */
function context(browser, apps) {
  const problems = [];
  const broken = new Set();
  return {
    browser,
    apps,
    ours: apps[0],
    peer: apps.find((a) => a.id === 'peer') ?? null,
    runs: RUNS,
    throttle: THROTTLE,
    outDir: OUT_DIR,
    problems,
    async soft(app, key, what, run) {
      const id = `${app.id}:${key}`;
      if (broken.has(id)) return null;
      try {
        return await run();
      } catch (error) {
        if (app.id === 'ours' && key === 'admin') throw error;
        broken.add(id);
        problems.push(`not measured: ${app.label} ${what}: ${error.message.split('\n')[0]} (later measures of it skipped)`);
        log(`not measured: ${app.label} ${what}: ${error.message}`);
        return null;
      }
    },
  };
}

function header(r) {
  const peerApp = r.apps.peer;
  return [
    '# bizkit-forms bench',
    '',
    `${r.date}${r.commit ? `, commit ${r.commit}` : ''}; ${r.browser}; ${r.machine.cpus} CPUs (${r.machine.cpuModel}); ` +
      `browser part took ${r.benchSeconds}s; 1-minute load average ${r.machine.loadAverageAtStart} at start, ${r.machine.loadAverageAtEnd} at end ` +
      '(timings are only comparable on an otherwise idle machine, and ours with the peer\'s only from the same run). KB = 1024 bytes. Targets are reported, never enforced.',
    '',
    `Ours: ${r.apps.ours.label} at ${r.apps.ours.baseUrl}. ` +
      (peerApp ? `Peer: ${peerApp.label}${peerApp.source ? ` (${peerApp.source})` : ''} at ${peerApp.baseUrl}, served by its own serve.mjs.` : 'Peer: not measured.'),
  ];
}

const TARGETS_NOTE =
  'Before: the figures issue 15 was filed with. Sizes are every file the page downloads (wasm, JS, CSS, HTML; API calls not counted), gzip -9 computed here. ' +
  'Ratios are ours / the peer\'s, measured in this run with the same pages, throttling and definitions. The lines-of-code target is not a bench figure.';

function interactiveNote(apps) {
  return (
    'Ratios are ours / the peer\'s (below 1: ours is smaller or faster). Same pages, same throttling, same runs, same definitions on both sides. ' +
    '"Interactive" on each side: ' +
    apps.flatMap((a) => ['admin', 'portal'].filter((k) => a.pages[k]).map((k) => `${a.label} ${a.pages[k].path}: ${a.pages[k].interactive}.`)).join(' ')
  );
}

main().catch((error) => {
  console.error(`bench: ${error.stack ?? error}`);
  process.exit(1);
});
