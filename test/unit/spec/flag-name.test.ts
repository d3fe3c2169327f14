import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { operationOptionFlags } from '../../../src/cli/argv.js';
import { OPERATIONS } from '../../../src/operations/index.js';
import { commandToOperationName, memberToFlag, xformName } from '../../../src/spec/flag-name.js';
import { modelParams } from '../../../src/spec/types.js';
import { GOLDEN_DIR } from '../../support/golden.js';

/** `--checksum-crc32-c  <- ChecksumCRC32C (string)` lines of the recorded AWS CLI model, by command. */
function recordedParameters(): Map<string, { flag: string; member: string; type: string; required: boolean }[]> {
  const byCommand = new Map<string, { flag: string; member: string; type: string; required: boolean }[]>();
  let current: { flag: string; member: string; type: string; required: boolean }[] = [];
  for (const line of readFileSync(resolve(GOLDEN_DIR, 'param_names_head.txt'), 'utf8').split('\n')) {
    const command = /^(\S+) \(/.exec(line);
    if (command) {
      current = [];
      byCommand.set(command[1], current);
      continue;
    }
    const parameter = /^\s+(--\S+)(?: \| \S+)?\s+<- (\S+) \((\w+)\)( REQUIRED)?/.exec(line);
    if (parameter) current.push({ flag: parameter[1], member: parameter[2], type: parameter[3], required: Boolean(parameter[4]) });
  }
  return byCommand;
}

describe('xformName', () => {
  it.each([
    ['ChecksumCRC32C', 'checksum-crc32-c'],
    ['ChecksumCRC64NVME', 'checksum-crc64-nvme'],
    ['SSECustomerKeyMD5', 'sse-customer-key-md5'],
    ['SSEKMSKeyId', 'ssekms-key-id'],
    ['MpuObjectSize', 'mpu-object-size'],
    ['GrantReadACP', 'grant-read-acp'],
    ['ACL', 'acl'],
    ['GatewayARNs', 'gateway-arns'],
    ['IfMatchInitiatedTime', 'if-match-initiated-time'],
  ])('%s -> %s', (member, flag) => {
    expect(xformName(member)).toBe(flag);
  });

  it('uses the separator it is given', () => {
    expect(xformName('SSECustomerKeyMD5', '_')).toBe('sse_customer_key_md5');
  });
});

describe('operation tables against the recorded AWS CLI model', () => {
  const recorded = recordedParameters();

  it('covers exactly the recorded commands', () => {
    expect(OPERATIONS.map((operation) => operation.name).sort()).toEqual([...recorded.keys()].sort());
  });

  for (const operation of OPERATIONS) {
    it(`${operation.name}: same flags, members, types, required flags and order`, () => {
      const expected = recorded.get(operation.name)!;
      const actual = modelParams(operation).map((param) => ({
        flag: memberToFlag(param.member),
        member: param.member,
        type: param.type === 'body' ? 'blob' : param.type,
        required: Boolean(param.required),
      }));
      expect(actual).toEqual(expected);
      expect(commandToOperationName(operation.name)).toBe(operation.sdk);
    });
  }
});

describe("s3api's extension flags", () => {
  const extended = OPERATIONS.filter((operation) => operation.params.some((param) => param.extension));

  it('exist (complete-multipart-upload --parts-from-server, upload-part --byte-range and --split-size)', () => {
    expect(extended.map((operation) => operation.name)).toEqual(['complete-multipart-upload', 'upload-part']);
  });

  // argparse accepts any unique prefix of an option; a new flag that shared a prefix with an AWS
  // flag would make that abbreviation ambiguous in scripts that use it.
  for (const operation of extended) {
    it(`${operation.name}: leave every abbreviation of the AWS CLI's flags unambiguous`, () => {
      const extensionFlags = operation.params
        .filter((param) => param.extension)
        .flatMap((param) => [memberToFlag(param.member), `--no-${memberToFlag(param.member).slice(2)}`]);
      const awsFlags = operationOptionFlags(operation).filter((flag) => !extensionFlags.includes(flag));
      for (const flag of awsFlags) {
        for (let length = 3; length <= flag.length; length++) {
          const prefix = flag.slice(0, length);
          const awsMatches = awsFlags.filter((candidate) => candidate.startsWith(prefix));
          if (awsMatches.length !== 1) continue;
          expect(extensionFlags.filter((candidate) => candidate.startsWith(prefix)), `${prefix} must stay ${flag}`).toEqual([]);
        }
      }
    });
  }
});
