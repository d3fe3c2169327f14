/**
 * Help generated from the tables: AWS CLI section order and examples that parse. The options,
 * their type labels and markers are checked against the recorded AWS CLI help in
 * help-goldens.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/cli/argv.js';
import { operationHelp } from '../../src/cli/help.js';
import { OPERATIONS } from '../../src/operations/index.js';
import { splitShellWords } from '../../src/output/pager.js';
import { runInProcess } from '../support/cli.js';

const SECTIONS = ['NAME', 'DESCRIPTION', 'SYNOPSIS', 'OPTIONS', 'GLOBAL OPTIONS', 'EXAMPLES', 'OUTPUT'];

describe.each(OPERATIONS.map((operation) => [operation.name, operation] as const))('%s help', (name, operation) => {
  const help = operationHelp(operation);

  it('has the AWS CLI sections in order', () => {
    const found = help.split('\n').filter((line) => SECTIONS.includes(line));
    expect(found).toEqual(SECTIONS);
  });

  it('has examples, each a command line s3api accepts', () => {
    expect(operation.examples.length).toBeGreaterThan(0);
    for (const example of operation.examples) {
      const words = splitShellWords(example.command.replace(/^\w+=\$\((.*)\)$/, '$1'));
      expect(words[0]).toBe('s3api');
      const parsed = parseCommandLine(words.slice(1), 's3api');
      expect(parsed.operation?.name).toBe(name);
    }
  });

  it.each([[[name, 'help']], [[name, '--help']], [['--help', name]], [[name, '--bogus', '--help']]])('is what %j prints', async (argv) => {
    const result = await runInProcess(argv);
    expect(result.stdout).toBe(help);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
  });
});

describe('program help', () => {
  it.each(['s3api', 'aws'])('names the program it was started as (%s)', async (programName) => {
    const result = await runInProcess(['help'], { programName });
    expect(result.stdout).toMatch(new RegExp(`^NAME\\n {7}${programName} -\\n`));
    expect(result.stdout).toContain(`\n       ${programName} [options] <command> [parameters]\n`);
    expect(result.exitCode).toBe(0);
  });

  it.each([[['help']], [['--help']], [['--output', 'json', '--help']]])('%j prints it', async (argv) => {
    const result = await runInProcess(argv);
    expect(result.stdout).toContain('AVAILABLE COMMANDS\n');
    for (const operation of OPERATIONS) expect(result.stdout).toContain(`o ${operation.name} `);
  });
});
