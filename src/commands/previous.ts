import { error, type Diagnostic } from '../core/diagnostic.js';
import { evaluate, type VillageResult } from '../core/evaluate.js';
import type { Framework } from '../core/framework.js';
import { snapshotOf, snapshotOfPlan, type Snapshot } from '../core/plan-file.js';
import { isAfter } from '../core/progress.js';
import { rejected } from '../errors.js';
import type { UiLang } from '../i18n/messages.js';
import { readYaml } from '../io/load.js';
import { isPlanFile, loadPlanFile } from '../io/plan-file.js';
import type { Terminal } from '../io/terminal.js';
import { locate } from '../io/yaml.js';
import { printDiagnostics } from './shared.js';
import { oneVillage } from './village.js';

/**
 * "Last time" for `report --previous`: a plan file (the assessment it carries) or answers files
 * of the same village, scored with `previousFw` (an older framework, when given). Refuses an
 * earlier assessment dated after the new one, pointing at its date.
 */
export async function previousSnapshot(
  inputs: string[],
  now: VillageResult,
  previousFw: Framework,
  opts: { lang: UiLang; ignoreColumns: string[] },
  term: Terminal,
): Promise<Snapshot> {
  const [only] = inputs;
  let then: Snapshot;
  let dateAt: () => Diagnostic;
  if (inputs.length === 1 && only !== undefined && /\.ya?ml$/i.test(only) && isPlanFile(only)) {
    const loaded = loadPlanFile(only, previousFw, now.village);
    if (!loaded.value) throw rejected(loaded.diagnostics);
    printDiagnostics(loaded.diagnostics, opts.lang, term);
    const parsed = loaded.value.parsed;
    then = snapshotOfPlan(loaded.value.plan);
    dateAt = () => locate(error('progress.oldNewer', { then: then.date ?? '', now: now.date ?? '' }, ['assessment', 'date']), parsed, only);
  } else {
    const group = await oneVillage(inputs, previousFw, { village: now.village, ignoreColumns: opts.ignoreColumns, lang: opts.lang }, term);
    const result = evaluate(previousFw, group);
    then = snapshotOf(result);
    const latest = group.responses.filter((r) => r.date === result.date)[0]?.source ?? inputs[0] ?? '';
    dateAt = () => dateDiagnostic(latest, error('progress.oldNewer', { then: then.date ?? '', now: now.date ?? '' }, ['date']));
  }
  if (isAfter(then, snapshotOf(now))) throw rejected([dateAt()]);
  return then;
}

/** Places a diagnostic on the `date:` of an answers file, or on the CSV row it came from (`file.csv:LINE`). */
function dateDiagnostic(source: string, d: Diagnostic): Diagnostic {
  const row = /^(.*\.(?:csv|tsv|txt)):(\d+)$/i.exec(source);
  if (row) return { ...d, file: row[1] ?? source, line: Number(row[2]), column: 1 };
  const { parsed } = readYaml(source);
  return parsed ? locate(d, parsed, source) : { ...d, file: source, line: 1, column: 1 };
}
