import { describe, expect, it } from 'vitest';
import { PyFloat } from '../../../src/python/value.js';
import { asOrderedDict } from '../../../src/python/repr.js';
import { parseStructuredParam, validateShape } from '../../../src/input/shorthand.js';
import { validationError } from '../../../src/errors/errors.js';
import type { MemberShape } from '../../../src/spec/types.js';
import { readGolden } from '../../support/golden.js';
import { goldenMessage } from './support.js';
import { METADATA, MULTIPART_UPLOAD, MULTIPART_UPLOAD_2_9, multipartUploadWithPartMembers } from './shapes.js';

/** Parts with only ETag and PartNumber: the model the expected reports below were recorded with. */
const SMALL_UPLOAD = multipartUploadWithPartMembers(['ETag', 'PartNumber']);

const INPUT: MemberShape = {
  member: 'Input',
  type: 'structure',
  members: [
    { member: 'Bucket', type: 'string', required: true },
    { member: 'Key', type: 'string', required: true },
    SMALL_UPLOAD,
    METADATA,
    { member: 'When', type: 'timestamp' },
    { member: 'On', type: 'boolean' },
    { member: 'Body', type: 'blob' },
  ],
};

/** The lines botocore reports for `value` (the whole input when the path is ''). */
function report(path: string, value: unknown, shape: MemberShape): string {
  return validationError(validateShape(path, value, shape)).message;
}

// Expected reports recorded from botocore's ParamValidator with the same model.
describe('validateShape', () => {
  it('reports required, then unknown, then each known member in input order', () => {
    const input = asOrderedDict({
      Bogus: 1,
      MultipartUpload: asOrderedDict({
        Parts: [asOrderedDict({ ETag: 1, PartNumber: '1', X: null }), 'p', asOrderedDict({ PartNumber: true })],
        Partz: 2,
      }),
      Metadata: asOrderedDict({ a: 1, b: ['x'] }),
      When: 'not-a-date',
      On: 'true',
      Body: 5,
    });
    expect(validateShape('', input, INPUT)).toEqual([
      'Missing required parameter in input: "Bucket"',
      'Missing required parameter in input: "Key"',
      'Unknown parameter in input: "Bogus", must be one of: Bucket, Key, MultipartUpload, Metadata, When, On, Body',
      'Unknown parameter in MultipartUpload: "Partz", must be one of: Parts',
      'Unknown parameter in MultipartUpload.Parts[0]: "X", must be one of: ETag, PartNumber',
      "Invalid type for parameter MultipartUpload.Parts[0].ETag, value: 1, type: <class 'int'>, valid types: <class 'str'>",
      "Invalid type for parameter MultipartUpload.Parts[0].PartNumber, value: 1, type: <class 'str'>, valid types: <class 'int'>",
      "Invalid type for parameter MultipartUpload.Parts[1], value: p, type: <class 'str'>, valid types: <class 'dict'>",
      "Invalid type for parameter Metadata.a, value: 1, type: <class 'int'>, valid types: <class 'str'>",
      "Invalid type for parameter Metadata.b, value: ['x'], type: <class 'list'>, valid types: <class 'str'>",
      "Invalid type for parameter When, value: not-a-date, type: <class 'str'>, valid types: <class 'datetime.datetime'>, timestamp-string",
      "Invalid type for parameter On, value: true, type: <class 'str'>, valid types: <class 'bool'>",
      "Invalid type for parameter Body, value: 5, type: <class 'int'>, valid types: <class 'bytes'>, <class 'bytearray'>, file-like object",
    ]);
  });

  it('accepts valid values, epoch and text timestamps, bytes and streams', () => {
    const input = {
      Bucket: 'b',
      Key: 'k',
      MultipartUpload: { Parts: [{ ETag: 'e', PartNumber: 1 }] },
      Metadata: { a: '1' },
      When: '2020-01-01',
      On: false,
      Body: { read: () => null },
    };
    expect(validateShape('', input, INPUT)).toEqual([]);
    expect(validateShape('', { ...input, When: 1577874030, Body: Buffer.from('x') }, INPUT)).toEqual([]);
    expect(validateShape('', { ...input, When: new Date(0), Body: 'text' }, INPUT)).toEqual([]);
  });

  it.each<[unknown, string]>([
    [
      { Bucket: 'b', Key: 'k', MultipartUpload: { Parts: null }, Metadata: 'x' },
      "Invalid type for parameter MultipartUpload.Parts, value: None, type: <class 'NoneType'>, valid types: <class 'list'>, <class 'tuple'>\n" +
        "Invalid type for parameter Metadata, value: x, type: <class 'str'>, valid types: <class 'dict'>",
    ],
    [
      { Bucket: 'b', Key: 'k', MultipartUpload: { Parts: { ETag: 'a' } } },
      "Invalid type for parameter MultipartUpload.Parts, value: {'ETag': 'a'}, type: <class 'dict'>, valid types: <class 'list'>, <class 'tuple'>",
    ],
    [
      { Bucket: 'b', Key: 'k', MultipartUpload: { Parts: [{ PartNumber: new PyFloat(1) }, { PartNumber: 2 }] } },
      "Invalid type for parameter MultipartUpload.Parts[0].PartNumber, value: 1.0, type: <class 'float'>, valid types: <class 'int'>",
    ],
  ])('%o', (input, lines) => {
    expect(report('', input, INPUT)).toBe(`Parameter validation failed:\n${lines}`);
  });

  it('lists the head model members for an unknown part member', () => {
    expect(validateShape('MultipartUpload', { Parts: [{ Bogus: 1 }] }, MULTIPART_UPLOAD)).toEqual([
      'Unknown parameter in MultipartUpload.Parts[0]: "Bogus", must be one of: ETag, ChecksumCRC32, ChecksumCRC32C, ' +
        'ChecksumCRC64NVME, ChecksumSHA1, ChecksumSHA256, ChecksumSHA512, ChecksumMD5, ChecksumXXHASH64, ChecksumXXHASH3, ' +
        'ChecksumXXHASH128, PartNumber',
    ]);
  });
});

