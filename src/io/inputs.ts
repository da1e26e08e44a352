import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { error, type Diagnostic } from '../core/diagnostic.js';
import { fsError } from './read.js';

export const YAML_EXTS = ['.yaml', '.yml'] as const;
export const INPUT_EXTS = [...YAML_EXTS, '.csv', '.tsv', '.xlsx'] as const;

const wanted = (file: string, exts: readonly string[]): boolean => exts.includes(extname(file).toLowerCase());

/**
 * Expands files and folders (recursively; hidden folders and node_modules skipped) into a sorted
 * list of files with the given extensions. A file named directly is kept whatever its extension.
 */
export async function expandInputs(paths: readonly string[], exts: readonly string[]): Promise<{ files: string[]; diagnostics: Diagnostic[] }> {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const p of paths) {
    let isDir: boolean;
    try {
      isDir = (await stat(p)).isDirectory();
    } catch (e) {
      diagnostics.push({ ...fsError(e), file: p, line: 1, column: 1 });
      continue;
    }
    if (!isDir) {
      files.push(p);
      continue;
    }
    const found = (await walk(p)).filter((f) => wanted(f, exts)).sort();
    if (found.length === 0) diagnostics.push({ ...error('file.noInputs', { path: p }), file: p, line: 1, column: 1 });
    files.push(...found);
  }
  return { files: [...new Set(files)], diagnostics };
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(full)));
    else if (e.isFile()) out.push(full);
  }
  return out;
}
