import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests spawn the real binary; give slow CI machines room.
    testTimeout: 30_000,
  },
});
