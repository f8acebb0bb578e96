import { rmSync } from 'node:fs';

/** Removes the per-run data folder the config created (not one given in BIZKIT_E2E_DATA_DIR). */
export default function globalTeardown(): void {
  const dir = process.env.BIZKIT_E2E_DATA_DIR;
  if (dir && process.env.BIZKIT_E2E_DATA_DIR_OWNED === '1' && !process.env.E2E_KEEP_DATA) {
    rmSync(dir, { recursive: true, force: true });
  }
}
