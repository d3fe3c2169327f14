/**
 * From parsed command-line text to SDK input: paramfiles, then conversion by the member's
 * type, each with the AWS CLI's error text and exit code.
 */
import { statSync, type Stats } from 'node:fs';
import { generalError, validationError } from '../errors/errors.js';
import { FileBody } from '../s3/body.js';
import { memberToFlag } from '../spec/flag-name.js';
import { modelParams, type OperationSpec, type ParamSpec } from '../spec/types.js';
import { expandBodyPath, resolveBodyPath, resolveParamValue, type FileSystemPort } from './paramfile.js';
import { STDIN, UnsizedBody } from './unsized-body.js';
import { parsePythonInt } from '../python/int.js';
import { isPythonDict, pythonTypeName } from '../python/repr.js';
import { parseStructuredParam } from './shorthand.js';
import { validateShape } from './validate-shape.js';
import { parseTimestampParam } from './timestamp.js';

export interface InputContext {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homedir: string;
  readonly cwd: string;
  readonly fs: FileSystemPort;
}

export type SdkInput = Record<string, unknown>;

function coerceText(param: ParamSpec, flag: string, text: string | Buffer, context: InputContext): unknown {
  switch (param.type) {
    case 'integer':
      return parsePythonInt(String(text));
    case 'long':
      return Number(String(text).trim());
    case 'timestamp':
      return parseTimestampParam(param.member, String(text));
    case 'structure':
    case 'list':
    case 'map':
      return parseStructuredParam(flag, String(text), param, context);
    case 'blob':
      return typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    default:
      if (typeof text === 'string' || param.acceptsBytes) return text;
      return text.toString('utf8');
  }
}

/**
 * A regular file is a FileBody of its stat size. s3api reads `-` as standard input (a file
 * named `-` stays reachable as `./-`), and a body whose size stat cannot tell (FIFO, device,
 * a /proc file of stat size 0) as what it holds: an UnsizedBody, spooled before sending.
 */
function openBody(text: string, context: InputContext): FileBody | UnsizedBody {
  if (text === STDIN) return new UnsizedBody(STDIN, text);
  const path = expandBodyPath(text, context.env, context.homedir, context.cwd);
  const stats = statOrUndefined(path);
  if (stats && sizeUnknownFromStat(stats)) return new UnsizedBody(path, text);
  // Anything else must be a regular file, with the AWS CLI's error when it is not.
  resolveBodyPath(text, context.env, context.homedir, context.cwd, context.fs);
  return new FileBody(path, 0, statSync(path).size);
}

function sizeUnknownFromStat(stats: Stats): boolean {
  return stats.isFIFO() || stats.isCharacterDevice() || stats.isSocket() || (stats.isFile() && stats.size === 0);
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

export function buildInput(
  operation: OperationSpec,
  params: ReadonlyMap<string, string | boolean>,
  context: InputContext,
): SdkInput {
  const input: SdkInput = {};
  for (const param of operation.params) {
    const raw = params.get(param.member);
    if (raw === undefined) continue;
    if (typeof raw === 'boolean') {
      input[param.member] = raw;
      continue;
    }
    const flag = memberToFlag(param.member);
    if (param.type === 'body') {
      input[param.member] = openBody(raw, context);
      continue;
    }
    const loaded = resolveParamValue(flag, raw, context) ?? raw;
    input[param.member] = coerceText(param, flag, loaded, context);
  }
  return input;
}

// botocore's S3 bucket-name check, run before anything is sent.
const VALID_BUCKET = /^[a-zA-Z0-9.\-_]{1,255}$/;
const VALID_S3_ARN =
  /^arn:(aws).*:(s3|s3-object-lambda):[a-z\-0-9]*:[0-9]{12}:accesspoint[/:][a-zA-Z0-9\-.]{1,63}$|^arn:(aws).*:s3-outposts:[a-z\-0-9]+:[0-9]{12}:outpost[/:][a-zA-Z0-9\-]{1,63}[/:]accesspoint[/:][a-zA-Z0-9\-]{1,63}$/;

/**
 * botocore's validate_ascii_metadata, also a before-parameter-build handler, calls
 * `.encode('ascii')` on each Metadata key and value before the validator runs: a value that is
 * not a string (`--metadata a=b,c` makes a list, JSON may give a number) crashes it with
 * Python's AttributeError, exit 255, instead of a parameter validation error.
 */
function rejectUnencodableMetadata(metadata: unknown): void {
  if (!isPythonDict(metadata)) return;
  for (const value of Object.values(metadata)) {
    if (typeof value !== 'string') throw generalError(`'${pythonTypeName(value)}' object has no attribute 'encode'`);
  }
}

export function validateInput(operation: OperationSpec, input: SdkInput): void {
  // botocore checks the bucket name in a before-parameter-build handler, before the validator
  // sees the input: an invalid name is the only problem reported.
  const bucket = input.Bucket;
  // Its regular expression is matched against the value as given: one that is not a string
  // (only --cli-input-* can give it) makes Python raise a TypeError, exit 255.
  if (bucket !== undefined && typeof bucket !== 'string') {
    throw generalError(`expected string or bytes-like object, got '${pythonTypeName(bucket)}'`);
  }
  if (typeof bucket === 'string' && !VALID_BUCKET.test(bucket) && !VALID_S3_ARN.test(bucket)) {
    throw validationError([
      `Invalid bucket name "${bucket}": Bucket name must match the regex "${VALID_BUCKET.source}" or be an ARN matching the regex "${VALID_S3_ARN.source}"`,
    ]);
  }
  if (operation.steps.includes('metadataAscii')) rejectUnencodableMetadata(input.Metadata);
  // One pass over the whole input, as botocore makes it: missing members, unknown keys (from
  // --cli-input-*), then the type and model constraints of each member. s3api's extension
  // members are checked apart, so that botocore's "must be one of" list names only members of
  // the AWS model.
  const extensions = operation.params.filter((param) => param.extension && input[param.member] !== undefined);
  const modelInput = Object.fromEntries(
    Object.entries(input).filter(([member]) => !extensions.some((param) => param.member === member)),
  );
  const problems = [
    ...validateShape('', modelInput, { member: 'input', type: 'structure', members: modelParams(operation) }),
    ...extensions.flatMap((param) => validateShape(param.member, input[param.member], param)),
  ];
  if (problems.length > 0) throw validationError(problems);
}
