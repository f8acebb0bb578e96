// End-to-end tests: the release build in dist/ served by the real server binary, driven in Debian's
// Chromium. `cargo xtask test` builds both and sets BIZKIT_BFF_BIN / BIZKIT_E2E_DIST; run by hand
// with `npx playwright test` after `cargo xtask run` has built them once.
import { defineConfig } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../..');

/**
 * Debian's Chromium, never a downloaded one, with the flags the wasm tests give it in
 * webdriver.json: one list for the wasm tests, these and the bench.
 */
export const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS: string[] = JSON.parse(readFileSync(path.join(repoRoot, 'webdriver.json'), 'utf8'))[
  'goog:chromeOptions'
].args;

// The config is evaluated again in every worker process. Workers inherit the runner's environment,
// so choosing the port and data folder once here and passing them on keeps every process in agreement.
process.env.BIZKIT_E2E_PORT ??= freePort();
if (!process.env.BIZKIT_E2E_DATA_DIR) {
  // A fresh data folder per run: the server creates the demo organisation and users in it.
  process.env.BIZKIT_E2E_DATA_DIR = mkdtempSync(path.join(tmpdir(), 'bizkit-e2e-'));
  process.env.BIZKIT_E2E_DATA_DIR_OWNED = '1';
}

const server = process.env.BIZKIT_BFF_BIN ?? path.join(repoRoot, 'target/server/bizkit-bff');
const dist = process.env.BIZKIT_E2E_DIST ?? path.join(repoRoot, 'dist');
const addr = `127.0.0.1:${process.env.BIZKIT_E2E_PORT}`;
const baseURL = `http://${addr}`;

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  // Two cores: two workers, each with its own browser context; tests in one file run in order.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  // One retry on CI only: a test that needed it is reported as "flaky", never hidden.
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  globalTeardown: './support/global-teardown.ts',
  use: {
    baseURL,
    browserName: 'chromium',
    // The specs read the English texts; a describe block that tests Czech sets 'cs-CZ' itself.
    locale: 'en-US',
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: {
    // --demo: the tests sign in as the demo users.
    command: [server, '--addr', addr, '--data-dir', process.env.BIZKIT_E2E_DATA_DIR, '--dist', dist, '--demo']
      .map(shellQuote)
      .join(' '),
    url: `${baseURL}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    // The server's output stays out of the test output unless E2E_SERVER_LOG=1: stdout has the demo
    // API keys of first start, and its request log (stderr) would drown the test list. Warnings,
    // errors and panics still show.
    env: { RUST_LOG: process.env.RUST_LOG ?? (process.env.E2E_SERVER_LOG ? 'info' : 'warn') },
    stdout: process.env.E2E_SERVER_LOG ? 'pipe' : 'ignore',
    stderr: 'pipe',
  },
});

/** A port nobody listens on now; asked of the OS by a short-lived node process (config must be sync). */
function freePort(): string {
  const script =
    "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim();
}

function shellQuote(word: string | undefined): string {
  return `'${String(word).replace(/'/g, `'\\''`)}'`;
}
