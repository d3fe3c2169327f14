/** Plain-text tables: `columns` is [{ title, align: 'left' | 'right' }], `rows` arrays of strings. */
export function formatTable(columns, rows) {
  const lines = [columns.map((column) => column.title), ...rows];
  const widths = columns.map((_, index) => Math.max(...lines.map((line) => line[index].length)));
  return lines
    .map((line) =>
      line
        .map((cell, index) => (columns[index].align === 'right' ? cell.padStart(widths[index]) : cell.padEnd(widths[index])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
