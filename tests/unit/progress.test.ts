import { describe, expect, it } from 'vitest';
import { progress } from '../../src/io/progress.js';
import { fakeTerminal } from '../helpers/terminal.js';

describe('the progress bar', () => {
  it('shows files done of the total, the rate and the ETA on a terminal, and clears itself', () => {
    const t = fakeTerminal(true);
    let now = 0;
    const bar = progress(t, 1000, 'files', () => now);
    now = 1000;
    for (let i = 0; i < 249; i++) bar.tick();
    // Redrawn at most every 100 ms.
    expect(t.errors().match(/\r/g)).toHaveLength(1);
    now = 1250;
    bar.tick();
    expect(t.errors()).toContain('250/1000 files  200/s  ETA 4s');
    bar.done();
    expect(t.errors().endsWith('\r\x1b[K')).toBe(true);
  });

  it('stays quiet for short runs and when stderr is not a terminal', () => {
    const fast = fakeTerminal(true);
    let now = 0;
    const bar = progress(fast, 1000, 'files', () => now);
    now = 200;
    for (let i = 0; i < 1000; i++) bar.tick();
    bar.done();
    expect(fast.errors()).toBe('');
    const piped = fakeTerminal(false);
    const p = progress(piped, 1000, 'files', () => 10_000);
    p.tick();
    p.done();
    expect(piped.errors()).toBe('');
  });
});
