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

/**
 * The argparse usage block printed with an error: none, the program's (`usage: aws [options]
 * <command> …`) or the one of the AWS CLI's early parser, which reads --profile and --debug
 * before anything else (`usage: aws [--profile PROFILE] [--debug]`).
 */
export type UsageBlock = 'none' | 'program' | 'early';

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCodeValue,
    readonly category: ErrorCategory,
    readonly usage: UsageBlock = 'none',
    /** Service errors: the structured fields for --cli-error-format json|yaml|text|table. */
    readonly details?: { readonly code: string; readonly message: string },
  ) {
    super(message);
    this.name = 'CliError';
  }

  /** Printed with a usage block. */
  get withUsage(): boolean {
    return this.usage !== 'none';
  }
}

/** argparse errors: `the following arguments are required: ...`, shown with the usage block. */
export function usageError(message: string): CliError {
  return new CliError(message, ExitCode.usage, 'ParamValidation', 'program');
}

/** argparse errors about --profile or --debug, which the AWS CLI's early parser reports. */
export function earlyUsageError(message: string): CliError {
  return new CliError(message, ExitCode.usage, 'ParamValidation', 'early');
}

/** `Unknown options: ...` is printed after the usage block and without a category. */
export function unknownOptionsError(tokens: readonly string[]): CliError {
  return new CliError(`Unknown options: ${tokens.join(', ')}`, ExitCode.usage, 'General', 'program');
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
  return new CliError(message, ExitCode.service, 'Service', 'none', { code, message: serviceMessage });
}
