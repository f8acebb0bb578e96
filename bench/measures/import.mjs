// The spreadsheet import (/contacts/import) with 10,000 rows, and what it adds to the wasm: ours
// only, the peer has no import.
import { importSection, measureImport } from '../import.mjs';
import { log } from '../lib/util.mjs';

export default {
  id: 'import',
  async run(ctx) {
    const [key, value] = ctx.ours.pages.admin.storage[0];
    const ours = await ctx.soft(ctx.ours, 'import', 'import of 10,000 rows', () =>
      measureImport({ browser: ctx.browser, baseUrl: ctx.ours.baseUrl, seed: { key, value }, throttle: ctx.throttle, log }),
    );
    return { ours };
  },

  report(result) {
    return { summary: [], compare: [], sections: [importSection(result.ours)] };
  },
};
