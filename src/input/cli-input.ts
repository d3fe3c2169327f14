/**
 * `--cli-input-json` / `--cli-input-yaml` (awscli's CliInputArgument): a document whose keys
 * are SDK member names, merged under the options given on the command line. Its values skip
 * every CLI conversion (no shorthand, no file://, no int()); botocore's validator judges them.
 */
import type { BinaryFormat } from '../config/settings.js';
import { generalError, paramError, paramFileOrValueError } from '../errors/errors.js';
import { PyFloat } from '../python/value.js';
import { OPERATION_EXTRA_OPTIONS, type OptionSpec } from '../spec/globals.js';
import type { OperationSpec, ParamSpec } from '../spec/types.js';
import { decodePythonBase64 } from '../python/base64.js';
import type { SdkInput } from './build-input.js';
import { resolveParamValue, type ParamFileOptions } from './paramfile.js';
import { PythonJsonError, parsePythonJson } from '../python/json.js';
import { isPythonDict, pythonClass, pythonStr } from '../python/repr.js';
import { tryParseTimestamp } from './timestamp.js';

export interface CliInputContext extends ParamFileOptions {
  /** cli_binary_format: how a blob given as text (the input's `Body`) is read. */
  readonly binaryFormat: BinaryFormat;
}

const CLI_INPUT_OPTIONS = OPERATION_EXTRA_OPTIONS.filter(
  (option) => option.key === 'cliInputJson' || option.key === 'cliInputYaml',
);

/**
 * Adds the members of the --cli-input-* document that the command line did not set to `input`,
 * as the SDK takes them. Runs after the command-line values are built, as the AWS CLI merges the
 * document only once its own arguments are processed.
 */
