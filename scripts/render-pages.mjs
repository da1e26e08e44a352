// Renders every page of a PDF to PNG, to look at the plans as a person would (needs the dev
// dependency mupdf): node scripts/render-pages.mjs plan.pdf out-folder/ [scale]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as mupdf from 'mupdf';

const [pdf, out = '.', scale = '1.5'] = process.argv.slice(2);
if (!pdf) {
  console.error('usage: node scripts/render-pages.mjs FILE.pdf [OUT_DIR] [SCALE]');
  process.exit(2);
}
const doc = mupdf.Document.openDocument(readFileSync(pdf), 'application/pdf');
mkdirSync(out, { recursive: true });
for (let i = 0; i < doc.countPages(); i++) {
  const pix = doc.loadPage(i).toPixmap(mupdf.Matrix.scale(Number(scale), Number(scale)), mupdf.ColorSpace.DeviceRGB, false, true);
  const file = join(out, `${basename(pdf, '.pdf')}-${i + 1}.png`);
  writeFileSync(file, pix.asPNG());
  console.log(file);
}
