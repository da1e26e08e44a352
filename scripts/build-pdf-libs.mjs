// Bundles pdfkit + fontkit (and their dependencies) into dist/pdf-libs.cjs with esbuild, then draws
// sample plans in this process and stores V8's compiled code for the bundle in dist/pdf-libs.cache.
// src/render/pdf-libs.ts loads the bundle with that cache: a one-plan PDF run then compiles almost
// nothing, where loading the ~60 modules from node_modules cost about a quarter of the run. The
// cache is only valid for this Node/V8 build; elsewhere V8 rejects it and the kit compiles as usual.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
rmSync(join(dist, 'pdf-libs.cache'), { force: true });

// What the bundle changes in what it packs (the output of every PDF stays the same, tests compare):
// - tiny-inflate, which unpacks the Unicode tables of unicode-properties and linebreak when they load
//   (about 40 ms, in JavaScript that has not been compiled yet), is replaced by Node's zlib;
// - the AES tables of @noble/ciphers (pdfkit's encryption) and brotli's dictionary (fontkit's WOFF2)
//   are loaded from node_modules when first used, not bundled: a plan uses neither.
const INFLATE = `const { inflateRawSync } = require('node:zlib');
module.exports = function inflate(source, dest) {
  const out = inflateRawSync(source);
  dest.set(out.length > dest.length ? out.subarray(0, dest.length) : out);
  return out.length < dest.length ? dest.slice(0, out.length) : dest;
};`;
const lazyObject = (real) => `let m;
const load = () => (m ??= require(${JSON.stringify(real)}));
module.exports = new Proxy({}, {
  get: (_, k) => load()[k],
  has: (_, k) => k in load(),
  ownKeys: () => Reflect.ownKeys(load()),
  getOwnPropertyDescriptor: (_, k) => { const d = Reflect.getOwnPropertyDescriptor(load(), k); return d && { ...d, configurable: true }; },
});`;
const lazyFunction = (real) => `let m;
module.exports = function (...args) { return (m ??= require(${JSON.stringify(real)})).apply(this, args); };`;
const SHIMS = {
  'tiny-inflate': INFLATE,
  '@noble/ciphers/aes': lazyObject('@noble/ciphers/aes.js'),
  'brotli/decompress.js': lazyFunction('brotli/decompress'),
};
// pdfkit splits every text it measures or draws into words with an array literal made per
// character ([' ', '\t'].includes(c)) and joins the words' glyphs with concat (a new array per
// word). The same split with char codes and push; tests/e2e/pdf-libs.test.ts compares a plan drawn
// by the bundle with one drawn by pdfkit from node_modules, byte for byte.
const LAYOUT_SPLIT = {
  from: `    let glyphs = onlyWidth ? null : [];
    let positions = onlyWidth ? null : [];
    let advanceWidth = 0;
    let last = 0;
    let index = 0;
    while (index <= text.length) {
      var needle;
      if (index === text.length && last < index || (needle = text.charAt(index), [' ', '\\t'].includes(needle))) {
        const run = this.layoutCached(text.slice(last, ++index));
        if (!onlyWidth) {
          glyphs = glyphs.concat(run.glyphs);
          positions = positions.concat(run.positions);
        }
        advanceWidth += run.advanceWidth;
        last = index;
      } else {
        index++;
      }
    }`,
  to: `    const glyphs = onlyWidth ? null : [];
    const positions = onlyWidth ? null : [];
    let advanceWidth = 0;
    let last = 0;
    const length = text.length;
    for (let index = 0; index <= length; index++) {
      const code = index < length ? text.charCodeAt(index) : -1;
      if (code === 32 || code === 9 || (index === length && last < length)) {
        const run = this.layoutCached(text.slice(last, index + 1));
        if (!onlyWidth) {
          for (const glyph of run.glyphs) glyphs.push(glyph);
          for (const position of run.positions) positions.push(position);
        }
        advanceWidth += run.advanceWidth;
        last = index + 1;
      }
    }`,
};
const patches = {
  name: 'patches',
  setup(b) {
    b.onLoad({ filter: /[\\/]pdfkit[\\/]js[\\/]pdfkit\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes(LAYOUT_SPLIT.from)) throw new Error(`${args.path}: EmbeddedFont.layout is not the code this build patches (another pdfkit version?)`);
      return { contents: source.replace(LAYOUT_SPLIT.from, LAYOUT_SPLIT.to), loader: 'js' };
    });
  },
};

