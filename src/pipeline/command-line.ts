/**
 * What the command-line parser hands the pipeline: the contract between `cli/` and `pipeline/`.
 */
import type { OperationSpec } from '../spec/types.js';

export interface ParsedCommandLine {
  /** Global options by OptionSpec.key: string values or `true` for flags. */
  readonly globals: Readonly<Record<string, string | true>>;
  readonly operation?: OperationSpec;
  /** `s3api help`, `s3api <command> help` or `--help`. */
  readonly helpRequested: boolean;
  /** Operation parameters by SDK member: raw text, or a boolean for --flag/--no-flag. */
  readonly params: ReadonlyMap<string, string | boolean>;
  /** --cli-input-json, --generate-cli-skeleton, --page-size ... by OptionSpec.key. */
  readonly extras: Readonly<Record<string, string>>;
  /**
   * The literal token `--cli-input-json` or `--cli-input-yaml` was present. The AWS CLI looks
   * for the bare token (not `--cli-input-json=...`) when it waives required options.
   */
  readonly cliInputPresent: boolean;
}
