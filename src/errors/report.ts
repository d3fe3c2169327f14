/**
 * The one place errors are printed: the layouts of AWS CLI v2 head (≥ 2.34), with the name the
 * program was started as (`s3api`, or `aws` through a link) as the program name.
 */
import type { ErrorFormat } from '../spec/globals.js';
import type { OutputValue } from '../python/value.js';
import { CliError, type UsageBlock } from './errors.js';

/** The name used when the started file's name says nothing (`node dist/main.js`, tests). */
export const DEFAULT_PROGRAM = 's3api';

/**
 * The argparse usage block. Started as `aws`, it is the AWS CLI's own text, so that a script's
 * stderr stays byte-identical through an `aws` link; any other name gets s3api's one level of
 * commands.
 */
export function usageBlock(program: string, usage: Exclude<UsageBlock, 'none'> = 'program'): string {
  if (usage === 'early') return `usage: ${program} [--profile PROFILE] [--debug]\n`;
  if (program === 'aws') {
    return `usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]
To see help text, you can run:

  aws help
  aws <command> help
  aws <command> <subcommand> help
`;
  }
  return `usage: ${program} [options] <command> [parameters]
To see help text, you can run:

  ${program} help
  ${program} <command> help
`;
}

const LABELLED_CATEGORIES = new Set(['ParamValidation', 'NoCredentials', 'NoRegion', 'Configuration', 'Pager']);

/**
 * Renders a structured error with the normal output formatters (json, yaml, text, table); async
 * because the yaml and table formatters are loaded only when asked for.
 */
export type StructuredErrorRenderer = (format: 'json' | 'yaml' | 'text' | 'table', value: OutputValue) => Promise<string>;

function structuredError(error: CliError, program: string): { Code: string; Message: string } {
  if (error.details) return { Code: error.details.code, Message: error.details.message };
  const usage = error.usage === 'none' ? '' : `\n\n${usageBlock(program, error.usage)}`;
  return { Code: error.category === 'General' ? 'Unknown' : error.category, Message: `${error.message}${usage}` };
}

export async function formatError(
  error: CliError,
  format: ErrorFormat,
  renderStructured: StructuredErrorRenderer,
  program: string,
): Promise<string> {
  if (format === 'json' || format === 'yaml' || format === 'text' || format === 'table') {
    return renderStructured(format, structuredError(error, program));
  }
  // Unknown options are reported after the usage block, without a category.
  if (error.usage !== 'none' && error.category === 'General') {
    return `\n${usageBlock(program, error.usage)}\n\n${program}: [ERROR]: ${error.message}\n`;
  }
  const label =
    format === 'enhanced' && LABELLED_CATEGORIES.has(error.category) ? `An error occurred (${error.category}): ` : '';
  // argparse messages are printed as they are (some end in a newline); others are strip()-ed.
  if (error.usage !== 'none') return `\n${program}: [ERROR]: ${label}${error.message}\n\n${usageBlock(program, error.usage)}`;
  return `\n${program}: [ERROR]: ${label}${error.message.trim()}\n`;
}
