import { configDefaults, defineConfig } from 'vitest/config';

// The tests StrykerJS runs against each mutant: the unit tests of the pure modules it mutates
// (see stryker.config.mjs). No moto global setup and no end-to-end or in-process CLI tests:
// they cover the same modules through the SDK and a server, at many times the cost per mutant.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    // Left out: the start-up test spawns the built CLI (dist/), never a mutated source, and a
    // fresh clone has no dist/ until it is built; the megabyte JSON documents outlast the test
    // timeout under instrumentation (their messages are pinned on small documents too); the
    // checksum loading tests re-import checksums.ts inside a test, which makes Stryker credit
    // every module-level mutant of it to them alone.
    exclude: [...configDefaults.exclude, 'test/unit/skeleton-start-up.test.ts', 'test/unit/input/python-json-large.test.ts', 'test/unit/s3/checksums-loading.test.ts'],
    setupFiles: ['vitest.mutation.setup.ts'],
    testTimeout: 60_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
