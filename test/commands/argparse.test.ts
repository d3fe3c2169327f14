/**
 * Argument parsing as argparse does it in the AWS CLI, replayed from the recorded goldens:
 * argv in, stderr and exit code out, nothing sent.
 */
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/cli/argv.js';
import { runInProcess } from '../support/cli.js';
import { asS3api, readGolden, v29UsageErrorAsHead, v29UsageErrorInHeadLayout } from '../support/golden.js';

const NO_NETWORK = { fakeResponses: {} };

const LIST_PARTS_ARGS = ['--bucket', 'b', '--key', 'k', '--upload-id', 'u'];

/** Recorded from AWS CLI v2 head as `aws s3api ARGV`. */
const HEAD_USAGE_ERRORS: [string, string[]][] = [
  ['head_argparse_ambiguous', ['upload-part', '--bucket', 'bkt', '--key', 'k', '--part-number', '1', '--upload-id', 'u', '--checksum', 'x']],
  ['head_err_missing_required', ['upload-part', '--bucket', 'bkt']],
  ['head_err_unknown_option', ['list-parts', '--bucket', 'bkt', '--key', 'k', '--upload-id', 'u', '--foo', 'bar']],
  ['head_err_invalid_operation', ['upload-partt']],
  ['head_err_no_args', []],
  ['head_err_invalid_output', ['--output', 'xml', 'list-parts', '--bucket', 'bkt', '--key', 'k', '--upload-id', 'u']],
  // --profile and --debug are read first by the AWS CLI's early parser, which has its own usage line.
  ['head_argparse_debug_explicit', ['--debug=yes', 'list-parts', ...LIST_PARTS_ARGS]],
  ['head_argparse_profile_missing', ['list-parts', ...LIST_PARTS_ARGS, '--profile']],
  ['head_argparse_flag_explicit', ['list-parts', ...LIST_PARTS_ARGS, '--no-paginate=1']],
  ['head_argparse_bool_explicit', ['create-multipart-upload', '--bucket', 'b', '--key', 'k', '--bucket-key-enabled=true']],
  ['head_argparse_ambiguous_global', ['list-parts', ...LIST_PARTS_ARGS, '--no']],
  ['head_argparse_value_dash', ['upload-part', '--bucket', 'bkt', '--key', '-foo', '--part-number', '1', '--upload-id', 'u']],
  // After a bare `--` every token is a word: the first one is the `help` positional, reported last.
  ['head_argparse_separator', ['list-parts', ...LIST_PARTS_ARGS, '--', 'x', '--region', 'r']],
  ['head_argparse_separator_option_first', ['list-parts', ...LIST_PARTS_ARGS, '--', '--region', 'r']],
  ['head_argparse_unknown_before_command', ['--foo', 'list-parts', ...LIST_PARTS_ARGS]],
  // The global options are read before the operation is looked up, wherever they stand.
  ['head_argparse_choice_then_command', ['--output', 'xml', 'upload-partt']],
  ['head_argparse_command_then_choice', ['upload-partt', '--output', 'xml']],
  // Among the operation's options argparse reports the first bad one on the line.
  ['head_argparse_invalid_int_then_missing_value', ['upload-part', '--bucket', 'b', '--key', 'k', '--part-number', '1', '--upload-id', 'u', '--content-length', 'abc', '--body']],
  ['head_argparse_missing_value_then_invalid_int', ['upload-part', '--bucket', 'b', '--key', 'k', '--part-number', '1', '--upload-id', 'u', '--body', '--content-length', 'abc']],
  ['head_argparse_explicit_then_invalid_int', ['create-multipart-upload', '--bucket', 'b', '--key', 'k', '--bucket-key-enabled=1', '--generate-cli-skeleton', 'bogus']],
];

