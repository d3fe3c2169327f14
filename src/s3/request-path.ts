/**
 * The request path exactly as the AWS CLI sends it. botocore joins the endpoint path, the
 * bucket and the key as text, so `--bucket .. --key victim2` goes out as `/../victim2` and S3
 * answers NoSuchBucket. The JS SDK's endpoint rules instead parse `endpoint/bucket` as a WHATWG
 * URL, which resolves a bucket named `.` or `..` as a dot segment: the bucket vanishes from the
 * path (or takes the endpoint's last segment with it), so `--bucket .. --key victim2` becomes
 * `DELETE /victim2?uploadId=x`: a request on bucket victim2, which moto takes for DeleteBucket.
 *
 * Keys need no help: the SDK puts them into the path as text, dot segments included.
 */
import { generalError } from '../errors/errors.js';

/**
 * The only bucket names URL parsing changes: the name rule (`^[a-zA-Z0-9.\-_]{1,255}$`) allows
 * no `/`, `%` or `\`, and an ARN is sent to its own host, not in the path.
 */
const DOT_SEGMENT_BUCKETS: ReadonlySet<string> = new Set(['.', '..']);

/**
 * `sdkPath` with the bucket put back where the SDK's URL parsing resolved it away. `endpoint` is
 * the configured endpoint URL (none: AWS's own, whose path is `/`).
 */
export function awsCliRequestPath(sdkPath: string, endpoint: string | undefined, bucket: unknown): string {
  if (typeof bucket !== 'string' || !DOT_SEGMENT_BUCKETS.has(bucket)) return sdkPath;
  // The endpoint rules' `url#normalizedPath`: the endpoint's path with a trailing slash.
  const endpointPath = endpoint ? new URL(endpoint).pathname : '/';
  const bucketPath = `${endpointPath.endsWith('/') ? endpointPath : `${endpointPath}/`}${bucket}`;
  const resolvedBucketPath = new URL(bucketPath, 'http://endpoint').pathname;
  // The SDK's serializer appends the operation's path (`/{Key+}`, `/`) to the endpoint's path,
  // or uses it alone when the endpoint's path is `/`.
  if (resolvedBucketPath === '/') return `${bucketPath}${sdkPath}`;
  if (sdkPath.startsWith(resolvedBucketPath)) return `${bucketPath}${sdkPath.slice(resolvedBucketPath.length)}`;
  // Never send a request whose path no longer names the bucket that was asked for.
  throw generalError(`Cannot build the request path for bucket "${bucket}" from ${sdkPath}`);
}
