/**
 * The AWS CLI's auto-pagination for list-parts and list-multipart-uploads, as pure functions
 * around an injected page fetcher: botocore's PageIterator (markers, --page-size, --max-items
 * truncation, NextToken), the CLI's --no-paginate checks, and the two result views the
 * formatters print (the aggregated dict, and the per-page records of `--output text`).
 *
 * Typical use:
 * The paginator data lives in the operation tables (`listParts.paginator`).
 *
 *   const plan = planPagination(spec, input, options, globals.noPaginate);   // may throw 252
 *   const { pages, nextToken } = await collectPages(spec, input, options, fetchPage);
 *   print(aggregatePages(spec, pages, nextToken));  // json, yaml, table
 *   textPageRecords(spec, pages, nextToken)          // text: query + format each record
 *   pages                                            // yaml-stream: one document per page
 */
import { generalError, paramError, validationError } from '../errors/errors.js';
import type { OutputObject } from '../python/value.js';
import type { PaginatorSpec } from '../spec/types.js';
import { decodePythonBase64 } from '../python/base64.js';
import { tryParsePythonInt } from '../python/int.js';
import { pythonRepr, pythonStr, pythonTypeName } from '../python/repr.js';

/** --starting-token, --page-size and --max-items, already parsed as argparse would. */
export interface PaginationOptions {
  startingToken?: string;
  pageSize?: number;
  maxItems?: number;
}

export type FetchPage = (input: Record<string, unknown>) => Promise<OutputObject>;

/** A value inside a pagination token: whatever JSON can hold (markers are strings or ints). */
export type TokenValue = null | boolean | number | string | TokenValue[] | { [key: string]: TokenValue };
export type TokenDict = { [key: string]: TokenValue };

// ---------------------------------------------------------------------------------------------
// Choosing between auto-pagination and one plain request
// ---------------------------------------------------------------------------------------------

export interface PaginationPlan {
  /** false: make one plain request and print the raw response with all its keys. */
  readonly paginate: boolean;
  /** Complete lines (newline included) for the caller to write to stderr before any request. */
  readonly warnings: readonly string[];
}

const NON_POSITIVE_MAX_ITEMS_WARNING = 'warning: Non-positive values for --max-items may result in undefined behavior.\n';

/**
 * `input` is the SDK input after the flags and --cli-input-json/yaml are merged. Any native
 * paging member in it (--max-parts, --part-number-marker, --key-marker, ...) silently turns
 * pagination off, as the AWS CLI's paginate customization does; combined with our paging
 * options that is the 252 "Cannot specify --no-paginate" error, checked before the warning is
 * printed because the AWS CLI checks when the arguments are parsed and warns later, while
 * building the request.
 *
 * Deviation: the AWS CLI only rejects *truthy* option values given as flags. `--max-items 0
 * --no-paginate`, or a native member that arrives through --cli-input-json, slips past its check
 * and then fails botocore validation with `Unknown parameter in input: "PaginationConfig"`
 * (aws-cli issue #2223 shows the same failure). We report the clear message in every case.
 */
export function planPagination(
  spec: PaginatorSpec,
  input: Record<string, unknown>,
  options: PaginationOptions,
  noPaginate: boolean,
): PaginationPlan {
  const nativePagingMember = [...spec.inputTokens, spec.limitKey].some((member) => input[member] !== undefined);
  const paginate = !noPaginate && !nativePagingMember;
  if (!paginate) {
    const given = [
      ['--starting-token', options.startingToken],
      ['--page-size', options.pageSize],
      ['--max-items', options.maxItems],
    ]
      .filter(([, value]) => value !== undefined)
      .map(([flag]) => flag);
    if (given.length > 0) {
      throw paramError(`Cannot specify --no-paginate along with pagination arguments: ${given.join(', ')}`);
    }
  }
  // Added in AWS CLI 2.17.56; the iterator still runs with the value (see fetchPages).
  const warnings = options.maxItems !== undefined && options.maxItems <= 0 ? [NON_POSITIVE_MAX_ITEMS_WARNING] : [];
  return { paginate, warnings };
}

// ---------------------------------------------------------------------------------------------
// NextToken / --starting-token
// ---------------------------------------------------------------------------------------------

const TRUNCATE_AMOUNT_KEY = 'boto_truncate_amount';

/**
 * base64 of Python's `json.dumps(token)`, so tokens move freely between `aws` and `s3api`.
 * Key order is the dict's insertion order: the input tokens, then boto_truncate_amount.
 */
export function encodeNextToken(token: TokenDict): string {
  return Buffer.from(pythonJsonDumps(token), 'utf8').toString('base64');
}

/** Where a --starting-token says to resume. */
export interface StartingPoint {
  /** Values for the first request's input tokens; null and the string 'None' mean "not sent". */
  readonly markers: TokenDict;
  /** Items of the first page that the previous run already printed (boto_truncate_amount). */
  readonly skipItems: number;
}

/**
 * botocore's TokenDecoder, falling back to its "deprecated" format when the text is not
 * base64-encoded JSON: the text split on `___` gives the input tokens in order, plus an optional
 * trailing item count; anything else is sent as the literal value of the first input token (so
 * `garbage` becomes PartNumberMarker='garbage' and fails validation on the first request).
 */
