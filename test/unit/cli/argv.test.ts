/**
 * The adapter's pure pieces: argparse's prefix matching with s3api's extensions kept behind the
 * AWS CLI's options, the program name from the started file, and extension flags parsed from
 * the table data alone.
 */
import { describe, expect, it } from 'vitest';
import { parseCommandLine, resolveFlag } from '../../../src/cli/argv.js';
import { programNameFrom } from '../../../src/cli.js';

// Shaped like upload-part after another engineer's --byte-range/--split-size and
// complete-multipart-upload's --parts-from-server: extensions that share prefixes with AWS flags.
const FLAGS = [
  { flag: '--body' },
  { flag: '--bucket' },
  { flag: '--part-number' },
  { flag: '--sse-customer-key' },
  { flag: '--body-range', extension: true },
  { flag: '--byte-range', extension: true },
  { flag: '--parts-from-server', extension: true },
  { flag: '--split-size', extension: true },
];

function resolved(name: string): string | string[] | undefined {
  const resolution = resolveFlag(name, FLAGS);
  if (resolution === undefined) return undefined;
  return 'match' in resolution ? resolution.match.flag : resolution.ambiguous.map((candidate) => candidate.flag);
}

describe('resolveFlag', () => {
  it.each([
    ['--body', '--body'],
    ['--bod', '--body'], // not ambiguous with --body-range: AWS flags win
    ['--part', '--part-number'], // not ambiguous with --parts-from-server
    ['--bu', '--bucket'],
    ['--body-r', '--body-range'],
    ['--by', '--byte-range'],
    ['--parts', '--parts-from-server'],
    ['--sp', '--split-size'],
    ['--s', '--sse-customer-key'], // the one AWS flag, although --split-size starts the same way
    ['--x', undefined],
  ])('%s -> %s', (name, expected) => {
    expect(resolved(name)).toEqual(expected);
  });

  it("an ambiguity lists the AWS CLI's flags only, as the AWS CLI's own error does", () => {
    expect(resolved('--b')).toEqual(['--body', '--bucket']);
  });

  it('an ambiguity among extensions alone lists them', () => {
    expect(resolveFlag('--b', FLAGS.filter((candidate) => candidate.extension))).toEqual({
      ambiguous: [FLAGS[4], FLAGS[5]],
    });
  });
});

describe('programNameFrom', () => {
  it.each([
    ['/usr/local/lib/node_modules/s3api/bin/s3api.js', 's3api'],
    ['/home/me/bin/aws', 'aws'],
    ['./aws.mjs', 'aws'],
    ['/opt/s3api.cjs', 's3api'],
    ['/usr/bin/my-s3', 'my-s3'],
    [undefined, 's3api'],
  ])('%s -> %s', (path, name) => {
    expect(programNameFrom(path)).toBe(name);
  });
});

describe('extension flags from the table data', () => {
  const COMPLETE = ['complete-multipart-upload', '--bucket', 'b', '--key', 'k', '--upload-id', 'u'];

  it.each([
    [['--parts-from-server'], true],
    [['--part'], true],
    [['--no-parts-from-server'], false],
    [['--no-part'], false],
    [['--parts-from-server', '--no-parts'], false],
  ])('%j sets PartsFromServer to %s', (flags, value) => {
    expect(parseCommandLine([...COMPLETE, ...flags], 's3api').params.get('PartsFromServer')).toBe(value);
  });

  it('leaves the AWS flags their prefixes (--mult is --multipart-upload)', () => {
    const parsed = parseCommandLine([...COMPLETE, '--mult', 'Parts=[]'], 's3api');
    expect(parsed.params.get('MultipartUpload')).toBe('Parts=[]');
    expect(parsed.params.has('PartsFromServer')).toBe(false);
  });

  it('refuses a value on the extension flag, as on any boolean flag', () => {
    expect(() => parseCommandLine([...COMPLETE, '--parts-from-server=yes'], 's3api')).toThrow(
      "argument --parts-from-server: ignored explicit argument 'yes'",
    );
  });
});
