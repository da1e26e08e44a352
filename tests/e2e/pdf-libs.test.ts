// pdfkit + fontkit as the build bundles them (dist/pdf-libs.cjs, with shims for tiny-inflate and
// lazy encryption/WOFF2 code, and pdfkit's word split patched) and with V8's code cache (dist/pdf-libs.cache) draw the same bytes as
// the packages in node_modules; a stale or missing cache, or no bundle at all, only costs time.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLE_NAME, CACHE_NAME, loadPdfLibs, type PdfLibs } from '../../src/render/pdf-libs.js';
import { ROOT, tempDir, village } from '../helpers/cli.js';
import { run } from '../helpers/run.js';

const DIST = join(ROOT, 'dist');
const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** A small tagged document with Latvian text in the vendored font, wrapped and justified. */
async function draw(libs: PdfLibs): Promise<Buffer> {
  const font = libs.fontkit.openSync(join(ROOT, 'templates', 'fonts', 'VillageSans-Regular.ttf'));
  const doc = new libs.PDFDocument({ tagged: true, pdfVersion: '1.7', info: { CreationDate: new Date(0) } });
  doc.registerFont('Body', font as Buffer);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.font('Body').fontSize(11).text('Ērgļu ļaudis: kopīgs darbs, jauniešu iesaiste, ūdenstilpņu un ceļu uzturēšana — office, Straße. '.repeat(12), { width: 300, align: 'justify' });
  // Words split at spaces and tabs, runs of them, and text that ends in one or starts with one (the bundle's own split).
  doc.text(' Tabs\tand  double  spaces,\tend ', { width: 200 });
  doc.text('Vienā rindā bez atstarpēm:' + 'ā'.repeat(40), { width: 120 });
  doc.end();
  return done;
}

describe('the PDF libraries', () => {
  it('load from the build bundle with its code cache, in a process started as the command is', () => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', `const m = await import(${JSON.stringify(pathToFileURL(join(DIST, 'render', 'pdf-libs.js')).href)}); console.log(m.loadPdfLibs(${JSON.stringify(DIST)}).source);`], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('bundle+cache');
  });

  it('draw the same bytes from the bundle, with a stale cache, and from node_modules', async () => {
    const stale = tmp.path('stale');
    const none = tmp.path('none');
    const modules = tmp.path('modules');
    for (const dir of [stale, none, modules]) mkdirSync(dir, { recursive: true });
    copyFileSync(join(DIST, BUNDLE_NAME), join(stale, BUNDLE_NAME));
    writeFileSync(join(stale, CACHE_NAME), Buffer.from('not a V8 code cache'));
    copyFileSync(join(DIST, BUNDLE_NAME), join(none, BUNDLE_NAME));

    const cached = loadPdfLibs(DIST);
    const rejected = loadPdfLibs(stale);
    const uncached = loadPdfLibs(none);
    const plain = loadPdfLibs(modules);
    expect([rejected.source, uncached.source, plain.source]).toEqual(['bundle', 'bundle', 'modules']);
    const reference = await draw(plain.libs);
    for (const libs of [cached.libs, rejected.libs, uncached.libs]) expect((await draw(libs)).equals(reference)).toBe(true);
  });

  // One plan only: the fonts are parsed once per process, and fontkit keeps the characters of a
  // glyph from the first text that drew it, so an earlier plan in this process could change the
  // text mapping (not the layout) of a later one.
  it('the built command draws a plan byte for byte as pdfkit from node_modules', async () => {
    const example = 'ergli';
    const args = ['report', join(ROOT, 'examples', example), '--previous', join(ROOT, 'examples-progress', 'ergli-2025'), '--format', 'pdf', '--lang', 'en', '--paper', 'letter'];
    const built = village([...args, '--out', tmp.path(`${example}-built.pdf`)]);
    expect(built.code, built.stderr).toBe(0);
    // In-process the sources run without the bundle: pdfkit and fontkit come from node_modules.
    const inProcess = await run([...args, '--out', tmp.path(`${example}-modules.pdf`)]);
    expect(inProcess.code, inProcess.stderr).toBe(0);
    expect(readFileSync(tmp.path(`${example}-built.pdf`)).equals(readFileSync(tmp.path(`${example}-modules.pdf`)))).toBe(true);
  });
});
