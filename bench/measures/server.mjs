// Server throughput: what the xtask's run of bizkit-bff's `load` example printed (it runs before
// the browser, alone, so the two do not compete for the cores). Ours only.
import fs from 'node:fs';
import { fmt } from '../lib/util.mjs';

export default {
  id: 'server',
  async run() {
    return { ours: readLoadOutput(process.env.BENCH_LOAD_OUTPUT) };
  },

  report(result) {
    const s = result.ours;
    return {
      summary: [
        [
          `Server: ${s.creates ?? '?'} creates, concurrency ${s.concurrency ?? '?'}`,
          s.createsPerSecond !== undefined ? `${s.createsPerSecond} creates/s, p50 ${s.p50} ms, p99 ${s.p99} ms` : s.note,
          '',
          '',
        ],
      ],
      compare: [],
      sections: [
        {
          title: 'Server',
          head: ['Creates', 'Concurrency', 'Creates/s', 'p50', 'p99', 'max', 'Errors'],
          rows: s.createsPerSecond !== undefined ? [[s.creates, s.concurrency, s.createsPerSecond, fmt.ms(s.p50), fmt.ms(s.p99), fmt.ms(s.max), s.errors].map(String)] : [],
          notes: [
            s.createsPerSecond !== undefined
              ? '`cargo run -p bizkit-bff --profile server --example load -- 2000 8` (own server, SQLite file, loopback). It prints p50/p99/max, no p95.'
              : s.note,
          ],
        },
      ],
    };
  },
};

function readLoadOutput(file) {
  if (!file || !fs.existsSync(file)) return { note: 'not run' };
  const text = fs.readFileSync(file, 'utf8');
  const m = text.match(
    /(\d+) contact creates.*?concurrency (\d+): (\d+) creates\/s, p50 ([\d.]+) ms, p99 ([\d.]+) ms, max ([\d.]+) ms, errors (\d+)/,
  );
  if (!m) return { note: 'could not parse the load output', output: text.trim() };
  return {
    creates: Number(m[1]),
    concurrency: Number(m[2]),
    createsPerSecond: Number(m[3]),
    p50: Number(m[4]),
    p99: Number(m[5]),
    max: Number(m[6]),
    errors: Number(m[7]),
    output: text.trim(),
  };
}
