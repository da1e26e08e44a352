import { Command, Option } from '@commander-js/extra-typings';
import { REPORT_FORMATS, SCORE_FORMATS, SORTS } from '../../vocab.js';
import { aliasesOption, criteriaOption, encodingOption, examples, firstStepsOption, ignoreColumnOption, langOption, list, mapOption, minRespondentsOption, paperOption, periodOption, separator, sheetOption, strictOption, strategyLevelOption, type CliContext } from '../options.js';

export const scoreCommand = (ctx: CliContext) =>
  new Command('score')
    .description('score answer files and CSV exports, grouped by village')
    .argument('<inputs...>', 'answers: YAML files, CSV files or folders of them')
    .addOption(criteriaOption())
    .addOption(new Option('--format <format>', 'output').choices(SCORE_FORMATS).default('table' as const))
    .option('--no-group', 'score every file and CSV row on its own, not grouped by village')
    .addOption(new Option('--sort <order>', 'order of villages').choices(SORTS).default('input' as const))
    .option('--level <ids>', 'show only villages at these levels (comma-separated)', list, [] as string[])
    .option('--fail-under <level>', 'exit 1 if any village ranks below this level')
    .addOption(ignoreColumnOption())
    .addOption(mapOption())
    .addOption(sheetOption())
    .addOption(encodingOption())
    .addOption(strictOption())
    .addOption(
      new Option('--separator <sep>', 'CSV separator: , ; or tab (with ; numbers get a decimal comma; summary.csv defaults to ; in Latvian)').argParser(separator),
    )
    .option('--reports <dir>', 'also write one action plan per village, summary.csv/.json/.xlsx and overview.md into DIR')
    .addOption(new Option('--report-format <format>', 'format of the plans in --reports').choices(REPORT_FORMATS).default('md' as const))
    .option('--template <file>', 'your own Handlebars template for Markdown plans')
    .addOption(paperOption())
    .addOption(firstStepsOption())
    .option('--force', 'replace existing files in --reports')
    .addOption(periodOption())
    .addOption(aliasesOption())
    .addOption(minRespondentsOption())
    .addOption(strategyLevelOption())
    .addOption(langOption())
    .addHelpText(
      'after',
      examples([
        'village score examples/',
        'village score answers/ survey.csv --format json > results.json',
        'village score survey.csv --ignore-column "Timestamp" --sort overall',
        'village score limesurvey.csv --map limesurvey.map.yaml   # answer codes A1…A5',
        'village score forms.xlsx --sheet Sheet1',
        'village score answers/ --reports plans/ --report-format pdf',
        'village score answers/ --period 2026 --aliases aliases.yaml --min-respondents 3 --lang lv',
        'village score answers/ --fail-under transition   # exit 1 if a village is below',
      ]),
    )
    .action(async (inputs, o) => {
      const { score } = await import('../../commands/score.js');
      const opts = {
        inputs,
        criteria: o.criteria,
        format: o.format,
        group: o.group,
        lang: ctx.ui(o.lang),
        langFlag: o.lang,
        sort: o.sort,
        levels: o.level,
        failUnder: o.failUnder,
        ignoreColumns: o.ignoreColumn,
        map: o.map,
        sheet: o.sheet,
        encoding: o.encoding,
        strict: o.strict === true,
        separator: o.separator,
        reports: o.reports,
        reportFormat: o.reportFormat,
        template: o.template,
        paper: o.paper,
        firstSteps: o.firstSteps,
        force: o.force === true,
        period: o.period,
        aliases: o.aliases,
        minRespondents: o.minRespondents,
        strategyLevel: o.strategyLevel,
      };
      ctx.setExit(await score(opts, ctx.term()));
    });
