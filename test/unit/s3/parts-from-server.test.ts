/**
 * --parts-from-server's part list: every ListParts page, the CompletedPart members only, in
 * part-number order, with ListParts asked about the same upload as the completion.
 */
import { describe, expect, it } from 'vitest';
import { CliError } from '../../../src/errors/errors.js';
import type { S3Port } from '../../../src/s3/client.js';
import { completeWithServerParts } from '../../../src/pipeline/parts-from-server.js';

interface Call {
  readonly operation: string;
  readonly input: Record<string, unknown>;
}

/** A ListParts that serves `pages` one after the other, keyed by the marker each one follows. */
function pagedServer(pages: readonly Record<string, unknown>[]): { port: S3Port; calls: Call[] } {
  const calls: Call[] = [];
  const byMarker = new Map(pages.map((page, index) => [index === 0 ? undefined : String(pages[index - 1].NextPartNumberMarker), page]));
  const port: S3Port = {
    send: async (operation, input) => {
      calls.push({ operation, input: { ...input } });
      const marker = input.PartNumberMarker === undefined ? undefined : String(input.PartNumberMarker);
      const page = byMarker.get(marker);
      if (!page) throw new Error(`unexpected marker ${marker}`);
      return page;
    },
  };
  return { port, calls };
}

const LAST_MODIFIED = new Date('2026-11-22T01:20:53Z');

function part(number: number, extra: Record<string, unknown> = {}) {
  return { PartNumber: number, LastModified: LAST_MODIFIED, ETag: `"etag-${number}"`, Size: 5 * 1024 * 1024, ...extra };
}

describe('completeWithServerParts', () => {
  it('reads every page and completes with the parts in part-number order', async () => {
    const { port, calls } = pagedServer([
      { Parts: [part(1, { ChecksumCRC64NVME: 'AAAAAAAAAAA=' }), part(3)], IsTruncated: true, NextPartNumberMarker: '3' },
      { Parts: [part(2), part(7)], IsTruncated: true, NextPartNumberMarker: '7' },
      { Parts: [part(10000, { ChecksumSHA256: 'c2hhMjU2' })], IsTruncated: false, NextPartNumberMarker: '10000' },
    ]);
    const input: Record<string, unknown> = { Bucket: 'bkt', Key: 'k', UploadId: 'u', PartsFromServer: true };
    await completeWithServerParts(input, async () => port);

    expect(calls.map((call) => call.input.PartNumberMarker)).toEqual([undefined, 3, 7]);
    expect(input).toEqual({
      Bucket: 'bkt',
      Key: 'k',
      UploadId: 'u',
      MultipartUpload: {
        Parts: [
          { ETag: '"etag-1"', ChecksumCRC64NVME: 'AAAAAAAAAAA=', PartNumber: 1 },
          { ETag: '"etag-2"', PartNumber: 2 },
          { ETag: '"etag-3"', PartNumber: 3 },
          { ETag: '"etag-7"', PartNumber: 7 },
          { ETag: '"etag-10000"', ChecksumSHA256: 'c2hhMjU2', PartNumber: 10000 },
        ],
      },
    });
  });

  it('asks ListParts about the same upload, with the members the two operations share', async () => {
    const { port, calls } = pagedServer([{ Parts: [part(1)], IsTruncated: false }]);
    const shared = {
      Bucket: 'bkt',
      Key: 'k',
      UploadId: 'u',
      RequestPayer: 'requester',
      ExpectedBucketOwner: '111122223333',
      SSECustomerAlgorithm: 'AES256',
      SSECustomerKey: 'a2V5',
      SSECustomerKeyMD5: 'bWQ1',
    };
    const input = { ...shared, MpuObjectSize: 5, IfNoneMatch: '*', ChecksumType: 'COMPOSITE', PartsFromServer: true };
    await completeWithServerParts(input, async () => port);
    expect(calls).toEqual([{ operation: 'ListParts', input: shared }]);
  });

  it('opens no connection and removes the member when the flag is off or absent', async () => {
    const connect = async (): Promise<S3Port> => {
      throw new Error('no connection expected');
    };
    const off: Record<string, unknown> = { Bucket: 'bkt', PartsFromServer: false, MultipartUpload: { Parts: [] } };
    await completeWithServerParts(off, connect);
    expect(off).toEqual({ Bucket: 'bkt', MultipartUpload: { Parts: [] } });
    const absent: Record<string, unknown> = { Bucket: 'bkt' };
    await completeWithServerParts(absent, connect);
    expect(absent).toEqual({ Bucket: 'bkt' });
  });

  it('refuses an upload without parts (exit 255)', async () => {
    const { port } = pagedServer([{ IsTruncated: false }]);
    const failure = completeWithServerParts({ Bucket: 'bkt', Key: 'k', UploadId: 'u', PartsFromServer: true }, async () => port);
    await expect(failure).rejects.toThrow(CliError);
    await expect(failure).rejects.toMatchObject({
      exitCode: 255,
      message: '--parts-from-server: S3 lists no parts for this upload, so there is nothing to complete.',
    });
  });
});
