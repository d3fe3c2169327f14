import { describe, expect, it } from 'vitest';
import { awsCliRequestPath } from '../../../src/s3/request-path.js';

// Expected paths recorded from aws-cli 2.36.7 --debug (`url=…`), with the path the JS SDK's
// serializer produces for the same command before the fix.
describe('awsCliRequestPath', () => {
  it.each<[string, string, string | undefined, unknown, string]>([
    ['a plain bucket is left alone', '/bkt/k', 'http://h:1', 'bkt', '/bkt/k'],
    ['a key with dot segments is left alone', '/bkt/../x', 'http://h:1', 'bkt', '/bkt/../x'],
    ['bucket ..', '/victim2', 'http://h:1', '..', '/../victim2'],
    ['bucket .', '/k', 'http://h:1', '.', '/./k'],
    ['bucket .. on a bucket-level operation', '/', 'http://h:1', '..', '/../'],
    ['bucket .. under an endpoint path eats its last segment', '/pre//k', 'http://h:1/pre/sub', '..', '/pre/sub/../k'],
    ['bucket .. under an endpoint path with a slash', '/pre//k', 'http://h:1/pre/sub/', '..', '/pre/sub/../k'],
    ['bucket . under an endpoint path', '/pre/sub//k', 'http://h:1/pre/sub', '.', '/pre/sub/./k'],
    ['bucket .. on AWS itself', '/k', undefined, '..', '/../k'],
    ['no bucket', '/', 'http://h:1', undefined, '/'],
  ])('%s', (_title, sdkPath, endpoint, bucket, expected) => {
    expect(awsCliRequestPath(sdkPath, endpoint, bucket)).toBe(expected);
  });

  it('refuses a path that no longer starts where the bucket was resolved', () => {
    expect(() => awsCliRequestPath('/elsewhere/k', 'http://h:1/pre/sub', '..')).toThrow(/Cannot build the request path/);
  });
});
