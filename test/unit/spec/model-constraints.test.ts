import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../../src/operations/index.js';
import { modelParams, type MemberShape } from '../../../src/spec/types.js';

/** Extracted from botocore's S3 model by scripts/extract-model-constraints.mjs. */
const MODEL: Record<string, Record<string, { min?: number; max?: number; pattern?: string }>> = JSON.parse(
  readFileSync(new URL('../../fixtures/model/s3-input-constraints.json', import.meta.url), 'utf8'),
);

/** The `min` each table declares, by the fixture's member paths (`A.B[].C`, `M.*`). */
function declaredMins(members: readonly MemberShape[], prefix: string, into: Record<string, number>): Record<string, number> {
  for (const member of members) {
    const path = prefix ? `${prefix}.${member.member}` : member.member;
    if (member.min !== undefined) into[path] = member.min;
    if (member.type === 'structure') declaredMins(member.members ?? [], path, into);
    const inner = member.members?.[0];
    if (member.type === 'list' && inner) declaredMins(inner.type === 'structure' ? (inner.members ?? []) : [], `${path}[]`, into);
    if (member.type === 'map' && inner) declaredMins(inner.type === 'structure' ? (inner.members ?? []) : [], `${path}.*`, into);
  }
  return into;
}

describe('model constraints in the operation tables', () => {
  it.each(OPERATIONS.map((operation) => [operation.sdk, operation] as const))('%s declares every min of the model, and only those', (sdk, operation) => {
    const modelMins = Object.fromEntries(
      Object.entries(MODEL[sdk]).flatMap(([path, constraints]) => (constraints.min === undefined ? [] : [[path, constraints.min]])),
    );
    expect(declaredMins(modelParams(operation), '', {})).toEqual(modelMins);
  });

  it('the model constrains nothing else that botocore checks: its max and pattern are never validated', () => {
    const unchecked = Object.entries(MODEL).flatMap(([sdk, members]) =>
      Object.entries(members).flatMap(([path, { max, pattern }]) => (max === undefined && pattern === undefined ? [] : [`${sdk}.${path}`])),
    );
    // If the model gains a max, this list changes and the review decides; botocore still ignores it.
    expect(unchecked).toEqual(['UploadPartCopy.CopySource']);
  });

  it('the fixture covers all seven operations and holds the key minimum', () => {
    expect(Object.keys(MODEL).sort()).toEqual(OPERATIONS.map((operation) => operation.sdk).sort());
    expect(MODEL.UploadPart.Key).toEqual({ min: 1 });
  });
});
