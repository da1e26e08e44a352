import type { Options } from 'ajv';

/** ajv's options, shared by the runtime compiler and the build-time precompiler. */
// markdownDescription: hover text for editors (yaml-language-server), not a validation keyword.
export const AJV_OPTIONS = { allErrors: true, verbose: true, strict: true, allowUnionTypes: true, keywords: ['markdownDescription'] } as const satisfies Options;