describe('goldens', () => {
  it.each<[string, string, MemberShape]>([
    ['err_shorthand_bad_key', 'Partz=[{ETag=a,PartNumber=1}]', MULTIPART_UPLOAD],
    ['err_json_unknown_nested', '{"Parts": [{"ETag": "a", "PartNumber": 1, "Bogus": 1}]}', MULTIPART_UPLOAD_2_9],
    ['err_json_wrong_type', '{"Parts": {"ETag": "a"}}', MULTIPART_UPLOAD],
  ])('%s: %s', (name, text, shape) => {
    const value = parseStructuredParam('--multipart-upload', text, shape);
    const error = validationError(validateShape('MultipartUpload', value, shape));
    expect(error.message).toBe(goldenMessage(name));
    expect(error.exitCode).toBe(readGolden(name).exitCode);
  });
});

// botocore's range_check: only the model's min, on len() of strings and lists and on numbers.
describe('validateShape: model minimums', () => {
  it.each<[string, unknown, MemberShape, string[]]>([
    ['an empty string', '', { member: 'Key', type: 'string', min: 1 }, ['Invalid length for parameter Key, value: 0, valid min length: 1']],
    ['a string at the minimum', 'k', { member: 'Key', type: 'string', min: 1 }, []],
    ['code points, not UTF-16 units', '😀', { member: 'Key', type: 'string', min: 2 }, ['Invalid length for parameter Key, value: 1, valid min length: 2']],
    ['a short list', [], { member: 'Parts', type: 'list', min: 1, members: [{ member: 'p', type: 'string' }] }, ['Invalid length for parameter Parts, value: 0, valid min length: 1']],
    ['a small integer', 0, { member: 'MaxParts', type: 'integer', min: 1 }, ['Invalid value for parameter MaxParts, value: 0, valid min value: 1']],
    ['False counts as 0', false, { member: 'MaxParts', type: 'integer', min: 1 }, ['Invalid value for parameter MaxParts, value: False, valid min value: 1']],
    ['a wrong type is reported once, as a type', 5, { member: 'Key', type: 'string', min: 1 }, ["Invalid type for parameter Key, value: 5, type: <class 'int'>, valid types: <class 'str'>"]],
    ['no minimum, no check', '', { member: 'Key', type: 'string' }, []],
  ])('%s', (_title, value, shape, expected) => {
    expect(validateShape(shape.member, value, shape)).toEqual(expected);
  });
});
