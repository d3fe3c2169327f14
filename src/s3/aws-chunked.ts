/**
 * The aws-chunked content encoding, as botocore's AwsChunkedWrapper writes it when a checksum
 * travels as a trailer (upload-part over https): each chunk is `<hex length>\r\n<bytes>\r\n`,
 * and the body ends with an empty chunk followed by the trailer,
 * `0\r\nx-amz-checksum-<algorithm>:<base64>\r\n\r\n`. The HTTP layer sends the result with
 * `Transfer-Encoding: chunked`, as botocore does.
 */

/** botocore's AwsChunkedWrapper reads its body in chunks of this size. */
export const AWS_CHUNK_BYTES = 1024 * 1024;

/** The chunk header of `length` bytes of data: the length in lower-case hex, then CRLF. */
export function awsChunkHeader(length: number): string {
  return `${length.toString(16)}\r\n`;
}

/** Bytes a chunk header can take for a chunk of at most AWS_CHUNK_BYTES. */
export const AWS_CHUNK_HEADER_ROOM = awsChunkHeader(AWS_CHUNK_BYTES).length;

/** What follows each chunk's data. */
export const AWS_CHUNK_END = '\r\n';

/**
 * The trailer's header name: botocore lower-cases the algorithm as the user spelled it
 * (`--checksum-algorithm crc32` → `x-amz-checksum-crc32`).
 */
export function trailerHeaderName(algorithm: string): string {
  return `x-amz-checksum-${algorithm.toLowerCase()}`;
}

/** The end of an aws-chunked body: the empty chunk, then the checksum trailer. */
export function awsChunkedEnd(algorithm: string, checksumBase64: string): string {
  return `0\r\n${trailerHeaderName(algorithm)}:${checksumBase64}\r\n\r\n`;
}

/** A whole aws-chunked body for bytes held in memory (a body from --cli-input-*, or none). */
export function encodeAwsChunked(bytes: Uint8Array, algorithm: string, checksumBase64: string): Buffer {
  const parts: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += AWS_CHUNK_BYTES) {
    const chunk = bytes.subarray(offset, Math.min(offset + AWS_CHUNK_BYTES, bytes.length));
    parts.push(Buffer.from(awsChunkHeader(chunk.length)), Buffer.from(chunk), Buffer.from(AWS_CHUNK_END));
  }
  parts.push(Buffer.from(awsChunkedEnd(algorithm, checksumBase64)));
  return Buffer.concat(parts);
}

/**
 * The request headers botocore's _apply_request_trailer_checksum sets, for a body of
 * `decodedLength` bytes; it also removes Content-Length.
 */
export function awsChunkedHeaders(algorithm: string, decodedLength: number): Record<string, string> {
  return {
    'transfer-encoding': 'chunked',
    'content-encoding': 'aws-chunked',
    'x-amz-trailer': trailerHeaderName(algorithm),
    'x-amz-decoded-content-length': String(decodedLength),
    'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
  };
}
