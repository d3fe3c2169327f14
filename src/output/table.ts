/**
 * `--output table`: the AWS CLI's MultiTable (SPEC 1.7). The response is walked into sections
 * (a title, optional header row, rows of cells, a nesting level), then all sections are drawn
 * with one common width.
 *
 * cli-table3 and chalk cannot produce these bytes: cli-table3 draws one grid per table with its
 * own border characters and padding, has no centred section titles inside `||` nesting bars,
 * measures ambiguous-width characters as 1 column and does not scale columns with Python's
 * round-half-even; chalk closes styles with `ESC[39m`/`ESC[22m` where the CLI writes `ESC[0m`,
 * and cannot add the reset colorama appends after every write.
 */
import { generalError } from '../errors/errors.js';
import { displayWidth } from './east-asian-width.js';
import { pythonStr, pythonTypeName } from '../python/repr.js';
import { isPythonFalsy, isScalar, sortCodePoints } from '../python/values.js';
import { isOutputObject, type OutputObject, type OutputValue } from '../python/value.js';

export interface TableOptions {
  /** The operation name in CamelCase (`UploadPart`), the outermost section's title. */
  title: string;
  color: boolean;
  /** Terminal columns; 80 when stdout is not a TTY. */
  width: number;
}

/** Empty, `0`, `false`, `""`, `null`, `[]` and `{}` print nothing at all. */
export function formatTable(value: OutputValue, options: TableOptions): string {
  const builder = new TableBuilder();
  if (!builder.build(options.title, value, 0)) return '';
  return renderTable(builder.sections, options.width, options.color);
}

/** Cell padding: two spaces before the text, at least two columns after it. */
const CELL_PADDING = 4;

class Section {
  headers: string[] = [];
  rows: string[][] = [];
  /** Widest display width per column, over the header and all rows. */
  columnWidths: number[] = [];
  private columnCount: number | null = null;

  /** `null` when a nested list of dicts passes on the missing title of its parent list. */
  constructor(
    readonly title: string | null,
    readonly indentLevel: number,
  ) {}

  setHeaders(headers: string[]): void {
    this.widenColumns(headers);
    this.columnCount ??= headers.length;
    this.headers = headers;
  }

  addRow(cells: readonly OutputValue[]): void {
    this.columnCount ??= cells.length;
    if (cells.length !== this.columnCount) {
      throw generalError(`Row should have ${this.columnCount} elements, instead it has ${cells.length}`);
    }
    const row = cells.map(pythonStr);
    this.rows.push(row);
    this.widenColumns(row);
  }

  private widenColumns(texts: readonly string[]): void {
    // The CLI restarts from the new texts while nothing is measured yet (e.g. after an empty
    // row) and otherwise indexes its existing list, failing on a longer row.
    if (this.columnWidths.length === 0) {
      this.columnWidths = texts.map(displayWidth);
      return;
    }
    texts.forEach((text, index) => {
      if (index >= this.columnWidths.length) throw generalError('list index out of range');
      this.columnWidths[index] = Math.max(displayWidth(text), this.columnWidths[index]);
    });
  }

  /** Width the section needs: padded columns plus borders, or its title plus borders. */
  naturalWidth(): number {
    const columns = this.columnWidths.reduce((sum, width) => sum + width + CELL_PADDING, 0) + 2;
    const outerBars = 2 * this.indentLevel;
    // A missing title is not drawn but is measured as Python's str(None).
    return Math.max(displayWidth(pythonStr(this.title)) + 2 + outerBars, columns + outerBars);
  }

  /**
   * Padded column widths scaled to fill `totalWidth`: each rounded half-to-even (Python's
   * round()), then the sum corrected one column at a time — taking from the left, giving from
   * the right.
   */
  scaledColumnWidths(totalWidth: number): number[] {
    const padded = this.columnWidths.map((width) => width + CELL_PADDING);
    if (padded.length === 0) return padded;
    const scale = totalWidth / padded.reduce((sum, width) => sum + width, 0);
    const scaled = padded.map((width) => roundHalfEven(scale * width));
    let excess = scaled.reduce((sum, width) => sum + width, 0) - totalWidth;
    while (excess !== 0) {
      const order = scaled.map((_, index) => index);
      if (excess < 0) order.reverse();
      for (const index of order) {
        if (excess > 0) {
          scaled[index] -= 1;
          excess -= 1;
        } else {
          scaled[index] += 1;
          excess += 1;
        }
        if (excess === 0) break;
      }
    }
    return scaled;
  }

  /** The key/value layout used when the table is wider than the terminal. */
  toKeyValueSection(): Section {
    const converted = new Section(this.title, this.indentLevel);
    this.headers.forEach((header, index) => {
      if (index < this.rows[0].length) converted.addRow([header, this.rows[0][index]]);
    });
    return converted;
  }
}