describe('usage errors recorded from AWS CLI v2 head', () => {
  it.each(HEAD_USAGE_ERRORS)('%s', async (name, argv) => {
    const golden = readGolden(name);
    const result = await runInProcess(argv, NO_NETWORK);
    expect(result.stderr).toBe(asS3api(golden.stderr));
    expect(result.exitCode).toBe(golden.exitCode);
    expect(result.stdout).toBe('');
    expect(result.calls).toEqual([]);
  });

  it.each(HEAD_USAGE_ERRORS)('%s: started as `aws`, stderr is the AWS CLI\'s byte for byte', async (name, argv) => {
    const golden = readGolden(name);
    const result = await runInProcess(argv, { ...NO_NETWORK, programName: 'aws' });
    expect(result.stderr).toBe(golden.stderr);
    expect(result.exitCode).toBe(golden.exitCode);
  });

  // As the recordings were made: `aws s3api ARGV`.
  it.each(HEAD_USAGE_ERRORS.filter(([name]) => name !== 'head_err_no_args'))(
    '%s: started as `aws` with the service word, as a script for the AWS CLI has it',
    async (name, argv) => {
      const golden = readGolden(name);
      const result = await runInProcess(['s3api', ...argv], { ...NO_NETWORK, programName: 'aws' });
      expect(result.stderr).toBe(golden.stderr);
      expect(result.exitCode).toBe(golden.exitCode);
    },
  );

  it('err_service_only: `aws s3api` alone misses the operation', async () => {
    const golden = readGolden('err_service_only');
    const result = await runInProcess(['s3api'], { ...NO_NETWORK, programName: 'aws' });
    expect(result.stderr).toBe(v29UsageErrorInHeadLayout(golden.stderr));
    expect(result.exitCode).toBe(golden.exitCode);
  });

  it('the service word is a command word only for `aws`', async () => {
    const result = await runInProcess(['s3api', 'list-parts'], NO_NETWORK);
    expect(result.stderr).toContain("argument operation: Found invalid choice 's3api'");
    expect(result.exitCode).toBe(252);
  });
});

describe('usage errors recorded from AWS CLI 2.9, in the target layout', () => {
  it.each([
    ['argparse_value_dash', ['upload-part', '--bucket', 'bkt', '--key', '-foo', '--part-number', '1', '--upload-id', 'u']],
    ['err_content_length_not_int', ['upload-part', '--bucket', 'bkt', '--key', 'k', '--part-number', '1', '--upload-id', 'u', '--content-length', 'abc']],
    ['err_max_items_not_int', ['list-parts', '--bucket', 'bkt', '--key', 'k', '--upload-id', 'u', '--max-items', 'x']],
    ['err_missing_required', ['upload-part', '--bucket', 'bkt']],
    ['err_missing_required_all', ['upload-part-copy']],
    ['err_no_args', []],
  ])('%s', async (name, argv) => {
    const golden = readGolden(name);
    const result = await runInProcess(argv, NO_NETWORK);
    expect(result.stderr).toBe(v29UsageErrorAsHead(golden.stderr));
    expect(result.exitCode).toBe(golden.exitCode);
    expect(result.calls).toEqual([]);
  });

  it('err_bool_with_value: a value after a boolean flag is an unknown option', async () => {
    const golden = readGolden('err_bool_with_value');
    expect(golden.stderr.endsWith('\nUnknown options: true\n\n')).toBe(true);
    const result = await runInProcess(['create-multipart-upload', '--bucket', 'bkt', '--key', 'k', '--bucket-key-enabled', 'true'], NO_NETWORK);
    expect(result.stderr).toBe(asS3api(readGolden('head_err_unknown_option').stderr).replace('--foo, bar', 'true'));
    expect(result.exitCode).toBe(252);
  });

  it.each([
    ['skel_invalid_value', ['upload-part', '--generate-cli-skeleton', 'bogus'], '--generate-cli-skeleton', 'bogus'],
    ['err_color_invalid', ['--color', 'purple', 'list-parts', '--bucket', 'b', '--key', 'k', '--upload-id', 'u'], '--color', 'purple'],
  ])('%s: an invalid choice, in the ≥ 2.31 wording', async (name, argv, flag, value) => {
    const golden = readGolden(name);
    expect(golden.stderr).toContain(`argument ${flag}: Invalid choice, valid choices are:`);
    const result = await runInProcess(argv, NO_NETWORK);
    const headLayout = asS3api(readGolden('head_err_invalid_output').stderr).replace("--output: Found invalid choice 'xml'", `${flag}: Found invalid choice '${value}'`);
    expect(result.stderr).toBe(headLayout);
    expect(result.exitCode).toBe(golden.exitCode);
    expect(result.calls).toEqual([]);
  });

  it('auto_prompt_both: conflicting prompt flags', async () => {
    const result = await runInProcess(['--cli-auto-prompt', '--no-cli-auto-prompt', 'upload-part'], NO_NETWORK);
    expect(result.stderr).toBe(
      '\ns3api: [ERROR]: An error occurred (ParamValidation): Both --cli-auto-prompt and --no-cli-auto-prompt cannot be specified at the same time.\n',
    );
    expect(result.exitCode).toBe(252);
  });
});

