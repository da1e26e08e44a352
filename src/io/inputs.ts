import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { error, type Diagnostic } from '../core/diagnostic.js';
import { append } from '../core/limits.js';
import { fsError } from './read.js';

export const isXlsx = (file: string): boolean => extname(file).toLowerCase() === '.xlsx';
/** A table of answers (one row per respondent): CSV, TSV, Excel's "Unicode Text" .txt, or .xlsx. */
export const isCsv = (file: string): boolean => ['.csv', '.tsv', '.txt', '.xlsx'].includes(extname(file).toLowerCase());

export const YAML_EXTS = ['.yaml', '.yml'] as const;
export const INPUT_EXTS = [...YAML_EXTS, '.csv', '.tsv', '.xlsx'] as const;

const wanted = (file: string, exts: readonly string[]): boolean => exts.includes(extname(file).toLowerCase());
const at = (d: Diagnostic, file: string): Diagnostic => ({ ...d, file, line: 1, column: 1 });

/**
 * Expands files and folders (recursively; hidden folders and node_modules skipped) into a sorted
 * list of files with the given extensions. A file named directly is kept whatever its extension.
 * Symbolic links are followed (a folder reached twice is read once); a broken link is reported.
 */
export async function expandInputs(paths: readonly string[], exts: readonly string[]): Promise<{ files: string[]; diagnostics: Diagnostic[] }> {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const visited = new Set<string>();
  for (const p of paths) {
    let isDir: boolean;
    try {
      isDir = (await stat(p)).isDirectory();
    } catch (e) {
      diagnostics.push(at(fsError(e), p));
      continue;
    }
    if (!isDir) {
      files.push(p);
      continue;
    }
    const found = (await walk(p, exts, visited, diagnostics)).sort();
    if (found.length === 0) diagnostics.push(at(error('file.noInputs', { path: p }), p));
    append(files, found);
  }
  return { files: [...new Set(files)], diagnostics };
}

async function walk(dir: string, exts: readonly string[], visited: Set<string>, diagnostics: Diagnostic[]): Promise<string[]> {
  const out: string[] = [];
  const real = await realpath(dir).catch(() => dir);
  if (visited.has(real)) return out;
  visited.add(real);
  const entries = await readdir(dir, { withFileTypes: true });
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const full = join(dir, e.name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      try {
        const target = await stat(full);
        isDir = target.isDirectory();
        isFile = target.isFile();
      } catch (err) {
        if (wanted(full, exts)) diagnostics.push(at(fsError(err), full));
        continue;
      }
    }
    if (isDir) append(out, await walk(full, exts, visited, diagnostics));
    else if (isFile && wanted(full, exts)) out.push(full);
  }
  return out;
}
