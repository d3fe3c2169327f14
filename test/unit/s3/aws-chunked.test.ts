import { describe, expect, it } from 'vitest';
import { AWS_CHUNK_BYTES, awsChunkHeader, awsChunkedEnd, awsChunkedHeaders, encodeAwsChunked, trailerHeaderName } from '../../../src/s3/aws-chunked.js';

describe('aws-chunked framing, as botocore AwsChunkedWrapper writes it', () => {
  it.each([
    [1, '1\r\n'],
    [1000, '3e8\r\n'],
    [AWS_CHUNK_BYTES, '100000\r\n'],
    [AWS_CHUNK_BYTES - 1, 'fffff\r\n'],
  ])('a chunk of %i bytes starts with %j', (length, header) => {
    expect(awsChunkHeader(length)).toBe(header);
  });

  it.each([
    ['CRC64NVME', 'x-amz-checksum-crc64nvme'],
    ['crc32', 'x-amz-checksum-crc32'],
    ['Sha256', 'x-amz-checksum-sha256'],
  ])('the trailer of %s is named %s', (algorithm, name) => {
    expect(trailerHeaderName(algorithm)).toBe(name);
  });

  it('ends with the empty chunk and the trailer', () => {
    expect(awsChunkedEnd('CRC32', 'NhCmhg==')).toBe('0\r\nx-amz-checksum-crc32:NhCmhg==\r\n\r\n');
  });

  it.each([
    ['no bytes', Buffer.alloc(0), '0\r\nx-amz-checksum-crc64nvme:AAAAAAAAAAA=\r\n\r\n'],
    ['three bytes', Buffer.from('abc'), '3\r\nabc\r\n0\r\nx-amz-checksum-crc64nvme:AAAAAAAAAAA=\r\n\r\n'],
  ])('encodes %s in memory', (_name, bytes, encoded) => {
    expect(encodeAwsChunked(bytes, 'CRC64NVME', 'AAAAAAAAAAA=').toString('latin1')).toBe(encoded);
  });

  it('cuts bytes in memory into 1 MiB chunks, the last one shorter', () => {
    const bytes = Buffer.alloc(AWS_CHUNK_BYTES * 2 + 5, 0x61);
    const encoded = encodeAwsChunked(bytes, 'SHA1', 'x').toString('latin1');
    const chunk = 'a'.repeat(AWS_CHUNK_BYTES);
    expect(encoded).toBe(`100000\r\n${chunk}\r\n100000\r\n${chunk}\r\n5\r\naaaaa\r\n0\r\nx-amz-checksum-sha1:x\r\n\r\n`);
  });

  it('announces the encoding with the headers botocore sets, decoded length included', () => {
    expect(awsChunkedHeaders('crc32', 2621447)).toEqual({
      'transfer-encoding': 'chunked',
      'content-encoding': 'aws-chunked',
      'x-amz-trailer': 'x-amz-checksum-crc32',
      'x-amz-decoded-content-length': '2621447',
      'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
    });
  });
});
