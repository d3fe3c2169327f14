/**
 * S3's multipart limits, checked before sending. The AWS CLI leaves them to S3; the reports use
 * the layout of botocore's parameter validation (`Parameter validation failed:` and one line per
 * problem, exit 252), values shown as Python's str() shows them.
 */
import { describe, expect, it } from 'vitest';
import { CliError } from '../../../src/errors/errors.js';
import { checkCompletedPartList, checkContentLength, checkCopySourceRange, checkPartNumber } from '../../../src/input/limits.js';
import type { SdkInput } from '../../../src/input/build-input.js';
import { FileBody } from '../../../src/s3/body.js';

/** The lines a check reports, or [] when it lets the input through. */
function problems(check: (input: SdkInput) => void, input: SdkInput): string[] {
  try {
    check(input);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    expect(error.exitCode).toBe(252);
    expect(error.category).toBe('ParamValidation');
    const [heading, ...lines] = error.message.split('\n');
    expect(heading).toBe('Parameter validation failed:');
    return lines;
  }
  return [];
}

const RANGE = 'valid range: 1-10000';

describe('checkPartNumber', () => {
  it.each<[unknown, string[]]>([
    [1, []],
    [10_000, []],
    [5000, []],
    // Python's True is the int 1: botocore's validation lets it through.
    [true, []],
    [0, [`Invalid value for parameter PartNumber, value: 0, ${RANGE}`]],
    [10_001, [`Invalid value for parameter PartNumber, value: 10001, ${RANGE}`]],
    [-1, [`Invalid value for parameter PartNumber, value: -1, ${RANGE}`]],
    [false, [`Invalid value for parameter PartNumber, value: False, ${RANGE}`]],
  ])('PartNumber %j', (partNumber, expected) => {
    expect(problems(checkPartNumber, { PartNumber: partNumber })).toEqual(expected);
  });
});

describe('checkCopySourceRange', () => {
  const refused = (range: string) => [
    `Invalid value for parameter CopySourceRange, value: ${range}, valid form: bytes=first-last (zero-based, inclusive, first <= last)`,
  ];

  it.each<[unknown, string[]]>([
    [undefined, []],
    ['bytes=0-0', []],
    ['bytes=0-1023', []],
    ['bytes=7-7', []],
    // Offsets past 2^53 are compared exactly, digit for digit.
    ['bytes=9007199254740993-9007199254740993', []],
    ['bytes=9007199254740992-9007199254740993', []],
    ['bytes=9007199254740993-9007199254740992', refused('bytes=9007199254740993-9007199254740992')],
    ['bytes=5-1', refused('bytes=5-1')],
    ['bytes=10-9', refused('bytes=10-9')],
    // Compared as numbers, not text: '9' sorts after '10'.
    ['bytes=9-10', []],
    ['0-1023', refused('0-1023')],
    ['bytes=0-', refused('bytes=0-')],
    ['bytes=-100', refused('bytes=-100')],
    ['bytes=0-1,5-6', refused('bytes=0-1,5-6')],
    ['Bytes=0-1', refused('Bytes=0-1')],
    ['bytes=0-1 ', refused('bytes=0-1 ')],
    [' bytes=0-1', refused(' bytes=0-1')],
    ['', refused('')],
  ])('CopySourceRange %j', (range, expected) => {
    expect(problems(checkCopySourceRange, { CopySourceRange: range })).toEqual(expected);
  });
});

