/**
 * The operation table schema. Every command is one `OperationSpec` value; flags, help,
 * --cli-input-* merging, skeletons, validation and completions are all derived from it.
 */

export type ParamType =
  | 'string'
  | 'integer' // converted after parsing with Python int() semantics (AWS CLI: exit 255 on failure)
  | 'long' // typed by argparse in the AWS CLI (exit 252 on failure)
  | 'boolean' // --flag / --no-flag
  | 'timestamp'
  | 'blob' // small binary given as text or fileb://
  | 'body' // streaming body: a path to a file
  | 'structure'
  | 'list'
  | 'map';

/** A member of a structure (or the element of a list) below the top level. */
export interface MemberShape {
  readonly member: string;
  readonly type: ParamType;
  readonly help?: string;
  readonly required?: boolean;
  readonly choices?: readonly string[];
  /**
   * A `fileb://` value stays bytes instead of being decoded as text: the AWS CLI's SSE-C
   * customization takes a binary key that way.
   */
  readonly acceptsBytes?: boolean;
  /**
   * The model's `min`, the one constraint botocore's validator enforces: the length of a string
   * or list, the value of a number. Copied from the model and pinned to it by a test; the
   * model's `max` and `pattern` are not checked by botocore, so they are not declared.
   */
  readonly min?: number;
  /** structure: its members in model order; list: one entry describing the element. */
  readonly members?: readonly MemberShape[];
}

export interface ParamSpec extends MemberShape {
  /** One line in our own words; also the yaml-input skeleton comment. */
  readonly help: string;
  /** Redacted wherever it could be printed (--debug). */
  readonly sensitive?: boolean;
  /** Accepted but left out of help, like the AWS CLI's native paging arguments. */
  readonly hidden?: boolean;
  /**
   * s3api's own parameter, not a member of the AWS model: it gets a flag and help like the
   * others, but skeletons and botocore's member lists leave it out, and a step consumes it
   * before the request is sent.
   */
  readonly extension?: boolean;
}

/** The parameters of the AWS model, without s3api's extensions: what botocore knows. */
export function modelParams(operation: OperationSpec): readonly ParamSpec[] {
  return operation.params.filter((param) => !param.extension);
}

/** Named steps that turn parsed parameters into SDK input, run in a fixed order. */
export type StepName =
  | 'sseCustomerKey' // base64 + MD5 of --sse-customer-key (AWS CLI customization)
  | 'copySourceSseCustomerKey'
  | 'sseCustomerKeyAsTyped' // ListParts: the key as typed, no MD5 added; bytes are refused
  | 'copySource' // percent-encode --copy-source like the AWS CLI
  | 'body' // s3api: spool a --body of unknown size (stdin, FIFO), cut --byte-range / --split-size
  | 'checksum' // default CRC64NVME under request_checksum_calculation=when_supported
  | 'metadataAscii' // reject non-ASCII metadata before sending
  | 'partNumberRange' // s3api: reject a part number outside 1..10000 before sending
  | 'copySourceRange' // s3api: reject a --copy-source-range that is not bytes=first-last
  | 'completedPartList' // s3api: reject an empty, unordered or repeated --multipart-upload list
  | 'partsFromServer'; // s3api: --parts-from-server builds the part list with ListParts

export interface PaginatorSpec {
  readonly inputTokens: readonly string[];
  readonly outputTokens: readonly string[];
  readonly limitKey: string;
  readonly moreResults: string;
  readonly resultKeys: readonly string[];
  readonly nonAggregateKeys: readonly string[];
}

export interface OutputSpec {
  /**
   * The members bound to response headers. The AWS CLI prints them first (botocore parses
   * headers before the body), each group in model order: see outputOrder().
   */
  readonly headers: readonly string[] | 'all';
  /** A member whose value is the whole XML payload (UploadPartCopy's CopyPartResult). */
  readonly payload?: string;
  /**
   * Members botocore's model types as integers where the JS SDK's model has strings
   * (ListParts' part-number markers): printed as numbers, as the AWS CLI prints them.
   */
  readonly integers?: readonly string[];
  /**
   * The response members in model order, with their types: `--generate-cli-skeleton output`
   * prints its sample response in this order (not headers-first), as the AWS CLI does.
   */
  readonly members: readonly MemberShape[];
}

/** One example in the command's help: what it does, then the command line. */
export interface OperationExample {
  readonly title: string;
  readonly command: string;
}

export interface OperationSpec {
  /** CLI name: 'upload-part'. */
  readonly name: string;
  /** SDK operation: 'UploadPart' -> UploadPartCommand, loaded lazily. */
  readonly sdk: string;
  readonly summary: string;
  readonly params: readonly ParamSpec[];
  readonly steps: readonly StepName[];
  readonly output: OutputSpec;
  readonly paginator?: PaginatorSpec;
  readonly examples: readonly OperationExample[];
  /** What s3api does beyond its options here, for the help page's WHAT S3API ADDS section. */
  readonly additions?: readonly string[];
}

/** Top-level keys in the order the AWS CLI prints them: header members, then body members. */
export function outputOrder(output: OutputSpec): string[] {
  const names = output.members.map((member) => member.member);
  if (output.headers === 'all') return names;
  const headers = new Set(output.headers);
  return [...names.filter((name) => headers.has(name)), ...names.filter((name) => !headers.has(name))];
}
