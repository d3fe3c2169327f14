/**
 * Help pages generated from the operation table, in the AWS CLI's section order (NAME,
 * DESCRIPTION, SYNOPSIS, OPTIONS, GLOBAL OPTIONS, OUTPUT). Plain text, our own words; the
 * commander program (argv.ts) prints them through its formatHelp hook.
 */
import { OPERATIONS } from '../operations/index.js';
import { memberToFlag } from '../spec/flag-name.js';
import { GLOBAL_OPTIONS, OPERATION_EXTRA_OPTIONS, PAGINATION_OPTIONS, type OptionSpec } from '../spec/globals.js';
import type { MemberShape, OperationSpec, ParamSpec } from '../spec/types.js';

const INDENT = '       ';

function typeLabel(param: ParamSpec): string {
  if (param.type === 'body') return 'streaming blob';
  return param.type;
}

function synopsisLines(operation: OperationSpec): string[] {
  const lines = [`${INDENT}${operation.name}`];
  for (const param of operation.params) {
    if (param.hidden) continue;
    const flag = memberToFlag(param.member);
    const usage = param.type === 'boolean' ? `${flag} | --no-${flag.slice(2)}` : `${flag} <value>`;
    lines.push(`${INDENT}${param.required ? usage : `[${usage}]`}`);
  }
  lines.push(`${INDENT}[--cli-input-json | --cli-input-yaml]`);
  if (operation.paginator) {
    for (const option of PAGINATION_OPTIONS) lines.push(`${INDENT}[${option.flag} <value>]`);
  }
  lines.push(`${INDENT}[--generate-cli-skeleton <value>]`);
  // The AWS CLI's synopsis ends with the global options; `<value>` follows its help type, so
  // `[--version <value>]` though --version takes none.
  for (const option of GLOBAL_OPTIONS) {
    lines.push(`${INDENT}[${option.flag}${optionTypeLabel(option) === 'boolean' ? '' : ' <value>'}]`);
  }
  return lines;
}

function paramEntry(param: ParamSpec): string[] {
  const flag = memberToFlag(param.member);
  const name = param.type === 'boolean' ? `${flag} | --no-${flag.slice(2)}` : flag;
  const lines = [`${INDENT}${name} (${typeLabel(param)})${param.required ? ' [required]' : ''}`];
  lines.push(`${INDENT}   ${param.help}`);
  if (param.choices) lines.push(`${INDENT}   Possible values: ${param.choices.join(', ')}`);
  // Scripts meant to run under both tools need to know which options aws s3api lacks.
  if (param.extension) lines.push(`${INDENT}   s3api only: aws s3api has no such option.`);
  return lines;
}

function optionTypeLabel(option: OptionSpec): string {
  if (option.helpType) return option.helpType;
  if (option.integer) return 'integer';
  return option.arity === 'flag' ? 'boolean' : 'string';
}

function optionEntry(option: OptionSpec): string[] {
  const lines = [`${INDENT}${option.flag} (${optionTypeLabel(option)})`, `${INDENT}   ${option.help}`];
  if (option.choices) lines.push(`${INDENT}   Possible values: ${option.choices.join(', ')}`);
  return lines;
}

const isCliInputOption = (option: OptionSpec) => option.flag.startsWith('--cli-input-');

/**
 * The options every operation gets, in the AWS CLI's order: one entry
 * `--cli-input-json | --cli-input-yaml (string)`, the paging options of a paginated operation,
 * then --generate-cli-skeleton.
 */
function operationExtraEntries(operation: OperationSpec): string[] {
  const cliInput = OPERATION_EXTRA_OPTIONS.filter(isCliInputOption);
  const entries = [
    `${INDENT}${cliInput.map((option) => option.flag).join(' | ')} (string)`,
    ...cliInput.map((option) => `${INDENT}   ${option.help}`),
    '',
  ];
  if (operation.paginator) for (const option of PAGINATION_OPTIONS) entries.push(...optionEntry(option), '');
  for (const option of OPERATION_EXTRA_OPTIONS.filter((option) => !isCliInputOption(option))) entries.push(...optionEntry(option), '');
  return entries;
}

function section(title: string, lines: readonly string[]): string {
  return `${title}\n${lines.join('\n')}\n`;
}

/** `Member -> (type)` lines, nested members indented under their structure or list. */
function outputEntries(members: readonly MemberShape[], indent: string): string[] {
  return members.flatMap((member) => [
    `${indent}${member.member} -> (${member.type})`,
    ...outputEntries(member.members ?? [], `${indent}   `),
  ]);
}

export function operationHelp(operation: OperationSpec): string {
  const options: string[] = [];
  for (const param of operation.params) {
    if (param.hidden) continue;
    options.push(...paramEntry(param), '');
  }
  options.push(...operationExtraEntries(operation));
  const globals = GLOBAL_OPTIONS.flatMap((option) => [...optionEntry(option), '']);
  const examples = operation.examples.flatMap((example) => [`${INDENT}${example.title}:`, '', `${INDENT}   ${example.command}`, '']);
  return [
    section('NAME', [`${INDENT}${operation.name} -`]),
    section('DESCRIPTION', [`${INDENT}${operation.summary}`]),
    section('SYNOPSIS', synopsisLines(operation)),
    section('OPTIONS', options),
    section('GLOBAL OPTIONS', globals),
    ...(operation.additions ? [section('WHAT S3API ADDS', operation.additions.flatMap((text) => [`${INDENT}o ${text}`, '']))] : []),
    section('EXAMPLES', examples),
    section('OUTPUT', outputEntries(operation.output.members, INDENT)),
  ].join('\n');
}

export function programHelp(program: string): string {
  const width = Math.max(...OPERATIONS.map((operation) => operation.name.length));
  return [
    section('NAME', [`${INDENT}${program} -`]),
    section('DESCRIPTION', [
      `${INDENT}The multipart-upload commands of \`aws s3api\`, with the same flags, output and exit codes.`,
    ]),
    section('SYNOPSIS', [`${INDENT}${program} [options] <command> [parameters]`]),
    section('GLOBAL OPTIONS', GLOBAL_OPTIONS.flatMap((option) => [...optionEntry(option), ''])),
    section(
      'AVAILABLE COMMANDS',
      OPERATIONS.map((operation) => `${INDENT}o ${operation.name.padEnd(width)}  ${operation.summary}`),
    ),
  ].join('\n');
}
