import { lstat, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { error, type Diagnostic } from '../core/diagnostic.js';

export const exists = async (file: string): Promise<boolean> =>
  lstat(file).then(
    () => true,
    () => false,
  );

/**
 * Writes a file atomically (a temporary file in the same folder, flushed, then renamed), so a
 * crash never leaves half a file. Refuses to replace an existing file unless `force`.
 * Returns a diagnostic instead of throwing, so batch work can go on.
 */
export async function writeFileSafe(file: string, data: string | Buffer, force: boolean): Promise<Diagnostic | null> {
  if (!force && (await exists(file))) return { ...error('out.exists', { file }), file, line: 1, column: 1 };
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFileAtomic(file, data);
    return null;
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
    return { ...error('out.failed', { file, reason }), file, line: 1, column: 1 };
  }
}
