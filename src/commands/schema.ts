import { join } from 'node:path';
import { EXIT, rejected, type ExitCode } from '../errors.js';
import { label, type UiLang } from '../i18n/messages.js';
import type { Terminal } from '../io/terminal.js';
import { writeFileSafe } from '../io/write.js';

/** `village schema KIND --out DIR`: writes DIR/KIND.schema.json (replacing it: it is generated). */
export async function writeSchema(dir: string, kind: string, text: string, term: Terminal, lang: UiLang): Promise<ExitCode> {
  const file = join(dir, `${kind}.schema.json`);
  const failed = await writeFileSafe(file, text, true);
  if (failed) throw rejected([failed]);
  term.err(`${label(lang, 'schema.written', { file })}\n`);
  return EXIT.ok;
}
