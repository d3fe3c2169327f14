import { constants } from 'node:os';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  expandUserPath,
  nodeFileSystem,
  resolveBodyPath,
  resolveParamValue,
  type FileSystemPort,
  type ParamFileOptions,
} from '../../../src/input/paramfile.js';
import { errorOf } from '../../support/errors.js';
import { GOLDEN_DIR, readGolden } from '../../support/golden.js';
import { goldenMessage } from './support.js';

const DIRECTORY = Symbol('directory');
type FakeEntry = string | Buffer | typeof DIRECTORY | { readonly failWith: string };

/** Absolute path -> entry; anything else does not exist. */
function fakeFileSystem(entries: Record<string, FakeEntry>): FileSystemPort {
  const fail = (code: string, path: string): never => {
    throw Object.assign(new Error(`${code}: failed, open '${path}'`), { code, syscall: 'open', path });
  };
  return {
    readFile(path) {
      const entry = entries[path];
      if (entry === undefined) return fail('ENOENT', path);
      if (entry === DIRECTORY) return fail('EISDIR', path);
      if (typeof entry === 'object' && 'failWith' in entry) return fail(entry.failWith, path);
      return Buffer.from(entry);
    },
    isRegularFile: (path) => entries[path] !== undefined && entries[path] !== DIRECTORY,
  };
}

const ENV = { HOME: '/home/u', D: '/data', A: '$B', B: 'b', T: '~' };

function options(entries: Record<string, FakeEntry>): ParamFileOptions {
  return { env: ENV, homedir: '/pw/u', cwd: '/work', fs: fakeFileSystem(entries) };
}


// Expected paths recorded from Python's os.path.expandvars(os.path.expanduser(path)).
describe('expandUserPath', () => {
  it.each<[string, string]>([
    ['~', '/home/u'],
    ['~/x', '/home/u/x'],
    ['~user/x', '~user/x'],
    ['x~/y', 'x~/y'],
    ['$D/x', '/data/x'],
    ['${D}/x', '/data/x'],
    ['$NOPE/x', '$NOPE/x'],
    ['${NOPE}x', '${NOPE}x'],
    ['${}', '${}'],
    ['$D$D', '/data/data'],
    ['$', '$'],
    ['${D', '${D'],
    ['~/$D', '/home/u//data'],
    ['$A', '$B'],
    ['$T/x', '~/x'],
    ['$D-$D_', '/data-$D_'],
  ])('%s -> %s', (path, expected) => {
    expect(expandUserPath(path, ENV, '/pw/u')).toBe(expected);
  });

  it('uses the password-database home without HOME, and / for an empty HOME', () => {
    expect(expandUserPath('~/x', {}, '/pw/u')).toBe('/pw/u/x');
    expect(expandUserPath('~', { HOME: '' }, '/pw/u')).toBe('/');
    expect(expandUserPath('~/x', { HOME: '/home/u/' }, '/pw/u')).toBe('/home/u/x');
  });
});

