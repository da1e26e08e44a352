import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import type PDFKit from 'pdfkit';

/** What the PDF code takes from pdfkit and fontkit. */
export interface PdfLibs {
  PDFDocument: typeof PDFKit;
  fontkit: { openSync(path: string): unknown; create(data: Uint8Array): unknown };
}

/** How the libraries were loaded: the build's bundle with or without its code cache, or from node_modules. */
export type PdfLibsSource = 'bundle+cache' | 'bundle' | 'modules';

/** The bundle of pdfkit + fontkit and its V8 code cache, both written by `npm run build` (scripts/build-pdf-libs.mjs). */
export const BUNDLE_NAME = 'pdf-libs.cjs';
export const CACHE_NAME = 'pdf-libs.cache';
const require = createRequire(import.meta.url);
let loaded: { libs: PdfLibs; source: PdfLibsSource; script?: Script } | undefined;

/**
 * pdfkit and fontkit, once per process (thread). Loading them from node_modules means reading,
 * compiling and linking about 60 modules, a quarter of a one-plan PDF run; the build bundles them
 * into one file (dist/pdf-libs.cjs) and stores V8's compiled code for it after drawing sample
 * plans (dist/pdf-libs.cache), so a run compiles almost nothing. A missing bundle (running from the
 * sources) or a cache V8 rejects (another Node version) only costs that time; the result is the same.
 */
export function pdfLibs(): PdfLibs {
  loaded ??= loadPdfLibs(fileURLToPath(new URL('..', import.meta.url)));
  return loaded.libs;
}

/** Loads the libraries from the bundle in `dir` if there is one, else from node_modules. */
export function loadPdfLibs(dir: string, useCache = true): { libs: PdfLibs; source: PdfLibsSource; script?: Script } {
  const bundle = `${dir}/${BUNDLE_NAME}`;
  if (!existsSync(bundle)) {
    // pdfkit's CommonJS build shares this fontkit (its ES build would load a second copy).
    return { libs: { PDFDocument: require('pdfkit') as typeof PDFKit, fontkit: require('fontkit') as PdfLibs['fontkit'] }, source: 'modules' };
  }
  const cacheFile = `${dir}/${CACHE_NAME}`;
  const cachedData = useCache && existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(bundle, 'utf8')}\n})`, {
    filename: bundle,
    ...(cachedData ? { cachedData } : {}),
  });
  // pdfkit finds its own data files (standard fonts, colour profile) next to itself.
  const pdfkitFile = require.resolve('pdfkit');
  const mod = { exports: {} as PdfLibs };
  (script.runInThisContext() as (...args: unknown[]) => void)(mod.exports, createRequire(pdfkitFile), mod, pdfkitFile, dirname(pdfkitFile));
  return { libs: mod.exports, source: cachedData && !script.cachedDataRejected ? 'bundle+cache' : 'bundle', script };
}

/**
 * For the build: V8's code for the bundle as compiled so far in this process (after drawing
 * sample plans it holds the functions a plan needs), to be stored as the code cache.
 */
export function pdfLibsCodeCache(): Buffer | undefined {
  return loaded?.script?.createCachedData();
}

/** For the build: load the bundle without its (old) code cache, so the new one is made from scratch. */
export function pdfLibsWithoutCache(): PdfLibsSource {
  loaded ??= loadPdfLibs(fileURLToPath(new URL('..', import.meta.url)), false);
  return loaded.source;
}
