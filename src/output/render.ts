/**
 * Chooses the formatter and applies --query. Pure: values in, the bytes for stdout out.
 */
import { aggregatePages, textPageRecords } from './pages.js';
import type { OutputFormat } from '../spec/globals.js';
import type { PaginatorSpec } from '../spec/types.js';
import { formatJson } from './json.js';
import { isEmptyDict } from '../python/values.js';
import { applyQuery, type CompiledQuery } from './query.js';
import { formatTable } from './table.js';
import { formatText } from './text.js';
import type { OutputObject, OutputValue } from '../python/value.js';
import { formatYaml, formatYamlStreamPage } from './yaml.js';

export interface RenderOptions {
  readonly format: OutputFormat;
  readonly query?: CompiledQuery;
  /** Table title: the operation name in CamelCase (`UploadPart`). */
  readonly title: string;
  readonly color: boolean;
  /** Terminal columns when stdout is a TTY, else 80. */
  readonly width: number;
}

export function formatValue(value: OutputValue, options: RenderOptions): string {
  switch (options.format) {
    case 'off':
      return '';
    case 'json':
      return formatJson(value);
    case 'yaml':
      return formatYaml(value);
    case 'yaml-stream':
      return formatYamlStreamPage(value);
    case 'text':
      return formatText(value);
    case 'table':
      return formatTable(value, { title: options.title, color: options.color, width: options.width });
  }
}

/** A non-paginated result: the query is applied once, then formatted. */
export function renderResult(value: OutputValue, options: RenderOptions): string {
  const queried = options.query ? applyQuery(options.query, value) : value;
  return formatValue(queried, options);
}

/**
 * The pages of an auto-paginated command (SPEC §1.10): json, yaml and table print the
 * aggregated result once; text prints one record per page and yaml-stream one document per
 * raw page, each with the query applied to it.
 */
export function renderPages(
  paginator: PaginatorSpec,
  pages: readonly OutputObject[],
  nextToken: string | undefined,
  options: RenderOptions,
): string {
  const perPage = (value: OutputValue) => (options.query ? applyQuery(options.query, value) : value);
  switch (options.format) {
    case 'text':
      return textPageRecords(paginator, pages, nextToken)
        .map((record) => formatText(perPage(record)))
        .join('');
    case 'yaml-stream':
      return pages.map((page) => yamlStreamPage(perPage(page))).join('');
    default:
      return renderResult(aggregatePages(paginator, pages, nextToken), options);
  }
}

/**
 * One page of a paginated command in yaml-stream. The AWS CLI writes every page, so a page whose
 * query result is `{}` prints `- {}`; only a non-paginated response equal to `{}` prints nothing
 * (SPEC §1.9).
 */
function yamlStreamPage(value: OutputValue): string {
  return isEmptyDict(value) ? '- {}\n' : formatYamlStreamPage(value);
}
