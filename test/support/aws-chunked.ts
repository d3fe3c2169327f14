/**
 * Reading back what an aws-chunked body puts on the wire, written from the format (botocore's
 * AwsChunkedWrapper: `<hex>\r\n<bytes>\r\n` chunks, then `0\r\n<name>:<value>\r\n\r\n`), not
 * from the product's encoder, so a test of the encoder does not check it against itself.
 */
import { Writable } from 'node:stream';
import { FileRangeSender } from '../../src/s3/body.js';

export interface DecodedAwsChunked {
  readonly data: Buffer;
  readonly chunkLengths: readonly number[];
  readonly trailer: { readonly name: string; readonly value: string };
}

export function decodeAwsChunked(encoded: Buffer): DecodedAwsChunked {
  const parts: Buffer[] = [];
  const chunkLengths: number[] = [];
  let offset = 0;
  const line = (): string => {
    const end = encoded.indexOf('\r\n', offset, 'latin1');
    if (end < 0) throw new Error(`aws-chunked body: no CRLF after byte ${offset}`);
    const text = encoded.toString('latin1', offset, end);
    offset = end + 2;
    return text;
  };
  for (;;) {
    const sizeText = line();
    if (!/^[0-9a-f]+$/.test(sizeText)) throw new Error(`aws-chunked body: bad chunk size ${JSON.stringify(sizeText)}`);
    const size = parseInt(sizeText, 16);
    if (size === 0) break;
    chunkLengths.push(size);
    parts.push(encoded.subarray(offset, offset + size));
    offset += size;
    if (encoded.toString('latin1', offset, offset + 2) !== '\r\n') throw new Error(`aws-chunked body: chunk not ended by CRLF at ${offset}`);
    offset += 2;
  }
  const trailerLine = line();
  const colon = trailerLine.indexOf(':');
  if (line() !== '' || offset !== encoded.length) throw new Error('aws-chunked body: more after the trailer');
  return { data: Buffer.concat(parts), chunkLengths, trailer: { name: trailerLine.slice(0, colon), value: trailerLine.slice(colon + 1) } };
}

/** Every byte one attempt of a body sends: a Buffer as is, a file sender run to its end. */
export async function collectSent(body: FileRangeSender | Buffer): Promise<Buffer> {
  if (Buffer.isBuffer(body)) return body;
  const chunks: Buffer[] = [];
  await new Promise<void>((resolve, reject) => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(Buffer.from(chunk));
        callback();
      },
    });
    sink.on('finish', resolve);
    sink.on('error', reject);
    body.pipe(sink);
  });
  return Buffer.concat(chunks);
}