describe('checkCompletedPartList', () => {
  const path = (index: number) => `Invalid value for parameter MultipartUpload.Parts[${index}].PartNumber`;
  const parts = (...numbers: unknown[]) => ({ MultipartUpload: { Parts: numbers.map((PartNumber) => ({ ETag: 'e', PartNumber })) } });

  it.each<[string, SdkInput, string[]]>([
    ['no MultipartUpload at all (S3 answers MalformedXML itself)', {}, []],
    ['no Parts', { MultipartUpload: {} }, ['Missing required parameter in MultipartUpload: "Parts"']],
    ['an empty list', { MultipartUpload: { Parts: [] } }, ['Invalid length for parameter MultipartUpload.Parts, value: 0, valid min length: 1']],
    ['one part', parts(1), []],
    ['ascending with gaps', parts(1, 2, 5, 10_000), []],
    ['parts without numbers are left to S3', { MultipartUpload: { Parts: [{ ETag: 'a' }, { ETag: 'b', PartNumber: 2 }, { ETag: 'c' }] } }, []],
    ['a part without a number does not reset the order', { MultipartUpload: { Parts: [{ PartNumber: 3 }, { ETag: 'b' }, { PartNumber: 2 }] } }, [
      `${path(2)}, value: 2, it follows part 3: list the parts in ascending order of part number`,
    ]],
    ['descending', parts(2, 1), [`${path(1)}, value: 1, it follows part 2: list the parts in ascending order of part number`]],
    ['listed twice, in a row', parts(1, 1), [`${path(1)}, value: 1, part 1 is listed twice: list each part once`]],
    ['listed twice, apart', parts(1, 2, 1), [`${path(2)}, value: 1, part 1 is listed twice: list each part once`]],
    ['True is part 1', parts(true, 2), []],
    ['True after part 1 is part 1 again', parts(1, true), [`${path(1)}, value: True, part 1 is listed twice: list each part once`]],
    [
      'every problem at once, in list order',
      parts(0, 3, 2, 10_001, 3),
      [
        `${path(0)}, value: 0, valid range: 1-10000`,
        `${path(2)}, value: 2, it follows part 3: list the parts in ascending order of part number`,
        `${path(3)}, value: 10001, valid range: 1-10000`,
        `${path(4)}, value: 3, part 3 is listed twice: list each part once`,
      ],
    ],
    // An out-of-range number still counts as the previous one for the order check that follows.
    ['after an out-of-range number', parts(10_001, 5), [`${path(0)}, value: 10001, valid range: 1-10000`, `${path(1)}, value: 5, it follows part 10001: list the parts in ascending order of part number`]],
  ])('%s', (_title, input, expected) => {
    expect(problems(checkCompletedPartList, input)).toEqual(expected);
  });
});

describe('checkContentLength', () => {
  const refused = (given: string, actual: number) => [
    `Invalid value for parameter ContentLength, value: ${given}, valid value: ${actual} (the size of the body; leave ContentLength out to send the whole body)`,
  ];

  it.each<[string, SdkInput, string[]]>([
    ['no ContentLength', { Body: new Uint8Array(3) }, []],
    ['the size of a byte body', { Body: new Uint8Array(3), ContentLength: 3 }, []],
    ['the size of a file slice', { Body: new FileBody('/no/such/file', 100, 10), ContentLength: 10 }, []],
    ['no body is zero bytes', { ContentLength: 0 }, []],
    ['no body, ContentLength 5', { ContentLength: 5 }, refused('5', 0)],
    ['more than the bytes', { Body: new Uint8Array(3), ContentLength: 4 }, refused('4', 3)],
    ['fewer than the bytes', { Body: new Uint8Array(3), ContentLength: 2 }, refused('2', 3)],
    ['fewer than the file slice', { Body: new FileBody('/no/such/file', 0, 10), ContentLength: 5 }, refused('5', 10)],
    // Python's True is the int 1.
    ['True for a one-byte body', { Body: new Uint8Array(1), ContentLength: true }, []],
    ['True for a two-byte body', { Body: new Uint8Array(2), ContentLength: true }, refused('True', 2)],
    ['a body of unknown length (a stream) is not checked', { Body: { read: () => null }, ContentLength: 5 }, []],
  ])('%s', (_title, input, expected) => {
    expect(problems(checkContentLength, input)).toEqual(expected);
  });
});
