/**
 * The fixed pipeline of one command: settings -> input -> steps -> send -> shape -> render.
 */
import type { CliIO } from './io.js';
import {
  assertOutputFormat,
  assertProfileExists,
  binaryFormatSetting,
  clientSettings,
  configPaths,
  loadSharedConfig,
  outputFormatSetting,
  selectProfile,
  timestampFormatSetting,
  type SharedConfig,
} from '../config/settings.js';
import { commandToOperationName } from '../spec/flag-name.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../spec/globals.js';
import type { OperationSpec } from '../spec/types.js';
import { AwsChunkedBody, FileBody } from '../s3/body.js';
import type { S3Port } from '../s3/client.js';
import type { DebugLog } from '../output/debug-log.js';
import { compileQuery } from '../output/query.js';
import { pagerCommand } from '../output/pager.js';
import { renderPages, renderResult, type RenderOptions } from '../output/render.js';
import { isoTimestamp, shapeResponse } from '../output/shape.js';
import type { ParsedCommandLine } from './command-line.js';
import { buildInput, validateInput } from '../input/build-input.js';
import { mergeCliInput } from '../input/cli-input.js';
import { outputSkeleton } from '../input/skeleton.js';
import { collectPages, planPagination, type PaginationOptions } from './paginate.js';
import { applySteps, type StepSettings } from './steps.js';
import { Scratch } from '../input/unsized-body.js';
import { ProgressLine, progressWanted } from '../output/progress.js';
import type { SdkInput } from '../input/build-input.js';
import { tmpdir } from 'node:os';

function renderOptions(parsed: ParsedCommandLine, operation: OperationSpec, io: CliIO, format: OutputFormat): RenderOptions {
  const color = parsed.globals.color ?? 'auto';
  return {
    format,
    query: typeof parsed.globals.query === 'string' ? compileQuery(parsed.globals.query) : undefined,
    title: commandToOperationName(operation.name),
    color: color === 'on' || (color === 'auto' && io.stdout.isTTY === true),
    width: io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : 80,
  };
}

function checksumWithProgress(progress: ProgressLine | undefined) {
  return async (body: FileBody | Uint8Array | undefined, algorithm: string): Promise<string> => {
    const checksums = await import('../s3/checksums.js');
    const typed = algorithm as Parameters<typeof checksums.createChecksum>[0];
    if (!body || body.length === 0) return (await checksums.createChecksum(typed)).digestBase64();
    if (body instanceof Uint8Array) {
      const checksum = await checksums.createChecksum(typed);
      checksum.update(body);
      return checksum.digestBase64();
    }
    // The pre-pass over a big part is half the work a user waits for: its own progress phase.
    const onBytesHashed = progress && ((done: number) => progress.update(`${algorithm} checksum`, done, body.length));
    return checksums.checksumFile(body.path, typed, { start: body.start, end: body.start + body.length - 1 }, onBytesHashed);
  };
}

/**
 * botocore's rule (resolve_request_checksum_algorithm): a streaming body's checksum goes in a
 * trailer when the request URL is https, which every request of a command is unless its
 * endpoint says http.
 */
function checksumPlacement(endpoint: string | undefined): 'header' | 'trailer' {
  return endpoint !== undefined && /^http:/i.test(endpoint) ? 'header' : 'trailer';
}

/** The terminal's progress line for a command that sends a file body, when it is wanted. */
function progressLine(operation: OperationSpec, parsed: ParsedCommandLine, io: CliIO, config: SharedConfig): ProgressLine | undefined {
  if (!operation.params.some((param) => param.type === 'body')) return undefined;
  const wanted = progressWanted({
    stderr: io.stderr,
    env: io.env,
    debug: parsed.globals.debug === true,
    profileSetting: config.profile.s3api_progress,
  });
  return wanted ? new ProgressLine(io.stderr) : undefined;
}

