/**
 * Chooses the formatter and applies --query. Pure: values in, the bytes for stdout out.
 *
 * The yaml and table formatters are imported when their format is asked for, so cli-table3,
 * chalk and js-yaml load only on those paths (json and text output, help, version and
 * skeletons never load them).
 */
import { aggregatePages, textPageRecords } from './pages.js';
import type { OutputFormat } from '../spec/globals.js';
import type { PaginatorSpec } from '../spec/types.js';
import { formatJson } from './json.js';
import { isEmptyDict } from '../python/values.js';
import { applyQuery, type CompiledQuery } from './query.js';
import { formatText } from './text.js';
import type { OutputObject, OutputValue } from '../python/value.js';

export interface RenderOptions {
  readonly format: OutputFormat;
  readonly query?: CompiledQuery;
  /** Table title: the operation name in CamelCase (`UploadPart`). */
  readonly title: string;
  readonly color: boolean;
  /** Terminal columns when stdout is a TTY, else 80. */
  readonly width: number;
}

/** Formats one value for stdout in the chosen format. */
type Formatter = (value: OutputValue) => string;

async function loadFormatter(options: RenderOptions): Promise<Formatter> {
  switch (options.format) {
    case 'off':
      return () => '';
    case 'json':
      return formatJson;
    case 'yaml':
      return (await import('./yaml.js')).formatYaml;
    case 'yaml-stream':
      return (await import('./yaml.js')).formatYamlStreamPage;
    case 'text':
      return formatText;
    case 'table': {
      const { formatTable } = await import('./table.js');
      const tableOptions = { title: options.title, color: options.color, width: options.width };
      return (value) => formatTable(value, tableOptions);
    }
  }
}

export async function formatValue(value: OutputValue, options: RenderOptions): Promise<string> {
  return (await loadFormatter(options))(value);
}

/** A non-paginated result: the query is applied once, then formatted. */
export async function renderResult(value: OutputValue, options: RenderOptions): Promise<string> {
  const queried = options.query ? applyQuery(options.query, value) : value;
  return formatValue(queried, options);
}

/**
 * The pages of an auto-paginated command (SPEC §1.10): json, yaml and table print the
 * aggregated result once; text prints one record per page and yaml-stream one document per
 * raw page, each with the query applied to it.
 */
export async function renderPages(
  paginator: PaginatorSpec,
  pages: readonly OutputObject[],
  nextToken: string | undefined,
  options: RenderOptions,
): Promise<string> {
  const perPage = (value: OutputValue) => (options.query ? applyQuery(options.query, value) : value);
  switch (options.format) {
    case 'text':
      return textPageRecords(paginator, pages, nextToken)
        .map((record) => formatText(perPage(record)))
        .join('');
    case 'yaml-stream': {
      const formatPage = await loadFormatter(options);
      return pages.map((page) => yamlStreamPage(formatPage, perPage(page))).join('');
    }
    default:
      return renderResult(aggregatePages(paginator, pages, nextToken), options);
  }
}

/**
 * One page of a paginated command in yaml-stream. The AWS CLI writes every page, so a page whose
 * query result is `{}` prints `- {}`; only a non-paginated response equal to `{}` prints nothing
 * (SPEC §1.9).
 */
function yamlStreamPage(formatPage: Formatter, value: OutputValue): string {
  return isEmptyDict(value) ? '- {}\n' : formatPage(value);
}
