/** --generate-cli-skeleton output answers from a stub: nothing reaches S3, not even a step's read. */
import { expect, it } from 'vitest';
import { runInProcess } from '../support/cli.js';

it('complete-multipart-upload --parts-from-server --generate-cli-skeleton output sends nothing', async () => {
  const result = await runInProcess(
    ['complete-multipart-upload', '--bucket', 'bkt', '--key', 'k', '--upload-id', 'u', '--parts-from-server', '--generate-cli-skeleton', 'output'],
    { fakeResponses: {} },
  );
  expect(result.stderr).toBe('');
  expect(result.exitCode).toBe(0);
  expect(result.calls).toEqual([]);
  expect(JSON.parse(result.stdout)).toMatchObject({ Location: 'Location', Bucket: 'Bucket', Key: 'Key', ETag: 'ETag' });
});