export function decodeStartingToken(spec: PaginatorSpec, text: string): StartingPoint {
  const decoded = decodeTokenJson(text);
  if (decoded === undefined) return decodeDeprecatedToken(spec, text);
  if (!isTokenDict(decoded)) {
    // botocore calls dict.pop() on whatever the JSON held and does not catch the AttributeError.
    throw generalError(`'${pythonTypeName(decoded)}' object has no attribute 'pop'`);
  }
  const { [TRUNCATE_AMOUNT_KEY]: truncateAmount = 0, ...markers } = decoded;
  return { markers, skipItems: asSliceIndex(truncateAmount) };
}

/**
 * undefined where botocore's decoder raises ValueError: bad base64 padding, invalid UTF-8,
 * invalid JSON. (JSON.parse, unlike json.loads, rejects NaN/Infinity and reads `1.0` as an int;
 * tokens never hold either.)
 */
function decodeTokenJson(text: string): TokenValue | undefined {
  try {
    // The decoder base64-decodes the token's UTF-8 bytes, where a non-ASCII character is just
    // more bytes outside the alphabet, skipped like any other.
    const bytes = decodePythonBase64(text.replace(/[^\x00-\x7f]/g, ''));
    // ignoreBOM keeps a leading BOM, which Python's utf-8 codec keeps and json.loads rejects.
    const json = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return JSON.parse(json) as TokenValue;
  } catch {
    return undefined;
  }
}

function decodeDeprecatedToken(spec: PaginatorSpec, text: string): StartingPoint {
  let parts = text.split('___');
  let skipItems = 0;
  if (parts.length === spec.inputTokens.length + 1) {
    const count = tryParsePythonInt(parts[parts.length - 1]);
    if (count === undefined) parts = [text];
    else {
      skipItems = count;
      parts = parts.slice(0, -1);
    }
  }
  if (parts.length > spec.inputTokens.length) throw generalError(`Bad starting token: ${text}`);
  const markers: TokenDict = {};
  spec.inputTokens.forEach((name, index) => {
    const part = parts[index];
    markers[name] = part === undefined || part === 'None' ? null : part;
  });
  return { markers, skipItems };
}

/** What Python accepts as a slice start for `items[boto_truncate_amount:]`. */
function asSliceIndex(value: TokenValue): number {
  if (value === null) return 0;
  if (typeof value === 'boolean') return Number(value);
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  throw generalError('slice indices must be integers or None or have an __index__ method');
}

function isTokenDict(value: TokenValue): value is TokenDict {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------------------------
// The page iterator
// ---------------------------------------------------------------------------------------------

/** Model types of the input tokens, for the parameter validation botocore runs on token values. */
const INPUT_TOKEN_TYPES: Readonly<Record<string, 'integer' | 'string'>> = {
  PartNumberMarker: 'integer',
  KeyMarker: 'string',
  UploadIdMarker: 'string',
};

/**
 * Yields the pages botocore's PageIterator hands to the AWS CLI: the first page of a resumed run
 * without the items already printed (and with its secondary result keys emptied), the last page
 * cut at --max-items. Returns the NextToken, or undefined when the listing is complete.
 * Errors: 252 when a starting-token value has the wrong type, 255 for a token botocore chokes on
 * or when the service repeats a marker.
 */
export async function* fetchPages(
  spec: PaginatorSpec,
  baseInput: Record<string, unknown>,
  options: PaginationOptions,
  fetchPage: FetchPage,
): AsyncGenerator<OutputObject, string | undefined, undefined> {
  const [primaryKey] = spec.resultKeys;
  const start = options.startingToken === undefined ? undefined : decodeStartingToken(spec, options.startingToken);
  const input = { ...baseInput };
  // The markers the current page was requested with: a cut page resumes from them.
  let requestMarkers: TokenDict = start?.markers ?? Object.fromEntries(spec.inputTokens.map((name) => [name, null]));
  if (start) {
    setMarkers(input, start.markers);
    checkStartingMarkerTypes(start.markers);
  }
  if (options.pageSize !== undefined) input[spec.limitKey] = options.pageSize;

  let itemsSoFar = 0;
  let previousMarkers: TokenDict | undefined;
  for (let pageNumber = 1; ; pageNumber++) {
    let page = await fetchPage({ ...input });
    const skipped = pageNumber === 1 && start ? start.skipItems : 0;
    if (pageNumber === 1 && start) page = dropPrintedItems(spec, page, skipped);

    const items = page[primaryKey];
    const itemCount = Array.isArray(items) ? items.length : 0;
    if (options.maxItems !== undefined && itemsSoFar + itemCount > options.maxItems) {
      // A negative --max-items gives a negative count here; Array.slice counts it from the end
      // exactly like Python's slicing, which is the "undefined behavior" the warning mentions.
      const keep = options.maxItems - itemsSoFar;
      yield { ...page, [primaryKey]: Array.isArray(items) ? items.slice(0, keep) : [] };
      return resumeToken(spec, { ...requestMarkers, [TRUNCATE_AMOUNT_KEY]: keep + skipped });
    }
    yield page;
    itemsSoFar += itemCount;

    const nextMarkers = markersForNextPage(spec, page);
    if (nextMarkers === undefined) return undefined;
    if (options.maxItems !== undefined && itemsSoFar === options.maxItems) return resumeToken(spec, nextMarkers);
    if (previousMarkers !== undefined && sameMarkers(previousMarkers, nextMarkers)) {
      throw generalError(
        `Error during pagination: The same next token was received twice: ${pythonRepr(nextMarkers)}`,
      );
    }
    setMarkers(input, nextMarkers);
    previousMarkers = nextMarkers;
    requestMarkers = nextMarkers;
  }
}

/** Runs fetchPages to the end: what every format except a streaming one needs. */
export async function collectPages(
  spec: PaginatorSpec,
  baseInput: Record<string, unknown>,
  options: PaginationOptions,
  fetchPage: FetchPage,
): Promise<{ pages: OutputObject[]; nextToken: string | undefined }> {
  const iterator = fetchPages(spec, baseInput, options, fetchPage);
  const pages: OutputObject[] = [];
  for (;;) {
    const step = await iterator.next();
    if (step.done) return { pages, nextToken: step.value };
    pages.push(step.value);
  }
}

/** botocore leaves a marker out of the request when it is null or the string 'None'. */
function setMarkers(input: Record<string, unknown>, markers: TokenDict): void {
  for (const [name, value] of Object.entries(markers)) {
    if (value !== null && value !== 'None') input[name] = value;
    else delete input[name];
  }
}

function checkStartingMarkerTypes(markers: TokenDict): void {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(markers)) {
    const expected = INPUT_TOKEN_TYPES[name];
    if (expected === undefined || value === null || value === 'None') continue;
    // bool passes as int because botocore checks isinstance(value, int).
    const valid = expected === 'string' ? typeof value === 'string' : typeof value === 'boolean' || Number.isInteger(value);
    if (!valid) {
      const validType = expected === 'string' ? 'str' : 'int';
      problems.push(
        `Invalid type for parameter ${name}, value: ${pythonStr(value)}, type: <class '${pythonTypeName(value)}'>, valid types: <class '${validType}'>`,
      );
    }
  }
  if (problems.length > 0) throw validationError(problems);
}

