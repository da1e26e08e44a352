import type { Options } from 'ajv';

/** ajv's options, shared by the runtime compiler and the build-time precompiler. */
export const AJV_OPTIONS = { allErrors: true, verbose: true, strict: true, allowUnionTypes: true } as const satisfies Options;
