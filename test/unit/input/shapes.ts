/** complete-multipart-upload's MultipartUpload shape (v2-head model) and its 2.9 predecessor. */
import type { MemberShape } from '../../../src/spec/types.js';

const CHECKSUMS = ['CRC32', 'CRC32C', 'CRC64NVME', 'SHA1', 'SHA256', 'SHA512', 'MD5', 'XXHASH64', 'XXHASH3', 'XXHASH128'];
const CHECKSUMS_2_9 = ['CRC32', 'CRC32C', 'SHA1', 'SHA256'];

function multipartUpload(checksums: readonly string[]): MemberShape {
  return {
    member: 'MultipartUpload',
    type: 'structure',
    members: [
      {
        member: 'Parts',
        type: 'list',
        members: [
          {
            member: 'Part',
            type: 'structure',
            members: [
              { member: 'ETag', type: 'string' },
              ...checksums.map((name) => ({ member: `Checksum${name}`, type: 'string' as const })),
              { member: 'PartNumber', type: 'integer' },
            ],
          },
        ],
      },
    ],
  };
}

export const MULTIPART_UPLOAD = multipartUpload(CHECKSUMS);
export const MULTIPART_UPLOAD_2_9 = multipartUpload(CHECKSUMS_2_9);
export const METADATA: MemberShape = { member: 'Metadata', type: 'map' };
