import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(ROOT, 'bin', 'village.js');
export const EXAMPLES = join(ROOT, 'examples');
export const FIXTURES = join(ROOT, 'tests', 'fixtures');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  out: Buffer;
}

/** Runs the built `village` binary as a user would, without colours or a terminal. */
export function village(args: string[], opts: { cwd?: string; env?: Record<string, string>; input?: string } = {}): Run {
  const spawnOpts: SpawnSyncOptions = {
    cwd: opts.cwd ?? ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LANG: 'C.UTF-8', ...opts.env },
    input: opts.input ?? '',
    maxBuffer: 64 * 1024 * 1024,
    // A hung child fails its test instead of blocking the run.
    timeout: 60_000,
    killSignal: 'SIGKILL',
  };
  const r = spawnSync(process.execPath, [BIN, ...args], spawnOpts);
  return { code: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8'), out: r.stdout as Buffer };
}

/** A temporary folder with files (string or bytes), removed by the returned cleanup. */
export function tempDir(files: Record<string, string | Buffer> = {}): { dir: string; path: (f: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'village-test-'));
  for (const [name, content] of Object.entries(files)) {
    const full = join(dir, name);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return { dir, path: (f) => join(dir, f), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** No stack trace leaked to the user. */
export const noStack = (s: string): boolean => !/\n\s+at .+\(.+:\d+:\d+\)/.test(s) && !s.includes('internal error');
