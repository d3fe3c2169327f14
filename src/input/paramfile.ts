/**
 * `file://` and `fileb://` parameter values, and the `--body` path, resolved the way the AWS
 * CLI does it (awscli.paramfile / argprocess): Python's path expansion, text read with
 * universal newlines but otherwise verbatim, and Python's OSError texts in the messages.
 */

import { readFileSync, statSync } from 'node:fs';
import { constants, homedir } from 'node:os';
import { resolve } from 'node:path';
import { generalError, paramFileOrValueError } from '../errors/errors.js';
import { reprString } from '../python/repr.js';

/** File access, injected so that tests need no disk. */
export interface FileSystemPort {
  /** The whole file; throws Node's errno errors (`code: 'ENOENT'`, ...). */
  readFile(path: string): Buffer;
  /** Python's os.path.isfile: an existing regular file, symlinks followed; false on any error. */
  isRegularFile(path: string): boolean;
}

export const nodeFileSystem: FileSystemPort = {
  readFile: (path) => readFileSync(path),
  isRegularFile: (path) => {
    try {
      return statSync(path).isFile();
    } catch {
      return false;
    }
  },
};

export interface ParamFileOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The user's home from the password database, used for `~` when HOME is unset. */
  readonly homedir: string;
  readonly cwd: string;
  readonly fs: FileSystemPort;
}

export function defaultParamFileOptions(): ParamFileOptions {
  return { env: process.env, homedir: homedir(), cwd: process.cwd(), fs: nodeFileSystem };
}

type Env = ParamFileOptions['env'];

/** Python's os.path.expanduser for `~` and `~/…`. `~user` is left as it is (no pwd lookup). */
function expandUser(path: string, env: Env, userHome: string): string {
  if (path !== '~' && !path.startsWith('~/')) return path;
  const home = (env.HOME ?? userHome).replace(/\/+$/, '');
  return home + path.slice(1) || '/';
}

const VARIABLE = /\$(\w+|\{[^}]*\})/g;

/**
 * Python's os.path.expandvars: `$NAME` (ASCII word characters) and `${NAME}`; unknown
 * variables stay as written, substituted values are not expanded again.
 */
function expandVars(path: string, env: Env): string {
  return path.replace(VARIABLE, (reference: string, name: string) => {
    const value = env[name.startsWith('{') ? name.slice(1, -1) : name];
    return value ?? reference;
  });
}

/** `~` then `$VAR`, the order awscli.paramfile applies them in. */
export function expandUserPath(path: string, env: Env, userHome: string): string {
  return expandVars(expandUser(path, env, userHome), env);
}

/** Python's strerror texts for the errors opening a file can raise (Linux glibc wording). */
const STRERROR: Readonly<Record<string, string>> = {
  EPERM: 'Operation not permitted',
  ENOENT: 'No such file or directory',
  EIO: 'Input/output error',
  ENXIO: 'No such device or address',
  EACCES: 'Permission denied',
  EBUSY: 'Device or resource busy',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  EINVAL: 'Invalid argument',
  ENFILE: 'Too many open files in system',
  EMFILE: 'Too many open files',
  EFBIG: 'File too large',
  ENAMETOOLONG: 'File name too long',
  ELOOP: 'Too many levels of symbolic links',
  EOVERFLOW: 'Value too large for defined data type',
};

/** `str(OSError)`: `[Errno 2] No such file or directory: 'missing.txt'`. */
function describeOsError(error: unknown, path: string): string {
  const { code, message } = error as NodeJS.ErrnoException;
  const errno = code ? constants.errno[code as keyof typeof constants.errno] : undefined;
  if (code === undefined || errno === undefined) throw error;
  // Node's own text ("ENOENT: no such file or directory, open 'x'") for codes not listed.
  const fallback = message.replace(/^\w+: /, '').replace(/, \w+ '.*'$/, '');
  const text = STRERROR[code] ?? fallback.charAt(0).toUpperCase() + fallback.slice(1);
  return `[Errno ${errno}] ${text}: ${reprString(path)}`;
}

/** Python's ResourceLoadingError: the message without the parameter it was raised for. */
export class ParamFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ParamFileError';
  }
}

const PREFIXES = ['file://', 'fileb://'] as const;

/**
 * The contents a `file://` (text) or `fileb://` (bytes) value refers to, or `undefined` when
 * the value has neither prefix. Text is decoded as strict UTF-8 with Python's universal
 * newlines (`\r\n` and `\r` read as `\n`); a trailing newline is kept.
 */
export function loadParamFile(value: string, options: ParamFileOptions): string | Buffer | undefined {
  const prefix = PREFIXES.find((candidate) => value.startsWith(candidate));
  if (prefix === undefined) return undefined;
  const path = expandUserPath(value.slice(prefix.length), options.env, options.homedir);
  // open() refuses such a path with a ValueError the AWS CLI does not translate.
  if (path.includes('\0')) throw generalError('embedded null byte');
  let bytes: Buffer;
  try {
    bytes = options.fs.readFile(resolve(options.cwd, path));
  } catch (error) {
    throw new ParamFileError(`Unable to load paramfile ${value}: ${describeOsError(error, path)}`);
  }
  if (prefix === 'fileb://') return bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes).replace(/\r\n?/g, '\n');
  } catch {
    throw new ParamFileError(
      `Unable to load paramfile (${path}), text contents could not be decoded.  If this is a ` +
        'binary file, please use the fileb:// prefix instead of the file:// prefix.',
    );
  }
}

/** A command-line value after `file://`/`fileb://` loading; `undefined` when not prefixed. */
export function resolveParamValue(flag: string, value: string, options: ParamFileOptions): string | Buffer | undefined {
  try {
    return loadParamFile(value, options);
  } catch (error) {
    if (error instanceof ParamFileError) throw paramFileOrValueError(flag, error.message);
    throw error;
  }
}

/**
 * `--body` is a plain path (no prefixes): `$VAR` then `~` expanded (argprocess's order), and
 * it must name an existing regular file. Returns the absolute path to open.
 */
export function resolveBodyPath(value: string, env: Env, userHome: string, cwd: string, fs: FileSystemPort): string {
  const path = expandBodyPath(value, env, userHome, cwd);
  if (!fs.isRegularFile(path)) throw paramFileOrValueError('--body', 'Blob values must be a path to a file.');
  return path;
}

/** The absolute path a `--body` value names, after argprocess's `$VAR` then `~` expansion. */
export function expandBodyPath(value: string, env: Env, userHome: string, cwd: string): string {
  return resolve(cwd, expandUser(expandVars(value, env), env, userHome));
}
