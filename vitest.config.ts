import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    env: { TZ: 'Europe/Stockholm' },
    // Tests that start the calendar worker load it through tsx, which takes seconds on a busy 2-core machine.
    testTimeout: 20_000,
  },
});
