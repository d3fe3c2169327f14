/** Helpers for the parameter-parsing tests: recorded messages and arguments. */
import { parsePythonJson, PythonJsonError } from '../../../src/python/json.js';
import { readGolden } from '../../support/golden.js';

/**
 * The part of a recorded AWS CLI error that our parsers produce: stderr without the leading
 * blank line, the `aws: [ERROR]: ` prefix and the `An error occurred (ParamValidation): `
 * category label, which the error reporter adds.
 */
export function goldenMessage(name: string): string {
  return readGolden(name)
    .stderr.replace(/^\n/, '')
    .replace(/^aws: \[ERROR\]: /, '')
    .replace(/^An error occurred \(ParamValidation\): /, '')
    .replace(/\n$/, '');
}

/** The `--debug` log line `Arguments entered to CLI: [...]`, as the list of arguments. */
export function goldenArguments(name: string): string[] {
  const line = /Arguments entered to CLI: (\[.*\])$/m.exec(readGolden(name).stderr);
  if (!line) throw new Error(`${name}: no argument list in the log`);
  // The repr of a list of str: each item in single quotes, or double quotes when it holds `'`.
  return [...line[1].matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g)].map((item) =>
    (item[1] ?? item[2]).replace(/\\(.)/g, '$1'),
  );
}

/** The value following `flag` in a recorded command line. */
export function goldenArgument(name: string, flag: string): string {
  const args = goldenArguments(name);
  const index = args.indexOf(flag);
  if (index < 0) throw new Error(`${name}: ${flag} not in the recorded command`);
  return args[index + 1];
}

/** The message of the PythonJsonError that parsing `text` raises. */
export function pythonJsonError(text: string): string {
  try {
    parsePythonJson(text);
  } catch (error) {
    if (error instanceof PythonJsonError) return error.message;
    throw error;
  }
  throw new Error(`parsed: ${text}`);
}
