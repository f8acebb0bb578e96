// The spreadsheet import's figures for `cargo xtask bench` (run by measures/import.mjs): the time
// from choosing a 10,000-row Windows-1250 file to the table of checked rows, the longest main-thread task meanwhile (PerformanceObserver
// "longtask"), unthrottled and at 4x CPU throttling; and what the import adds to the admin wasm,
// measured by the xtask (BENCH_IMPORT_COST, a JSON file: the wasm built with and without the
// `import` feature, gzip -9).
import fs from 'node:fs';

export const IMPORT_ROWS = 10_000;

/** Windows-1250 bytes of the Czech letters used (as Czech Excel writes a CSV). */
const CP1250 = {
  Š: 0x8a, Ž: 0x8e, š: 0x9a, ž: 0x9e, Č: 0xc8, Ř: 0xd8, á: 0xe1, č: 0xe8, é: 0xe9, ě: 0xec, í: 0xed,
  ř: 0xf8, ů: 0xf9, ú: 0xfa, ý: 0xfd,
};
const FIRST = ['Jana', 'Petr', 'Eva', 'Jiří', 'Žaneta', 'Tomáš', 'Lucie', 'Šárka'];
const LAST = ['Nováková', 'Dvořák', 'Svobodová', 'Černý', 'Kříž', 'Malý', 'Veselá', 'Růžičková'];

/** 10,000 rows with a Czech header; every tenth row has a mistake, every 50th a duplicate e-mail. */
export function importFile(rows = IMPORT_ROWS) {
  const lines = ['Jméno;Příjmení;E-mail;Telefon;IČO;Skupiny'];
  for (let i = 1; i <= rows; i++) {
    const first = FIRST[i % FIRST.length];
    const last = LAST[(i * 7) % LAST.length];
    const email = i % 50 === 0 ? `kontakt.${i - 1}@firma.cz` : i % 10 === 3 ? `kontakt.${i}@@firma.cz` : `Kontakt.${i}@Firma.CZ`;
    const phone = i % 10 === 7 ? '12' : `7${String(i).padStart(2, '0').slice(-2)} ${String(100000 + i).slice(-6, -3)} ${String(i).padStart(3, '0').slice(-3)}`;
    const ico = i % 5 === 0 ? '05103118' : '';
    const groups = i % 3 === 0 ? '"VIP, Zahradní klub"' : 'Zákazníci';
    lines.push([first, last, email, phone, ico, groups].join(';'));
  }
  const text = lines.join('\r\n') + '\r\n';
  return Buffer.from([...text].map((c) => (c.charCodeAt(0) < 0x80 ? c.charCodeAt(0) : CP1250[c])));
}

/** Runs in the page before the app: the session, and what the measure reads. */
function instrument({ key, value }) {
  sessionStorage.setItem(key, value);
  const bench = (window.__importBench = { tasks: [], start: null, end: null });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    bench.noLongTasks = true;
  }
  document.addEventListener(
    'change',
    (ev) => {
      if (ev.target?.id === 'import-file' && bench.start === null) bench.start = performance.now();
    },
    true,
  );
  new MutationObserver(() => {
    if (bench.start !== null && bench.end === null && document.querySelector('#import-table tbody tr')) {
      bench.end = performance.now();
    }
  }).observe(document, { subtree: true, childList: true });
}

async function once(browser, baseUrl, seed, rate, file) {
  const context = await browser.newContext({ baseURL: baseUrl });
  try {
    await context.addInitScript(instrument, { key: seed.key, value: seed.value });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.goto('/contacts/import');
    await page.locator('#import-file').waitFor({ timeout: 60_000 });
    await page.locator('#import-file').setInputFiles({ name: 'kontakty.csv', mimeType: 'text/csv', buffer: file });
    await page.waitForFunction(() => window.__importBench?.end !== null, null, { timeout: 300_000, polling: 200 });
    const r = await page.evaluate(() => window.__importBench);
    const during = r.tasks.filter((t) => t.start + t.duration >= r.start && t.start <= r.end);
    const counts = await page.evaluate(() =>
      Object.fromEntries([...document.querySelectorAll('[data-count] dd')].map((d) => [d.parentElement.dataset.count, Number(d.textContent)])),
    );
    return {
      ms: Math.round(r.end - r.start),
      longestTaskMs: during.length ? Math.round(Math.max(...during.map((t) => t.duration))) : 0,
      longTasks: during.length,
      longTasksObserved: !r.noLongTasks,
      counts,
    };
  } finally {
    await context.close();
  }
}

/** Parse + validate 10,000 rows, unthrottled and at `throttle`x; plus the wasm cost if measured. */
export async function measureImport({ browser, baseUrl, seed, throttle, log = () => {} }) {
  const file = importFile();
  const result = { rows: IMPORT_ROWS, fileBytes: file.length, runs: {}, wasm: readCost() };
  for (const rate of [1, throttle]) {
    log(`import: ${IMPORT_ROWS} rows at ${rate}x`);
    result.runs[rate] = await once(browser, baseUrl, seed, rate, file);
  }
  return result;
}

function readCost() {
  const file = process.env.BENCH_IMPORT_COST;
  if (!file) return null;
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const kb = (n) => (n === null || n === undefined ? 'n/a' : `${(n / 1024).toFixed(1)} KB`);

/** The report's section on the import. */
/** The import's table for bench.md and bench.txt (lib/report.mjs's table shape). */
export function importSection(r) {
  const title = 'Import (`/contacts/import`), ours only: the peer has no import';
  if (!r) return { title, head: ['Measure'], rows: [['Not measured (see the problems)']], notes: [] };
  const rates = Object.keys(r.runs);
  const cell = (rate, f) => (r.runs[rate] ? f(r.runs[rate]) : 'n/a');
  const notes = [
    `A ${IMPORT_ROWS.toLocaleString('en')}-row Windows-1250 file (${kb(r.fileBytes)}; Czech header, every tenth row with a mistake, every 50th a duplicate) chosen in the page, until the table of checked rows shows. Reading, decoding and checking run in slices that yield to the browser.`,
    r.wasm
      ? `The import page's own code, fetched on its first visit and by no other page (gzip -9): **${kb(r.wasm.ownGzip)}** in ${r.wasm.ownFiles} files (raw ${kb(r.wasm.ownRaw)}); the main module every page loads is ${kb(r.wasm.mainGzip)}.`
      : 'The import\'s wasm cost was not measured (`BENCH_IMPORT_COST` not set).',
  ];
  return {
    title,
    head: ['Measure', ...rates.map((x) => (x === '1' ? 'unthrottled' : `${x}x CPU`))],
    rows: [
      [`parse + validate ${IMPORT_ROWS.toLocaleString('en')} rows (file chosen → table shown)`, ...rates.map((x) => cell(x, (v) => `${v.ms} ms`))],
      ['longest main-thread task meanwhile', ...rates.map((x) => cell(x, (v) => (v.longTasksObserved ? `${v.longestTaskMs} ms (${v.longTasks} over 50 ms)` : 'not observable')))],
      ['rows ready / to correct', ...rates.map((x) => cell(x, (v) => `${v.counts.ready ?? '?'} / ${v.counts.invalid ?? '?'}`))],
    ],
    notes,
  };
}