export async function runOperation(parsed: ParsedCommandLine, io: CliIO, log: DebugLog): Promise<void> {
  const operation = parsed.operation!;
  // The query is compiled before anything is sent: a bad expression is a usage error (252).
  const queryText = parsed.globals.query;
  if (typeof queryText === 'string') compileQuery(queryText);

  const profile = selectProfile(parsed.globals.profile as string | undefined, io.env);
  const paths = configPaths(io.env, io.homedir);
  const config = await loadSharedConfig(paths, profile.name);
  assertProfileExists(profile, config);
  const timestampFormat = timestampFormatSetting(config.profile);
  const settings = clientSettings({ globals: parsed.globals, env: io.env, profile, config, paths, log });

  const inputContext = { env: io.env, homedir: io.homedir, cwd: io.cwd, fs: io.fs };
  const input = buildInput(operation, parsed.params, inputContext);
  const binaryFormat = binaryFormatSetting(parsed.globals.cliBinaryFormat as string | undefined, config.profile);
  await mergeCliInput(operation, parsed.extras, input, { ...inputContext, binaryFormat });
  // Before the SSE-C step encodes the keys: the log masks both the given and the encoded form.
  log.addSensitiveMembers(input);
  validateInput(operation, input);
  const pagination = paginationOptions(parsed);
  const plan = operation.paginator
    ? planPagination(operation.paginator, input, pagination, parsed.globals.noPaginate === true)
    : undefined;
  for (const warning of plan?.warnings ?? []) io.stderr.write(warning);
  if (parsed.extras.generateCliSkeleton === 'output') {
    // The AWS CLI answers from a stub instead of sending: a sample response in model order,
    // never reshaped by pagination. Nothing reaches S3, not even the steps that read from it.
    const format = checkedOutputFormat(parsed, io, config);
    const sample = await renderResult(outputSkeleton(operation, format), renderOptions(parsed, operation, io, format));
    await writeOutput(io, sample, parsed, config);
    return;
  }

  // One connection, opened when first needed: by a step that reads from S3 or to send.
  let connection: Promise<S3Port> | undefined;
  // A spooled body is removed and the progress line erased however the command ends.
  const scratch = new Scratch(io.env.TMPDIR || tmpdir());
  const progress = progressLine(operation, parsed, io, config);
  try {
    await sendAndRender(parsed, io, config, input, plan, pagination, {
      checksumCalculation: settings.checksumCalculation,
      checksumPlacement: checksumPlacement(settings.endpoint),
      checksumOf: checksumWithProgress(progress),
      connect: () => (connection ??= io.connect(settings)),
      stdin: io.stdin,
      scratch,
      onBodyRead: progress && ((source, bytes) => progress.update(`Reading ${source}`, bytes)),
      progress,
      timestampFormat,
    });
  } finally {
    progress?.clear();
    scratch.remove();
  }
}

interface SendContext extends StepSettings {
  readonly progress: ProgressLine | undefined;
  readonly timestampFormat: string;
}

async function sendAndRender(
  parsed: ParsedCommandLine,
  io: CliIO,
  config: SharedConfig,
  input: SdkInput,
  plan: ReturnType<typeof planPagination> | undefined,
  pagination: PaginationOptions,
  context: SendContext,
): Promise<void> {
  const operation = parsed.operation!;
  await applySteps(operation.steps, input, context);

  const s3 = await context.connect();
  const formatTimestamp = context.timestampFormat === 'wire' ? wireTimestamp : isoTimestamp;
  const { progress } = context;
  const body = input.Body;
  if (progress && (body instanceof FileBody || body instanceof AwsChunkedBody)) {
    const length = body instanceof FileBody ? body.length : body.decodedLength;
    input.Body = body.withOnBytesSent((sent) => progress.update('Uploading', sent, length));
  }
  const fetchShaped = async (pageInput: Record<string, unknown>) =>
    shapeResponse(await s3.send(operation.sdk, pageInput), operation.output, formatTimestamp);

  if (operation.paginator && plan?.paginate) {
    const { pages, nextToken } = await collectPages(operation.paginator, input, pagination, fetchShaped);
    const options = renderOptions(parsed, operation, io, checkedOutputFormat(parsed, io, config));
    await writeOutput(io, await renderPages(operation.paginator, pages, nextToken, options), parsed, config);
    return;
  }
  const shaped = await fetchShaped(input);
  // Erased before stdout is written: a terminal showing both must show only the AWS CLI's bytes.
  progress?.clear();
  const rendered = await renderResult(shaped, renderOptions(parsed, operation, io, checkedOutputFormat(parsed, io, config)));
  await writeOutput(io, rendered, parsed, config);
}

/** stdout, or the pager when stdout is a terminal and a pager is configured (SPEC §7). */
async function writeOutput(io: CliIO, text: string, parsed: ParsedCommandLine, config: SharedConfig): Promise<void> {
  const command = pagerCommand({
    isTTY: io.stdout.isTTY === true,
    noCliPager: parsed.globals.noCliPager === true,
    env: io.env,
    profilePager: config.profile.cli_pager,
  });
  if (!command || text === '') {
    io.stdout.write(text);
    return;
  }
  const pager = await io.openPager(command, io.env);
  pager.write(text);
  await pager.close();
}

/** --page-size and --max-items were checked as integers while parsing, as argparse does. */
function paginationOptions(parsed: ParsedCommandLine): PaginationOptions {
  const { startingToken, pageSize, maxItems } = parsed.extras;
  return {
    startingToken,
    pageSize: pageSize === undefined ? undefined : Number(pageSize),
    maxItems: maxItems === undefined ? undefined : Number(maxItems),
  };
}

/**
 * The output format, validated only now, after the request: the AWS CLI finds an invalid
 * format from the environment or config only when it renders.
 */
function checkedOutputFormat(parsed: ParsedCommandLine, io: CliIO, config: SharedConfig): OutputFormat {
  const format = outputFormatSetting(parsed.globals.output as string | undefined, io.env, config.profile);
  assertOutputFormat(format, OUTPUT_FORMATS);
  return format;
}

/** `cli_timestamp_format = wire`: the timestamp as S3 sent it (ISO 8601 with milliseconds). */
function wireTimestamp(date: Date): string {
  return date.toISOString();
}
