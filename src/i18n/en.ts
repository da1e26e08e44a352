import type { Params } from '../core/diagnostic.js';

type Msg = (p: Params) => string;
const q = (v: unknown): string => `"${String(v)}"`;
const orList = (v: unknown): string => (typeof v === 'string' ? v : '');
const hint = (p: Params): string => (p.suggestion ? ` (did you mean ${q(p.suggestion)}?)` : '');

const NOUNS: Record<string, string> = {
  string: 'a text',
  integer: 'a whole number',
  number: 'a number',
  object: 'a mapping (key: value)',
  array: 'a list',
  null: 'empty (null)',
  boolean: 'true or false',
  id: 'an id of lowercase letters a–z, digits and "-"',
  fullId: 'a criterion id like "strategy.vision"',
  lang: 'a language code like "lv" or "en"',
  date: 'a date YYYY-MM-DD',
  nonBlank: 'a name (it is blank)',
  step: 'a whole-number scale step',
};
/** "integer|null|\"n/a\"" -> "a whole number, empty (null) or "n/a"". */
const nouns = (tokens: unknown): string => {
  const words = String(tokens).split('|').map((t) => NOUNS[t] ?? t);
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}` : (words[0] ?? '');
};

/** Messages about inputs: each a function of the diagnostic's params. */
export const messages = {
  // files
  'file.notFound': () => 'file or folder not found',
  'file.unreadable': (p) => `cannot read the file: ${p.reason}`,
  'file.tooLarge': (p) => `the file is ${p.size} bytes, over the limit of ${p.limit}; split it into smaller files`,
  'file.empty': () => 'the file is empty',
  'file.notUtf8': () => 'the file is not UTF-8 text; save it as "UTF-8" in your editor or spreadsheet',
  'file.binary': () => 'this looks like a binary file, not text (an .xlsx? export it as CSV)',
  'file.unknownKind': (p) =>
    `unknown file kind ${q(p.value)}: the "schema" field must be "village-kit/criteria@1" or "village-kit/answers@1"`,
  'file.noKind': () => 'no "schema" field: add "schema: village-kit/criteria@1" or "schema: village-kit/answers@1"',
  'file.noInputs': (p) => `no .yaml, .yml or .csv files in ${q(p.path)}`,
  'file.unsupported': () => 'not a YAML or CSV file (expected .yaml, .yml or .csv)',
  // yaml
  'yaml.syntax': (p) => `YAML syntax error: ${p.detail}`,
  'yaml.duplicateKey': (p) => `duplicate key ${q(p.key)}: each key may appear once`,
  'yaml.aliasLimit': () => 'too many YAML aliases (*name); the file is refused as a safety measure',
  'yaml.multipleDocs': () => 'the file holds several YAML documents (---); keep one per file',
  'yaml.tab': () => 'a tab is used for indentation; indent with spaces',
  'yaml.unclosed': (p) => `${p.detail}: a quote or bracket opened earlier is not closed`,
  'yaml.implicitKey': () => 'a key must be on one line and followed by ": " (is a colon missing, or a value not quoted?)',
  'yaml.unresolvedAlias': (p) => `unknown alias ${q(p.detail)}`,
  'yaml.warning': (p) => `YAML: ${p.detail}`,
  // schema
  'schema.required': (p) => `missing ${q(p.key)}`,
  'schema.unknownKey': (p) => `unknown key ${q(p.key)}${hint(p)}`,
  'schema.type': (p) => `must be ${nouns(p.expected)}`,
  'schema.const': (p) => `must be ${q(p.expected)}`,
  'schema.enum': (p) => `must be one of: ${orList(p.allowed)}`,
  'schema.pattern': (p) => `${q(p.value)} is not ${nouns(p.what)}`,
  'schema.propertyName': (p) => `${q(p.key)} is not ${nouns(p.what)}`,
  'schema.minimum': (p) => `must be at least ${p.limit}`,
  'schema.maximum': (p) => `must be at most ${p.limit}`,
  'schema.exclusiveMinimum': (p) => `must be greater than ${p.limit}`,
  'schema.minItems': (p) => `needs at least ${p.limit} item(s)`,
  'schema.minProperties': (p) => `needs at least ${p.limit} entry(ies)`,
  'schema.minLength': () => 'must not be empty',
  'schema.uniqueItems': (p) => `${q(p.value)} is listed twice`,
  'schema.anyOf': (p) => `must be ${nouns(p.expected)}`,
  'schema.other': (p) => `${p.detail}`,
  // criteria semantics
  'crit.duplicateId': (p) => `duplicate ${p.kind} id ${q(p.id)} (first at line ${p.firstLine})`,
  'crit.missingLanguage': (p) => `missing the ${q(p.lang)} text (every text needs: ${p.languages})`,
  'crit.extraLanguage': (p) => `${q(p.lang)} is not in "languages" (${p.languages}); the text is ignored`,
  'crit.scaleOrder': (p) => `scale.min (${p.min}) must be less than scale.max (${p.max})`,
  'crit.labelMissing': (p) => `scale.labels has no label for step ${p.step}`,
  'crit.stepOutOfRange': (p) => `step ${p.step} is outside the scale ${p.min}–${p.max}`,
  'crit.belowOutOfRange': (p) => `below: ${p.below} is outside the scale ${p.min}–${p.max} (use a value above ${p.min})`,
  'crit.unknownPartner': (p) => `unknown partner ${q(p.id)}${hint(p)}: add it to "partners"`,
  'crit.unknownExample': (p) => `unknown example ${q(p.id)}${hint(p)}: add it to "examples"`,
  'crit.unknownCriterion': (p) => `unknown criterion ${q(p.id)}${hint(p)}`,
  'crit.criteriaMinOutOfRange': (p) => `${p.value} is outside the scale ${p.min}–${p.max}`,
  'crit.countTooLarge': (p) => `count ${p.count} is more than the ${p.pillars} pillar(s) of the framework`,
  'crit.noFallback': () => 'the last level has rules; add a last level with "rules: {}" so every village gets a level',
  'crit.unreachableLevel': (p) => `level ${q(p.id)} can never be reached: level ${q(p.by)} before it has no rules`,
  'crit.reservedLevel': (p) => `${q(p.id)} is a built-in level (incomplete: too little data; none: no level reached); choose another id`,
  // answers semantics
  'ans.frameworkMismatch': (p) =>
    `these answers are for framework ${q(p.framework)}, but the criteria are ${q(p.expected)}; pass the right file with --criteria`,
  'ans.unknownCriterion': (p) => `unknown criterion ${q(p.id)}${hint(p)}`,
  'ans.scoreOutOfRange': (p) => `score ${p.score} is outside the scale ${p.min}–${p.max}`,
  'ans.badDate': (p) => `${q(p.date)} is not a real date (YYYY-MM-DD)`,
  // csv
  'csv.parse': (p) => `CSV: ${p.detail}`,
  'csv.noVillageColumn': () => 'no "village" column: add a column named "village" (or "ciems")',
  'csv.unknownColumn': (p) =>
    `column ${p.index} ${q(p.column)} matches no criterion id, question or title${hint(p)}; rename it or pass --ignore-column ${q(p.column)}`,
  'csv.manyUnknown': (p) =>
    `${p.count} more columns match no criterion: is this CSV for these criteria (--criteria), and is it split at the right separator?`,
  'csv.ambiguousColumn': (p) => `column ${p.index} ${q(p.column)} matches several criteria: ${p.ids}`,
  'csv.duplicateColumn': (p) => `column ${p.index} ${q(p.column)} maps to ${p.id}, like column ${p.first}`,
  'csv.ignoredColumn': (p) => `column ${p.index} ${q(p.column)} is ignored`,
  'csv.badCell': (p) => `column ${p.index} (${p.id}): ${q(p.value)} is not a score on ${p.min}–${p.max}, a scale label or n/a`,
  'csv.emptyVillage': () => 'the row has no village name',
  'csv.badDate': (p) => `${q(p.value)} is not a date (YYYY-MM-DD or DD.MM.YYYY)`,
  'csv.noRows': () => 'the CSV has a header but no rows',
  'csv.rowLength': (p) => `the row has ${p.got} cells, the header has ${p.expected}`,
  // command-level
  'out.exists': (p) => `${q(p.file)} exists; add --force to overwrite it`,
  'out.failed': (p) => `cannot write ${q(p.file)}: ${p.reason}`,
  'report.manyVillages': (p) =>
    `the answers are for ${p.count} villages (${p.names}); pick one with --village, or use "village score --reports DIR"`,
  'report.noVillage': (p) => `no answers for village ${q(p.village)}`,
  'report.nothing': () => 'no usable answers: nothing to report',
  'template.error': (p) => `template: ${p.detail}`,
} satisfies Record<string, Msg>;

/** Fixed labels: report headings, table headers, prompts. */
export const labels = {
  'lang.name': 'English',
  // table and machine output headers
  'col.village': 'Village',
  'col.level': 'Level',
  'col.overall': 'Overall',
  'col.coverage': 'Coverage',
  'col.respondents': 'Resp.',
  // report
  'col.discuss': 'Discuss',
  'report.title': 'Smart Village action plan',
  'report.intro':
    'This plan comes from the community’s own self-assessment. It is a starting point for planning together, not a verdict: the scores show where the community sees itself today, and the notes show why.',
  'report.municipality': 'Municipality',
  'report.lag': 'Local action group',
  'report.date': 'Date',
  'report.respondents': 'Respondents',
  'report.sources': 'Answers from',
  'report.framework': 'Criteria',
  'report.level': 'Where the community stands',
  'report.levelWhy': 'Why this level',
  'report.levelAlways': 'This is where every community starts: the first step is to look at itself together.',
  'report.next': 'Towards the next level',
  'report.nextNone': 'The community meets every level of the framework. Keep the approach alive and share it with others.',
  'report.scores': 'Scores by pillar',
  'report.criteria': 'Criteria and evidence',
  'report.criterion': 'Criterion',
  'report.score': 'Score',
  'report.raw': 'Answer',
  'report.evidence': 'Evidence',
  'report.pillar': 'Pillar',
  'report.coverage': 'answered',
  'report.notScored': 'not scored',
  'report.na': 'not applicable',
  'report.unanswered': 'unanswered',
  'report.strengths': 'Strengths to build on',
  'report.strengthsNone': 'No criterion scores high yet; the plan below shows where to start.',
  'report.discuss': 'Discuss together',
  'report.discussIntro': 'Respondents disagree by half the scale or more on these criteria. Talk them through before planning.',
  'report.plan': 'Action plan',
  'report.planIntro': 'Actions for criteria that are not yet where the community wants them, the most important first (weight × gap).',
  'report.planNone': 'No action is recommended by the framework for the current scores.',
  'report.action': 'Action',
  'report.forCriterion': 'For',
  'report.timeframe': 'When',
  'report.partners': 'Partners',
  'report.open': 'Still to discuss',
  'report.openIntro': 'These criteria have no score yet. Gather evidence and score them at the next meeting.',
  'report.examples': 'Inspiring examples',
  'report.footer': 'Made with smart-village-kit',
  'report.page': 'Page',
  'report.of': 'of',
  'timeframe.short': 'short term (up to 1 year)',
  'timeframe.medium': 'medium term (1–3 years)',
  'timeframe.long': 'long term (3+ years)',
  'timeframe.none': '—',
  'level.incomplete': 'Not enough data',
  'level.none': 'No level reached',
  'level.noneDescription': 'The scores meet no level of this framework (it has no fallback level).',
  'level.incompleteDescription': 'Too few criteria are scored to place the community at a level.',
  'rule.overall_min': 'Overall score at least {needed} (now {actual})',
  'rule.pillar_min': '{pillar}: at least {needed} (now {actual})',
  'rule.pillar_min.held': 'Every pillar at least {needed}',
  'rule.pillars_min_count': 'At least {needed} pillars with {min} or more (now {actual})',
  'rule.criteria_min': '{criterion}: answer at least {needed} (now {actual})',
  'rule.coverage_min': '{pillar}: score at least {needed} of the criteria (now {actual})',
  'rule.none': 'no conditions',
  'out.written': 'Written: {file}',
  'blank.how': 'Answer every criterion below with a score from {min} to {max}, or n/a (not applicable / do not know), or leave null. Fill in village, respondent and date too.',
  'blank.note': 'To add evidence, write the answer as { score: 3, note: "what shows it" }.',
  'blank.scale': 'Scale',
  'blank.question': 'Question',
  'blank.help': 'Help',
  'blank.respondent': 'Respondent',
  'summary.line': '{villages} village(s) from {inputs} answer set(s) (files and CSV rows)',
  'summary.rejected': '{rejected} rejected',
  'summary.files': 'files',
  'summary.warnings': 'warnings',
  'validate.ok': 'valid',
  'validate.summary': '{files} file(s) checked: {errors} error(s), {warnings} warning(s)',
} as const;

export type Labels = Record<keyof typeof labels, string>;
export type Messages = { [K in keyof typeof messages]: Msg };
