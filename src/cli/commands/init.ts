import { Command, Option } from '@commander-js/extra-typings';
import { CSV_HEADERS, INIT_FORMATS } from '../../vocab.js';
import { criteriaOption, examples, langOption, separatorOption, type CliContext } from '../options.js';

export const initCommand = (ctx: CliContext) =>
  new Command('init')
    .description('write a blank answers file (YAML with the questions as comments) or a CSV template')
    .option('--village <name>', 'the village the answers are for (YAML)', '')
    .addOption(criteriaOption())
    .addOption(new Option('--format <format>', 'yaml, csv, or map (how --map reads a survey export)').choices(INIT_FORMATS).default('yaml' as const))
    .addOption(new Option('--headers <kind>', 'CSV header: criterion ids or question texts').choices(CSV_HEADERS).default('id' as const))
    .addOption(separatorOption('CSV separator: , ; or tab'))
    .option('--from <export>', 'with --format map: the survey export (CSV or xlsx) to write the map for')
    .option('-o, --out <file>', 'write to FILE (default: standard output)')
    .option('--force', 'overwrite FILE if it exists')
    .option('--schema-url <url>', 'where editors find the answers JSON Schema (default: a relative path to schema/answers.schema.json or node_modules/smart-village-kit/schema/ found in the folder or above, else the kit\'s own)')
    .addOption(langOption())
    .addHelpText(
      'after',
      examples([
        'village init --village "Ērgļi" --out ergli.yaml',
        'village init --village Alsunga --lang en > alsunga.yaml',
        'village init --format csv --headers question --separator ";" --out aptauja.csv',
        'village init --format map --from limesurvey.csv --out limesurvey.map.yaml',
      ]),
    )
    .action(async (o) => {
      const { init } = await import('../../commands/init.js');
      const opts = {
        village: o.village,
        criteria: o.criteria,
        format: o.format,
        headers: o.headers,
        out: o.out,
        force: o.force === true,
        lang: ctx.ui(o.lang),
        langFlag: o.lang,
        schemaUrl: o.schemaUrl,
        separator: o.separator,
        from: o.from,
      };
      ctx.setExit(await init(opts, ctx.term()));
    });
