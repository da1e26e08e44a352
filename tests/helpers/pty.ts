import { readFileSync } from 'node:fs';
import { spawn as spawnPty, type IPty } from '@lydell/node-pty';
import xterm from '@xterm/headless';
import { BIN, ROOT } from './cli.js';

// @xterm/headless is CommonJS without an `exports` map: under ESM only its default export (the
// whole module.exports) is there, so the class is taken from it.
const { Terminal } = xterm;

/** Key names `press` knows, as the bytes a terminal sends for them. */
export const KEYS = {
  Enter: '\r',
  Up: '\x1b[A',
  Down: '\x1b[B',
  Right: '\x1b[C',
  Left: '\x1b[D',
  Escape: '\x1b',
  Backspace: '\x7f',
  'Ctrl-C': '\x03',
  Tab: '\t',
} as const;
export type Key = keyof typeof KEYS;

export interface Exit {
  exitCode: number;
  /** The signal that ended the process, or 0. */
  signal: number;
}

export interface PtyOptions {
  cwd?: string;
  cols?: number;
  rows?: number;
  /** Added to the child's small, fixed environment. */
  env?: Record<string, string>;
}

export interface Pty {
  /** The visible screen as text: one line per row, right-trimmed, joined by \n. */
  screen: () => string;
  /** Resolves with the screen once it contains `what`; throws on timeout with the screen and exit status. */
  waitFor: (what: string | RegExp, timeoutMs?: number) => Promise<string>;
  /** Types text (in one write; the program reads it key by key). */
  type: (text: string) => void;
  press: (key: Key) => void;
  resize: (cols: number, rows: number) => void;
  /** Sends a signal to the process (not to a process group or by name). */
  kill: (signal?: NodeJS.Signals) => void;
  /** Resolves when the process has ended and its last output is on the screen. */
  exited: Promise<Exit>;
  /** The exit, once there is one. */
  exit: () => Exit | null;
  /** Ends the process if it still runs and frees the terminal. */
  dispose: () => Promise<void>;
}

/** pid, state and kernel wait channel of a running process, for timeout messages (Linux; elsewhere the pid). */
function processState(pid: number): string {
  try {
    // /proc/PID/stat: "pid (comm) state …"; the command may contain spaces, so split after the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0] ?? '?';
    const wchan = readFileSync(`/proc/${pid}/wchan`, 'utf8').trim() || '-';
    return `pid ${pid}, state ${state}, waiting in ${wchan}`;
  } catch {
    return `pid ${pid}`;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const POLL_MS = 25;

/**
 * Runs the built `village` binary in a real pseudo-terminal whose output is fed to a headless
 * xterm of the same size, so tests read exactly what a user would see.
 */
export function villagePty(args: string[], opts: PtyOptions = {}): Pty {
  const cols = opts.cols ?? 120;
  const rows = opts.rows ?? 50;
  // In @xterm/headless reading the buffer is still a "proposed" API and must be allowed.
  const term = new Terminal({ cols, rows, allowProposedApi: true });
  // Only what the binary needs: nothing inherited (no VILLAGE_*, LC_*, FORCE_COLOR, CI…).
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    LANG: 'C.UTF-8',
    TERM: 'xterm-256color',
    ...opts.env,
  };
  const child: IPty = spawnPty(process.execPath, [BIN, ...args], { name: 'xterm-256color', cols, rows, cwd: opts.cwd ?? ROOT, env });

  // xterm parses writes asynchronously: count those not yet parsed, so reads wait for them.
  let pending = 0;
  const drained: (() => void)[] = [];
  const settled = async (): Promise<void> => {
    if (pending > 0) await new Promise<void>((r) => drained.push(r));
  };
  const onData = child.onData((data) => {
    pending++;
    term.write(data, () => {
      pending--;
      if (pending === 0) {
        for (const r of drained.splice(0)) r();
      }
    });
  });

  let status: Exit | null = null;
  // What the terminal itself answers (e.g. to a cursor-position query) goes back to the program.
  const onReply = term.onData((data) => {
    if (!status) child.write(data);
  });
  const exited = new Promise<Exit>((resolve) => {
    // node-pty reports the exit once the pty's output has been read to its end.
    child.onExit(({ exitCode, signal }) => {
      status = { exitCode, signal: signal ?? 0 };
      const s = status;
      void settled().then(() => resolve(s));
    });
  });

  const screen = (): string => {
    const buf = term.buffer.active;
    const lines: string[] = [];
    for (let y = 0; y < term.rows; y++) lines.push(buf.getLine(buf.viewportY + y)?.translateToString(true) ?? '');
    return lines.join('\n');
  };
  const describeExit = (): string => (status ? `exit code ${status.exitCode}, signal ${status.signal}` : `still running (${processState(child.pid)})`);
  const matches = (s: string, what: string | RegExp): boolean => (typeof what === 'string' ? s.includes(what) : what.test(s));

  let disposed = false;
  const write = (data: string): void => {
    if (disposed || status) throw new Error(`cannot type ${JSON.stringify(data)}: the process has ${status ? `ended (${describeExit()})` : 'been disposed'}`);
    child.write(data);
  };

  return {
    screen,
    async waitFor(what, timeoutMs = 15_000) {
      // Counts the time the test process could watch: a stall of the test process itself (a starved
      // or paused machine) counts as one second at most, and is not blamed on the program.
      let watched = 0;
      for (;;) {
        await settled();
        const s = screen();
        if (matches(s, what)) return s;
        // Once the process has ended and its output is on the screen, nothing more will come.
        const over = status !== null && pending === 0;
        if (over || watched >= timeoutMs) {
          throw new Error(`${over ? 'the process ended' : `timed out after ${timeoutMs} ms`} waiting for ${String(what)}; ${describeExit()}; the screen:\n${s}`);
        }
        const t = Date.now();
        await sleep(POLL_MS);
        watched += Math.min(Date.now() - t, 1_000);
        // Timers run before I/O: let output that arrived meanwhile reach xterm before the next look.
        await new Promise((r) => setImmediate(r));
      }
    },
    type: (text) => write(text),
    press: (key) => write(KEYS[key]),
    resize(c, r) {
      if (!status) child.resize(c, r);
      term.resize(c, r);
    },
    kill(signal = 'SIGTERM') {
      if (!status) child.kill(signal);
    },
    exited,
    exit: () => status,
    async dispose() {
      if (disposed) return;
      disposed = true;
      if (!status) {
        child.kill('SIGKILL');
        await Promise.race([exited, sleep(5_000)]);
      }
      onData.dispose();
      onReply.dispose();
      term.dispose();
      // A disposed xterm parses nothing more: release anyone still waiting for it.
      pending = 0;
      for (const r of drained.splice(0)) r();
    },
  };
}
