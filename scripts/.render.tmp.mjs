import * as mupdf from 'mupdf';
import { readFileSync, writeFileSync } from 'node:fs';
const doc = mupdf.Document.openDocument(readFileSync(process.argv[2]), 'application/pdf');
const n = Number(process.argv[3] ?? 0);
const pix = doc.loadPage(n).toPixmap(mupdf.Matrix.scale(1.2, 1.2), mupdf.ColorSpace.DeviceRGB, false, true);
writeFileSync(process.argv[4], pix.asPNG());
console.log(doc.countPages(), 'pages');