/**
 * The first page of a resumed run: the primary result list without the items already printed;
 * the other result keys emptied ([] for a list, null when absent: S3's result keys are lists)
 * because the previous run printed them in full. A missing primary key becomes null.
 */
function dropPrintedItems(spec: PaginatorSpec, page: OutputObject, skipItems: number): OutputObject {
  const [primaryKey, ...secondaryKeys] = spec.resultKeys;
  const items = page[primaryKey];
  const resumed: OutputObject = { ...page, [primaryKey]: Array.isArray(items) ? items.slice(skipItems) : null };
  for (const key of secondaryKeys) resumed[key] = Array.isArray(page[key]) ? [] : null;
  return resumed;
}

/**
 * undefined when the listing is over: IsTruncated false, or every output token empty (botocore
 * treats "", 0 and other falsy markers as absent).
 */
function markersForNextPage(spec: PaginatorSpec, page: OutputObject): TokenDict | undefined {
  if (!page[spec.moreResults]) return undefined;
  const markers: TokenDict = {};
  spec.inputTokens.forEach((name, index) => {
    // Markers are strings and ints (PyFloat only comes out of --query), so JavaScript's
    // falsiness is Python's here.
    const value = page[spec.outputTokens[index]] as TokenValue | undefined;
    markers[name] = value ? value : null;
  });
  return Object.values(markers).every((value) => value === null) ? undefined : markers;
}

function sameMarkers(left: TokenDict, right: TokenDict): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}

/** botocore refuses to encode a token whose keys are not exactly the input tokens. */
function resumeToken(spec: PaginatorSpec, token: TokenDict): string {
  const expected = [...spec.inputTokens, ...(TRUNCATE_AMOUNT_KEY in token ? [TRUNCATE_AMOUNT_KEY] : [])].sort();
  const actual = Object.keys(token).sort();
  if (expected.join('\0') !== actual.join('\0')) throw generalError(`Bad starting token: ${pythonRepr(token)}`);
  return encodeNextToken(token);
}

// ---------------------------------------------------------------------------------------------
// json.dumps for tokens
// ---------------------------------------------------------------------------------------------

const JSON_SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/**
 * json.dumps with its defaults: `", "` and `": "` separators and ensure_ascii, which escapes
 * everything outside space..tilde per UTF-16 unit (so astral characters become surrogate pairs).
 */
function pythonJsonDumps(value: TokenValue): string {
  if (typeof value === 'string') {
    const escaped = value.replace(
      /[\\"]|[^ -~]/g,
      (char) => JSON_SHORT_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    return `"${escaped}"`;
  }
  if (Array.isArray(value)) return `[${value.map(pythonJsonDumps).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([key, item]) => `${pythonJsonDumps(key)}: ${pythonJsonDumps(item)}`);
    return `{${entries.join(', ')}}`;
  }
  return JSON.stringify(value);
}
