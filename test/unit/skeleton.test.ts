/**
 * --generate-cli-skeleton replayed from the AWS CLI's recordings: the JSON input templates byte
 * for byte, the YAML templates line by line with our own comment texts, and the sample
 * responses of `output`.
 */
import { CORE_SCHEMA, binaryTag, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { inputSkeleton, outputSkeleton } from '../../src/input/skeleton.js';
import { OPERATIONS, findOperation } from '../../src/operations/index.js';
import { formatJson } from '../../src/output/json.js';
import { formatTable } from '../../src/output/table.js';
import { isOutputObject, type OutputValue } from '../../src/python/value.js';
import { modelParams, type MemberShape, type OperationSpec } from '../../src/spec/types.js';
import { runInProcess } from '../support/cli.js';
import { readGolden, v29UsageErrorAsHead } from '../support/golden.js';

const COMMANDS = OPERATIONS.map((operation) => operation.name);

function goldenName(command: string, kind: string): string {
  return `head_skel_${command.replaceAll('-', '_')}_${kind}`;
}

function operation(name: string): OperationSpec {
  const found = findOperation(name);
  if (!found) throw new Error(`no operation ${name}`);
  return found;
}

describe('--generate-cli-skeleton input', () => {
  it.each(COMMANDS)('%s: the JSON template the AWS CLI prints', async (command) => {
    const golden = readGolden(goldenName(command, 'input'));
    const result = await runInProcess([command, '--generate-cli-skeleton'], { fakeResponses: {} });
    expect(result.stdout).toBe(golden.stdout);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(golden.exitCode);
    expect(result.calls).toEqual([]);
  });

  it('ignores every other argument: required options are waived, nothing is converted', async () => {
    const result = await runInProcess(['upload-part', '--part-number', 'abc', '--body', 'missing.bin', '--generate-cli-skeleton', 'input'], {
      fakeResponses: {},
    });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(readGolden('head_skel_upload_part_input').stdout);
  });
});

/** A skeleton line split into its YAML part and its comment (absent on map entries). */
function splitComment(line: string): { yaml: string; comment?: string } {
  const match = /^(.*?)(?: {1,2})# (.*)$/.exec(line);
  if (!match) return { yaml: line };
  return { yaml: line.slice(0, line.length - match[2].length - 2), comment: match[2] };
}

/** Every member in the order the template lists it, depth first (list elements skipped). */
function membersInTemplateOrder(members: readonly MemberShape[]): MemberShape[] {
  return members.flatMap((member) => {
    if (member.type === 'structure') return [member, ...membersInTemplateOrder(member.members ?? [])];
    if (member.type === 'list') return [member, ...membersInTemplateOrder(member.members?.[0]?.members ?? [])];
    return [member];
  });
}

describe('--generate-cli-skeleton yaml-input', () => {
  it.each(COMMANDS)('%s: the AWS CLI layout, with our help lines as comments', async (command) => {
    const golden = readGolden(goldenName(command, 'yaml_input'));
    const result = await runInProcess([command, '--generate-cli-skeleton', 'yaml-input'], { fakeResponses: {} });
    expect(result.exitCode).toBe(0);
    expect(result.calls).toEqual([]);

    const ours = result.stdout.split('\n');
    const recorded = golden.stdout.split('\n');
    expect(ours.map((line) => splitComment(line).yaml)).toEqual(recorded.map((line) => splitComment(line).yaml));

    const commented = membersInTemplateOrder(modelParams(operation(command)));
    const comments = ours.map((line) => splitComment(line).comment).filter((comment) => comment !== undefined);
    expect(comments).toHaveLength(commented.length);
    comments.forEach((comment, index) => {
      const member = commented[index];
      const recordedComment = recorded.map((line) => splitComment(line).comment).filter((text) => text !== undefined)[index];
      expect(comment.startsWith('[REQUIRED] ')).toBe(recordedComment!.startsWith('[REQUIRED] '));
      expect(comment).toContain(member.help!);
      expect(comment).not.toBe(recordedComment);
      const validValues = / Valid values are: .*\.$/.exec(recordedComment!);
      if (validValues) expect(comment.endsWith(validValues[0])).toBe(true);
    });
  });

  it('parses to the same values as the JSON template, !!binary as empty bytes', () => {
    for (const spec of OPERATIONS) {
      const fromYaml = load(inputSkeleton(spec, 'yaml-input'), { schema: CORE_SCHEMA.withTags(binaryTag) }) as Record<string, unknown>;
      const fromJson = JSON.parse(inputSkeleton(spec, 'input')) as Record<string, unknown>;
      expect(Object.keys(fromYaml)).toEqual(Object.keys(fromJson));
      // The JSON template's blob is null, YAML's !!binary '' empty bytes; a timestamp is
      // 1970-01-01T00:00:00 in JSON and 1970-01-01 00:00:00 in YAML, as the AWS CLI prints them.
      // Every other value is the same.
      const expected = Object.fromEntries(
        Object.entries(fromJson).map(([member, value]) => [
          member,
          value === null && spec.name === 'upload-part' && member === 'Body' ? new Uint8Array(0) : value === '1970-01-01T00:00:00' ? '1970-01-01 00:00:00' : value,
        ]),
      );
      expect(fromYaml).toEqual(expected);
    }
  });

  it('puts two spaces before the first comment of each mapping and one before the others', () => {
    const lines = inputSkeleton(operation('complete-multipart-upload'), 'yaml-input').split('\n');
    expect(lines[0]).toMatch(/^Bucket: ''  # \[REQUIRED\] /);
    expect(lines[1]).toMatch(/^Key: '' # \[REQUIRED\] /);
    expect(lines[3]).toMatch(/^ {2}Parts: {2}# /);
    expect(lines[4]).toMatch(/^ {2}- ETag: '' {2}# /);
    expect(lines[5]).toMatch(/^ {4}ChecksumCRC32: '' # /);
  });
});

/** The members AWS CLI 2.9's model did not have yet, left out to compare with its recordings. */
const ADDED_AFTER_2_9 = new Set([
  'ChecksumCRC64NVME',
  'ChecksumSHA512',
  'ChecksumMD5',
  'ChecksumXXHASH64',
  'ChecksumXXHASH3',
  'ChecksumXXHASH128',
  'ChecksumType',
]);

function asOf2_9(value: OutputValue): OutputValue {
  if (Array.isArray(value)) return value.map(asOf2_9);
  if (!isOutputObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !ADDED_AFTER_2_9.has(key))
      .map(([key, item]) => [key, asOf2_9(item)]),
  );
}

const REQUIRED_ARGS: Record<string, string[]> = {
  'upload-part': ['--bucket', 'b', '--key', 'k', '--part-number', '1', '--upload-id', 'u'],
  'upload-part-copy': ['--bucket', 'b', '--key', 'k', '--part-number', '1', '--upload-id', 'u', '--copy-source', 'b/s'],
  'list-parts': ['--bucket', 'b', '--key', 'k', '--upload-id', 'u'],
};

describe('--generate-cli-skeleton output', () => {
  it.each([
    ['head_skel_upload_part_output', 'upload-part'],
    ['head_skel_upload_part_copy_output', 'upload-part-copy'],
  ])('%s: the sample response, sending nothing', async (name, command) => {
    const golden = readGolden(name);
    const result = await runInProcess([command, ...REQUIRED_ARGS[command], '--generate-cli-skeleton', 'output'], { fakeResponses: {} });
    expect(result.stdout).toBe(golden.stdout);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(golden.exitCode);
    expect(result.calls).toEqual([]);
  });

  it.each([
    ['skel_upload_part_output', 'upload-part'],
    ['skel_upload_part_copy_output', 'upload-part-copy'],
    ['skel_list_parts_output', 'list-parts'],
  ])('%s: AWS CLI 2.9 printed the same sample for its smaller model', (name, command) => {
    expect(formatJson(asOf2_9(outputSkeleton(operation(command), 'json')))).toBe(readGolden(name).stdout);
  });

  it('list-parts: model order and no pagination reshaping, also in process', async () => {
    const result = await runInProcess(['list-parts', ...REQUIRED_ARGS['list-parts'], '--generate-cli-skeleton', 'output'], {
      fakeResponses: {},
    });
    expect(result.calls).toEqual([]);
    expect(formatJson(asOf2_9(JSON.parse(result.stdout) as OutputValue))).toBe(readGolden('skel_list_parts_output').stdout);
  });

  it('skel_upload_part_copy_output_table: the timestamp printed with str(datetime)', () => {
    const sample = asOf2_9(outputSkeleton(operation('upload-part-copy'), 'table'));
    expect(formatTable(sample, { title: 'UploadPartCopy', color: false, width: 80 })).toBe(
      readGolden('skel_upload_part_copy_output_table').stdout,
    );
  });

  it.each([
    ['json', '"LastModified": "1970-01-01T00:00:00"'],
    ['yaml', "LastModified: '1970-01-01T00:00:00'"],
    ['text', '\t1970-01-01 00:00:00\n'],
    ['table', '|  1970-01-01 00:00:00 '],
  ])('--output %s: isoformat() in json and yaml, str() in text and table', async (format, expected) => {
    const result = await runInProcess(
      ['--output', format, 'upload-part-copy', ...REQUIRED_ARGS['upload-part-copy'], '--generate-cli-skeleton', 'output'],
      { fakeResponses: {} },
    );
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(expected);
  });

  it('applies --query to the sample', async () => {
    const result = await runInProcess(
      ['upload-part-copy', ...REQUIRED_ARGS['upload-part-copy'], '--generate-cli-skeleton', 'output', '--query', 'CopyPartResult.LastModified'],
      { fakeResponses: {} },
    );
    expect(result.stdout).toBe('"1970-01-01T00:00:00"\n');
  });

  it('skel_upload_part_output_missing: required options are still demanded', async () => {
    const golden = readGolden('skel_upload_part_output_missing');
    const result = await runInProcess(['upload-part', '--generate-cli-skeleton', 'output'], { fakeResponses: {} });
    expect(result.stderr).toBe(v29UsageErrorAsHead(golden.stderr));
    expect(result.exitCode).toBe(golden.exitCode);
    expect(result.stdout).toBe('');
  });
});
