import { Argument, Command, InvalidArgumentError, Option } from 'commander';
import type { ExitCode } from './errors.js';
import { uiLang } from './io/lang.js';
import { terminal, type Streams, type Terminal } from './io/terminal.js';
import { VERSION } from './version.js';
import {
  CSV_HEADERS,
  INIT_FORMATS,
  PAPERS,
  REPORT_FORMATS,
  SCHEMA_KINDS,
  SCORE_FORMATS,
  SORTS,
  UI_LANGUAGES,
  VALIDATE_FORMATS,
  type CsvHeaders,
  type InitFormat,
  type Paper,
  type ReportFormat,
  type ScoreFormat,
  type Sort,
  type ValidateFormat,
} from './vocab.js';


const examples = (lines: string[]): string => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;

const langOption = () => new Option('--lang <lang>', 'language of messages and reports: lv or en').choices(UI_LANGUAGES);
const criteriaOption = () => new Option('--criteria <file>', 'criteria framework (default: the bundled smart-village-lv)');

/**
 * Builds the `village` program. Each action imports its command only when it runs, so
 * `village --help` loads neither pdfkit, inquirer nor handlebars. `run` receives the exit code.
 */
export function buildProgram(streams: Streams, setExit: (code: ExitCode) => void): Command {
  const program = new Command('village');
  let term: Terminal | undefined;
  const t = (): Terminal => (term ??= terminal(streams, program.opts<{ color: boolean }>().color));

  program
    .exitOverride()
    .description('Smart Village self-assessment: criteria, scoring and action plans (Latvian and English).')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--no-color', 'no colours in the output (also with NO_COLOR set)')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (s) => void streams.stdout.write(s),
      writeErr: (s) => void streams.stderr.write(s),
    })
    .addHelpText(
      'after',
      examples([
        'village report examples/alsunga.yaml --out alsunga-plan.md',
        'village score answers/ survey.csv --format csv > summary.csv',
        'village assess --village "Ērgļi"',
        'village validate criteria/',
      ]) + '\nExit codes: 0 ok, 1 some input rejected, 2 usage error, 130 interrupted.\n',
    );

  program
    .command('validate')
    .description('check criteria and answers files (told apart by their "schema:" field) and CSV answers')
    .argument('[files...]', 'YAML or CSV files, or folders (default: the bundled criteria)')
    .addOption(criteriaOption())
    .addOption(new Option('--format <format>', 'output format').choices(VALIDATE_FORMATS).default('text'))
    .addOption(langOption())
    .addHelpText(
      'after',
      examples([
        'village validate',
        'village validate criteria/my-lag.yaml answers/',
        'village validate survey.csv                    # a spreadsheet export, row by row',
        'village validate criteria/ --format github   # annotations in GitHub Actions',
      ]),
    )
    .action(async (files: string[], o: { criteria?: string; format: ValidateFormat; lang?: string }) => {
      const { validate } = await import('./commands/validate.js');
      setExit(await validate({ files, criteria: o.criteria, format: o.format, lang: uiLang(o.lang) }, t()));
    });

  program
    .command('schema')
    .description('print the JSON Schema of a file kind')
    .addArgument(new Argument('<kind>', 'criteria or answers').choices(SCHEMA_KINDS))
    .addHelpText('after', examples(['village schema answers > answers.schema.json']))
    .action(async (kind: (typeof SCHEMA_KINDS)[number]) => {
      const { SCHEMAS } = await import('./schema/schemas.js');
      streams.stdout.write(`${JSON.stringify(SCHEMAS[kind], null, 2)}\n`);
      setExit(0);
    });

  program
    .command('score')
    .description('score answer files and CSV exports, grouped by village')
    .argument('<inputs...>', 'answers: YAML files, CSV files or folders of them')
    .addOption(criteriaOption())
    .addOption(new Option('--format <format>', 'output').choices(SCORE_FORMATS).default('table'))
    .option('--no-group', 'score every file and CSV row on its own, not grouped by village')
    .addOption(new Option('--sort <order>', 'order of villages').choices(SORTS).default('input'))
    .option('--level <ids>', 'show only villages at these levels (comma-separated)', list, [])
    .option('--fail-under <level>', 'exit 1 if any village ranks below this level')
    .option('--ignore-column <name>', 'a CSV column to skip (repeatable)', collect, [])
    .addOption(
      new Option('--separator <sep>', 'CSV output separator: , ; or tab (with ; numbers get a decimal comma)').argParser(separator).default(','),
    )
    .option('--reports <dir>', 'also write one action plan per village, summary.csv and summary.json into DIR')
    .addOption(new Option('--report-format <format>', 'format of the plans in --reports').choices(REPORT_FORMATS).default('md'))
    .option('--template <file>', 'your own Handlebars template for Markdown plans')
    .addOption(new Option('--paper <size>', 'PDF paper size').choices(PAPERS).default('a4'))
    .option('--force', 'overwrite existing files in --reports')
    .addOption(langOption())
    .addHelpText(
      'after',
      examples([
        'village score examples/',
        'village score answers/ survey.csv --format json > results.json',
        'village score survey.csv --ignore-column "Timestamp" --sort overall',
        'village score answers/ --reports plans/ --report-format pdf',
        'village score answers/ --fail-under transition   # exit 1 if a village is below',
      ]),
    )
    .action(async (inputs: string[], o: ScoreFlags) => {
      const { score } = await import('./commands/score.js');
      setExit(
        await score(
          {
            inputs,
            criteria: o.criteria,
            format: o.format,
            group: o.group,
            lang: uiLang(o.lang),
            langFlag: o.lang,
            sort: o.sort,
            levels: o.level,
            failUnder: o.failUnder,
            ignoreColumns: o.ignoreColumn,
            separator: o.separator,
            reports: o.reports,
            reportFormat: o.reportFormat,
            template: o.template,
            paper: o.paper,
            force: o.force === true,
          },
          t(),
        ),
      );
    });

  program
    .command('report')
    .description("render one village's action plan (Markdown or PDF)")
    .argument('<answers...>', "the village's answers: YAML files, CSV files or folders")
    .addOption(criteriaOption())
    .addOption(new Option('--format <format>', 'md or pdf').choices(REPORT_FORMATS).default('md'))
    .option('-o, --out <file>', 'write to FILE (default: standard output)')
    .option('--force', 'overwrite FILE if it exists')
    .option('--village <name>', 'the village to report on when the answers hold several')
    .option('--template <file>', 'your own Handlebars template for Markdown')
    .addOption(new Option('--paper <size>', 'PDF paper size').choices(PAPERS).default('a4'))
    .option('--ignore-column <name>', 'a CSV column to skip (repeatable)', collect, [])
    .addOption(langOption())
    .addHelpText(
      'after',
      examples([
        'village report examples/alsunga.yaml',
        'village report examples/ergli/ --out ergli-plan.md',
        'village report examples/alsunga.yaml --format pdf --out alsunga.pdf --lang en',
        'village report survey.csv --village "Ērgļi" --template my-plan.md.hbs',
      ]),
    )
    .action(async (inputs: string[], o: ReportFlags) => {
      const { report } = await import('./commands/report.js');
      setExit(
        await report(
          {
            inputs,
            criteria: o.criteria,
            format: o.format,
            out: o.out,
            force: o.force === true,
            lang: uiLang(o.lang),
            langFlag: o.lang,
            template: o.template,
            village: o.village,
            paper: o.paper,
            ignoreColumns: o.ignoreColumn,
          },
          t(),
        ),
      );
    });

  program
    .command('assess')
    .description("a mentor's interactive session: question by question, every answer saved at once")
    .addOption(criteriaOption())
    .option('--answers <file>', 'the answers file: resumed when it exists, created when not')
    .option('--village <name>', 'the village (asked when not given)')
    .addOption(langOption())
    .addHelpText(
      'after',
      examples([
        'village assess --village "Ērgļi"',
        'village assess --answers ergli-2026-03-14.yaml     # resume next week, on any laptop',
        'village assess --village Alsunga --lang en --criteria my-lag.yaml',
      ]) + '\nKeys: ↑↓ to move, Enter to choose, Ctrl-C to stop (every confirmed answer is already saved).\n',
    )
    .action(async (o: { criteria?: string; answers?: string; village?: string; lang?: string }) => {
      const input = process.stdin as NodeJS.ReadStream;
      const interactive = input.isTTY && streams.stdout.isTTY === true;
      const { assess } = await import('./commands/assess.js');
      const lang = uiLang(o.lang);
      setExit(
        await assess(
          { criteria: o.criteria, answers: o.answers, village: o.village, lang, langFlag: o.lang },
          t(),
          {
            interactive,
            prompts: async (navigation) => (await import('./io/prompts.js')).inquirerPrompts(navigation),
            clear: () => void streams.stdout.write('\x1b[2J\x1b[3J\x1b[H'),
          },
        ),
      );
    });

  program
    .command('init')
    .description('write a blank answers file (YAML with the questions as comments) or a CSV template')
    .option('--village <name>', 'the village the answers are for (YAML)', '')
    .addOption(criteriaOption())
    .addOption(new Option('--format <format>', 'yaml or csv').choices(INIT_FORMATS).default('yaml'))
    .addOption(new Option('--headers <kind>', 'CSV header: criterion ids or question texts').choices(CSV_HEADERS).default('id'))
    .addOption(
      new Option('--separator <sep>', 'CSV separator: , ; or tab').argParser(separator).default(','),
    )
    .option('-o, --out <file>', 'write to FILE (default: standard output)')
    .option('--force', 'overwrite FILE if it exists')
    .option('--schema-url <url>', 'where editors find the answers JSON Schema')
    .addOption(langOption())
    .addHelpText(
      'after',
      examples([
        'village init --village "Ērgļi" --out ergli.yaml',
        'village init --village Alsunga --lang en > alsunga.yaml',
        'village init --format csv --headers question --separator ";" --out aptauja.csv',
      ]),
    )
    .action(async (o: InitFlags) => {
      const { init, DEFAULT_SCHEMA_URL } = await import('./commands/init.js');
      setExit(
        await init(
          {
            village: o.village,
            criteria: o.criteria,
            format: o.format,
            headers: o.headers,
            out: o.out,
            force: o.force === true,
            lang: uiLang(o.lang),
            langFlag: o.lang,
            schemaUrl: o.schemaUrl ?? DEFAULT_SCHEMA_URL,
            separator: o.separator,
          },
          t(),
        ),
      );
    });

  return program;
}

interface InitFlags {
  village: string;
  criteria?: string;
  format: InitFormat;
  headers: CsvHeaders;
  separator: ',' | ';' | '\t';
  out?: string;
  force?: boolean;
  schemaUrl?: string;
  lang?: string;
}

interface ScoreFlags {
  criteria?: string;
  format: ScoreFormat;
  group: boolean;
  sort: Sort;
  level: string[];
  failUnder?: string;
  ignoreColumn: string[];
  separator: ',' | ';' | '\t';
  reports?: string;
  reportFormat: ReportFormat;
  template?: string;
  paper: Paper;
  force?: boolean;
  lang?: string;
}

interface ReportFlags {
  criteria?: string;
  format: ReportFormat;
  out?: string;
  force?: boolean;
  village?: string;
  template?: string;
  paper: Paper;
  ignoreColumn: string[];
  lang?: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];
const list = (value: string, previous: string[]): string[] => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

function separator(value: string): ',' | ';' | '\t' {
  if (value === ',' || value === ';') return value;
  if (value === 'tab' || value === '\t' || value === '\\t') return '\t';
  throw new InvalidArgumentError('use , ; or tab');
}
