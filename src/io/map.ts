import { checkMap, intakeMap, type IntakeMap, type MapData } from '../core/csv-map.js';
import { hasErrors, type Diagnostic } from '../core/diagnostic.js';
import type { Framework } from '../core/framework.js';
import { readYaml, validateSchema, type Loaded } from './load.js';
import { locate, type ParsedYaml } from './yaml.js';

/** Checks a parsed map file (schema, then against the framework). Diagnostics are positioned. */
export function mapFrom(parsed: ParsedYaml, file: string, fw: Framework): Loaded<IntakeMap> {
  const schema = validateSchema('map', parsed, file);
  if (hasErrors(schema)) return { value: null, diagnostics: schema };
  const data = parsed.data as MapData;
  const diagnostics: Diagnostic[] = [...schema, ...checkMap(data, fw).map((d) => locate(d, parsed, file))];
  return { value: hasErrors(diagnostics) ? null : intakeMap(data), diagnostics };
}

/** Loads `--map FILE`: a YAML map of an export's columns and answer codes (docs/formats.md). */
export function loadMap(file: string, fw: Framework): Loaded<IntakeMap> {
  const { parsed, diagnostics } = readYaml(file);
  if (!parsed) return { value: null, diagnostics };
  const loaded = mapFrom(parsed, file, fw);
  return { value: loaded.value, diagnostics: [...diagnostics, ...loaded.diagnostics] };
}
