// Navigation (issue 25): the admin app opened cold on /contacts/new, then every other admin page
// reached by a click on its link in the navigation, first visit, at 4x CPU: the time from the click
// to the page's first field existing and enabled (polled each frame), and what the click fetched —
// that page's own download (its chunks; the main module is already there). Ours only: the peer's
// admin app has one page.
import zlib from 'node:zlib';
import { openPage } from '../lib/page.mjs';
import { KB, fmt, log, median, round } from '../lib/util.mjs';

/** Issue 25: a click on a nav link → the next page's first field usable, first visit, 4x CPU. */
const TARGET_MS = 300;
/** Issue 25: the import page's own code, fetched on its first visit. */
const TARGET_IMPORT = 100 * KB;

const PAGES = [
  { path: '/contacts/import', link: 'nav a[href="/contacts/import"]', field: '#import-file' },
  { path: '/members/invite', link: 'nav a[href="/members/invite"]', field: '#invite-email' },
  { path: '/customers/groups', link: 'nav a[href="/customers/groups"]', field: '#groups-email' },
  { path: '/organizations/…/contacts/new', link: 'nav a[href^="/organizations/"]', field: '#orgcontact-type-id' },
];

export default {
  id: 'navigation',
  async run(ctx) {
    log(`navigation: ${ctx.runs} runs, each a cold /contacts/new and a click to every other page, ${ctx.throttle}x CPU`);
    const runs = Object.fromEntries(PAGES.map((p) => [p.path, []]));
    for (let i = 0; i < ctx.runs; i++) {
      await ctx.soft(ctx.ours, 'admin', 'navigation', async () => {
        const { context, page } = await openPage(ctx, ctx.ours, 'admin', { rate: ctx.throttle });
        try {
          for (const target of PAGES) {
            const bodies = [];
            const seen = (response) => {
              if (new URL(response.url()).pathname.startsWith('/api/') || response.url().includes('/bff/')) return;
              bodies.push(response.body().catch(() => Buffer.alloc(0)));
            };
            page.on('response', seen);
            const ms = await page.evaluate(clickAndWait, { link: target.link, field: target.field });
            // The page's data calls may still be under way; its code is in, which is what counts.
            page.off('response', seen);
            const sizes = (await Promise.all(bodies)).map((b) => ({ raw: b.length, gzip: zlib.gzipSync(b, { level: 9 }).length }));
            runs[target.path].push({
              ms: round(ms),
              files: sizes.length,
              raw: sizes.reduce((s, x) => s + x.raw, 0),
              gzip: sizes.reduce((s, x) => s + x.gzip, 0),
            });
          }
        } finally {
          await context.close();
        }
      });
    }
    const ours = {};
    for (const [path, list] of Object.entries(runs)) {
      ours[path] = list.length
        ? { median: median(list.map((r) => r.ms)), max: Math.max(...list.map((r) => r.ms)), files: list[0].files, raw: list[0].raw, gzip: list[0].gzip }
        : null;
    }
    return { ours };
  },

  report(result, ctx) {
    const rows = PAGES.map(({ path }) => {
      const r = result.ours?.[path];
      return r
        ? [path, fmt.ms(r.median), fmt.ms(r.max), String(r.files), fmt.kb(r.gzip), fmt.kb(r.raw)]
        : [path, 'not measured', '', '', '', ''];
    });
    const slowest = Math.max(...PAGES.map(({ path }) => result.ours?.[path]?.median ?? Infinity));
    const imported = result.ours?.['/contacts/import'];
    return {
      summary: [
        [
          `Nav click → next page's first field usable, first visit, slowest page's median, ${ctx.throttle}x CPU`,
          Number.isFinite(slowest) ? fmt.ms(slowest) : 'not measured',
          `≤ ${TARGET_MS} ms`,
          Number.isFinite(slowest) ? fmt.yes(slowest <= TARGET_MS) : 'n/a',
        ],
        [
          "The import page's own download on its first visit, gzip -9",
          imported ? fmt.kb(imported.gzip) : 'not measured',
          `≤ ${fmt.kb(TARGET_IMPORT)}`,
          imported ? fmt.yes(imported.gzip <= TARGET_IMPORT) : 'n/a',
        ],
      ],
      compare: [],
      sections: [
        {
          title: `Navigation: a nav click to each admin page, first visit, ${ctx.throttle}x CPU (ours only)`,
          head: ['Page', 'Click → field usable, median', 'max', 'Files fetched', 'gzip -9', 'raw'],
          rows,
          notes: [
            `Opened cold on /contacts/new (session seeded), then each page in this order by a click on its link. "Files fetched" is what the click downloaded besides API calls: the page's own chunks (the first visit; a later one fetches nothing). The peer's admin app has one page, so there is nothing to compare.`,
          ],
        },
      ],
    };
  },
};

/** In the page: clicks the link and resolves with the ms until the field exists and is enabled. */
function clickAndWait({ link, field }) {
  const anchor = document.querySelector(link);
  if (!anchor) throw new Error(`no ${link}`);
  const start = performance.now();
  anchor.click();
  return new Promise((resolve, reject) => {
    const check = () => {
      const el = document.querySelector(field);
      if (el && !el.disabled) resolve(performance.now() - start);
      else if (performance.now() - start > 30_000) reject(new Error(`${field} never came`));
      else requestAnimationFrame(check);
    };
    check();
  });
}
