/**
 * Errors are values that carry their exit code. One reporter (report.ts) prints them.
 * Exit codes as AWS CLI v2 uses them.
 */

export const ExitCode = {
  ok: 0,
  interrupted: 130,
  usage: 252, // argparse, ParamError, parameter validation, bad --query expression
  configuration: 253, // no credentials, bad cli_timestamp_format, pager
  service: 254, // ClientError from the service
  other: 255, // connection, SSL, int() conversion, JMESPath runtime, ...
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * How AWS CLI v2 head labels the error in the "enhanced" format:
 * `An error occurred (ParamValidation): ...` for 252-class errors, none for service and
 * general errors, whose text already says what happened.
 */
export type ErrorCategory =
  | 'ParamValidation'
  | 'NoCredentials'
  | 'NoRegion'
  | 'Configuration'
  | 'Pager'
  | 'Service'
  | 'General';

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCodeValue,
    readonly category: ErrorCategory,
    /** Print the argparse usage block with this error. */
    readonly withUsage = false,
    /** Service errors: the structured fields for --cli-error-format json|yaml|text|table. */
    readonly details?: { readonly code: string; readonly message: string },
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** argparse errors: `the following arguments are required: ...`, shown with the usage block. */
export function usageError(message: string): CliError {
  return new CliError(message, ExitCode.usage, 'ParamValidation', true);
}

/** `Unknown options: ...` is printed after the usage block and without a category. */
export function unknownOptionsError(tokens: readonly string[]): CliError {
  return new CliError(`Unknown options: ${tokens.join(', ')}`, ExitCode.usage, 'General', true);
}

/** ParamError, shorthand errors, botocore parameter validation: 252 without usage. */
export function paramError(message: string): CliError {
  return new CliError(message, ExitCode.usage, 'ParamValidation');
}

export function paramFileOrValueError(flag: string, message: string): CliError {
  return paramError(`Error parsing parameter '${flag}': ${message}`);
}

export function validationError(lines: readonly string[]): CliError {
  return paramError(`Parameter validation failed:\n${lines.join('\n')}`);
}

export function generalError(message: string): CliError {
  return new CliError(message, ExitCode.other, 'General');
}

export function configurationError(message: string, category: ErrorCategory = 'Configuration'): CliError {
  return new CliError(message, ExitCode.configuration, category);
}

export function serviceError(message: string, code: string, serviceMessage: string): CliError {
  return new CliError(message, ExitCode.service, 'Service', false, { code, message: serviceMessage });
}