describe('option parsing that succeeds', () => {
  const listParts = { ListParts: { Bucket: 'bkt', Parts: [], IsTruncated: false } };

  it.each([
    ['unique prefixes of operation options', ['list-parts', '--buck', 'bkt', '--ke', 'k', '--upload-i', 'u', '--no-paginate']],
    ['--opt=value', ['list-parts', '--bucket=bkt', '--key=k', '--upload-id=u', '--no-paginate']],
    ['a repeated option: the last value wins', ['list-parts', '--bucket', 'first', '--bucket', 'bkt', '--key', 'k', '--upload-id', 'u', '--no-paginate']],
    ['global options after the command and abbreviated', ['list-parts', '--bucket', 'bkt', '--key', 'k', '--upload-id', 'u', '--no-pag', '--outp', 'json']],
  ])('%s', async (_title, argv) => {
    const result = await runInProcess(argv, { fakeResponses: listParts });
    expect(result.exitCode).toBe(0);
    expect(result.calls).toHaveLength(1);
    expect(result.calls[0].input).toMatchObject({ Bucket: 'bkt', Key: 'k', UploadId: 'u' });
  });

  it('started as `aws`, runs `aws s3api list-parts …` as the AWS CLI would', async () => {
    const result = await runInProcess(['--output', 'json', 's3api', 'list-parts', '--bucket', 'bkt', '--key', 'k', '--upload-id', 'u', '--no-paginate'], {
      fakeResponses: listParts,
      programName: 'aws',
    });
    expect(result.exitCode).toBe(0);
    expect(result.calls.map((call) => call.input)).toEqual([{ Bucket: 'bkt', Key: 'k', UploadId: 'u' }]);
  });

  it('takes a value that starts with a dash after =', async () => {
    const result = await runInProcess(['list-parts', '--bucket', 'bkt', '--key=-foo', '--upload-id', 'u', '--no-paginate'], { fakeResponses: listParts });
    expect(result.calls[0].input.Key).toBe('-foo');
  });

  it('takes a negative number as a value, like argparse', async () => {
    const result = await runInProcess(['list-parts', '--bucket', 'bkt', '--key', '-5', '--upload-id', 'u', '--no-paginate'], { fakeResponses: listParts });
    expect(result.calls[0].input.Key).toBe('-5');
  });

  it('--bucket-key-enabled and --no-bucket-key-enabled: the last one wins', async () => {
    const created = { CreateMultipartUpload: { Bucket: 'bkt', Key: 'k', UploadId: 'u' } };
    const on = await runInProcess(['create-multipart-upload', '--bucket', 'bkt', '--key', 'k', '--no-bucket-key-enabled', '--bucket-key-enabled'], { fakeResponses: created });
    expect(on.calls[0].input.BucketKeyEnabled).toBe(true);
    const off = await runInProcess(['create-multipart-upload', '--bucket', 'bkt', '--key', 'k', '--bucket-key-enabled', '--no-bucket-key-enabled'], { fakeResponses: created });
    expect(off.calls[0].input.BucketKeyEnabled).toBe(false);
  });

  it('--version prints a version line anywhere in the arguments and exits 0', async () => {
    const result = await runInProcess(['upload-part', '--version']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^s3api\/\d+\.\d+\.\d+ Node\.js\/\S+ \S+\/\S+ source\/\S+\n$/);
  });

  it.each([[['help']], [['--help']], [['upload-part', 'help']], [['upload-part', '--help']]])('%j prints help and exits 0', async (argv) => {
    const result = await runInProcess(argv);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^NAME\n/);
    expect(result.stdout).toContain('SYNOPSIS');
  });
});

