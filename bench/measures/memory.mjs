// JS heap and wasm memory after loading the contact form and typing 20 keys into the e-mail field,
// for both apps. Driven by raw CDP only (Runtime.evaluate, Input.dispatchKeyEvent), never by
// Playwright's page.evaluate or locators, whose injected script would live in the same V8 heap and
// be counted. An empty page in a fresh context gives the browser's own floor for comparison.
import { compareRow } from '../lib/report.mjs';
import { pageInstrumentation } from '../lib/page.mjs';
import { TYPED } from '../lib/scripts.mjs';
import { KB, fmt, log, sleep } from '../lib/util.mjs';

const TARGET_BYTES = 3 * KB * KB;

export default {
  id: 'memory',
  async run(ctx) {
    const result = {};
    for (const app of ctx.apps) {
      log(`memory: ${app.label}`);
      result[app.id] = await ctx.soft(app, 'memory', 'memory', () => measureMemory(ctx, app));
    }
    return result;
  },

  report(result, ctx) {
    const m = result.ours;
    const p = result.peer;
    return {
      summary: [['Memory: JS heap + wasm memory', m ? fmt.mb(m.total) : 'n/a', `≤ ${fmt.mb(TARGET_BYTES)}`, m ? fmt.yes(m.total <= TARGET_BYTES) : 'n/a']],
      compare: [
        compareRow({ figure: 'Memory: JS heap used + wasm memory, after 20 keys', page: ctx.ours.pages.admin.path, unit: 'bytes', ours: m?.total, peer: p?.total }),
      ],
      sections: [
        {
          title: 'Memory',
          head: ['App', 'JS heap used', 'JS heap total', 'wasm memory', 'Total (used + wasm)', 'Empty page, JS heap used', 'Field value after'],
          rows: ctx.apps.map((app) => {
            const r = result[app.id];
            return r
              ? [app.label, fmt.mb(r.jsHeapUsed), fmt.mb(r.jsHeapTotal), fmt.mb(r.wasmMemory), fmt.mb(r.total), fmt.mb(r.emptyPageJsHeapUsed), JSON.stringify(r.typed)]
              : [app.label, 'not measured', '', '', '', '', ''];
          }),
          notes: [
            `${m?.when ?? p?.when ?? ''}. JS heap: CDP Runtime.getHeapUsage usedSize (driven by raw CDP, so no Playwright script is in the heap); ` +
              `wasm memory (ours): WebAssembly.Memory buffer size, found via ${m?.wasmMemorySource ?? 'n/a'}. "Empty page": about:blank in a fresh context, the browser's own floor. ` +
              `Target (ours): ≤ ${fmt.mb(TARGET_BYTES)}.`,
          ],
        },
      ],
    };
  },
};

async function measureMemory(ctx, app) {
  const entry = app.pages.admin;
  const heapOf = async (cdp) => {
    await cdp.send('HeapProfiler.collectGarbage').catch(() => {});
    return cdp.send('Runtime.getHeapUsage');
  };
  const evaluate = async (cdp, expression) =>
    (await cdp.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true })).result.value;

  const blank = await ctx.browser.newContext({ baseURL: app.baseUrl });
  const blankPage = await blank.newPage(); // about:blank
  const blankCdp = await blank.newCDPSession(blankPage);
  const floor = await heapOf(blankCdp);
  await blank.close();

  const context = await ctx.browser.newContext({ baseURL: app.baseUrl });
  await context.addInitScript(pageInstrumentation, { storage: entry.storage ?? [], field: entry.field });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(entry.path, { waitUntil: 'commit' });
  const deadline = Date.now() + 60_000;
  while (!(await evaluate(cdp, 'window.__bench?.ready ?? null'))) {
    if (Date.now() > deadline) throw new Error(`${entry.path} never accepted input (memory run)`);
    await sleep(100);
  }
  const field = JSON.stringify(entry.field);
  await evaluate(cdp, `document.getElementById(${field}).focus()`);
  for (const ch of TYPED.email) {
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: ch, text: ch, unmodifiedText: ch });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: ch });
    await sleep(30);
  }
  await evaluate(cdp, 'new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
  const typed = await evaluate(cdp, `document.getElementById(${field}).value`);
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
  return {
    when: `after loading ${entry.path} and typing 20 keys into #${entry.field}, unthrottled, after a forced GC`,
    typed,
    jsHeapUsed: jsHeap,
    jsHeapTotal: heap.totalSize,
    emptyPageJsHeapUsed: floor.usedSize,
    wasmMemory: wasm?.bytes ?? null,
    wasmMemorySource: wasm?.source ?? 'not found',
    total: jsHeap + (wasm?.bytes ?? 0),
  };
}
