/**
 * Documents of several megabytes: positions are counted in one pass, so an error near the end
 * is found in linear time. Left out of the mutation run (vitest.mutation.config.ts): under
 * Stryker's instrumentation each case takes longer than the test timeout, and the same
 * messages and positions are pinned on small documents in python-json.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { pythonJsonError } from './support.js';

// Expected texts recorded from Python 3.11: json.loads(text, object_pairs_hook=OrderedDict).
describe('parsePythonJson on megabytes', () => {
  it.each<[string, string, string]>([
    ['3 million list items', `[${'1,'.repeat(3_000_000)}]`, 'Expecting value: line 1 column 6000002 (char 6000001)'],
    ['an unterminated string of 5 million characters', `"${'a'.repeat(5_000_000)}`, 'Unterminated string starting at: line 1 column 1 (char 0)'],
  ])('%s: %s', (_title, text, message) => {
    expect(pythonJsonError(text)).toBe(message);
  });
});
