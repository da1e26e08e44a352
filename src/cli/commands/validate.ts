import { Command, InvalidArgumentError, Option } from '@commander-js/extra-typings';
import { VALIDATE_FORMATS, type ValidateFormat } from '../../vocab.js';
import { count, encodingOption, examples, ignoreColumnOption, langOption, mapOption, sheetOption, type CliContext } from '../options.js';

const isFormat = (v: string): v is ValidateFormat => (VALIDATE_FORMATS as readonly string[]).includes(v);

const format = (value: string, previous: ValidateFormat[] | undefined): ValidateFormat[] => {
  if (!isFormat(value)) throw new InvalidArgumentError(`Allowed choices are ${VALIDATE_FORMATS.join(', ')}.`);
  return [...(previous ?? []), value];
};

const output = (value: string, previous: Partial<Record<ValidateFormat, string>> | undefined): Partial<Record<ValidateFormat, string>> => {
  const at = value.indexOf('=');
  const f = value.slice(0, at);
  if (at < 1 || at === value.length - 1 || !isFormat(f)) {
    throw new InvalidArgumentError(`use FORMAT=FILE with a format of ${VALIDATE_FORMATS.join(', ')} (e.g. sarif=out.sarif)`);
  }
  return { ...(previous ?? {}), [f]: value.slice(at + 1) };
};

/** A repeatable option: every value, in order. */
const many = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** Reads standard input to the end (bounded like a file). */
const readAll = async (stream: NodeJS.ReadableStream | undefined, limit = 4 * 1024 * 1024): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  let size = 0;
  if (!stream) return Buffer.alloc(0);
  for await (const c of stream) {
    const b = typeof c === 'string' ? Buffer.from(c) : c;
    chunks.push(b);
    size += b.length;
    if (size > limit) break;
  }
  return Buffer.concat(chunks);
};

export const validateCommand = (ctx: CliContext) =>
  new Command('validate')
    .description('check criteria and answers files (told apart by their "schema:" field) and CSV answers')
    .argument('[files...]', 'YAML or CSV files, or folders; "-" reads standard input (with --stdin-filepath)')
    .option('--bundled', 'also check the bundled criteria')
    .addOption(
      new Option('--criteria <file>', 'criteria to check answers against (repeatable; answers are matched by their "framework" id, also among the criteria files checked)')
        .argParser(many),
    )
    .addOption(new Option('-f, --format <format>', `output format, repeatable: ${VALIDATE_FORMATS.join(', ')} (default: text)`).argParser(format))
    .addOption(
      new Option('-o, --output <format=file>', 'write a format to a file instead of standard output (repeatable), e.g. sarif=village.sarif')
        .argParser(output),
    )
    .option('--strict', 'warnings fail the check (exit 1)')
    .addOption(new Option('--max-warnings <n>', 'fail when there are more than N warnings').argParser(count(0, 1_000_000)))
    .addOption(new Option('--exclude <glob>', 'leave out paths that match (repeatable), e.g. "drafts/**" or mkdocs.yml').argParser(many))
    .option('--stdin-filepath <file>', 'the file that "-" (standard input) stands for, in messages and for its kind')
    .addOption(ignoreColumnOption())
    .addOption(mapOption())
    .addOption(sheetOption())
    .addOption(encodingOption())
    .addOption(langOption())
    .addHelpText(
      'after',
      examples([
        'village validate criteria/ answers/',
        'village validate --bundled',
        'village validate survey.csv --criteria criteria/my-lag.yaml   # a spreadsheet export, row by row',
        'village validate criteria/ -f github -f sarif -o sarif=village.sarif   # GitHub Actions',
        'village validate criteria/ --strict --exclude "drafts/**"',
        'cat my-lag.yaml | village validate - --stdin-filepath criteria/my-lag.yaml',
      ]),
    )
    .action(async (files, o) => {
      const { validate } = await import('../../commands/validate.js');
      const opts = {
        files,
        bundled: o.bundled === true,
        criteria: o.criteria ?? [],
        formats: o.format ?? [],
        outputs: o.output ?? {},
        strict: o.strict === true,
        maxWarnings: o.maxWarnings,
        exclude: o.exclude ?? [],
        stdinFilepath: o.stdinFilepath,
        stdin: () => readAll(ctx.streams.stdin),
        lang: ctx.ui(o.lang),
        ignoreColumns: o.ignoreColumn,
        map: o.map,
        sheet: o.sheet,
        encoding: o.encoding,
      };
      ctx.setExit(await validate(opts, ctx.term()));
    });
