import { defineConfig } from 'vitest/config';

// Unit tests of the pages' logic (no browser); the pages themselves are tested in Chromium by
// tests/browser/, which the end-to-end module runs against the local system.
export default defineConfig({
  test: { include: ['tests/unit/**/*.test.ts'], environment: 'node' },
});
