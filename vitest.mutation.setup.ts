/**
 * Loads every module StrykerJS mutates (the `mutate` list of stryker.config.mjs) before each test
 * file runs. The product imports many of them lazily, from inside a test (runInProcess); their
 * module-level code would then run during that one test, and Stryker would credit each
 * module-level mutant to it alone and test the mutant with nothing else. Loaded here, outside
 * any test, that code is static, as `ignoreStatic` expects.
 */
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import strykerConfig from './stryker.config.mjs';

/** The files of one `mutate` entry: a path, or a directory and a `prefix*suffix` name. */
function filesOf(pattern: string): string[] {
  if (!pattern.includes('*')) return [pattern];
  const [prefix, suffix] = basename(pattern).split('*');
  const directory = dirname(pattern);
  return readdirSync(directory)
    .filter((name) => name.startsWith(prefix) && name.endsWith(suffix))
    .map((name) => join(directory, name));
}

const mutated: string[] = strykerConfig.mutate.flatMap(filesOf);
await Promise.all(mutated.map((path) => import(`./${path.replace(/\.ts$/, '.js')}`)));
