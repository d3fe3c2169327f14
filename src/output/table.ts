/**
 * `--output table`: the AWS CLI's MultiTable (SPEC 1.7). The response is walked into sections
 * (a title, optional header row, rows of cells, a nesting level), then all sections are drawn
 * with one common width.
 *
 * The widths are ours (East Asian Width W/F/A as two columns, Python's round-half-even when
 * columns are scaled), the drawing is cli-table3's and the colours are chalk's. Each printed
 * line is a one-row cli-table3 table whose cells we have padded already: cli-table3 measures
 * with string-width, which counts ambiguous characters (`ü`, `é`, combining marks) as one
 * column where the CLI counts two, so a shared column width would make it pad those rows
 * again. A line of a nested section is written between `|` bars the way the CLI writes it.
 */
import Table from 'cli-table3';
import { Chalk, type ChalkInstance } from 'chalk';
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

/** colorama's Style.RESET_ALL: the CLI closes every style with it, and autoreset writes it after every write. */
const RESET_ALL = '\x1b[0m';

/**
 * The CLI's styles: data cells Style.BRIGHT + Fore.BLUE, nesting bars Style.DIM + Fore.YELLOW.
 * chalk supplies the opening codes at the level our `--color` decision sets (0: none); the close
 * is RESET_ALL, as the CLI writes it, instead of chalk's per-attribute codes.
 */
interface TableStyles {
  readonly data: string;
  readonly nestingBar: string;
  readonly reset: string;
}

function tableStyles(color: boolean): TableStyles {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  return {
    data: openingCodes(chalk.bold.blue),
    nestingBar: openingCodes(chalk.dim.yellow),
    reset: color ? RESET_ALL : '',
  };
}

/** The codes chalk writes before a text: what it puts in front of a marker character. */
function openingCodes(style: ChalkInstance): string {
  const marker = '\0';
  const styled = style(marker);
  return styled.slice(0, styled.indexOf(marker));
}

/**
 * stdout as the CLI sees it: with colour on, colorama's autoreset writes `ESC[0m` after every
 * write call, so the reset bytes depend on how the output is split into writes.
 */
class TableStream {
  private readonly chunks: string[] = [];

  constructor(readonly styles: TableStyles) {}

  write(text: string): void {
    this.chunks.push(text, this.styles.reset);
  }

  /** A line of a nested section: bars, line, bars, newline — four writes. */
  writeIndented(line: string, indentLevel: number): void {
    const bars = `${this.styles.nestingBar}|${this.styles.reset}`.repeat(indentLevel);
    this.write(bars);
    this.write(line);
    this.write(bars);
    this.write('\n');
  }

  styleData(text: string): string {
    return `${this.styles.data}${text}${this.styles.reset}`;
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
  const stream = new TableStream(tableStyles(color));
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
    writeLine(drawCells([centerText(section.title, width, true)], CELL_EDGE));
    if (section.headers.length === 0 && section.rows.length === 0) writeLine(drawRule([width]));
  }
  const columnWidths = section.scaledColumnWidths(width);
  if (section.headers.length > 0) {
    writeLine(drawRule(columnWidths));
    const headers = section.headers.slice(0, columnWidths.length);
    writeLine(drawCells(headers.map((header, index) => centerText(header, columnWidths[index], index === 0)), CELL_EDGE));
  }
  if (section.rows.length > 0 && columnWidths.length > 0) {
    writeLine(drawRule(columnWidths));
    for (const row of section.rows) {
      const cells = row
        .slice(0, columnWidths.length)
        .map((text, index) => alignLeft(text, stream.styleData(text), innerWidth(columnWidths, index)));
      writeLine(drawCells(cells, CELL_EDGE));
    }
    writeLine(drawRule(columnWidths));
  }
}

/**
 * A column's width between its borders: the first column draws both of its borders, every
 * later one only its right border.
 */
function innerWidth(columnWidths: readonly number[], index: number): number {
  return columnWidths[index] - (index === 0 ? 2 : 1);
}

const CELL_EDGE = '|';
const RULE_JOINT = '+';

/** Borders above and below a line are drawn as lines of their own (rules), so none here. */
const LINE_ONLY = {
  top: '',
  'top-mid': '',
  'top-left': '',
  'top-right': '',
  bottom: '',
  'bottom-mid': '',
  'bottom-left': '',
  'bottom-right': '',
  'left-mid': '',
  mid: '',
  'mid-mid': '',
  'right-mid': '',
} as const;

/**
 * One line: the cells between `edge` characters, each exactly as given — without padding and
 * without cli-table3's own colours for headers and borders.
 */
function drawCells(cells: readonly string[], edge: string): string {
  const table = new Table({
    chars: { ...LINE_ONLY, left: edge, middle: edge, right: edge },
    style: { 'padding-left': 0, 'padding-right': 0, head: [], border: [] },
  });
  table.push([...cells]);
  return table.toString();
}

/** `+-----+------+`: a line of dashes with a joint at every column border. */
function drawRule(columnWidths: readonly number[]): string {
  return drawCells(
    columnWidths.map((_, index) => repeat('-', innerWidth(columnWidths, index))),
    RULE_JOINT,
  );
}

/** Python's `text * n`: empty for a negative n, which the CLI's arithmetic relies on. */
function repeat(text: string, count: number): string {
  return text.repeat(Math.max(0, count));
}

/**
 * The CLI's centring in a column `columnWidth` wide (its borders included): the text starts at
 * `columnWidth // 2 - textWidth // 2 - 1` after the column's left edge — the border itself for
 * the first column, which draws one. Returns what stands between the borders.
 */
function centerText(text: string, columnWidth: number, drawsLeftBorder: boolean): string {
  const textWidth = displayWidth(text);
  const start = Math.floor(columnWidth / 2) - Math.floor(textWidth / 2) - 1;
  const inner = columnWidth - 1 - (drawsLeftBorder ? 1 : 0);
  return `${repeat(' ', start)}${text}${repeat(' ', inner - start - textWidth)}`;
}

/** Two spaces of left padding, dropped when the text does not fit; overlong text is kept. */
function alignLeft(text: string, styledText: string, innerWidth: number): string {
  const textWidth = displayWidth(text);
  const padding = innerWidth - textWidth - 2 >= 0 ? 2 : 0;
  return `${repeat(' ', padding)}${styledText}${repeat(' ', innerWidth - padding - textWidth)}`;
}
