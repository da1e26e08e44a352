import { Command, Option } from '@commander-js/extra-typings';
import { VALIDATE_FORMATS } from '../../vocab.js';
import { criteriaOption, encodingOption, examples, ignoreColumnOption, langOption, mapOption, sheetOption, strictOption, type CliContext } from '../options.js';

export const validateCommand = (ctx: CliContext) =>
  new Command('validate')
    .description('check criteria and answers files (told apart by their "schema:" field) and CSV answers')
    .argument('[files...]', 'YAML or CSV files, or folders (default: the bundled criteria)')
    .addOption(criteriaOption())
    .addOption(new Option('--format <format>', 'output format').choices(VALIDATE_FORMATS).default('text' as const))
    .addOption(ignoreColumnOption())
    .addOption(mapOption())
    .addOption(sheetOption())
    .addOption(encodingOption())
    .addOption(strictOption())
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
    .action(async (files, o) => {
      const { validate } = await import('../../commands/validate.js');
      const intake = { ignoreColumns: o.ignoreColumn, map: o.map, sheet: o.sheet, encoding: o.encoding, strict: o.strict === true };
      ctx.setExit(await validate({ files, criteria: o.criteria, format: o.format, lang: ctx.ui(o.lang), ...intake }, ctx.term()));
    });
