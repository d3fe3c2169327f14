/**
 * --copy-source encoding as the AWS CLI does it (botocore's handle_copy_source_param):
 * a trailing `?versionId=<no whitespace>` is kept verbatim and only the part before it is
 * percent-encoded; otherwise the whole value is. The JS SDK sends CopySource unencoded.
 */

/** Python's urllib.parse.quote(value, safe='/~'): unreserved characters and '/' stay. */
export function quotePath(value: string): string {
  return Array.from(new TextEncoder().encode(value), (byte) => {
    const char = String.fromCharCode(byte);
    return /[A-Za-z0-9\-._~/]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }).join('');
}

export function encodeCopySource(copySource: string): string {
  // botocore's VERSION_ID_SUFFIX. Written here rather than as a module constant so that
  // mutation testing (StrykerJS with vitest) can tell which tests cover it.
  const suffix = /\?versionId=[^\s]+$/.exec(copySource);
  if (!suffix) return quotePath(copySource);
  return quotePath(copySource.slice(0, suffix.index)) + suffix[0];
}
