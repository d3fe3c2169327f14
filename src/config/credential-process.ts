/**
 * botocore's ProcessProvider (`credential_process`), run by the CLI itself so that its failures
 * keep the AWS CLI's words (exit 255): the process's own stderr after
 * `Error when retrieving credentials from custom-process: `, Python's JSON error for output that
 * is not JSON, and the version and missing-key texts. The SDK's provider reduces all of these to
 * `Could not load credentials`.
 */
import { spawn } from 'node:child_process';
import { generalError } from '../errors/errors.js';
import { parsePythonJson, PythonJsonError } from '../python/json.js';
import { isPythonDict, pythonStr, pythonTypeName } from '../python/repr.js';

export interface ProcessCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  readonly expiration?: Date;
}

/** Python's errno texts for a command that cannot be started. */
const SPAWN_ERRNO: Readonly<Record<string, string>> = {
  ENOENT: '[Errno 2] No such file or directory',
  EACCES: '[Errno 13] Permission denied',
};

function retrievalError(message: string) {
  return generalError(`Error when retrieving credentials from custom-process: ${message}`);
}

/** Runs the configured command (split as Python's shlex.split splits it) and reads its answer. */
export async function credentialsFromProcess(commandLine: string): Promise<ProcessCredentials> {
  const [command, ...args] = shellSplit(commandLine);
  const { code, stdout, stderr } = await runProcess(command ?? '', args);
  if (code !== 0) throw retrievalError(stderr.toString('utf8'));
  let parsed: unknown;
  try {
    // Plain dicts: botocore's json.loads has no OrderedDict hook.
    parsed = parsePythonJson(stdout.toString('utf8'), (pairs) => Object.fromEntries(pairs));
  } catch (error) {
    if (error instanceof PythonJsonError) throw generalError(error.message);
    throw error;
  }
  if (!isPythonDict(parsed)) throw generalError(`'${pythonTypeName(parsed)}' object has no attribute 'get'`);
  // Python's `version != 1` lets True and 1.0 through.
  const version = parsed.Version;
  const versionNumber = typeof version === 'boolean' ? Number(version) : Number(pythonStr(version ?? 'x'));
  if (versionNumber !== 1 || typeof version === 'string') {
    const shown = version === undefined ? '<Version key not provided>' : pythonStr(version);
    throw retrievalError(`Unsupported version '${shown}' for credential process provider, supported versions: 1`);
  }
  for (const required of ['AccessKeyId', 'SecretAccessKey']) {
    if (!(required in parsed)) throw retrievalError(`Missing required key in response: '${required}'`);
  }
  const expiration = typeof parsed.Expiration === 'string' ? new Date(parsed.Expiration) : undefined;
  return {
    accessKeyId: String(parsed.AccessKeyId),
    secretAccessKey: String(parsed.SecretAccessKey),
    sessionToken: typeof parsed.SessionToken === 'string' ? parsed.SessionToken : undefined,
    expiration: expiration && !Number.isNaN(expiration.getTime()) ? expiration : undefined,
  };
}

function runProcess(command: string, args: readonly string[]): Promise<{ code: number | null; stdout: Buffer; stderr: Buffer }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.once('error', (error: NodeJS.ErrnoException) => {
      const errno = error.code ? SPAWN_ERRNO[error.code] : undefined;
      reject(generalError(errno ? `${errno}: '${command}'` : error.message));
    });
    child.once('close', (code) => resolve({ code, stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr) }));
  });
}

/**
 * Python's `shlex.split(text)` (POSIX mode): words split on whitespace; single quotes keep
 * everything; double quotes keep everything but `\` before `\`, `"`, `$`, `` ` `` or a newline;
 * an unquoted `\` keeps the next character.
 */
export function shellSplit(text: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: "'" | '"' | undefined;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quote === "'") {
      if (char === "'") quote = undefined;
      else word += char;
    } else if (quote === '"') {
      if (char === '"') quote = undefined;
      else if (char === '\\' && index + 1 < text.length && '\\"$`\n'.includes(text[index + 1])) word += text[++index];
      else word += char;
    } else if (/\s/.test(char)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (char === "'" || char === '"') {
      quote = char;
      word ??= '';
    } else if (char === '\\' && index + 1 < text.length) {
      word = (word ?? '') + text[++index];
    } else {
      word = (word ?? '') + char;
    }
  }
  if (quote) throw generalError('No closing quotation');
  if (word !== undefined) words.push(word);
  return words;
}
