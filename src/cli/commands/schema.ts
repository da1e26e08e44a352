import { Argument, Command } from '@commander-js/extra-typings';
import { SCHEMA_KINDS } from '../../vocab.js';
import { examples, type CliContext } from '../options.js';

export const schemaCommand = (ctx: CliContext) =>
  new Command('schema')
    .description('print the JSON Schema of a file kind')
    .addArgument(new Argument('<kind>', 'criteria, answers, plan (the JSON of report --format json), or map (--map files)').choices(SCHEMA_KINDS))
    .addHelpText('after', examples(['village schema answers > answers.schema.json']))
    .action(async (kind) => {
      const { PRINTED_SCHEMAS } = await import('../../schema/schemas.js');
      ctx.term().out(`${JSON.stringify(PRINTED_SCHEMAS[kind], null, 2)}\n`);
      ctx.setExit(0);
    });
