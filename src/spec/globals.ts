/**
 * Global options (valid before or after the command) and the options the AWS CLI adds to
 * every operation. Declared as data, like the operation tables, so the parser, help and
 * completions read one list.
 */

export type OptionArity =
  | 'flag' // takes no value
  | 'value' // exactly one value
  | 'optional-value'; // argparse nargs='?': a value if the next token is not an option

export interface OptionSpec {
  readonly flag: string;
  /** Property name in the parsed result. */
  readonly key: string;
  readonly arity: OptionArity;
  readonly help: string;
  /** argparse `choices`: checked while parsing (252 on a bad value). */
  readonly choices?: readonly string[];
  /** Value used for an optional-value option given without one. */
  readonly constValue?: string;
  /** argparse `type=int`: `argument --page-size: invalid int value: 'x'` (252). */
  readonly integer?: boolean;
  readonly metavar?: string;
  /**
   * The type the AWS CLI's help prints where the arity does not imply it: `--version (string)`
   * though it takes no value, `--cli-read-timeout (int)` though int() runs after parsing.
   */
  readonly helpType?: string;
}

export const OUTPUT_FORMATS = ['json', 'text', 'table', 'yaml', 'yaml-stream', 'off'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export const ERROR_FORMATS = ['legacy', 'json', 'yaml', 'text', 'table', 'enhanced'] as const;
export type ErrorFormat = (typeof ERROR_FORMATS)[number];

export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  { flag: '--debug', key: 'debug', arity: 'flag', help: 'Log requests and responses to stderr, with every secret redacted.' },
  { flag: '--endpoint-url', key: 'endpointUrl', arity: 'value', help: 'Send requests to this URL instead of the AWS endpoint (path-style addressing).' },
  { flag: '--no-verify-ssl', key: 'noVerifySsl', arity: 'flag', help: 'Do not verify TLS certificates.' },
  { flag: '--no-paginate', key: 'noPaginate', arity: 'flag', help: 'Make one request instead of following every page.' },
  { flag: '--output', key: 'output', arity: 'value', choices: OUTPUT_FORMATS, help: 'Output format: json, text, table, yaml, yaml-stream or off.' },
  { flag: '--query', key: 'query', arity: 'value', help: 'JMESPath expression applied to the result before printing.' },
  { flag: '--profile', key: 'profile', arity: 'value', help: 'Profile from the config and credentials files to use.' },
  { flag: '--region', key: 'region', arity: 'value', help: 'AWS Region to send requests to.' },
  { flag: '--version', key: 'version', arity: 'flag', helpType: 'string', help: 'Print the version and exit.' },
  { flag: '--color', key: 'color', arity: 'value', choices: ['on', 'off', 'auto'], help: 'Colour table output: on, off or auto (only on a terminal).' },
  { flag: '--no-sign-request', key: 'noSignRequest', arity: 'flag', help: 'Send requests unsigned; credentials are not loaded.' },
  { flag: '--ca-bundle', key: 'caBundle', arity: 'value', help: 'CA certificate bundle used to verify TLS certificates.' },
  { flag: '--cli-read-timeout', key: 'cliReadTimeout', arity: 'value', helpType: 'int', help: 'Seconds to wait for data on a socket; 0 waits forever (default 60).' },
  { flag: '--cli-connect-timeout', key: 'cliConnectTimeout', arity: 'value', helpType: 'int', help: 'Seconds to wait for a connection; 0 waits forever (default 60).' },
  { flag: '--cli-binary-format', key: 'cliBinaryFormat', arity: 'value', choices: ['base64', 'raw-in-base64-out'], help: 'How binary values given as text are read: base64 or raw-in-base64-out.' },
  { flag: '--no-cli-pager', key: 'noCliPager', arity: 'flag', help: 'Never send output to a pager.' },
  { flag: '--cli-auto-prompt', key: 'cliAutoPrompt', arity: 'flag', help: 'Edit the command in an interactive prompt, with completion, before it runs.' },
  { flag: '--no-cli-auto-prompt', key: 'noCliAutoPrompt', arity: 'flag', help: 'Never prompt for the command interactively.' },
  { flag: '--cli-error-format', key: 'cliErrorFormat', arity: 'value', choices: ERROR_FORMATS, help: 'Error format on stderr: enhanced, legacy, json, yaml, text or table.' },
];

/** Options the AWS CLI adds to every operation, after the operation's own parameters. */
export const OPERATION_EXTRA_OPTIONS: readonly OptionSpec[] = [
  { flag: '--cli-input-json', key: 'cliInputJson', arity: 'value', help: 'Read parameters from JSON (inline, file:// or fileb://); options on the command line win.' },
  { flag: '--cli-input-yaml', key: 'cliInputYaml', arity: 'value', help: 'Read parameters from YAML (inline, file:// or fileb://); options on the command line win.' },
  {
    flag: '--generate-cli-skeleton',
    key: 'generateCliSkeleton',
    arity: 'optional-value',
    choices: ['input', 'output', 'yaml-input'],
    constValue: 'input',
    help: 'Print a parameter skeleton (input, yaml-input) or a sample response (output) and exit.',
  },
];

/** Options the AWS CLI adds to paginated operations. */
export const PAGINATION_OPTIONS: readonly OptionSpec[] = [
  { flag: '--starting-token', key: 'startingToken', arity: 'value', help: 'NextToken from an earlier truncated response: resume from there.' },
  { flag: '--page-size', key: 'pageSize', arity: 'value', integer: true, help: 'Items requested per call while paginating.' },
  { flag: '--max-items', key: 'maxItems', arity: 'value', integer: true, help: 'Stop after this many items and print a NextToken to resume.' },
];
