import { describe, expect, it } from 'vitest';
import type { FileSystemPort, ParamFileOptions } from '../../../src/input/paramfile.js';
import { isOrderedDict, pythonRepr } from '../../../src/python/repr.js';
import { parseShorthand, parseStructuredParam } from '../../../src/input/shorthand.js';
import type { MemberShape } from '../../../src/spec/types.js';
import { errorOf } from '../../support/errors.js';
import { readGolden } from '../../support/golden.js';
import { goldenArgument, goldenMessage } from './support.js';
import { METADATA, MULTIPART_UPLOAD } from './shapes.js';

const FILES: ParamFileOptions = {
  env: { HOME: '/home/u' },
  homedir: '/home/u',
  cwd: '/work',
  fs: {
    readFile(path) {
      const contents: Record<string, string> = { '/work/etag.txt': '"e1"\n', '/work/f.txt': 'F', '/work/n.bin': '7' };
      if (path in contents) return Buffer.from(contents[path]);
      throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
    },
    isRegularFile: () => false,
  } satisfies FileSystemPort,
};


// Expected values recorded from awscli.shorthand.ShorthandParser (aws-cli v2 branch, 2.36.7).
describe('parseShorthand', () => {
  it.each<[string, unknown]>([
    [
      'Parts=[{ETag=e1,PartNumber=1},{ETag=e2,PartNumber=2}]',
      { Parts: [{ ETag: 'e1', PartNumber: '1' }, { ETag: 'e2', PartNumber: '2' }] },
    ],
    ['a=1,b=two words,c=x=y', { a: '1', b: 'two words', c: 'x=y' }],
    ['foo=a,b,c=d', { foo: ['a', 'b'], c: 'd' }],
    ['a=b,c', { a: ['b', 'c'] }],
    ['a=b c , d=e', { a: 'b c', d: 'e' }],
    [`a="x,y",b='q'`, { a: 'x,y', b: 'q' }],
    [`a="a\\"b",b='a\\'b\\\\c'`, { a: 'a"b', b: "a'b\\c" }],
    ['a=x\\,y', { a: 'x,y' }],
    ['a=[1, [2,3], {b=c}]', { a: ['1', ['2', '3'], { b: 'c' }] }],
    ['a={b=[x,y],c={d=e}}', { a: { b: ['x', 'y'], c: { d: 'e' } } }],
    ['a=', { a: '' }],
    ['a=[]', { a: [] }],
    ['a={}', { a: {} }],
    ['k.x-1/#:=v', { 'k.x-1/#:': 'v' }],
  ])('%j', (text, expected) => {
    expect(parseShorthand('--p', text, FILES)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['a=b]c', "Expected: ',', received: ']' for input:\n a=b]c\n   ^"],
    ['a==b', "Expected: ',', received: '=' for input:\n a==b\n  ^"],
    ['', "Expected: '=', received: 'EOF' for input:\n \n^"],
    ['a', "Expected: '=', received: 'EOF' for input:\n a\n ^"],
    ['a=b,', "Expected: '<second>', received: '<none>' for input:\n a=b,\n    ^"],
    ['a=[1,2', "Expected: ',', received: 'EOF' for input:\n a=[1,2\n      ^"],
    ['a={b=1', "Expected: ',', received: 'EOF' for input:\n a={b=1\n      ^"],
    // Characters beyond U+FFFF are outside the grammar; positions count code points.
    ['a=😀', "Expected: ',', received: '😀' for input:\n a=😀\n  ^"],
    ['a="😀",b=1,\nc==2', "Expected: ',', received: '=' for input:\n a=\"😀\",b=1,\nc==2\n  ^"],
    ["a='unterminated", "Expected: '<singled quoted>', received: '<none>' for input:\n a='unterminated\n  ^"],
    [
      'a=b,a=c',
      'Second instance of key "a" encountered for input:\na=b,a=c\n    ^\nThis is often because there is a preceding "," instead of a space.',
    ],
    [
      'a=1,\n b=2,\n b=3',
      'Second instance of key "b" encountered for input:\na=1,\n b=2,\n     ^\n b=3\nThis is often because there is a preceding "," instead of a space.',
    ],
  ])('%j fails', (text, message) => {
    const error = errorOf(() => parseShorthand('--p', text, FILES));
    expect(error.message).toBe(`Error parsing parameter '--p': ${message}`);
    expect(error.exitCode).toBe(252);
  });

  it('loads key@=file:// and key@=fileb:// values, and keeps loading until the next key', () => {
    expect(parseShorthand('--p', 'Parts=[{ETag@=file://etag.txt,PartNumber=1}]', FILES)).toEqual({
      Parts: [{ ETag: '"e1"\n', PartNumber: '1' }],
    });
    expect(parseShorthand('--p', 'k@=fileb://n.bin,j=file://f.txt', FILES)).toEqual({
      k: Buffer.from('7'),
      j: 'file://f.txt',
    });
    expect(parseShorthand('--p', 'a=[{b@=c},file://f.txt]', FILES)).toEqual({ a: [{ b: 'c' }, 'F'] });
  });

  it('fails outside the shorthand handler (255) when an @= file cannot be read', () => {
    const error = errorOf(() => parseShorthand('--p', 'k@=file://nope', FILES));
    expect(error.message).toBe("Unable to load paramfile file://nope: [Errno 2] No such file or directory: 'nope'");
    expect(error.exitCode).toBe(255);
  });

  it('err_shorthand_syntax / head_err_shorthand_syntax (2.9 had no space before the input)', () => {
    const error = errorOf(() => parseStructuredParam('--multipart-upload', 'Parts=[{ETag=a,PartNumber=1}', MULTIPART_UPLOAD));
    expect(error.message).toBe(goldenMessage('head_err_shorthand_syntax'));
    expect(error.message.replace('for input:\n ', 'for input:\n')).toBe(goldenMessage('err_shorthand_syntax'));
    expect(error.exitCode).toBe(readGolden('head_err_shorthand_syntax').exitCode);
  });
});

describe('parseStructuredParam', () => {
  it('converts shorthand integers with int() and strips the quotes around values', () => {
    expect(parseStructuredParam('--multipart-upload', 'Parts=[{ETag="abc",PartNumber= +1 }]', MULTIPART_UPLOAD, FILES)).toEqual({
      Parts: [{ ETag: 'abc', PartNumber: 1 }],
    });
  });

  it('wraps a single value given for a list, leaving that element unconverted', () => {
    expect(parseStructuredParam('--multipart-upload', 'Parts={ETag=a,PartNumber=1}', MULTIPART_UPLOAD, FILES)).toEqual({
      Parts: [{ ETag: 'a', PartNumber: '1' }],
    });
  });

  it('leaves members the model does not know for validation', () => {
    expect(parseStructuredParam('--multipart-upload', 'Partz=[{PartNumber=x}]', MULTIPART_UPLOAD, FILES)).toEqual({
      Partz: [{ PartNumber: 'x' }],
    });
  });

  it('err_shorthand_partnumber_notint: int() fails with exit 255', () => {
    const error = errorOf(() =>
      parseStructuredParam('--multipart-upload', 'Parts=[{ETag=a,PartNumber=x}]', MULTIPART_UPLOAD, FILES),
    );
    expect(error.message).toBe(goldenMessage('err_shorthand_partnumber_notint'));
    expect(error.exitCode).toBe(readGolden('err_shorthand_partnumber_notint').exitCode);
  });

  it('int() of a list is a TypeError (255)', () => {
    const error = errorOf(() => parseStructuredParam('--multipart-upload', 'Parts=[{PartNumber=[1]}]', MULTIPART_UPLOAD, FILES));
    expect(error.message).toBe("int() argument must be a string, a bytes-like object or a real number, not 'list'");
  });

  it('turns true/false in any case into booleans and leaves other words', () => {
    const shape: MemberShape = { member: 'S', type: 'structure', members: [{ member: 'On', type: 'boolean' }] };
    expect(parseStructuredParam('--s', 'On=TRUE', shape, FILES)).toEqual({ On: true });
    expect(parseStructuredParam('--s', 'On=False', shape, FILES)).toEqual({ On: false });
    expect(parseStructuredParam('--s', 'On=yes', shape, FILES)).toEqual({ On: 'yes' });
    expect(errorOf(() => parseStructuredParam('--s', 'On=[a]', shape, FILES)).message).toBe(
      "'list' object has no attribute 'lower'",
    );
  });

  it('decodes JSON as is: OrderedDicts, no int() conversion', () => {
    const value = parseStructuredParam('--multipart-upload', ' \n{"Parts": [{"ETag": "a", "PartNumber": "1"}]}', MULTIPART_UPLOAD);
    expect(value).toEqual({ Parts: [{ ETag: 'a', PartNumber: '1' }] });
    expect(isOrderedDict(value)).toBe(true);
  });

  it.each<[string, string]>([
    ['[{"ETag": "a"}]', 'Invalid JSON:\n[{"ETag": "a"}]'],
    ['\u00a0{"Parts": []}', 'Invalid JSON: Expecting value: line 1 column 1 (char 0)\nJSON received: \u00a0{"Parts": []}'],
  ])('refuses %j', (text, message) => {
    expect(errorOf(() => parseStructuredParam('--multipart-upload', text, MULTIPART_UPLOAD)).message).toBe(
      `Error parsing parameter '--multipart-upload': ${message}`,
    );
  });

  it('err_json_invalid', () => {
    const error = errorOf(() => parseStructuredParam('--multipart-upload', '{"Parts": [}', MULTIPART_UPLOAD));
    expect(error.message).toBe(goldenMessage('err_json_invalid'));
    expect(error.exitCode).toBe(readGolden('err_json_invalid').exitCode);
  });

  it('complete_shorthand_debug: the unpacked value the AWS CLI logged', () => {
    const text = goldenArgument('complete_shorthand_debug', '--multipart-upload');
    const logged = /Unpacked value of '.*' for parameter "multipart_upload": (.*)$/m.exec(
      readGolden('complete_shorthand_debug').stderr,
    )![1];
    expect(pythonRepr(parseStructuredParam('--multipart-upload', text, MULTIPART_UPLOAD, FILES))).toBe(logged);
  });

  it('err_metadata_shorthand: --metadata a=1,b=two words,c=x=y sends these headers', () => {
    const text = goldenArgument('err_metadata_shorthand', '--metadata');
    const log = readGolden('err_metadata_shorthand').stderr;
    const sent = Object.fromEntries([...log.matchAll(/'x-amz-meta-(\w+)': '([^']*)'/g)].map((match) => [match[1], match[2]]));
    expect(sent).toEqual({ a: '1', b: 'two words', c: 'x=y' });
    expect(parseStructuredParam('--metadata', text, METADATA, FILES)).toEqual(sent);
  });

  it('reads --metadata as a JSON object too', () => {
    expect(parseStructuredParam('--metadata', '{"a": "1", "b": "two words"}', METADATA)).toEqual({ a: '1', b: 'two words' });
  });
});
