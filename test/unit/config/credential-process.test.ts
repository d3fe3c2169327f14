import { describe, expect, it } from 'vitest';
import { shellSplit } from '../../../src/config/credential-process.js';

/** Python's shlex.split, as botocore splits credential_process. */
describe('shellSplit', () => {
  it.each<[string, string[]]>([
    ['/bin/get-creds --profile dev', ['/bin/get-creds', '--profile', 'dev']],
    ['  spaced   out  ', ['spaced', 'out']],
    [`'/path with/space' arg`, ['/path with/space', 'arg']],
    ['"double \\"quoted\\" \\$x \\n"', ['double "quoted" $x \\n']],
    ['back\\ slash', ['back slash']],
    [`''`, ['']],
    [`a'b'"c"`, ['abc']],
  ])('%s', (text, words) => {
    expect(shellSplit(text)).toEqual(words);
  });

  it('refuses an unclosed quote as shlex does', () => {
    expect(() => shellSplit(`'open`)).toThrow('No closing quotation');
  });
});
