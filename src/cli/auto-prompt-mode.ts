/**
 * Whether `--cli-auto-prompt` applies to this run, resolved as the AWS CLI's
 * resolve_auto_prompt_mode does: `help` or `--version` anywhere turns it off, then
 * `--no-cli-auto-prompt`, then `--cli-auto-prompt`, then `AWS_CLI_AUTO_PROMPT`, then the
 * profile's `cli_auto_prompt`. Values other than `on` and `on-partial` mean off.
 */
import { readFileSync } from 'node:fs';
import { configPaths, loadSharedConfig, selectProfile } from '../config/settings.js';
import { rawOptionValue } from './raw-option.js';

export type AutoPromptMode = 'off' | 'on' | 'on-partial';

const NO_PROMPT_WORDS = ['help', '--version'];

function asMode(value: string | undefined): AutoPromptMode {
  const lowered = value?.toLowerCase();
  return lowered === 'on' || lowered === 'on-partial' ? lowered : 'off';
}

function configFileText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

export async function autoPromptMode(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  homedir: string,
): Promise<AutoPromptMode> {
  // Both flags together is the usage error the command run reports.
  if (argv.includes('--cli-auto-prompt') && argv.includes('--no-cli-auto-prompt')) return 'off';
  if (NO_PROMPT_WORDS.some((word) => argv.includes(word))) return 'off';
  if (argv.includes('--no-cli-auto-prompt')) return 'off';
  if (argv.includes('--cli-auto-prompt')) return 'on';
  if (env.AWS_CLI_AUTO_PROMPT !== undefined) return asMode(env.AWS_CLI_AUTO_PROMPT);
  const paths = configPaths(env, homedir);
  // Most config files never mention the key: a text search spares every run the ini parser.
  if (!configFileText(paths.configFile).includes('cli_auto_prompt')) return 'off';
  const profile = selectProfile(rawOptionValue(argv, '--profile'), env);
  const config = await loadSharedConfig(paths, profile.name);
  // A named profile that does not exist: the AWS CLI's ProfileNotFound, which means off here.
  return config.profileExists || !profile.named ? asMode(config.profile.cli_auto_prompt) : 'off';
}
