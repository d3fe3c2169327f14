/**
 * --copy-source encoding as the AWS CLI does it (botocore's handle_copy_source_param):
 * a trailing `?versionId=<no whitespace>` is kept verbatim and only the part before it is
 * percent-encoded; otherwise the whole value is. The JS SDK sends CopySource unencoded.
 */

const VERSION_ID_SUFFIX = /\?versionId=[^\s]+$/;

/** Python's urllib.parse.quote(value, safe='/~'): unreserved characters and '/' stay. */
export function quotePath(value: string): string {
  return Array.from(new TextEncoder().encode(value), (byte) => {
    const char = String.fromCharCode(byte);
    return /[A-Za-z0-9\-._~/]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }).join('');
}

export function encodeCopySource(copySource: string): string {
  const suffix = VERSION_ID_SUFFIX.exec(copySource);
  if (!suffix) return quotePath(copySource);
  return quotePath(copySource.slice(0, suffix.index)) + suffix[0];
}
