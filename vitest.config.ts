import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 20_000,
    // End-to-end tests spawn the built binary; two workers keep this 2-core machine responsive.
    maxWorkers: 2,
  },
});