function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const fraction = value - floor;
  if (fraction > 0.5) return floor + 1;
  if (fraction < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** Walks the response the way the CLI's TableFormatter does, filling sections. */
class TableBuilder {
  readonly sections: Section[] = [];
  private current: Section | undefined;

  /** Returns false for a falsy value, which contributes nothing (not even its title). */
  build(title: string | null, value: OutputValue, indentLevel: number): boolean {
    if (isPythonFalsy(value)) return false;
    if (title !== null) this.startSection(title, indentLevel);
    if (Array.isArray(value)) {
      if (isOutputObject(value[0])) this.addListOfDicts(value, indentLevel, title);
      else this.addListItems(value);
    }
    if (isOutputObject(value)) this.addDict(value, indentLevel);
    return true;
  }

  private startSection(title: string | null, indentLevel: number): void {
    this.current = new Section(title, indentLevel);
    this.sections.push(this.current);
  }

  private get section(): Section {
    // The outermost call always has a title, so a section exists before any row is added.
    return this.current!;
  }

  /** Scalars become one-cell rows, lists of scalars rows of cells; anything else recurses. */
  private addListItems(items: readonly OutputValue[]): void {
    for (const item of items) {
      if (isScalar(item)) this.section.addRow([item]);
      else if (isOutputObject(item)) this.section.addRow(Object.keys(item)); // Python iterates a dict's keys
      else if (item.every(isScalar)) this.section.addRow(item);
      else this.build(null, item, 0);
    }
  }

  /**
   * One header row of the union of scalar keys, one row per element. When elements have
   * nested values, every element after the first repeats the title and headers so its nested
   * sections follow its own row.
   */
  private addListOfDicts(items: readonly OutputValue[], indentLevel: number, title: string | null): void {
    const headerSet = new Set<string>();
    const nestedKeySet = new Set<string>();
    let indexKeyType: string | null = null;
    for (const item of items) {
      if (isOutputObject(item)) {
        const { scalarKeys, nonScalarKeys } = partitionKeys(item);
        scalarKeys.forEach((key) => headerSet.add(key));
        nonScalarKeys.forEach((key) => nestedKeySet.add(key));
      } else {
        indexKeyType ??= groupNonDictElement(item);
      }
    }
    if (indexKeyType !== null && headerSet.size > 0) {
      // Python cannot sort the integer "keys" of a list element together with string keys.
      throw generalError(`'<' not supported between instances of 'str' and '${indexKeyType}'`);
    }
    const headers = sortCodePoints(headerSet);
    const nestedKeys = sortCodePoints(nestedKeySet);
    const hasHeaders = headers.length > 0 || indexKeyType !== null;
    this.section.setHeaders(headers);
    items.forEach((item, index) => {
      if (index > 0 && nestedKeys.length > 0) {
        this.startSection(title, indentLevel);
        this.section.setHeaders(headers);
      }
      if (isOutputObject(item)) {
        this.section.addRow(headers.map((header) => (Object.hasOwn(item, header) ? item[header] : '')));
        for (const key of nestedKeys) {
          if (Object.hasOwn(item, key)) this.build(key, item[key], indentLevel + 1);
        }
        return;
      }
      // An empty string or list survives as an empty row while there are no headers.
      if (hasHeaders) throw generalError(`'${pythonTypeName(item)}' object has no attribute 'get'`);
      this.section.addRow([]);
      if (typeof item === 'string' && nestedKeys.some((key) => item.includes(key))) {
        throw generalError("string indices must be integers, not 'str'");
      }
    });
  }

  /** One scalar: a `key | value` row; several: a header row and one row of values. */
  private addDict(dict: OutputObject, indentLevel: number): void {
    const { scalarKeys, nonScalarKeys } = partitionKeys(dict);
    if (scalarKeys.length === 1) {
      this.section.addRow([scalarKeys[0], dict[scalarKeys[0]]]);
    } else if (scalarKeys.length > 1) {
      this.section.setHeaders(scalarKeys);
      this.section.addRow(scalarKeys.map((key) => dict[key]));
    }
    for (const key of nonScalarKeys) this.build(key, dict[key], indentLevel + 1);
  }
}

function partitionKeys(dict: OutputObject): { scalarKeys: string[]; nonScalarKeys: string[] } {
  const keys = Object.keys(dict);
  return {
    scalarKeys: sortCodePoints(keys.filter((key) => isScalar(dict[key]))),
    nonScalarKeys: sortCodePoints(keys.filter((key) => !isScalar(dict[key]))),
  };
}

/**
 * A non-dict element of a list whose first element is a dict: Python iterates it and indexes
 * it with what the iteration yields, which raises for anything but an empty string, an empty
 * list or a list of valid indices. Returns the type of those indices (they become header
 * "keys"), or null when the element contributes nothing.
 */
function groupNonDictElement(item: OutputValue): string | null {
  if (typeof item === 'string') {
    if (item === '') return null;
    throw generalError("string indices must be integers, not 'str'");
  }
  if (!Array.isArray(item)) throw generalError(`'${pythonTypeName(item)}' object is not iterable`);
  for (const element of item) {
    const type = pythonTypeName(element);
    if (type !== 'int' && type !== 'bool') throw generalError(`list indices must be integers or slices, not ${type}`);
    const index = Number(element);
    if (index >= item.length || index < -item.length) throw generalError('list index out of range');
  }
  return item.length === 0 ? null : pythonTypeName(item[0]);
}

const RESET = '\x1b[0m';
const DATA_STYLE = '\x1b[1m\x1b[34m'; // colorama Style.BRIGHT + Fore.BLUE
const NESTING_BAR_STYLE = '\x1b[2m\x1b[33m'; // colorama Style.DIM + Fore.YELLOW

/**
 * stdout as the CLI sees it: with colour on, colorama's autoreset writes `ESC[0m` after every
 * write call, so the reset bytes depend on how the output is split into writes.
 */
class TableStream {
  private readonly chunks: string[] = [];

  constructor(private readonly color: boolean) {}

  write(text: string): void {
    this.chunks.push(text);
    if (this.color) this.chunks.push(RESET);
  }

  /** A line of a nested section: bars, line, bars, newline — four writes. */
  writeIndented(line: string, indentLevel: number): void {
    const bar = this.color ? `${NESTING_BAR_STYLE}|${RESET}` : '|';
    const bars = bar.repeat(indentLevel);
    this.write(bars);
    this.write(line);
    this.write(bars);
    this.write('\n');
  }

  styleData(text: string): string {
    return this.color ? `${DATA_STYLE}${text}${RESET}` : text;
  }

  toString(): string {
    return this.chunks.join('');
  }
}

function renderTable(sections: Section[], terminalWidth: number, color: boolean): string {
  let width = widestSection(sections);
  if (width > terminalWidth) {
    sections = sections.map((section) =>
      section.headers.length > 0 && section.rows.length === 1 ? section.toKeyValueSection() : section,
    );
    width = widestSection(sections);
  }
  const stream = new TableStream(color);
  stream.write(`${repeat('-', width)}\n`);
  for (const section of sections) renderSection(section, width - 2 * section.indentLevel, stream);
  return stream.toString();
}

function widestSection(sections: readonly Section[]): number {
  return sections.reduce((widest, section) => Math.max(widest, section.naturalWidth()), 0);
}

function renderSection(section: Section, width: number, stream: TableStream): void {
  const writeLine = (line: string): void => stream.writeIndented(line, section.indentLevel);
  if (section.title) {
    writeLine(centerText(section.title, width, '|'));
    if (section.headers.length === 0 && section.rows.length === 0) writeLine(`+${repeat('-', width - 2)}+`);
  }
  const columnWidths = section.scaledColumnWidths(width);
  if (section.headers.length > 0) {
    writeLine(separatorLine(columnWidths));
    const cells = section.headers
      .slice(0, columnWidths.length)
      .map((header, index) => centerText(header, columnWidths[index], index === 0 ? '|' : ''));
    writeLine(cells.join(''));
  }
  if (section.rows.length > 0 && columnWidths.length > 0) {
    writeLine(separatorLine(columnWidths));
    for (const row of section.rows) {
      const cells = row
        .slice(0, columnWidths.length)
        .map((text, index) => alignLeft(text, stream.styleData(text), columnWidths[index], index === 0 ? '|' : ''));
      writeLine(cells.join(''));
    }
    writeLine(separatorLine(columnWidths));
  }
}

/** `+-----+------+`: the first cell draws both corners, later cells only their right one. */
function separatorLine(columnWidths: readonly number[]): string {
  return columnWidths
    .map((width, index) => (index === 0 ? `+${repeat('-', width - 2)}+` : `${repeat('-', width - 1)}+`))
    .join('');
}

/** Python's `text * n`: empty for a negative n, which the CLI's arithmetic relies on. */
function repeat(text: string, count: number): string {
  return text.repeat(Math.max(0, count));
}

/** The text starts at `width // 2 - textWidth // 2 - 1` after the left edge. */
function centerText(text: string, width: number, leftEdge: string): string {
  const textWidth = displayWidth(text);
  const start = Math.floor(width / 2) - Math.floor(textWidth / 2) - 1;
  const used = leftEdge.length + start + textWidth;
  return `${leftEdge}${repeat(' ', start)}${text}${repeat(' ', width - 1 - used)}|`;
}

/** Two spaces of left padding, dropped when the text does not fit; overlong text is kept. */
function alignLeft(text: string, styledText: string, width: number, leftEdge: string): string {
  const textWidth = displayWidth(text);
  const padding = width - (textWidth + 2 + leftEdge.length + 1) >= 0 ? 2 : 0;
  const used = leftEdge.length + padding + textWidth;
  return `${leftEdge}${repeat(' ', padding)}${styledText}${repeat(' ', width - used - 1)}|`;
}