export async function mergeCliInput(
  operation: OperationSpec,
  extras: Readonly<Record<string, string>>,
  input: SdkInput,
  context: CliInputContext,
): Promise<void> {
  // Each value is loaded (file://, fileb://) with the other arguments, before the check that
  // only one was given.
  const given = CLI_INPUT_OPTIONS.filter((option) => extras[option.key] !== undefined).map((option) => ({
    option,
    text: loadDocumentText(option, extras[option.key], context),
  }));
  if (given.length === 0) return;
  if (given.length > 1) throw paramError('Only one --cli-input- parameter may be specified.');
  const { option, text } = given[0];
  const document = option.key === 'cliInputJson' ? parseJsonDocument(option, text) : await parseYamlDocument(option, text);
  for (const [member, value] of Object.entries(document)) {
    if (Object.hasOwn(input, member)) continue;
    const param = operation.params.find((candidate) => candidate.member === member);
    // Only members the command uses are walked: botocore names an unknown member and stops.
    if (param) assertBoundedExpansion(option, member, value);
    // Defined rather than assigned, so that a `__proto__` key is a member like any other.
    Object.defineProperty(input, member, {
      value: param ? sdkValue(param, value, context.binaryFormat) : value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
}

function loadDocumentText(option: OptionSpec, value: string, context: ParamFileOptions): string {
  const loaded = resolveParamValue(option.flag, value, context) ?? value;
  return typeof loaded === 'string' ? loaded : loaded.toString('utf8');
}

function expectMap(option: OptionSpec, document: unknown): asserts document is Record<string, unknown> {
  if (!isPythonDict(document)) {
    throw paramFileOrValueError(option.flag, `Invalid type: expecting map, received ${pythonClass(document)}`);
  }
}

/** Python's json.loads; the AWS CLI names the option without its dashes in this one message. */
function parseJsonDocument(option: OptionSpec, text: string): Record<string, unknown> {
  let document: unknown;
  try {
    document = parsePythonJson(text);
  } catch (error) {
    if (error instanceof PythonJsonError) throw paramFileOrValueError(option.flag.slice(2), 'Invalid JSON received.');
    throw error;
  }
  expectMap(option, document);
  return document;
}

/**
 * ruamel.yaml's safe loader (YAML 1.2): `!!binary` gives bytes, floats stay floats, and keys
 * keep their types, because the AWS CLI passes the top-level keys as Python keyword arguments,
 * which must be strings.
 */
async function parseYamlDocument(option: OptionSpec, text: string): Promise<Record<string, unknown>> {
  const yaml = await import('js-yaml');
  const pythonFloat = yaml.defineScalarTag('tag:yaml.org,2002:float', {
    implicit: true,
    implicitFirstChars: yaml.floatCoreTag.implicitFirstChars,
    resolve: (source, isExplicit, tagName) => {
      const value = yaml.floatCoreTag.resolve(source, isExplicit, tagName);
      return value === yaml.NOT_RESOLVED ? value : new PyFloat(value);
    },
    identify: () => false,
  });
  let documents: unknown[];
  try {
    documents = yaml.loadAll(text, { schema: yaml.CORE_SCHEMA.withTags(yaml.realMapTag, yaml.binaryTag, pythonFloat) });
  } catch {
    throw paramFileOrValueError(option.flag.slice(2), 'Invalid YAML received.');
  }
  // ruamel's load() refuses a stream of several documents and reads an empty one as None.
  if (documents.length > 1) throw paramFileOrValueError(option.flag.slice(2), 'Invalid YAML received.');
  const root = documents[0] ?? null;
  const document = fromYaml(root);
  expectMap(option, document);
  if (root instanceof Map && [...root.keys()].some((key) => typeof key !== 'string')) {
    throw generalError('keywords must be strings');
  }
  return document;
}

/**
 * Maps as plain objects; a nested non-string key becomes its Python str(). Each node is
 * converted once, so an alias stays a reference to the value it names, as it does in ruamel's
 * Python objects: a document of aliases of aliases ("billion laughs") stays as small as its text.
 */
function fromYaml(value: unknown, converted = new Map<object, unknown>()): unknown {
  if (!(value instanceof Map) && !Array.isArray(value)) return value;
  const done = converted.get(value);
  if (done !== undefined) return done;
  if (Array.isArray(value)) {
    const array: unknown[] = [];
    converted.set(value, array);
    for (const item of value) array.push(fromYaml(item, converted));
    return array;
  }
  const object: Record<string, unknown> = {};
  converted.set(value, object);
  for (const [key, item] of value) {
    Object.defineProperty(object, typeof key === 'string' ? key : pythonStr(key), {
      value: fromYaml(item, converted),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return object;
}

/**
 * How many values aliases may add to the members the command uses. Validation, error messages
 * and the request walk a value as a tree, each alias expanded: the AWS CLI takes minutes and
 * gigabytes on a "billion laughs" member and never answers; one that names itself is refused.
 */
export const MAX_ALIAS_EXPANSION = 1_000_000;

/**
 * Refuses a member whose aliases expand it past MAX_ALIAS_EXPANSION values beyond those written
 * in the document. Counted per node once (memoised), so the check is linear in the document.
 */
function assertBoundedExpansion(option: OptionSpec, member: string, value: unknown): void {
  const sizes = new Map<object, number>();
  let written = 0;
  const isContainer = (node: unknown): node is object =>
    typeof node === 'object' && node !== null && !(node instanceof Uint8Array) && !(node instanceof PyFloat);
  const expandedSize = (node: unknown): number => {
    if (!isContainer(node)) return 1;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    // A node met again before its size is known contains itself: endless once expanded.
    sizes.set(node, Infinity);
    const children = Object.values(node);
    written += 1 + children.filter((child) => !isContainer(child)).length;
    let size = 1;
    for (const child of children) size += expandedSize(child);
    sizes.set(node, size);
    return size;
  };
  if (expandedSize(value) - written > MAX_ALIAS_EXPANSION) {
    throw paramFileOrValueError(
      option.flag.slice(2),
      `Invalid YAML received: the aliases in ${member} expand to more than ${MAX_ALIAS_EXPANSION} values.`,
    );
  }
}

/**
 * What botocore does to a value before it is sent. A blob given as text is base64 under the
 * default cli_binary_format (`Invalid base64: "…"`, exit 255, before validation) or its UTF-8
 * bytes under raw-in-base64-out. A timestamp (text or epoch seconds) becomes the instant it
 * names; a value that names none is left for the validator to report as it was given.
 */
function sdkValue(param: ParamSpec, value: unknown, binaryFormat: BinaryFormat): unknown {
  if ((param.type === 'body' || param.type === 'blob') && typeof value === 'string') {
    return binaryFormat === 'base64' ? decodePythonBase64(value) : Buffer.from(value, 'utf8');
  }
  if (param.type === 'timestamp') {
    const seconds = value instanceof PyFloat ? value.value : value;
    if (typeof seconds === 'string' || typeof seconds === 'number') return tryParseTimestamp(String(seconds)) ?? value;
  }
  return value;
}
