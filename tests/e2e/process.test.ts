import { spawn, spawnSync } from 'node:child_process';
import { existsSync, openSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answersYaml, CRITERIA } from '../helpers/answers.js';
import { BIN, ROOT, tempDir, village } from '../helpers/cli.js';

/** The whole process as a shell sees it: exit codes, what goes where, and a reader that leaves early. */

const env = { PATH: process.env.PATH ?? '', LANG: 'C.UTF-8' };
const STACK_LINE = /^\s+at \S/m;
const BUG_LINE = 'This is a bug in smart-village-kit; please report it with the command you ran.';

/** Runs the binary with its stdout in a pipe that `reader` may close; resolves with what was read. */
function piped(args: string[], reader: 'closed-at-once' | 'closes-after-first-chunk'): Promise<{ code: number | null; signal: string | null; stdout: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let read = 0;
    let stderr = '';
    if (reader === 'closed-at-once') child.stdout.destroy();
    else {
      child.stdout.once('data', (chunk: Buffer) => {
        read += chunk.length;
        child.stdout.destroy();
      });
    }
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout: read, stderr }));
  });
}

describe('the village process', () => {
  it('exits 70 for a bug: one "internal error" line, the stack and the bug line on stderr, nothing of it on stdout', () => {
    // No input makes the kit fail unexpectedly, so a preloaded module injects a plain Error the
    // moment the third village's JSON is written (tests/helpers/fault.mjs).
    const r = spawnSync(process.execPath, ['--import', `${ROOT}/tests/helpers/fault.mjs`, BIN, 'score', 'examples/', '--format', 'json'], {
      cwd: ROOT,
      env: { ...env, VILLAGE_FAULT: '"village": "Lejasciems"' },
      encoding: 'utf8',
      input: '',
    });
    expect(r.status).toBe(70);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('village: internal error: injected fault at "village": "Lejasciems"');
    expect(r.stderr).toMatch(STACK_LINE);
    expect(lines.at(-1)).toBe(BUG_LINE);
    // What was written before the fault stays; the report of the bug is not mixed into the data.
    expect(r.stdout).toContain('"village": "Alsunga"');
    expect(r.stdout).not.toContain('Lejasciems');
    expect(r.stdout).not.toMatch(STACK_LINE);
    expect(r.stdout).not.toContain('internal error');
    expect(r.stdout).not.toContain('This is a bug');
  });

  it.skipIf(!existsSync('/dev/full'))('says in one line, with exit 1, that a full disk took the output', () => {
    const r = spawnSync(process.execPath, [BIN, 'score', 'examples', '--format', 'json'], {
      cwd: ROOT,
      stdio: ['ignore', openSync('/dev/full', 'w'), 'pipe'],
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('village: cannot write the output: ENOSPC');
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('ends quietly with 0 when the reader has gone before the first byte (EPIPE)', async () => {
    const r = await piped(['score', 'examples', '--format', 'json'], 'closed-at-once');
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('Error');
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('ends quietly with 0 when the reader closes after the first bytes of a long output (`| head -c`)', async () => {
    // 300 villages: about a megabyte of JSON, far more than a pipe holds, so the kit is still
    // writing when the reader goes.
    const files = Object.fromEntries(
      Array.from({ length: 300 }, (_, i) => [`v${i}.yaml`, answersYaml(`Ciems ${i}`, Object.fromEntries(CRITERIA.map((c, k) => [c, (i + k) % 5])))]),
    );
    const dir = tempDir(files);
    try {
      const full = village(['score', dir.dir, '--format', 'json']);
      expect(full.code).toBe(0);
      expect(full.out.length).toBeGreaterThan(512 * 1024);
      const r = await piped(['score', dir.dir, '--format', 'json'], 'closes-after-first-chunk');
      expect(r.stdout).toBeGreaterThan(0);
      expect(r.stdout).toBeLessThan(full.out.length);
      expect(r.signal).toBeNull();
      expect(r.code).toBe(0);
      expect(r.stderr).not.toContain('Error');
      expect(r.stderr).not.toMatch(STACK_LINE);
    } finally {
      dir.cleanup();
    }
  });

  it('exits 2 for an unknown flag with one line naming it, before doing any work', () => {
    const r = village(['score', 'examples/', '--no-such-flag']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe("error: unknown option '--no-such-flag'");
    // Besides that line only the hint to --help; no stack, no summary of a run.
    expect(lines.slice(1)).toEqual(['(run with --help for usage)']);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.stderr).not.toContain('village(s)');
  });
});
