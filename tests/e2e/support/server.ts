// A server of a spec's own, for tests that must stop, kill, restart or reconfigure it — never the
// harness's webServer, which every other test shares. The same binary and dist as the harness
// (BIZKIT_BFF_BIN, BIZKIT_E2E_DIST), its own free port and data folder, its log in a file the test
// can read (e.g. to grep it for a token).
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../../..');
export const SERVER_BIN = process.env.BIZKIT_BFF_BIN ?? path.join(repoRoot, 'target/server/bizkit-bff');
export const DIST = process.env.BIZKIT_E2E_DIST ?? path.join(repoRoot, 'dist');

export interface ServerOptions {
  /** Lifetime of a session token in seconds (`--token-ttl-secs`). */
  tokenTtlSecs?: number;
  /** A session unused this many seconds ends (`--session-idle-secs`). */
  sessionIdleSecs?: number;
  /** Reuse a data folder (a restart); a fresh one is made otherwise. */
  dataDir?: string;
  /** Listen on this port (a restart keeps the origin, so sessionStorage and drafts stay). */
  port?: number;
  /** `RUST_LOG` for the server; `info` (its default) unless given. */
  rustLog?: string;
  /** `--allowed-origin` for each: origins whose pages may call this server's API. */
  allowedOrigins?: string[];
}

export class OwnServer {
  private child: ChildProcess | null = null;
  private logFd: number | null = null;

  private constructor(
    readonly port: number,
    readonly dataDir: string,
    readonly logPath: string,
    private readonly ownsDataDir: boolean,
    private readonly options: ServerOptions,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts a server and waits until it answers. */
  static async start(options: ServerOptions = {}): Promise<OwnServer> {
    const ownsDataDir = !options.dataDir;
    const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'bizkit-own-'));
    const port = options.port ?? (await freePort());
    const server = new OwnServer(port, dataDir, path.join(dataDir, 'server.log'), ownsDataDir, options);
    await server.launch();
    return server;
  }

  private async launch(): Promise<void> {
    // --demo: the tests sign in as the demo users.
    const args = ['--addr', `127.0.0.1:${this.port}`, '--data-dir', this.dataDir, '--dist', DIST, '--demo'];
    if (this.options.tokenTtlSecs !== undefined) {
      args.push('--token-ttl-secs', String(this.options.tokenTtlSecs));
    }
    if (this.options.sessionIdleSecs !== undefined) {
      args.push('--session-idle-secs', String(this.options.sessionIdleSecs));
    }
    for (const origin of this.options.allowedOrigins ?? []) {
      args.push('--allowed-origin', origin);
    }
    // Appending: a restart adds to the same log, so a test sees everything the data folder saw.
    this.logFd = openSync(this.logPath, 'a');
    const child = spawn(SERVER_BIN, args, {
      stdio: ['ignore', this.logFd, this.logFd],
      env: { ...process.env, RUST_LOG: this.options.rustLog ?? 'info' },
    });
    this.child = child;
    let exited: string | null = null;
    child.once('exit', (code, signal) => {
      exited = `exited with ${signal ?? code}`;
    });
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (exited) break;
      try {
        const r = await fetch(`${this.url}/openapi.json`);
        if (r.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await this.kill();
    throw new Error(`own server at ${this.url} did not start (${exited ?? 'timeout'}):\n${this.log().slice(-2000)}`);
  }

  /** Restarts a stopped server on the same port with the same data folder. */
  async restart(): Promise<void> {
    if (this.child) throw new Error('restart: the server is still running');
    await this.launch();
  }

  /** SIGKILL: the process dies at once, as in a crash or a pulled plug; nothing is flushed. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** SIGTERM: the server's graceful shutdown. */
  async stop(): Promise<void> {
    await this.signal('SIGTERM');
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    this.child = null;
    if (child && child.exitCode === null && child.signalCode === null) {
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill(signal);
      await gone;
    }
    if (this.logFd !== null) {
      closeSync(this.logFd);
      this.logFd = null;
    }
  }

  /**
   * What the server says of `token` now (`GET /api/v1/session`): the status and, when it refuses
   * the token, the code of its problem — for waiting until a token has really expired.
   */
  async session(token: string): Promise<{ status: number; code?: string }> {
    const r = await fetch(`${this.url}/api/v1/session`, { headers: { Authorization: `Bearer ${token}` } });
    if (r.status !== 401) return { status: r.status };
    return { status: r.status, code: ((await r.json()) as { code: string }).code };
  }

  /** Everything the server wrote to stdout and stderr so far. */
  log(): string {
    try {
      return readFileSync(this.logPath, 'utf8');
    } catch {
      return '';
    }
  }

  /** Stops the server and removes the data folder it made. */
  async dispose(): Promise<void> {
    await this.kill();
    if (this.ownsDataDir && !process.env.E2E_KEEP_DATA) {
      rmSync(this.dataDir, { recursive: true, force: true });
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}
