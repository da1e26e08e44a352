import { Command, Option } from '@commander-js/extra-typings';
import { REPORT_FORMATS } from '../../vocab.js';
import { aliasesOption, collect, criteriaOption, encodingOption, examples, firstStepsOption, ignoreColumnOption, langOption, mapOption, paperOption, periodOption, sheetOption, strictOption, type CliContext } from '../options.js';

export const reportCommand = (ctx: CliContext) =>
  new Command('report')
    .description("render one village's action plan (Markdown or PDF)")
    .argument('<answers...>', "the village's answers: YAML files, CSV files or folders")
    .addOption(criteriaOption())
    .addOption(new Option('--format <format>', 'md, pdf, or json (the plan as data: village schema plan)').choices(REPORT_FORMATS).default('md' as const))
    .option('-o, --out <file>', 'write to FILE (default: standard output)')
    .option('--force', 'overwrite FILE if it exists')
    .option('--village <name>', 'the village to report on when the answers hold several')
    .option('--municipality <name>', 'the municipality of --village, when villages of that name are in several')
    .addOption(periodOption())
    .addOption(aliasesOption())
    .option('--template <file>', 'your own Handlebars template for Markdown')
    .option('--previous <file>', 'last time: answers files or folders of the earlier assessment, or the plan file (repeatable)', collect, [] as string[])
    .option('--previous-criteria <file>', 'the criteria the earlier answers were scored with, when they were an older version')
    .option('--plan <file>', "the community's plan file (village plan): show owners, dates and statuses")
    .addOption(paperOption())
    .addOption(firstStepsOption())
    .addOption(ignoreColumnOption())
    .addOption(mapOption())
    .addOption(sheetOption())
    .addOption(encodingOption())
    .addOption(strictOption())
    .addOption(langOption())
    .addHelpText(
      'after',
      examples([
        'village report examples/alsunga.yaml',
        'village report examples/ergli/ --out ergli-plan.md',
        'village report examples/alsunga.yaml --format pdf --out alsunga.pdf --lang en',
        'village report survey.csv --village "Ērgļi" --template my-plan.md.hbs',
        'village report examples/ergli/ --previous examples-progress/ergli-2025/ --plan examples-progress/ergli-plan.yaml',
      ]),
    )
    .action(async (inputs, o) => {
      const { report } = await import('../../commands/report.js');
      const opts = {
        inputs,
        criteria: o.criteria,
        format: o.format,
        out: o.out,
        force: o.force === true,
        lang: ctx.ui(o.lang),
        langFlag: o.lang,
        template: o.template,
        village: o.village,
        paper: o.paper,
        firstSteps: o.firstSteps,
        ignoreColumns: o.ignoreColumn,
        previous: o.previous,
        previousCriteria: o.previousCriteria,
        plan: o.plan,
        municipality: o.municipality,
        period: o.period,
        aliases: o.aliases,
        map: o.map,
        sheet: o.sheet,
        encoding: o.encoding,
        strict: o.strict === true,
      };
      ctx.setExit(await report(opts, ctx.term()));
    });
