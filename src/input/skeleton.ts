/**
 * `--generate-cli-skeleton [input|yaml-input|output]`, derived from the operation table.
 * Pure: no file, network or SDK access, so generating a skeleton starts as fast as `--help`.
 */
import { formatJson } from '../output/json.js';
import type { OutputObject, OutputValue } from '../python/value.js';
import type { OutputFormat } from '../spec/globals.js';
import { modelParams, type MemberShape, type OperationSpec } from '../spec/types.js';
import { innerShape } from './validate-shape.js';

/** The key botocore's skeleton generator gives the one entry of a map. */
const MAP_KEY = 'KeyName';

/** datetime(1970, 1, 1): no time zone, so it prints without an offset. */
const EPOCH_DATE = '1970-01-01';
const EPOCH_TIME = '00:00:00';

/**
 * A sample value for every member of a shape: structures, lists (one element) and maps (one
 * entry) are walked the same way for both skeletons; `scalar` picks the leaf values.
 */
function sampleOf(shape: MemberShape, scalar: (shape: MemberShape) => OutputValue): OutputValue {
  switch (shape.type) {
    case 'structure':
      return sampleStructure(shape.members ?? [], scalar);
    case 'list':
      return [sampleOf(innerShape(shape), scalar)];
    case 'map':
      return { [MAP_KEY]: sampleOf(innerShape(shape), scalar) };
    default:
      return scalar(shape);
  }
}

function sampleStructure(members: readonly MemberShape[], scalar: (shape: MemberShape) => OutputValue): OutputObject {
  return Object.fromEntries(members.map((member) => [member.member, sampleOf(member, scalar)]));
}

/** The value a scalar member takes in the input skeleton. */
function inputScalar(shape: MemberShape): OutputValue {
  switch (shape.type) {
    case 'integer':
    case 'long':
      return 0;
    case 'boolean':
      return true;
    case 'timestamp':
      return `${EPOCH_DATE}T${EPOCH_TIME}`;
    case 'blob':
    case 'body':
      return null;
    default:
      // Enums show their first value, which is valid as it stands.
      return shape.choices?.[0] ?? '';
  }
}

function inputStructure(members: readonly MemberShape[]): OutputObject {
  return sampleStructure(members, inputScalar);
}

/** `--generate-cli-skeleton input` or `yaml-input`: the text to print. */
export function inputSkeleton(operation: OperationSpec, kind: 'input' | 'yaml-input'): string {
  return kind === 'input' ? inputSkeletonJson(operation) : inputSkeletonYaml(operation);
}

/** `json.dump(skeleton, indent=4)` and a newline. */
function inputSkeletonJson(operation: OperationSpec): string {
  return formatJson(inputStructure(modelParams(operation)));
}

/**
 * The same skeleton as YAML in model order, each member commented with its help line (the AWS
 * CLI prints the model documentation there instead).
 */
function inputSkeletonYaml(operation: OperationSpec): string {
  return yamlMapping(modelParams(operation), '', '').join('\n') + '\n';
}

/**
 * The lines of a mapping whose first line starts with `firstPrefix` (a list item's `- `) and
 * the others with `indent`. ruamel.yaml writes the comment of a mapping's first key two spaces
 * after the value and every other comment one space after it; the AWS CLI's yaml-input
 * skeletons show that quirk, so it is kept.
 */
function yamlMapping(members: readonly MemberShape[], firstPrefix: string, indent: string): string[] {
  return members.flatMap((member, index) => {
    const prefix = index === 0 ? firstPrefix : indent;
    const comment = `${index === 0 ? '  ' : ' '}# ${yamlComment(member)}`;
    const nested = `${indent}  `;
    switch (member.type) {
      case 'structure':
        return [`${prefix}${member.member}:${comment}`, ...yamlMapping(member.members ?? [], nested, nested)];
      case 'list':
        return [`${prefix}${member.member}:${comment}`, ...yamlListItem(innerShape(member), indent)];
      case 'map':
        return [`${prefix}${member.member}:${comment}`, `${nested}${MAP_KEY}: ${yamlScalar(innerShape(member))}`];
      default:
        return [`${prefix}${member.member}: ${yamlScalar(member)}${comment}`];
    }
  });
}

/** ruamel.yaml writes a block sequence at its key's indentation (`Parts:` / `- ETag: ''`). */
function yamlListItem(element: MemberShape, indent: string): string[] {
  if (element.type === 'structure') return yamlMapping(element.members ?? [], `${indent}- `, `${indent}  `);
  return [`${indent}- ${yamlScalar(element)}`];
}

function yamlComment(member: MemberShape): string {
  const required = member.required ? '[REQUIRED] ' : '';
  const choices = member.choices ? ` Valid values are: ${member.choices.join(', ')}.` : '';
  return `${required}${member.help ?? ''}${choices}`;
}

/** YAML 1.2 words a plain scalar would be read as instead of a string. */
const NON_STRING_WORDS = /^(?:true|false|null|~)$/i;
const PLAIN_SAFE = /^[A-Za-z][\w-]*$/;

function yamlScalar(shape: MemberShape): string {
  switch (shape.type) {
    case 'integer':
    case 'long':
      return '0';
    case 'boolean':
      return 'true';
    // A datetime, which ruamel.yaml writes unquoted with a space.
    case 'timestamp':
      return `${EPOCH_DATE} ${EPOCH_TIME}`;
    case 'blob':
    case 'body':
      return "!!binary ''";
    default: {
      const text = shape.choices?.[0] ?? '';
      return PLAIN_SAFE.test(text) && !NON_STRING_WORDS.test(text) ? text : `'${text.replaceAll("'", "''")}'`;
    }
  }
}

/**
 * The sample response of `--generate-cli-skeleton output`: member names as string values, 0,
 * true and the epoch, keys in model order. The timestamp is a datetime the formatters never
 * parse: json and yaml print its isoformat(), text and table its str().
 */
export function outputSkeleton(operation: OperationSpec, format: OutputFormat): OutputObject {
  const timestamp = format === 'text' || format === 'table' ? `${EPOCH_DATE} ${EPOCH_TIME}` : `${EPOCH_DATE}T${EPOCH_TIME}`;
  const outputScalar = (shape: MemberShape): OutputValue => {
    switch (shape.type) {
      case 'integer':
      case 'long':
        return 0;
      case 'boolean':
        return true;
      case 'timestamp':
        return timestamp;
      default:
        return shape.member;
    }
  };
  return sampleStructure(operation.output.members, outputScalar);
}
