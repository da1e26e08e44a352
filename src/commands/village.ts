import { hasErrors } from '../core/diagnostic.js';
import type { Framework } from '../core/framework.js';
import { groupResponses, villageKey, type VillageGroup } from '../core/group.js';
import { EXIT, rejected, UserError } from '../errors.js';
import { message, type UiLang } from '../i18n/messages.js';
import { expandInputs, INPUT_EXTS } from '../io/inputs.js';
import { loadResponses } from '../io/responses.js';
import type { Terminal } from '../io/terminal.js';
import { printDiagnostics } from './shared.js';

/**
 * The answers of one village from files, folders and CSV rows (several respondents are combined):
 * nothing when any input is rejected; `village` picks one when the answers hold several.
 */
export async function oneVillage(
  inputs: string[],
  fw: Framework,
  opts: { village: string | undefined; ignoreColumns: string[]; lang: UiLang },
  term: Terminal,
): Promise<VillageGroup> {
  const lang = opts.lang;
  const groups = await villageGroups(inputs, fw, opts, term);
  let picked = groups;
  if (opts.village !== undefined) {
    const key = villageKey(opts.village);
    picked = groups.filter((g) => g.key.split('\u0000')[0] === key);
    if (picked.length === 0) throw new UserError(message(lang, 'report.noVillage', { village: opts.village }), EXIT.rejected);
  }
  const [group, ...others] = picked;
  if (!group) throw new UserError(message(lang, 'report.nothing'), EXIT.rejected);
  if (others.length > 0) {
    const names = picked.map((g) => g.village);
    throw new UserError(
      message(lang, 'report.manyVillages', { count: names.length, names: names.slice(0, 5).join(', ') + (names.length > 5 ? ', …' : '') }),
      EXIT.usage,
    );
  }
  return group;
}

/** Every village's answers from the inputs; stops when any input is rejected. */
export async function villageGroups(
  inputs: string[],
  fw: Framework,
  opts: { ignoreColumns: string[]; lang: UiLang },
  term: Terminal,
): Promise<VillageGroup[]> {
  const { files, diagnostics } = await expandInputs(inputs, INPUT_EXTS);
  const loaded = await loadResponses(files, fw, { ignoreColumns: opts.ignoreColumns, threads: Number(term.env.VILLAGE_THREADS) || undefined });
  const all = [...diagnostics, ...loaded.diagnostics];
  if (hasErrors(all)) throw rejected(all);
  printDiagnostics(all, opts.lang, term);
  return groupResponses(loaded.responses);
}
