import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The installed package's root (this file is dist/paths.js). */
export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CRITERIA_DIR = join(PACKAGE_ROOT, 'criteria');
export const BUNDLED_CRITERIA = join(CRITERIA_DIR, 'smart-village.yaml');
export const TEMPLATES_DIR = join(PACKAGE_ROOT, 'templates');