const shims = {
  name: 'shims',
  setup(b) {
    const filter = new RegExp(`^(${Object.keys(SHIMS).map((k) => k.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
    b.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'shim' }));
    b.onLoad({ filter: /.*/, namespace: 'shim' }, (args) => ({ contents: SHIMS[args.path], resolveDir: root, loader: 'js' }));
  },
};

// What the shims load when first used stays outside the bundle, loaded from node_modules then:
// brotli alone is 1.4 MB of source that every PDF run would read, for fonts the kit never draws.
const LATER = ['@noble/ciphers/aes.js', 'brotli/decompress'];
const fromPdfkit = createRequire(createRequire(join(root, 'package.json')).resolve('pdfkit'));
for (const m of LATER) fromPdfkit.resolve(m);

await build({
  plugins: [shims, patches],
  external: LATER,
  stdin: { contents: "module.exports = { PDFDocument: require('pdfkit'), fontkit: require('fontkit') };", resolveDir: root, loader: 'js' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: join(dist, 'pdf-libs.cjs'),
  logLevel: 'warning',
  legalComments: 'inline',
});

// What the fast text layout reads from each bundled font (src/render/pdf-shaping.ts), stored so
// that a PDF run does not read the fonts' substitution and positioning tables for plain words.
const { pdfLibsWithoutCache, pdfLibsCodeCache, pdfLibs } = await import('../dist/render/pdf-libs.js');
const { layoutData } = await import('../dist/render/pdf-shaping.js');
const { FONT_DIR, FONT_FILES, LAYOUT_DATA } = await import('../dist/render/pdf.js');
if (pdfLibsWithoutCache() !== 'bundle') throw new Error('dist/pdf-libs.cjs did not load');
const layouts = {};
for (const file of Object.values(FONT_FILES)) {
  const data = layoutData(pdfLibs().fontkit.openSync(join(FONT_DIR, file)));
  if (!data) throw new Error(`${file}: the fast text layout cannot read this font`);
  layouts[file] = data;
}
writeFileSync(join(dist, LAYOUT_DATA), JSON.stringify(layouts));

// Draw the bundled examples (both paper sizes, a plan with progress) so that the functions a plan
// needs are compiled when the cache is taken.
const { main } = await import('../dist/main.js');
const sink = () => Object.assign(new Writable({ write: (_c, _e, done) => done() }), { isTTY: false });
const out = mkdtempSync(join(tmpdir(), 'village-pdf-libs-'));
try {
  const runs = [
    ['report', 'examples/ergli', '--lang', 'lv'],
    ['report', 'examples/alsunga.yaml', '--lang', 'en', '--paper', 'letter'],
    ['report', 'examples/ergli', '--previous', 'examples-progress/ergli-2025', '--plan', 'examples-progress/ergli-plan.yaml'],
  ];
  for (const [i, args] of runs.entries()) {
    const code = await main([...args.map((a) => (a.startsWith('examples') ? join(root, a) : a)), '--format', 'pdf', '--out', join(out, `${i}.pdf`)], { stdout: sink(), stderr: sink(), env: {} });
    if (code !== 0) throw new Error(`village ${args.join(' ')}: exit ${code}`);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
const cache = pdfLibsCodeCache();
if (!cache) throw new Error('no code cache');
writeFileSync(join(dist, 'pdf-libs.cache'), cache);