// Checked against AWS CLI 2.9.19: its operation parser has an optional positional `help`, which
// takes the first stray word.
describe('stray words after the command', () => {
  const LIST_PARTS = ['list-parts', '--bucket', 'b', '--key', 'k', '--upload-id', 'u'];

  it.each([
    [[...LIST_PARTS, 'a', 'b'], 'b, a'],
    [['list-parts', '--bucket', 'b', 'x', '--key', 'k', 'y', '--upload-id', 'u', 'z'], 'y, z, x'],
    [['list-parts', '--foo', 'x', '--bucket', 'b', '--key', 'k', '--upload-id', 'u', 'y'], '--foo, y, x'],
    [[...LIST_PARTS, '--starting-token', 't1', 't2', 't3'], 't3, t2'],
    [[...LIST_PARTS, '-5', '--foo'], '--foo, -5'],
    [[...LIST_PARTS, 'x', 'help'], 'help, x'],
  ])('%j: the first one is reported last (Unknown options: %s)', async (argv, reported) => {
    const result = await runInProcess(argv, NO_NETWORK);
    expect(result.stderr).toBe(asS3api(readGolden('head_err_unknown_option').stderr).replace('--foo, bar', reported));
    expect(result.exitCode).toBe(252);
  });

  it.each([
    [['list-parts', 'help']],
    [['--output', 'json', 'list-parts', 'help']],
    [[...LIST_PARTS, 'help']],
    [[...LIST_PARTS, 'help', 'x']],
    [['list-parts', '--bucket', 'b', 'help', '--key', 'k', '--upload-id', 'u']],
  ])('%j: `help` as the first stray word shows the help page', async (argv) => {
    const result = await runInProcess(argv, NO_NETWORK);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^NAME\n {7}list-parts -\n/);
  });

  it.each([
    [['list-parts', 'help', 'x'], '--bucket, --key, --upload-id'],
    [['list-parts', 'x', 'help'], '--bucket, --key, --upload-id'],
    [['list-parts', '--bucket', 'b', 'help'], '--key, --upload-id'],
  ])('%j: only a lone `help` waives the required options', async (argv, missing) => {
    const result = await runInProcess(argv, NO_NETWORK);
    expect(result.stderr).toBe(
      asS3api(readGolden('head_err_missing_required').stderr).replace(/required: .*/, `required: ${missing}`),
    );
    expect(result.exitCode).toBe(252);
  });
});

describe("upload-part's s3api options leave every unique prefix of an AWS CLI flag as it was", () => {
  const REQUIRED = ['upload-part', '--bucket', 'bkt', '--key', 'k', '--upload-id', 'u', '--part-number', '1'];

  it.each([
    ['--bo', 'big.bin', 'Body'],
    ['--bod', 'big.bin', 'Body'],
    ['--body', 'big.bin', 'Body'],
    ['--part', '7', 'PartNumber'],
    ['--by', 'bytes=0-9', 'ByteRange'],
    ['--sp', '64MiB', 'SplitSize'],
  ])('%s means %s', (abbreviation, value, member) => {
    const parsed = parseCommandLine([...REQUIRED, abbreviation, value], 's3api');
    expect(parsed.params.get(member)).toBe(value);
  });
});
