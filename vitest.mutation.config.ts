import { defineConfig } from 'vitest/config';

// The tests StrykerJS runs against each mutant: the unit tests of the pure modules it mutates
// (see stryker.config.mjs). No moto global setup and no end-to-end or in-process CLI tests:
// they cover the same modules through the SDK and a server, at many times the cost per mutant.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    testTimeout: 60_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