describe('resolveParamValue', () => {
  const files = options({
    '/work/uid.txt': 'abc',
    '/work/nl.txt': 'abc\n',
    '/work/crlf.txt': 'a\r\nb\rc\r\n',
    '/work/bom.txt': '\ufeffx',
    '/work/bin': Buffer.from([0, 0xff]),
    '/work/binary.bin': Buffer.from([0x4f, 0xa9, 0x19]),
    '/home/u/x.txt': 'home',
    '/work/~/x': 'literal tilde',
    '/work/somedir': DIRECTORY,
    '/work/secret': { failWith: 'EACCES' },
    '/work/xdev': { failWith: 'EXDEV' },
  });

  it('leaves values without file:// or fileb:// alone', () => {
    expect(resolveParamValue('--upload-id', 'uid.txt', files)).toBeUndefined();
    expect(resolveParamValue('--upload-id', 'FILE://uid.txt', files)).toBeUndefined();
  });

  it.each<[string, string]>([
    ['file://uid.txt', 'abc'],
    ['file://nl.txt', 'abc\n'],
    ['file://crlf.txt', 'a\nb\nc\n'],
    ['file://bom.txt', '\ufeffx'],
    ['file:///work/uid.txt', 'abc'],
    ['file://~/x.txt', 'home'],
    // `~` is expanded before `$VAR`, so a variable holding `~` stays a relative path.
    ['file://$T/x', 'literal tilde'],
  ])('%s reads text verbatim (universal newlines): %j', (value, expected) => {
    expect(resolveParamValue('--upload-id', value, files)).toBe(expected);
  });

  it('reads fileb:// as bytes', () => {
    expect(resolveParamValue('--sse-customer-key', 'fileb://bin', files)).toEqual(Buffer.from([0, 0xff]));
  });

  it.each<[string, string]>([
    ['file://missing.txt', "file://missing.txt: [Errno 2] No such file or directory: 'missing.txt'"],
    ['fileb://missing.txt', "fileb://missing.txt: [Errno 2] No such file or directory: 'missing.txt'"],
    ['file://~/nope', "file://~/nope: [Errno 2] No such file or directory: '/home/u/nope'"],
    ["file://it's", `file://it's: [Errno 2] No such file or directory: "it's"`],
    ['file://somedir', "file://somedir: [Errno 21] Is a directory: 'somedir'"],
    ['file://secret', "file://secret: [Errno 13] Permission denied: 'secret'"],
    ['file://xdev', `file://xdev: [Errno ${constants.errno.EXDEV}] Failed: 'xdev'`],
  ])('%s fails: %s', (value, detail) => {
    const error = errorOf(() => resolveParamValue('--upload-id', value, files));
    expect(error.message).toBe(`Error parsing parameter '--upload-id': Unable to load paramfile ${detail}`);
    expect(error.exitCode).toBe(252);
  });

  it('names the expanded path when text cannot be decoded', () => {
    expect(errorOf(() => resolveParamValue('--key', 'file://$D/../work/binary.bin', options({
      '/work/binary.bin': Buffer.from([0xff]),
    }))).message).toBe(
      "Error parsing parameter '--key': Unable to load paramfile (/data/../work/binary.bin), text contents could " +
        'not be decoded.  If this is a binary file, please use the fileb:// prefix instead of the file:// prefix.',
    );
  });

  it('passes on the ValueError of a path with a NUL byte (255)', () => {
    const error = errorOf(() => resolveParamValue('--key', 'file://a\0b', files));
    expect([error.message, error.exitCode]).toEqual(['embedded null byte', 255]);
  });
});

describe('resolveParamValue goldens (recorded input files)', () => {
  const inputs: ParamFileOptions = {
    env: {},
    homedir: '/nonexistent',
    cwd: resolve(GOLDEN_DIR, 'inputs'),
    fs: nodeFileSystem,
  };

  it('file_prefix_string_param: the file content is the upload id', () => {
    const uploadId = resolveParamValue('--upload-id', 'file://uid_file.txt', inputs);
    expect(JSON.stringify(uploadId)).toBe(readGolden('file_prefix_string_param').stdout.trim());
  });

  it('file_prefix_string_param_trailing_newline: the newline is kept, so S3 finds no such upload', () => {
    const uploadId = resolveParamValue('--upload-id', 'file://uid_file_nl.txt', inputs);
    expect(uploadId).toBe(`${JSON.parse(readGolden('file_prefix_string_param').stdout)}\n`);
    expect(goldenMessage('file_prefix_string_param_trailing_newline')).toMatch(/^An error occurred \(NoSuchUpload\)/);
  });

  it.each<[string, string]>([
    ['err_file_prefix_binary', 'file://binary.bin'],
    ['err_file_prefix_missing', 'file://missing.txt'],
    ['head_err_file_prefix_missing', 'file://missing.txt'],
  ])('%s', (name, value) => {
    const error = errorOf(() => resolveParamValue('--upload-id', value, inputs));
    expect(error.message).toBe(goldenMessage(name));
    expect(error.exitCode).toBe(readGolden(name).exitCode);
  });
});

describe('resolveBodyPath', () => {
  const fs = fakeFileSystem({
    '/work/part1.bin': 'part',
    '/data/part1.bin': 'part',
    '/home/u/part1.bin': 'part',
    '/work/somedir': DIRECTORY,
  });
  const resolveBody = (value: string) => resolveBodyPath(value, ENV, '/pw/u', '/work', fs);

  it.each<[string, string]>([
    ['part1.bin', '/work/part1.bin'],
    ['/work/part1.bin', '/work/part1.bin'],
    ['$D/part1.bin', '/data/part1.bin'],
    ['~/part1.bin', '/home/u/part1.bin'],
    // --body expands `$VAR` first, then `~`.
    ['$T/part1.bin', '/home/u/part1.bin'],
  ])('%s opens %s', (value, path) => {
    expect(resolveBody(value)).toBe(path);
  });

  it.each<[string, string]>([
    ['err_body_directory', 'somedir'],
    ['err_body_fileb_prefix', 'fileb://part1.bin'],
    ['err_body_missing_file', 'nope.bin'],
    ['head_err_body_missing_file', 'nope.bin'],
  ])('%s', (name, value) => {
    const error = errorOf(() => resolveBody(value));
    expect(error.message).toBe(goldenMessage(name));
    expect(error.exitCode).toBe(readGolden(name).exitCode);
  });
});
