import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { progress } from '../../src/io/progress.js';
import type { Terminal } from '../../src/io/terminal.js';

function term(tty: boolean): Terminal & { written: () => string } {
  let err = '';
  return {
    out: () => undefined,
    err: (d) => void (err += typeof d === 'string' ? d : ''),
    color: new Chalk({ level: 0 }),
    errColor: new Chalk({ level: 0 }),
    isTTY: tty,
    errIsTTY: tty,
    columns: 80,
    env: {},
    written: () => err,
  };
}

describe('the progress bar', () => {
  it('shows files done of the total, the rate and the ETA on a terminal, and clears itself', () => {
    const t = term(true);
    let now = 0;
    const bar = progress(t, 1000, 'files', () => now);
    now = 1000;
    for (let i = 0; i < 249; i++) bar.tick();
    // Redrawn at most every 100 ms.
    expect(t.written().match(/\r/g)).toHaveLength(1);
    now = 1250;
    bar.tick();
    expect(t.written()).toContain('250/1000 files  200/s  ETA 4s');
    bar.done();
    expect(t.written().endsWith('\r\x1b[K')).toBe(true);
  });

  it('stays quiet for short runs and when stderr is not a terminal', () => {
    const fast = term(true);
    let now = 0;
    const bar = progress(fast, 1000, 'files', () => now);
    now = 200;
    for (let i = 0; i < 1000; i++) bar.tick();
    bar.done();
    expect(fast.written()).toBe('');
    const piped = term(false);
    const p = progress(piped, 1000, 'files', () => 10_000);
    p.tick();
    p.done();
    expect(piped.written()).toBe('');
  });
});
