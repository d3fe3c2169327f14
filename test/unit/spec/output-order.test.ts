import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../../src/operations/index.js';
import { NESTED_OUTPUT_ORDER } from '../../../src/spec/output-shapes.js';
import { outputOrder } from '../../../src/spec/types.js';
import { GOLDEN_DIR } from '../../support/golden.js';

const recorded = readFileSync(resolve(GOLDEN_DIR, 'output_key_order_head.txt'), 'utf8');

function names(list: string): string[] {
  return list.split(',').map((name) => name.trim()).filter(Boolean);
}

describe('response key order against the recorded AWS CLI (output_key_order_head.txt)', () => {
  it.each(OPERATIONS.map((operation) => [operation.sdk, operation] as const))('%s', (sdk, operation) => {
    const line = new RegExp(`^${sdk}: headers-first: (.*) \\| then body: (.*?)(?: \\| payload member: .*)?$`, 'm').exec(recorded);
    expect(line).not.toBeNull();
    expect(outputOrder(operation.output)).toEqual([...names(line![1]), ...names(line![2])]);
  });

  it.each([
    ['CopyPartResult', 'CopyPartResult'],
    ['Part', 'Parts'],
    ['Initiator', 'Initiator'],
    ['Owner', 'Owner'],
    ['MultipartUpload', 'Uploads'],
    ['CommonPrefix', 'CommonPrefixes'],
  ])('nested %s (under %s)', (shape, member) => {
    const line = new RegExp(`^ {2}nested ${shape}: (.*)$`, 'm').exec(recorded);
    expect(NESTED_OUTPUT_ORDER[member]).toEqual(names(line![1]));
  });
});
