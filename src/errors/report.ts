/**
 * The one place errors are printed: the layouts of AWS CLI v2 head (≥ 2.34), with `s3api` as
 * the program name.
 */
import type { ErrorFormat } from '../spec/globals.js';
import type { OutputValue } from '../python/value.js';
import { CliError } from './errors.js';

export const PROGRAM = 's3api';

/** The argparse usage block. s3api has one level of commands, so it names one. */
export const USAGE = `usage: ${PROGRAM} [options] <command> [parameters]
To see help text, you can run:

  ${PROGRAM} help
  ${PROGRAM} <command> help
`;

const LABELLED_CATEGORIES = new Set(['ParamValidation', 'NoCredentials', 'NoRegion', 'Configuration', 'Pager']);

/**
 * Renders a structured error with the normal output formatters (json, yaml, text, table); async
 * because the yaml and table formatters are loaded only when asked for.
 */
export type StructuredErrorRenderer = (format: 'json' | 'yaml' | 'text' | 'table', value: OutputValue) => Promise<string>;

function structuredError(error: CliError): { Code: string; Message: string } {
  if (error.details) return { Code: error.details.code, Message: error.details.message };
  const usage = error.withUsage ? `\n\n${USAGE}` : '';
  return { Code: error.category === 'General' ? 'Unknown' : error.category, Message: `${error.message}${usage}` };
}

export async function formatError(
  error: CliError,
  format: ErrorFormat,
  renderStructured: StructuredErrorRenderer,
): Promise<string> {
  if (format === 'json' || format === 'yaml' || format === 'text' || format === 'table') {
    return renderStructured(format, structuredError(error));
  }
  // Unknown options are reported after the usage block, without a category.
  if (error.withUsage && error.category === 'General') {
    return `\n${USAGE}\n\n${PROGRAM}: [ERROR]: ${error.message}\n`;
  }
  const label =
    format === 'enhanced' && LABELLED_CATEGORIES.has(error.category) ? `An error occurred (${error.category}): ` : '';
  // argparse messages are printed as they are (some end in a newline); others are strip()-ed.
  if (error.withUsage) return `\n${PROGRAM}: [ERROR]: ${label}${error.message}\n\n${USAGE}`;
  return `\n${PROGRAM}: [ERROR]: ${label}${error.message.trim()}\n`;
}
