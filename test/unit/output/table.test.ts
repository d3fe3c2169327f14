/**
 * Table cases beyond the recorded goldens; expected bytes measured by running AWS CLI v2's
 * table formatter on the same values (stdout not a TTY unless a width is given).
 */
import { describe, expect, it } from 'vitest';
import { CliError } from '../../../src/errors/errors.js';
import { formatTable } from '../../../src/output/table.js';
import { PyFloat, type OutputValue } from '../../../src/python/value.js';

const ESC = '\x1b';
const table = (title: string, value: OutputValue, width = 80, color = false): string =>
  formatTable(value, { title, width, color });

function lines(...rows: string[]): string {
  return rows.map((row) => `${row}\n`).join('');
}

describe('formatTable column widths', () => {
  it("scales columns with Python's round-half-even", () => {
    // Widths 5 and 15 scaled to 22: 5.5 and 16.5 round to 6 and 16 (half-up would give 6, 17
    // and then trim the first column to 5).
    expect(table('T', { a: 'x', b: 'y'.repeat(11) })).toBe(
      lines(
        '----------------------',
        '|          T         |',
        '+----+---------------+',
        '|  a |       b       |',
        '+----+---------------+',
        '|  x |  yyyyyyyyyyy  |',
        '+----+---------------+',
      ),
    );
  });

  it('counts East Asian wide and ambiguous characters as two columns', () => {
    // ü is ambiguous (A) and 日 wide (W): 'ü日' measures 4 although it takes 3 terminal cells.
    expect(table('T', { Key: 'ü日', Other: 'ab' })).toBe(
      lines(
        '-------------------',
        '|        T        |',
        '+-------+---------+',
        '|  Key  |  Other  |',
        '+-------+---------+',
        '|  ü日 |  ab     |',
        '+-------+---------+',
      ),
    );
  });
});

describe('formatTable width limit', () => {
  const wide = { Name: 'n'.repeat(30), Value: 'v'.repeat(30) };
  const wideLayout = lines(
    '----------------------------------------------------------------------',
    '|                                 Op                                 |',
    '+---------------------------------+----------------------------------+',
    '|              Name               |              Value               |',
    '+---------------------------------+----------------------------------+',
    '|  nnnnnnnnnnnnnnnnnnnnnnnnnnnnnn |  vvvvvvvvvvvvvvvvvvvvvvvvvvvvvv  |',
    '+---------------------------------+----------------------------------+',
  );

  it('turns a header row with one data row into key/value rows when wider than the terminal', () => {
    expect(table('Op', wide, 40)).toBe(
      lines(
        '---------------------------------------------',
        '|                    Op                     |',
        '+-------+-----------------------------------+',
        '|  Name |  nnnnnnnnnnnnnnnnnnnnnnnnnnnnnn   |',
        '|  Value|  vvvvvvvvvvvvvvvvvvvvvvvvvvvvvv   |',
        '+-------+-----------------------------------+',
      ),
    );
  });

  it('keeps the layout when the terminal is wide enough', () => {
    expect(table('Op', wide, 200)).toBe(wideLayout);
  });

  it('never converts a section with several rows', () => {
    expect(table('Op', [wide, { Name: 'a', Value: 'b' }], 40)).toBe(
      wideLayout.replace(/(\|  n+ \|  v+  \|\n)/, '$1|  a                              |  b                               |\n'),
    );
  });
});

describe('formatTable colour', () => {
  it('styles every nesting bar separately and resets after every write', () => {
    const bar = `${ESC}[2m${ESC}[33m|${ESC}[0m`;
    const reset = `${ESC}[0m`;
    const data = (text: string): string => `${ESC}[1m${ESC}[34m${text}${reset}`;
    const line = (level: number, text: string): string => {
      const bars = bar.repeat(level);
      return `${bars}${reset}${text}${reset}${bars}${reset}\n${reset}`;
    };
    expect(table('Op', { A: { B: { c: 1 } } }, 80, true)).toBe(
      `----------------\n${reset}` +
        line(0, '|      Op      |') +
        line(0, '+--------------+') +
        line(1, '|      A     |') +
        line(1, '+------------+') +
        line(2, '|     B    |') +
        line(2, '+----+-----+') +
        line(2, `|  ${data('c')} |  ${data('1')}  |`) +
        line(2, '+----+-----+'),
    );
  });
});

