/**
 * The upload-part body as a description of bytes on disk rather than a stream, so every
 * attempt of a retried request can open the same file range again and send identical bytes.
 */
import { createReadStream, type ReadStream } from 'node:fs';

export class FileBody {
  constructor(
    readonly path: string,
    readonly start: number,
    readonly length: number,
  ) {}

  open(): ReadStream | Buffer {
    // createReadStream cannot express an empty range (end < start), so an empty part is a Buffer.
    if (this.length === 0) return Buffer.alloc(0);
    return createReadStream(this.path, { start: this.start, end: this.start + this.length - 1 });
  }
}
