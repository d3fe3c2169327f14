/**
 * Whether a config or credentials file is one Python's `configparser.RawConfigParser` (strict,
 * as botocore builds it) reads without an error. botocore turns any such error into
 * `Unable to parse config file: PATH` (exit 255) before it sends anything; the SDK's own loader
 * skips the lines it does not understand, so the CLI checks first.
 */

/** configparser's SECTCRE: matched at the start of the stripped line, not to its end. */
const SECTION_HEADER = /^\[(.+)\]/;
/** configparser's OPTCRE with `=` and `:` as delimiters. */
const OPTION_LINE = /^(.*?)\s*[=:]\s*(.*)$/;

/** Python's whitespace (`str.isspace()`): JavaScript's `\s` also counts the BOM, Python does not. */
const SPACE = '[\\t\\n\\x0b\\x0c\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const EDGE_SPACE = new RegExp(`^${SPACE}+|${SPACE}+$`, 'g');
const LEADING_SPACE = new RegExp(`^${SPACE}*`);

function pythonStrip(text: string): string {
  return text.replace(EDGE_SPACE, '');
}

/** True when configparser would raise on `bytes` (also for text that is not UTF-8). */
export function isUnparsableIni(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return true;
  }
  const sections = new Set<string>();
  let options: Set<string> | undefined;
  let currentOption: string | undefined;
  let optionIndent = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const value = pythonStrip(line);
    // A blank line may sit inside a multi-line value; after a comment line, an indented line
    // starts a new option instead of continuing one.
    if (value === '') continue;
    if (value.startsWith('#') || value.startsWith(';')) {
      optionIndent = Infinity;
      continue;
    }
    const indent = LEADING_SPACE.exec(line)![0].length;
    // An indented line continues the value of the option above it.
    if (options && currentOption !== undefined && indent > optionIndent) continue;
    optionIndent = indent;
    const header = SECTION_HEADER.exec(value);
    if (header) {
      // strict=True: a section may appear once per file, and an option once per section.
      if (sections.has(header[1])) return true;
      sections.add(header[1]);
      options = new Set();
      currentOption = undefined;
      continue;
    }
    if (!options) return true; // MissingSectionHeaderError
    const option = OPTION_LINE.exec(value);
    const name = option ? option[1].trimEnd().toLowerCase() : '';
    if (!name || options.has(name)) return true;
    options.add(name);
    currentOption = name;
  }
  return false;
}
