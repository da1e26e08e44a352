import type { Framework } from '../core/framework.js';
import { answersSchema } from './answers.js';
import { criteriaSchema, LANG_PATTERN } from './criteria.js';

/**
 * Framework-specific schemas (`village schema criteria --for FILE`, `village schema answers
 * --criteria FILE`): the general schemas narrowed to one framework, so that an editor catches a
 * missing translation, an unknown id or a score off the scale, and hover shows the question.
 * Pure: derived from the general schemas (never edited in place) and a built framework.
 */

type Node = Record<string, unknown>;

const STEP_PATTERN = '^-?[0-9]+$';
const ID_BASE = 'https://smart-village-kit.invalid/schema/';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The steps of the scale, as the keys YAML maps use ("1", "2", …). */
const steps = (fw: Framework): string[] => {
  const out: string[] = [];
  for (let s = fw.scale.min; s <= fw.scale.max; s++) out.push(String(s));
  return out;
};

/** An array of ids restricted to `ids` (an empty list allows none). */
function idList(node: Node, ids: readonly string[]): void {
  const item = isNode(node.items) ? node.items : {};
  if (ids.length === 0) {
    node.maxItems = 0;
    return;
  }
  node.items = { ...item, enum: [...ids] };
}

/** The text shape narrowed to exactly `languages`. */
function exactLanguages(node: Node, languages: readonly string[]): void {
  const value = node.additionalProperties;
  delete node.propertyNames;
  delete node.minProperties;
  node.required = [...languages];
  node.properties = Object.fromEntries(languages.map((l) => [l, clone(value)]));
  node.additionalProperties = false;
}

/** Walks every schema node (depth first), calling `visit` on each object with its key. */
function walk(node: unknown, visit: (n: Node, key: string) => void, key = ''): void {
  if (Array.isArray(node)) {
    for (const n of node) walk(n, visit, key);
    return;
  }
  if (!isNode(node)) return;
  visit(node, key);
  for (const [k, v] of Object.entries(node)) if (k !== 'enum' && k !== 'const') walk(v, visit, k);
}

const pathTo = (root: Node, ...keys: string[]): Node => {
  let n: unknown = root;
  for (const k of keys) n = isNode(n) ? n[k] : undefined;
  if (!isNode(n)) throw new Error(`schema path ${keys.join('.')} not found`);
  return n;
};

/** The criteria schema for the framework built from `fw` (`criteria.<id>.schema.json`). */
export function criteriaSchemaFor(fw: Framework): Node {
  const schema = clone(criteriaSchema) as unknown as Node;
  const stepKeys = steps(fw);
  // Texts (language maps) and step maps (scale labels and aliases, rubric levels), wherever they are.
  walk(schema, (n) => {
    const names = n.propertyNames;
    if (!isNode(names)) return;
    if (names.pattern === LANG_PATTERN) exactLanguages(n, fw.languages);
    else if (names.pattern === STEP_PATTERN) n.propertyNames = { enum: stepKeys };
  });
  schema.$id = `${ID_BASE}criteria.${fw.id}.schema.json`;
  schema.title = `smart-village-kit criteria framework "${fw.id}"`;
  schema.description = `The criteria framework "${fw.id}" (version ${fw.version}): every text in ${fw.languages.join(', ')}, ids from the file, scores ${fw.scale.min}–${fw.scale.max}.`;

  const props = pathTo(schema, 'properties');
  const action = pathTo(props, 'pillars', 'items', 'properties', 'criteria', 'items', 'properties', 'actions', 'items', 'properties');
  idList(pathTo(action, 'partners'), [...fw.partners.keys()]);
  idList(pathTo(action, 'funding'), [...fw.funding.keys()]);
  idList(pathTo(action, 'after'), [...fw.actions.keys()]);
  Object.assign(pathTo(action, 'below'), { exclusiveMinimum: fw.scale.min, maximum: fw.scale.max });
  const criterion = pathTo(props, 'pillars', 'items', 'properties', 'criteria', 'items', 'properties');
  idList(pathTo(criterion, 'examples'), [...fw.examples.keys()]);
  const criteriaMin = pathTo(props, 'levels', 'items', 'properties', 'rules', 'properties', 'criteria_min');
  criteriaMin.propertyNames = { enum: [...fw.criteria.keys()] };
  criteriaMin.additionalProperties = { type: 'number', minimum: fw.scale.min, maximum: fw.scale.max };
  return schema;
}

/** The answers schema for the framework built from `fw` (`answers.<id>.schema.json`). */
export function answersSchemaFor(fw: Framework): Node {
  const schema = clone(answersSchema) as unknown as Node;
  const first = fw.languages[0] ?? '';
  schema.$id = `${ID_BASE}answers.${fw.id}.schema.json`;
  schema.title = `smart-village-kit answers to "${fw.id}"`;
  const props = pathTo(schema, 'properties');
  Object.assign(pathTo(props, 'framework'), { const: fw.id });
  delete pathTo(props, 'framework').pattern;

  const answers = pathTo(props, 'answers');
  const anyOf = answers.anyOf as Node[];
  const map = anyOf.find((n) => n.type === 'object');
  if (!map) throw new Error('answers map not found');
  const answer = map.additionalProperties as Node;
  // Whole-number scores only on the scale; the rest (n/a, dont-know, empty, text, { score, note }) as in the general schema.
  walk(answer, (n) => {
    if (n.type === 'integer') Object.assign(n, { minimum: fw.scale.min, maximum: fw.scale.max });
  });
  const labels = steps(fw)
    .map((s) => `${s} = ${fw.scale.labels.get(Number(s))?.[first] ?? ''}`)
    .join(', ');
  delete map.propertyNames;
  map.properties = Object.fromEntries(
    [...fw.criteria.values()].map((c) => {
      const question = c.question[first] ?? Object.values(c.question)[0] ?? c.id;
      const title = c.title[first] ?? c.localId;
      return [
        c.id,
        { ...clone(answer), description: question, markdownDescription: `**${title}** (\`${c.id}\`)\n\n${question}\n\n${labels}` },
      ];
    }),
  );
  map.additionalProperties = false;

  const ids = [...fw.criteria.keys()];
  const sessions = pathTo(props, 'sessions').anyOf as Node[];
  const entry = pathTo(sessions[0] ?? {}, 'items', 'properties');
  for (const n of [...(pathTo(entry, 'at').anyOf as Node[]), ...(pathTo(entry, 'skipped').anyOf as Node[])]) {
    if (n.type === 'string') {
      delete n.pattern;
      n.enum = ids;
    } else if (n.type === 'array' && isNode(n.items)) n.items = { type: 'string', enum: ids };
  }
  return schema;
}