describe('formatTable colour decision', () => {
  it('writes no escape codes with colour off, whatever the environment asks for', () => {
    const forced = process.env.FORCE_COLOR;
    process.env.FORCE_COLOR = '3';
    try {
      expect(table('Op', { A: { c: 1 } })).not.toContain(ESC);
    } finally {
      if (forced === undefined) delete process.env.FORCE_COLOR;
      else process.env.FORCE_COLOR = forced;
    }
  });

  it('colours with colour on even where the environment forbids colour', () => {
    const noColor = process.env.NO_COLOR;
    process.env.NO_COLOR = '1';
    try {
      expect(table('Op', { c: 1 }, 80, true)).toContain(`${ESC}[1m${ESC}[34mc${ESC}[0m`);
    } finally {
      if (noColor === undefined) delete process.env.NO_COLOR;
      else process.env.NO_COLOR = noColor;
    }
  });
});

/**
 * cli-table3 draws each line of a cell on a line of its own where the CLI writes the value's
 * line break raw inside the row (README, "Differences from aws s3api").
 */
describe('formatTable values with line breaks', () => {
  it('draws each line of the value as a row line of its own', () => {
    expect(table('Op', { a: 'x\ny', b: 'ok' })).toBe(
      lines(
        '---------------',
        '|     Op      |',
        '+------+------+',
        '|   a  |  b   |',
        '+------+------+',
        '|  x|  ok  |',
        '|y  |      |',
        '+------+------+',
      ),
    );
  });
});

describe('formatTable quirks of the CLI walk', () => {
  it('prints only the title box for a truthy scalar', () => {
    expect(table('Op', true)).toBe(lines('----', '|Op|', '+--+'));
  });

  it('prints nothing for a float zero, which Python treats as false', () => {
    expect(table('Op', new PyFloat(0))).toBe('');
  });

  it('adds a dict inside a list of scalars as a row of its keys', () => {
    expect(table('Op', [1, { k: 'v' }])).toBe(lines('-------', '| Op  |', '+-----+', '|  1  |', '|  k  |', '+-----+'));
  });

  it('puts a nested list of dicts into the current section, headers after the rows', () => {
    expect(table('Op', [1, [{ a: 'b', n: { z: 1 } }, { a: 'c' }]])).toBe(
      lines(
        '--------------',
        '|     Op     |',
        '+------------+',
        '|      a     |',
        '+------------+',
        '|  1         |',
        '|  b         |',
        '+------------+',
        '||     n    ||',
        '|+----+-----+|',
        '||  z |  1  ||',
        '|+----+-----+|',
        '+------------+',
        '|      a     |',
        '+------------+',
        '|  c         |',
        '+------------+',
      ),
    );
  });

  it("measures a missing section title as Python's 'None'", () => {
    expect(table('O', [[{ n: [] }, { n: [] }]])).toBe(lines('------', '|  O |'));
    expect(table('O', [[{ n: [] }]])).toBe(lines('---', '|O|'));
  });

  it('keeps an empty string in a list of dicts as an empty row', () => {
    expect(table('Op', [{}, ''])).toBe(lines('----', '|Op|'));
  });
});

describe('formatTable failures (exit 255, as Python raises them)', () => {
  it.each<[string, OutputValue, string]>([
    ['rows of different lengths', [[1, 2], [3]], 'Row should have 2 elements, instead it has 1'],
    ['a number in a list of dicts', [{ a: 1 }, 5], "'int' object is not iterable"],
    ['a string in a list of dicts with headers', [{ a: 1 }, ''], "'str' object has no attribute 'get'"],
    ['a string of characters in a list of dicts', [{ a: 1 }, 'xy'], "string indices must be integers, not 'str'"],
    ['a list element out of range', [{}, [5]], 'list index out of range'],
  ])('%s', (_, value, message) => {
    expect(() => table('Op', value)).toThrow(message);
    expect(() => table('Op', value)).toThrow(CliError);
  });
});
