/**
 * `s3api <command> help` against the recorded help of the newest AWS CLI
 * (head_help_<command>.plain.txt, the man page through `col -b`): the same sections in the same
 * order, the same options in the same order with the same type labels (`(string)`, `(integer)`,
 * `(boolean)`, `(streaming blob)`, ...) and `[required]` markers, and the same synopsis. The
 * descriptions are our own words and are not compared.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../src/operations/index.js';
import { memberToFlag } from '../../src/spec/flag-name.js';
import { runInProcess } from '../support/cli.js';
import { GOLDEN_DIR, readGoldenFile } from '../support/golden.js';

const SECTION_HEADING = /^[A-Z][A-Z ]+$/;
/** `--flag (type)`, `--a | --b (type)`, then `[required]`; a wrapped description line never has `(` next. */
const OPTION_ENTRY = /^ {7}(--[a-z0-9-]+(?: \| --[a-z0-9-]+)?) \(([^)]+)\)( \[required\])?/;

interface HelpStructure {
  readonly sections: string[];
  /** Per section with option entries: `--flag (type) [required]`, in order. */
  readonly options: Record<string, string[]>;
  readonly synopsis: string[];
}

/** Tabs and runs of spaces from man's justification are one space; the 7-column indent stays. */
function normalisedLines(text: string): string[] {
  return text.split('\n').map((line) => {
    const indent = /^[ \t]*/.exec(line)![0].replace(/\t/g, '        ');
    return indent + line.trimStart().replace(/[ \t]+/g, ' ').trimEnd();
  });
}

function helpStructure(text: string): HelpStructure {
  const sections: string[] = [];
  const options: Record<string, string[]> = {};
  const synopsis: string[] = [];
  for (const line of normalisedLines(text)) {
    if (SECTION_HEADING.test(line)) {
      sections.push(line);
      continue;
    }
    const section = sections.at(-1);
    if (section === 'SYNOPSIS' && line.trim() !== '') synopsis.push(line.trim());
    const entry = OPTION_ENTRY.exec(line);
    if (entry && section !== undefined) (options[section] ??= []).push(`${entry[1]} (${entry[2]})${entry[3] ?? ''}`);
  }
  return { sections, options, synopsis };
}

/** The options of ours that aws s3api lacks (marked `s3api only` in our help): not in a golden. */
function withoutExtensions(structure: HelpStructure, extensionFlags: readonly string[]): HelpStructure {
  const isExtension = (entry: string) => extensionFlags.some((flag) => entry.replace(/^\[/, '').startsWith(`${flag} `) || entry === `[${flag}]`);
  return {
    sections: structure.sections,
    options: Object.fromEntries(Object.entries(structure.options).map(([section, entries]) => [section, entries.filter((entry) => !isExtension(entry))])),
    synopsis: structure.synopsis.filter((entry) => !isExtension(entry)),
  };
}

describe.each(OPERATIONS.map((operation) => [operation.name, operation] as const))('%s help has the structure of the AWS CLI', (name, operation) => {
  const golden = helpStructure(readFileSync(resolve(GOLDEN_DIR, `head_help_${name.replace(/-/g, '_')}.plain.txt`), 'utf8'));
  const extensionFlags = operation.params.filter((param) => param.extension).map((param) => memberToFlag(param.member));

  const ours = async () => {
    const result = await runInProcess([name, 'help']);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    return withoutExtensions(helpStructure(result.stdout), extensionFlags);
  };

  it('the recording is what this test reads', () => {
    expect(golden.sections).toEqual(['NAME', 'DESCRIPTION', 'SYNOPSIS', 'OPTIONS', 'GLOBAL OPTIONS', 'EXAMPLES', 'OUTPUT']);
    expect(golden.options.OPTIONS.length).toBeGreaterThan(3);
    expect(golden.options['GLOBAL OPTIONS']).toContain('--debug (boolean)');
  });

  it('sections in the same order', async () => {
    expect((await ours()).sections).toEqual(golden.sections);
  });

  it('OPTIONS: the same entries, type labels and [required] markers, in order', async () => {
    expect((await ours()).options.OPTIONS).toEqual(golden.options.OPTIONS);
  });

  it('GLOBAL OPTIONS: the same entries and type labels, in order', async () => {
    expect((await ours()).options['GLOBAL OPTIONS']).toEqual(golden.options['GLOBAL OPTIONS']);
  });

  it('SYNOPSIS: the same lines (required ones without brackets), in order', async () => {
    expect((await ours()).synopsis).toEqual(golden.synopsis);
  });
});

describe('the help goldens', () => {
  it('head_help_upload_part.plain.txt is the plain form of the recorded head_help_upload_part', () => {
    const overstruck = readGoldenFile('head_help_upload_part', 'out');
    const plain = overstruck.replace(/.\x08/g, '');
    expect(normalisedLines(plain).filter((line) => OPTION_ENTRY.test(line))).toEqual(
      normalisedLines(readFileSync(resolve(GOLDEN_DIR, 'head_help_upload_part.plain.txt'), 'utf8')).filter((line) => OPTION_ENTRY.test(line)),
    );
  });
});
