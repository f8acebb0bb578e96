// Growth: our tag picker with 10, 1,000 and 10,000 existing groups (served by page.route), typing
// into its input; does the p95 stay flat? Ours only: the peer's tags are free entry, with no list.
import { openPage, settle, typeInto } from '../lib/page.mjs';
import { TYPED } from '../lib/scripts.mjs';
import { fmt, log, round, sleep } from '../lib/util.mjs';

const GROUP_COUNTS = [10, 1_000, 10_000];
const GROWTH_FACTOR = 2;

export default {
  id: 'growth',
  async run(ctx) {
    log(`tag picker with ${GROUP_COUNTS.join(', ')} groups`);
    const result = {};
    for (const rate of [1, ctx.throttle]) result[rate] = await tagGrowth(ctx, ctx.ours, rate);
    return { ours: result };
  },

  report(result, ctx) {
    const t = ctx.throttle;
    const g = result.ours[t];
    const rows = [];
    for (const rate of [1, t]) {
      for (const [count, c] of Object.entries(result.ours[rate].counts)) {
        rows.push([`${Number(count).toLocaleString('en')}${rate === 1 ? '' : `, ${rate}x CPU`}`, `${c.samples}/${c.keys}`, String(c.optionsAfterSku ?? 'n/a'), fmt.ms(c.frame.median), fmt.ms(c.frame.p95), fmt.ms(c.proc.p95)]);
      }
      rows.push([`flat within 2x${rate === 1 ? '' : `, ${rate}x CPU`}`, '', '', '', `${fmt.yes(result.ours[rate].flatWithin2x)} (${result.ours[rate].ratio.toFixed(2)}x)`, '']);
    }
    return {
      summary: [[`Tag picker 10 → 10,000 groups, p95 worst/10, ${t}x CPU`, `${g.ratio.toFixed(2)}x`, `flat within ${GROWTH_FACTOR}x`, fmt.yes(g.flatWithin2x)]],
      compare: [],
      sections: [
        {
          title: `Growth: our tag picker (${ctx.ours.selectors.admin.tagInput}) with many existing groups`,
          head: ['Groups', 'Samples', 'Options after "sku"', 'Next frame median', 'Next frame p95', 'Input handled p95'],
          rows,
          notes: [`Groups served by page.route on /bff/customer-group/list; typed "${TYPED.tagInput}". Ours only: the peer has no list of existing groups.`],
        },
      ],
    };
  },
};

async function tagGrowth(ctx, app, rate) {
  const input = app.selectors.admin.tagInput;
  const result = {};
  for (const count of GROUP_COUNTS) {
    const { context, page, data } = await openPage(ctx, app, 'admin', { rate, groups: count });
    await data;
    // Let the app parse the list and build its suggestions before the first key.
    await settle(page);
    await sleep(200 * rate);
    const typed = await typeInto(page, input, TYPED.tagInput, {
      afterKey: {
        index: 2, // after "sku": every group matches, the list shows the most it shows
        run: (p) => p.locator('[role="option"]:visible').count(),
      },
    });
    result[count] = { ...typed, optionsAfterSku: typed.extra ?? null };
    delete result[count].extra;
    await context.close();
  }
  const first = result[GROUP_COUNTS[0]].frame.p95;
  const last = result[GROUP_COUNTS[GROUP_COUNTS.length - 1]].frame.p95;
  const worst = Math.max(...GROUP_COUNTS.map((c) => result[c].frame.p95));
  return {
    counts: result,
    ratio: round(worst / first, 2),
    flatWithin2x: worst <= GROWTH_FACTOR * first,
    lastOverFirst: round(last / first, 2),
  };
}
