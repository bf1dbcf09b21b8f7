/// <reference types="vitest/config" />
import { defineConfig } from 'vitest/config';

// Unit, property and conformance tests run in Node; browser tests live in e2e/ and run in real Chromium.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'threads',
  },
});
