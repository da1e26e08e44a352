import { parentPort, workerData } from 'node:worker_threads';
import type { PlanView } from './plan-view.js';
import { renderPdf, type PdfOptions } from './pdf.js';

/** A helper thread of `renderPdfs`: renders its share of the plans and sends each PDF back as it is done. */
const { plans, options } = workerData as { plans: { index: number; plan: PlanView }[]; options: PdfOptions };
for (const { index, plan } of plans) {
  const data = await renderPdf(plan, options);
  parentPort?.postMessage({ index, data }, [data.buffer as ArrayBuffer]);
}
