// Mutation testing of the pure modules (`npm run mutation`; not part of CI: from scratch it took
// 42 minutes on a shared 2-core machine, incremental reruns a few). Equivalent mutants are marked
// where they are, in the source: `// Stryker disable next-line <mutator>: equivalent, <reason>`.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants such as the query grammar's tables) re-run every test
  // per mutant: 10 % of the mutants for ~90 % of the time. They are skipped, not counted.
  ignoreStatic: true,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  concurrency: 2,
  // A mutant that loops forever is a timeout (counted as detected); a short limit keeps each
  // one from costing more than a few seconds.
  timeoutMS: 5000,
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: true },
  thresholds: { high: 90, low: 80, break: null },
  mutate: [
    'src/output/json.ts',
    'src/output/text.ts',
    'src/output/table.ts',
    'src/output/yaml.ts',
    'src/output/pages.ts',
    'src/output/query.ts',
    'src/input/shorthand.ts',
    'src/input/paramfile.ts',
    'src/input/timestamp.ts',
    'src/input/validate-shape.ts',
    'src/input/limits.ts',
    'src/input/skeleton.ts',
    'src/python/*.ts',
    'src/s3/copy-source.ts',
    'src/s3/checksums.ts',
    'src/pipeline/paginate.ts',
  ],
};
