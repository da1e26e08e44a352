import { EMPTY_MAP } from '../core/csv-map.js';
import { DEFAULT_INTAKE } from '../core/intake.js';
import type { Framework } from '../core/framework.js';
import { rejected } from '../errors.js';
import { loadMap } from '../io/map.js';
import type { TableOptions } from '../io/responses.js';

/** The flags that say how spreadsheets and survey exports are read (score, report, validate). */
export interface IntakeFlags {
  ignoreColumns: string[];
  map?: string | undefined;
  sheet?: string | undefined;
  encoding?: string | undefined;
  strict?: boolean | undefined;
}

/** The table options of a command: `--map` loaded (or the run stops with its diagnostics), the rest passed on. */
export function tableOptions(flags: IntakeFlags, fw: Framework): TableOptions {
  let map = EMPTY_MAP;
  if (flags.map !== undefined) {
    const loaded = loadMap(flags.map, fw);
    if (!loaded.value) throw rejected(loaded.diagnostics.filter((d) => d.severity === 'error'));
    map = loaded.value;
  }
  return { ...DEFAULT_INTAKE, ignore: flags.ignoreColumns, map, strict: flags.strict === true, encoding: flags.encoding, sheet: flags.sheet };
}
