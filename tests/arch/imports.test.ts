import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

// The layering rules of ARCHITECTURE.md, checked on the import statements of src/.
const SRC = join(ROOT, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every module specifier a file names: static imports and re-exports (type-only too) and dynamic imports. */
function specifiers(code: string): string[] {
  const out: string[] = [];
  const re = /(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of code.matchAll(re)) out.push((m[1] ?? m[2] ?? m[3])!);
  return out;
}

/** The graph of src/: module (relative to src, .ts) → the src modules it imports. */
function graph(): { edges: Map<string, string[]>; external: Map<string, string[]> } {
  const edges = new Map<string, string[]>();
  const external = new Map<string, string[]>();
  for (const file of sources(SRC)) {
    const from = relative(SRC, file).split('\\').join('/');
    const specs = specifiers(readFileSync(file, 'utf8'));
    edges.set(
      from,
      specs.filter((s) => s.startsWith('.')).map((s) => posix.normalize(posix.join(posix.dirname(from), s)).replace(/\.js$/, '.ts')),
    );
    external.set(from, specs.filter((s) => !s.startsWith('.')));
  }
  return { edges, external };
}

/** Each cycle once, as "a → b → a". */
function cyclesOf(g: ReadonlyMap<string, readonly string[]>): string[] {
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (m: string, path: string[]): void => {
    state.set(m, 'open');
    for (const to of g.get(m) ?? []) {
      if (state.get(to) === 'open') cycles.push([...path.slice(path.indexOf(to)), m, to].join(' → '));
      else if (!state.has(to)) visit(to, [...path, m]);
    }
    state.set(m, 'done');
  };
  for (const m of [...g.keys()].sort()) if (!state.has(m)) visit(m, []);
  return cycles;
}

const { edges, external } = graph();
const layer = (m: string): string => (m.includes('/') ? m.split('/')[0]! : m.replace(/\.ts$/, ''));

describe('the shape of src/', () => {
  it('reads the imports of every module (the parser itself works)', () => {
    const code = "import type { A } from './a.js';\nexport { b } from '../b.js';\nconst c = await import('./c.js');\nimport {\n  d,\n} from 'd';";
    expect(specifiers(code).sort()).toEqual(['../b.js', './a.js', './c.js', 'd']);
    expect(edges.size).toBeGreaterThan(40);
    for (const [from, tos] of edges) for (const to of tos) expect(edges.has(to), `${from} imports ${to}`).toBe(true);
  });

  it('keeps core/ pure: it imports only core/ and the schema types, no Node module and no package at run time', () => {
    const allowed = new Set(['schema/criteria.ts', 'schema/answers.ts', 'schema/plan-file.ts']);
    const bad: string[] = [];
    for (const [from, tos] of edges) {
      if (layer(from) !== 'core') continue;
      for (const to of tos) if (layer(to) !== 'core' && !allowed.has(to)) bad.push(`${from} → ${to}`);
      for (const pkg of external.get(from) ?? []) bad.push(`${from} → ${pkg}`);
    }
    expect(bad).toEqual([]);
  });

  it('keeps the layers apart: io/ and render/ never reach commands/ or cli; render/ does not reach io/ but for reading templates', () => {
    const bad: string[] = [];
    for (const [from, tos] of edges) {
      for (const to of tos) {
        const [a, b] = [layer(from), layer(to)];
        if (['core', 'schema', 'i18n', 'io', 'render'].includes(a) && ['commands', 'cli', 'main'].includes(b)) bad.push(`${from} → ${to}`);
        if (a === 'i18n' && ['io', 'render', 'commands'].includes(b)) bad.push(`${from} → ${to}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('has no import cycle (type-only and dynamic imports included)', () => {
    expect(cyclesOf(new Map([['a.ts', ['b.ts']], ['b.ts', ['c.ts']], ['c.ts', ['a.ts']]]))).toEqual(['a.ts → b.ts → c.ts → a.ts']);
    expect(cyclesOf(edges)).toEqual([]);
  });
});
