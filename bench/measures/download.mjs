// Download size: every response of a cold load until the network is idle, bodies as the page fetched
// them, by kind (wasm, JS, CSS, HTML), with gzip -9 and brotli 11 of each body. API calls are data,
// not the app, and are listed apart; so are the widget's host page's own files.
import zlib from 'node:zlib';
import { compareRow, targetRow } from '../lib/report.mjs';
import { openPage } from '../lib/page.mjs';
import { KB, fmt, log } from '../lib/util.mjs';

/** Targets of our entries: reported against, never enforced. */
const TARGETS = { admin: 116 * KB, widget: 73 * KB };
const KINDS = ['wasm', 'JS', 'CSS', 'HTML', 'other'];

export default {
  id: 'download',
  async run(ctx) {
    const result = {};
    for (const app of ctx.apps) {
      result[app.id] = {};
      for (const pageKey of Object.keys(app.pages)) {
        log(`download sizes: ${app.label} ${app.pages[pageKey].path}`);
        result[app.id][pageKey] = await ctx.soft(app, pageKey, `${app.pages[pageKey].label} download`, () =>
          measureBytes(ctx, app, pageKey),
        );
      }
    }
    return result;
  },

  report(result, ctx) {
    const ours = result.ours;
    const summary = [];
    for (const [pageKey, entry] of Object.entries(ctx.ours.pages)) {
      const b = ours[pageKey];
      const what = pageKey === 'widget' ? 'its own files' : 'gzip -9 total';
      const same = b && pageKey !== 'admin' && ours.admin && fileList(b) === fileList(ours.admin);
      summary.push([
        `Download: ${entry.label}, ${entry.path}, ${what}`,
        b ? `${fmt.kb(b.total.gzip)} gzip (brotli ${fmt.kb(b.total.brotli)})` : 'not measured',
        b?.targetGzip ? `≤ ${fmt.kb(b.targetGzip)}` : same ? 'none of its own (the admin app’s files)' : '',
        b?.targetGzip ? fmt.yes(b.targetMet) : '',
      ]);
    }

    const compare = [];
    const gz = (b, kinds) => (b ? kinds.reduce((sum, k) => sum + (b.byType[k]?.gzip ?? 0), 0) : null);
    for (const pageKey of ['admin', 'portal']) {
      const o = ours[pageKey];
      const p = result.peer?.[pageKey];
      const page = ctx.ours.pages[pageKey].path;
      compare.push(
        compareRow({ figure: 'Download, gzip -9, total', page, unit: 'bytes', ours: o?.total.gzip, peer: p?.total.gzip }),
        compareRow({ figure: 'Download, gzip -9, code (wasm + JS)', page, unit: 'bytes', ours: gz(o, ['wasm', 'JS']), peer: gz(p, ['wasm', 'JS']) }),
        compareRow({ figure: 'Download, gzip -9, CSS', page, unit: 'bytes', ours: gz(o, ['CSS']), peer: gz(p, ['CSS']) }),
        compareRow({ figure: 'Download, gzip -9, HTML', page, unit: 'bytes', ours: gz(o, ['HTML']), peer: gz(p, ['HTML']) }),
        compareRow({ figure: 'Download, brotli 11, total', page, unit: 'bytes', ours: o?.total.brotli, peer: p?.total.brotli }),
      );
    }

    // Issue 15's size targets, on gzip -9 totals: our page `pageKey` against the peer's `peerKey`.
    // The peer has no widget: its figure there is its profile page, the same form in an app of two forms.
    const gzipTarget = (figure, pageKey, peerKey, before, max) =>
      targetRow({
        figure,
        page: ctx.ours.pages[pageKey].path,
        before,
        unit: 'bytes',
        ours: ours[pageKey]?.total.gzip,
        peer: result.peer?.[peerKey]?.total.gzip,
        max,
      });
    const targets = [
      gzipTarget('Widget download, gzip -9 (peer: its profile page)', 'widget', 'portal', '306 KB', 150 * KB),
      gzipTarget('Admin app first page download, gzip -9', 'admin', 'admin', '462 KB', 250 * KB),
    ];

    const rows = [];
    const apiNotes = [];
    for (const app of ctx.apps) {
      for (const [pageKey, entry] of Object.entries(app.pages)) {
        const b = result[app.id][pageKey];
        const name = `${app.label}: ${entry.label}`;
        if (!b) {
          rows.push([`**${name}**`, 'not measured', '', '', '', '', '']);
          continue;
        }
        for (const [type, row] of Object.entries(b.byType)) {
          rows.push([name, type, String(row.files.length), fmt.kb(row.raw), fmt.kb(row.gzip), fmt.kb(row.brotli), fmt.kb(row.served)]);
        }
        const target = b.targetGzip ? ` (target ≤ ${fmt.kb(b.targetGzip)}: ${fmt.yes(b.targetMet)})` : '';
        rows.push([`**${name} total**`, '', '', fmt.kb(b.total.raw), `**${fmt.kb(b.total.gzip)}**${target}`, fmt.kb(b.total.brotli), fmt.kb(b.total.served)]);
        if (b.hostPage?.files.length) {
          const h = b.hostPage;
          rows.push([`${name}: host page, not counted`, h.files.map((f) => f.url).join(', '), String(h.files.length), fmt.kb(h.raw), fmt.kb(h.gzip), fmt.kb(h.brotli), fmt.kb(h.served)]);
        }
        const other = b.byType.other?.files.map((f) => f.url).join(', ');
        if (other) apiNotes.push(`${name} "other": ${other}.`);
        if (b.apiCalls.files.length) {
          apiNotes.push(`${name} API calls, not counted: ${b.apiCalls.files.map((f) => f.url).join(', ')} (${fmt.kb(b.apiCalls.raw)} raw).`);
        }
      }
    }
    const widget = ctx.ours.pages.widget;
    return {
      summary,
      targets,
      compare,
      sections: [
        {
          title: 'Download (cold cache)',
          head: ['App: entry', 'Type', 'Files', 'Raw', 'gzip -9', 'brotli 11', 'As served'],
          rows,
          notes: [
            'Every response the page received until the network was idle, bodies as fetched; gzip -9 and brotli 11 computed here on each body, the same way for both apps. ' +
              '"As served" is the body as the server sent it: ours sends its precompressed brotli, the peer\'s serve.mjs sends no compression. ' +
              `The widget is measured on ${widget.path}: its own files are those under /widget/ (loader, glue, wasm, stylesheets); the host page's are listed, not counted. ` +
              apiNotes.join(' '),
          ],
        },
      ],
    };
  },
};

function fileList(b) {
  return Object.entries(b.byType)
    .flatMap(([type, row]) => row.files.map((f) => `${type === 'HTML' ? 'the page' : f.url} ${f.raw}`))
    .sort()
    .join('\n');
}

async function measureBytes(ctx, app, pageKey) {
  const entry = app.pages[pageKey];
  const responses = [];
  const { context, page } = await openPage(ctx, app, pageKey, {
    onContext: (context) => context.on('requestfinished', (request) => responses.push(request)),
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
  const byType = Object.fromEntries(KINDS.filter((t) => rows[t]).map((t) => [t, rows[t]]));
  const total = emptyRow();
  delete total.files;
  for (const row of Object.values(byType)) for (const k of Object.keys(total)) total[k] += row[k];
  const target = app.id === 'ours' ? (TARGETS[pageKey] ?? null) : null;
  return {
    page: entry.path,
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
