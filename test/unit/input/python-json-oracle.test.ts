/**
 * parsePythonJson against Python 3.11's json.loads(text, object_pairs_hook=OrderedDict) on
 * surrogate escapes, number edges, control characters and positions after non-BMP characters:
 * each expected value is the repr() Python printed, or the JSONDecodeError message it raised.
 */
import { describe, expect, it } from 'vitest';
import { parsePythonJson, PythonJsonError } from '../../../src/python/json.js';
import { pythonRepr } from '../../../src/python/repr.js';
import { pythonJsonError } from './support.js';

describe('parsePythonJson reads what json.loads reads', () => {
  it.each<[string, string]>([
    ["\"\\ud83d\\ude00\"", "'\ud83d\ude00'"],
    ["\"\\uD83D\\uDE00\"", "'\ud83d\ude00'"],
    ["\"\\ud83d\\u0041\"", "'\\ud83dA'"],
    ["\"\\ud83d\"", "'\\ud83d'"],
    ["\"\\udc00\"", "'\\udc00'"],
    ["\"\\ud83d\\ud83d\\ude00\"", "'\\ud83d\ud83d\ude00'"],
    ["\"\\ud83d\\udbff\"", "'\\ud83d\\udbff'"],
    ["\"\\ud83d\\ue000\"", "'\\ud83d\\ue000'"],
    ["\"\\udbff\\udfff\"", "'\\U0010ffff'"],
    ["\"\\ud800\\udc00\"", "'\ud800\udc00'"],
    ["\"\\ud7ff\\udc00\"", "'\\ud7ff\\udc00'"],
    ["\"\\ud83dx\"", "'\\ud83dx'"],
    ["\"\\ud83d\\n\"", "'\\ud83d\\n'"],
    ["\"\\ud83d\\ude00x\"", "'\ud83d\ude00x'"],
    ["\"ab\\ud83d\\ude00\"", "'ab\ud83d\ude00'"],
    ["1e5", "100000.0"],
    ["1E+5", "100000.0"],
    ["1e-5", "1e-05"],
    ["-0", "0"],
    ["1.5e3", "1500.0"],
    ["0.5E-2", "0.005"],
    ["0e0", "0.0"],
    ["0E+0", "0.0"],
    ["-1.5E+10", "-15000000000.0"],
    ["[1E5,2e-3]", "[100000.0, 0.002]"],
    ["10", "10"],
    ["-12e1", "-120.0"],
    ["\"a\\u001fb\"", "'a\\x1fb'"],
    ["\"a b\"", "'a b'"],
    ["\" \"", "' '"],
    ["\"a\u007f\"", "'a\\x7f'"],
  ])('%j -> %s', (text, repr) => {
    expect(pythonRepr(parsePythonJson(text))).toBe(repr);
  });

  it('keeps a string of exactly one block of escapes', () => {
    // json.loads('"' + '\\n' * 4096 + '"') == '\n' * 4096
    expect(parsePythonJson(`"${'\\n'.repeat(4096)}"`)).toBe('\n'.repeat(4096));
  });

  it('joins a string of many thousand escapes in order', () => {
    // len(json.loads('"' + '\\n' * 9000 + 'x"')) == 9001
    expect(parsePythonJson(`"${'\\n'.repeat(9000)}x"`)).toBe(`${'\n'.repeat(9000)}x`);
  });

  it('gives plain objects whose members can be reassigned and deleted, as a dict\'s', () => {
    const parsed = parsePythonJson('{"a": 1, "__proto__": 2}') as Record<string, unknown>;
    for (const key of ['a', '__proto__']) {
      expect(Object.getOwnPropertyDescriptor(parsed, key)).toMatchObject({ enumerable: true, writable: true, configurable: true });
    }
  });
});

describe('parsePythonJson fails where json.loads fails, with its message', () => {
  it.each<[string, string]>([
    ["\"\\ud83d\\ude0\"", "Invalid \\uXXXX escape: line 1 column 9 (char 8)"],
    ["\"\\ud83d\\\"", "Unterminated string starting at: line 1 column 1 (char 0)"],
    ["\"\\ud83d\\u\"", "Invalid \\uXXXX escape: line 1 column 9 (char 8)"],
    ["\"\\ud83d\\udc00", "Invalid \\uXXXX escape: line 1 column 9 (char 8)"],
    ["\"\\ud83d\\ude00", "Invalid \\uXXXX escape: line 1 column 9 (char 8)"],
    ["\"\\ud83d\\ud", "Invalid \\uXXXX escape: line 1 column 9 (char 8)"],
    ["\"x\\ud83d\\ude00", "Invalid \\uXXXX escape: line 1 column 10 (char 9)"],
    ["1e", "Extra data: line 1 column 2 (char 1)"],
    ["1e+", "Extra data: line 1 column 2 (char 1)"],
    ["1E-", "Extra data: line 1 column 2 (char 1)"],
    ["[1e]", "Expecting ',' delimiter: line 1 column 3 (char 2)"],
    ["[1e+]", "Expecting ',' delimiter: line 1 column 3 (char 2)"],
    ["-", "Expecting value: line 1 column 1 (char 0)"],
    ["12.", "Extra data: line 1 column 3 (char 2)"],
    ["1.5e", "Extra data: line 1 column 4 (char 3)"],
    ["01", "Extra data: line 1 column 2 (char 1)"],
    ["-01", "Extra data: line 1 column 3 (char 2)"],
    ["[0.e1]", "Expecting ',' delimiter: line 1 column 3 (char 2)"],
    ["1.e5", "Extra data: line 1 column 2 (char 1)"],
    ["1ex", "Extra data: line 1 column 2 (char 1)"],
    ["100e", "Extra data: line 1 column 4 (char 3)"],
    ["\"a\u001fb\"", "Invalid control character at: line 1 column 3 (char 2)"],
    ["\"", "Unterminated string starting at: line 1 column 1 (char 0)"],
    ["\"\\\"", "Unterminated string starting at: line 1 column 1 (char 0)"],
    ["\"\\", "Unterminated string starting at: line 1 column 1 (char 0)"],
    ["\"a\u0000\"", "Invalid control character at: line 1 column 3 (char 2)"],
    ["\"\ud83d\ude00\" x", "Extra data: line 1 column 5 (char 4)"],
    ["[\"\ud83d\ude00\", \"\ud83d\ude00\", x]", "Expecting value: line 1 column 12 (char 11)"],
    ["\"\ud83d\ude00\"\n x", "Extra data: line 2 column 2 (char 5)"],
    ["[1,\n\"\ud83d\ude00\",\n x]", "Expecting value: line 3 column 2 (char 10)"],
    ["\n\n  x", "Expecting value: line 3 column 3 (char 4)"],
    ["x\n", "Expecting value: line 1 column 1 (char 0)"],
    ["[\n\n1 2]", "Expecting ',' delimiter: line 3 column 3 (char 5)"],
    ["[\"ab\", x]", "Expecting value: line 1 column 8 (char 7)"],
    ["[\"\\n\", x]", "Expecting value: line 1 column 8 (char 7)"],
    ["\"\\u00e9\\u00e9\" x", "Extra data: line 1 column 16 (char 15)"],
  ])('%j: %s', (text, message) => {
    expect(pythonJsonError(text)).toBe(message);
  });

  it('raises a PythonJsonError named as such', () => {
    let raised: unknown;
    try {
      parsePythonJson('x');
    } catch (error) {
      raised = error;
    }
    expect(raised).toBeInstanceOf(PythonJsonError);
    expect((raised as Error).name).toBe('PythonJsonError');
  });
});
