import { input, select, Separator } from '@inquirer/prompts';

/** Where prompts read and write (tests pass their own streams). */
export type Context = Parameters<typeof select>[1];

/** Ctrl-C, or the terminal went away, during a prompt. */
export class Interrupted extends Error {
  constructor() {
    super('interrupted');
    this.name = 'Interrupted';
  }
}

export interface Choice<T> {
  value: T;
  name: string;
  description?: string;
}

export type Item<T> = Choice<T> | 'separator';

/**
 * The few prompts `assess` uses, behind one small interface: tests drive it with streams, and
 * Ctrl-C becomes one error (Interrupted) in one place.
 */
export interface Prompts {
  choose<T>(message: string, items: readonly Item<T>[], opts?: { default?: T; pageSize?: number }): Promise<T>;
  text(message: string, opts?: { default?: string; required?: string }): Promise<string>;
}

async function guard<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError')) throw new Interrupted();
    throw e;
  }
}

/** Inquirer's prompts with our own texts for the key hints (it has English only). */
export function inquirerPrompts(navigation: string, context?: Context): Prompts {
  return {
    choose: (message, items, opts = {}) =>
      guard(
        select(
          {
            message,
            choices: items.map((i) => (i === 'separator' ? new Separator() : i)),
            default: opts.default,
            pageSize: opts.pageSize ?? 14,
            loop: false,
            instructions: { navigation, pager: navigation },
          },
          context,
        ),
      ),
    text: (message, opts = {}) =>
      guard(
        input(
          {
            message,
            ...(opts.default !== undefined ? { default: opts.default } : {}),
            ...(opts.required ? { validate: (v: string) => (v.trim() === '' ? (opts.required ?? false) : true) } : {}),
          },
          context,
        ),
      ).then((v) => v.trim()),
  };
}
