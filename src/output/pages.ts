/**
 * What the formatters print for a paginated command: the pages S3 returned, shaped as botocore
 * shapes them for each output format.
 */
import type { OutputObject } from '../python/value.js';
import type { PaginatorSpec } from '../spec/types.js';

/**
 * botocore's build_full_result, printed by json, yaml and table: result keys in order of first
 * appearance with their lists concatenated (a key no page has is left out), then the first
 * page's non-aggregate keys (null when missing), then NextToken. Every other key of the raw
 * pages (Bucket, IsTruncated, markers, ...) disappears. S3's result keys are always lists; a
 * non-list value would keep the first page's value.
 */
export function aggregatePages(spec: PaginatorSpec, pages: readonly OutputObject[], nextToken?: string): OutputObject {
  const result: OutputObject = {};
  for (const page of pages) {
    for (const key of spec.resultKeys) {
      const value = page[key];
      if (value === undefined || value === null) continue;
      const existing = result[key];
      if (existing === undefined) result[key] = value;
      else if (Array.isArray(existing) && Array.isArray(value)) result[key] = [...existing, ...value];
    }
  }
  Object.assign(result, nonAggregatePart(spec, pages[0]));
  if (nextToken !== undefined) result.NextToken = nextToken;
  return result;
}

/**
 * The values `--output text` prints for a paginated command, one record per page, then
 * `{NextToken: {NextToken: token}}` when --max-items cut the listing short. The caller applies
 * --query to each record separately and formats each result with the text formatter, so a
 * query such as `Parts[0].PartNumber` prints once per page, and the NextToken record prints
 * `NEXTTOKEN\t<token>` without a query but usually `None` with one (the AWS CLI's text
 * formatter does exactly this). Page 1's record starts with the non-aggregate keys; a result key
 * missing from a page is null, so its scalar line reads `None`.
 */
export function textPageRecords(spec: PaginatorSpec, pages: readonly OutputObject[], nextToken?: string): OutputObject[] {
  const records = pages.map((page, index) => {
    const record = index === 0 ? nonAggregatePart(spec, page) : {};
    for (const key of spec.resultKeys) record[key] = page[key] ?? null;
    return record;
  });
  if (nextToken !== undefined) records.push({ NextToken: { NextToken: nextToken } });
  return records;
}

function nonAggregatePart(spec: PaginatorSpec, firstPage: OutputObject): OutputObject {
  return Object.fromEntries(spec.nonAggregateKeys.map((key) => [key, firstPage[key] ?? null]));
}
