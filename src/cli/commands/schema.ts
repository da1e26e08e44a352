import { Argument, Command } from '@commander-js/extra-typings';
import { SCHEMA_KINDS } from '../../vocab.js';
import { examples, type CliContext } from '../options.js';

export const schemaCommand = (ctx: CliContext) =>
  new Command('schema')
    .description('print the JSON Schema of a file kind, or write it into a folder to commit')
    .addArgument(
      new Argument('<kind>', 'criteria, answers, plan (the JSON of report --format json), plan-file (village plan), validate (of validate --format json) or map (--map files)').choices(SCHEMA_KINDS),
    )
    .option('--out <dir>', 'write <kind>.schema.json into DIR (replacing it) instead of printing it')
    .option('--for <file>', 'a criteria file: write the schema for that framework (its languages, ids and scale), with --out as criteria.<id>.schema.json')
    .option('--criteria <file>', 'a criteria file: write the answers schema for that framework (its criterion ids with their questions, scores on its scale)')
    .addHelpText(
      'after',
      examples([
        'village schema answers > answers.schema.json',
        'village schema criteria --out schema/',
        'village schema criteria --for criteria/ours.yaml --out schema/',
        'village schema answers --criteria criteria/ours.yaml --out schema/',
      ]),
    )
    .action(async (kind, o) => {
      const { runSchema } = await import('../../commands/schema.js');
      ctx.setExit(await runSchema(kind, o, ctx.term(), ctx.ui(undefined)));
    });
