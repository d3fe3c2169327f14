/** Output through the pager when stdout is a terminal, as the AWS CLI does it. */
import { describe, expect, it } from 'vitest';
import { TEST_CREDENTIALS, runInProcess } from '../support/cli.js';

const uploadPart = ['upload-part', '--bucket', 'bkt', '--key', 'k', '--part-number', '1', '--upload-id', 'u'];
const fakeResponses = { UploadPart: { ETag: '"abc"' } };
const expectedJson = '{\n    "ETag": "\\"abc\\""\n}\n';

describe('pager', () => {
  it('sends the output to AWS_PAGER on a terminal', async () => {
    const pager = { text: '' } as { text: string; command?: readonly string[] };
    const result = await runInProcess(uploadPart, {
      fakeResponses,
      tty: { columns: 120 },
      pager,
      env: { ...TEST_CREDENTIALS, AWS_PAGER: 'less -R', AWS_REQUEST_CHECKSUM_CALCULATION: 'when_required' },
    });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('');
    expect(pager.command).toEqual(['less', '-R']);
    expect(pager.text).toBe(expectedJson);
  });

  it('writes to stdout with --no-cli-pager', async () => {
    const result = await runInProcess(['--no-cli-pager', ...uploadPart], {
      fakeResponses,
      tty: { columns: 120 },
      env: { ...TEST_CREDENTIALS, AWS_PAGER: 'less', AWS_REQUEST_CHECKSUM_CALCULATION: 'when_required' },
    });
    expect(result.stdout).toBe(expectedJson);
  });

  it('a pager that cannot start is a configuration error, exit 253', async () => {
    const result = await runInProcess(uploadPart, {
      fakeResponses,
      tty: { columns: 120 },
      pager: { text: '', fails: true },
      env: { ...TEST_CREDENTIALS, AWS_PAGER: 'nonexistentpager', AWS_REQUEST_CHECKSUM_CALCULATION: 'when_required' },
    });
    expect(result.exitCode).toBe(253);
    expect(result.stderr).toBe(
      "\ns3api: [ERROR]: An error occurred (Pager): Unable to redirect output to pager. Received the following error when opening pager:\n[Errno 2] No such file or directory: 'nonexistentpager'\n\nLearn more about configuring the output pager by running \"aws help config-vars\".\n",
    );
  });
});
