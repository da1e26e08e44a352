import { randomBytes } from 'node:crypto';
import { lstat, mkdir, open, realpath, rename, unlink } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { error, type Diagnostic } from '../core/diagnostic.js';

export const exists = async (file: string): Promise<boolean> =>
  lstat(file).then(
    () => true,
    () => false,
  );

const at = (d: Diagnostic, file: string): Diagnostic => ({ ...d, file, line: 1, column: 1 });
const lstatOrNull = (file: string): Promise<Stats | null> => lstat(file).catch(() => null);

/** Why an existing path is never written, even with --force: a link or a special file. */
function refusal(st: Stats, file: string): Diagnostic | null {
  if (st.isSymbolicLink()) return at(error('out.symlink', { file }), file);
  if (st.isDirectory()) return at(error('out.failed', { file, reason: 'EISDIR' }), file);
  if (!st.isFile()) return at(error('out.notRegular', { file }), file);
  return null;
}

/**
 * Writes a file atomically and verified: the bytes go to a temporary file in the same folder,
 * every byte is written (short writes continue, a full disk is an error), flushed to disk, its
 * size checked, then renamed over the target. On any failure the temporary file is removed and
 * the old file is kept. Refuses to replace an existing file unless `force`, and never writes
 * through a symbolic link or onto a device, FIFO or socket, even with `force`. Returns a
 * diagnostic instead of throwing, so batch work can go on.
 */
export async function writeFileSafe(file: string, data: string | Buffer, force: boolean): Promise<Diagnostic | null> {
  return writeSafe(file, data, force, true);
}

/** writeFileSafe; `makeDir` false when the caller has made the folder already (a batch makes it once). */
async function writeSafe(file: string, data: string | Buffer, force: boolean, makeDir: boolean): Promise<Diagnostic | null> {
  const before = await lstatOrNull(file);
  if (before) {
    const refused = refusal(before, file);
    if (refused) return refused;
    if (!force) return at(error('out.exists', { file }), file);
  }
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const tmp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  let written = 0;
  try {
    if (makeDir) await mkdir(dirname(file), { recursive: true });
    const fh = await open(tmp, 'wx', before ? before.mode & 0o777 : 0o666);
    try {
      while (written < bytes.length) {
        const { bytesWritten } = await fh.write(bytes, written, bytes.length - written);
        if (bytesWritten <= 0) break;
        written += bytesWritten;
      }
      await fh.sync();
      const size = (await fh.stat()).size;
      if (written !== bytes.length || size !== bytes.length) {
        throw Object.assign(new Error('short write'), { short: Math.min(written, size) });
      }
    } finally {
      await fh.close();
    }
    // Checked again just before the rename: a link or device planted meanwhile is not replaced.
    const now = await lstatOrNull(file);
    const refused = now ? refusal(now, file) : null;
    if (refused) {
      await unlink(tmp).catch(() => undefined);
      return refused;
    }
    await rename(tmp, file);
    return null;
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    const short = (e as { short?: number }).short;
    if (short !== undefined) return at(error('out.short', { file, written: short, size: bytes.length }), file);
    const reason = (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
    return at(error('out.failed', { file, reason }), file);
  }
}

/**
 * Writes `name` inside the folder `dir` (created when missing), as `writeFileSafe` does, and only
 * when the target, with every link of the folder resolved, is directly inside that folder.
 * Diagnostics name `join(dir, name)`, as the user would.
 */
export async function writeFileInside(dir: string, name: string, data: string | Buffer, force: boolean): Promise<Diagnostic | null> {
  return folderWriter(dir)(name, data, force);
}

/**
 * writeFileInside for many files of one folder (a batch's plans): the folder is made and its links
 * resolved once, at the first write, not once per file. Each file is still written, flushed, checked
 * and renamed on its own (writeFileSafe), so each is complete when its write resolves.
 */
export function folderWriter(dir: string): (name: string, data: string | Buffer, force: boolean) => Promise<Diagnostic | null> {
  let folder: Promise<{ real: string } | { reason: string }> | undefined;
  return async (name, data, force) => {
    const shown = join(dir, name);
    folder ??= mkdir(dir, { recursive: true })
      .then(() => realpath(dir))
      .then(
        (real) => ({ real }),
        (e: unknown) => ({ reason: (e as NodeJS.ErrnoException).code ?? String(e) }),
      );
    const made = await folder;
    if ('reason' in made) return at(error('out.failed', { file: shown, reason: made.reason }), shown);
    const target = resolve(made.real, name);
    if (dirname(target) !== made.real || basename(target) !== name) return at(error('out.outside', { file: shown, dir }), shown);
    const d = await writeSafe(target, data, force, false);
    return d ? { ...d, file: shown, params: { ...d.params, file: shown } } : null;
  };
}
