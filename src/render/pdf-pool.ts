import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PlanView } from './plan-view.js';
import type { PdfOptions } from './pdf.js';

/** Below this many plans a helper thread costs more (its start-up, fonts parsed again) than it saves. */
export const PARALLEL_MIN_PLANS = 12;

/**
 * Renders many PDF plans, on helper threads when there are many and the machine has the cores
 * (`threads`: VILLAGE_THREADS, else min(cores, 4)). Results come back in input order; `onDone`
 * ticks once per plan.
 */
export async function renderPdfs(plans: readonly PlanView[], options: PdfOptions, onDone: () => void, threadsWanted?: number): Promise<Buffer[]> {
  const threads = plans.length >= PARALLEL_MIN_PLANS ? Math.max(1, Math.floor(threadsWanted || Math.min(availableParallelism(), 4))) : 1;
  const out: Buffer[] = new Array<Buffer>(plans.length);
  if (threads <= 1) {
    const { renderPdf } = await import('./pdf.js');
    for (const [i, plan] of plans.entries()) {
      out[i] = await renderPdf(plan, options);
      onDone();
    }
    return out;
  }
  const indexed = plans.map((plan, index) => ({ index, plan }));
  await Promise.all(
    Array.from({ length: threads }, (_, t) => {
      const share = indexed.filter((_, i) => i % threads === t);
      const worker = new Worker(new URL('./pdf-worker.js', import.meta.url), { workerData: { plans: share, options } });
      return new Promise<void>((resolve, reject) => {
        let left = share.length;
        worker.on('message', (m: { index: number; data: Uint8Array }) => {
          out[m.index] = Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength);
          onDone();
          if (--left === 0) void worker.terminate().then(() => resolve());
        });
        worker.once('error', reject);
        worker.once('exit', (code) => (left > 0 ? reject(new Error(`PDF worker stopped with code ${code}`)) : resolve()));
        if (left === 0) void worker.terminate().then(() => resolve());
      });
    }),
  );
  return out;
}
