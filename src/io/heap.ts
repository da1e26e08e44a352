import { setFlagsFromString } from 'node:v8';

let tuned = false;

/**
 * Tunes V8's garbage collector for a batch, once per process. A batch makes many objects that
 * live for a while and then die together (the rows of a village until it is scored). V8 may
 * decide, from what survives one full collection, to create such objects straight in the old
 * generation ("pretenuring"); they then pile up there until the next full collection. Whether it
 * decides so depends on timing: scoring the same 100,000-row CSV peaked at 200–230 MB or at
 * 310–330 MB resident from run to run. Without pretenuring it stayed at 210–250 MB in 16 runs,
 * and runs no slower. (The flag is one the collector reads as it works; V8 then rejects the code cache of the
 * PDF libraries, which only costs a batch one compile of them.)
 */
export function tuneHeapForBatch(): void {
  if (tuned) return;
  tuned = true;
  setFlagsFromString('--no-allocation-site-pretenuring');
}
