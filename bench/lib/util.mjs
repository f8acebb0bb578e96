// Small helpers shared by the bench's measures: statistics, formatting, logging.

export const KB = 1024;

/** n, median, p95 (nearest rank) and max of a list of numbers; nulls when it is empty. */
export function stats(values) {
  if (values.length === 0) return { n: 0, median: null, p95: null, max: null };
  return {
    n: values.length,
    median: round(median(values)),
    p95: round(percentile(values, 0.95)),
    max: round(Math.max(...values)),
  };
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Nearest rank: the smallest value with at least p of the values at or below it. */
export function percentile(values, p) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length, Math.max(1, Math.ceil(p * s.length))) - 1];
}

export function round(n, digits = 1) {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** ours / peer's, two decimals; null when either is missing or the peer's is 0. */
export function ratio(ours, peer) {
  if (ours === null || ours === undefined || peer === null || peer === undefined || peer === 0) return null;
  return Math.round((ours / peer) * 100) / 100;
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export const fmt = {
  kb: (n) => (n === null || n === undefined ? 'n/a' : `${(n / KB).toFixed(1)} KB`),
  ms: (n) => (n === null || n === undefined ? 'n/a' : `${n.toFixed(1)} ms`),
  mb: (n) => (n === null || n === undefined ? 'n/a' : `${(n / KB / KB).toFixed(2)} MB`),
  x: (n) => (n === null || n === undefined ? 'n/a' : `${n.toFixed(2)}x`),
  yes: (ok) => (ok === null || ok === undefined ? 'n/a' : ok ? 'yes' : '**no**'),
};

const STARTED = Date.now();

export function log(message) {
  console.log(`bench: ${((Date.now() - STARTED) / 1000).toFixed(0).padStart(3)}s ${message}`);
}

export function requiredEnv(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`bench: ${name} is not set; run \`cargo xtask bench\``);
    process.exit(2);
  }
  return value;
}
