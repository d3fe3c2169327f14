/**
 * Blob values given as text under `cli_binary_format=base64` (e.g. `Body` in --cli-input-json)
 * are decoded with Python's `base64.b64decode(value)`: lenient, unlike Node's decoder in
 * what it rejects and where it stops.
 */

import { generalError } from '../errors/errors.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const SEXTET = new Map([...ALPHABET].map((char, index) => [char, index]));

/**
 * binascii.a2b_base64 in non-strict mode: characters outside the alphabet are skipped; a run
 * of `=` that completes a quartet (counted since the last data character) ends the input;
 * a dangling partial quartet is an error ("Incorrect padding"), which the AWS CLI reports as
 * `Invalid base64: "<value>"` (exit 255).
 */
export function decodePythonBase64(text: string): Buffer {
  // b64decode encodes a str argument as ASCII first; that ValueError is not one the AWS CLI
  // translates, so it surfaces as is.
  if (/[^\x00-\x7f]/.test(text)) throw generalError('string argument should contain only ASCII characters');
  const bytes: number[] = [];
  let quartetPosition = 0;
  let carry = 0;
  let pads = 0;
  for (const char of text) {
    if (char === '=') {
      if (quartetPosition >= 2 && quartetPosition + ++pads >= 4) return Buffer.from(bytes);
      continue;
    }
    const sextet = SEXTET.get(char);
    if (sextet === undefined) continue;
    pads = 0;
    switch (quartetPosition) {
      case 0:
        carry = sextet;
        break;
      case 1:
        bytes.push((carry << 2) | (sextet >> 4));
        carry = sextet & 0x0f;
        break;
      case 2:
        bytes.push((carry << 4) | (sextet >> 2));
        carry = sextet & 0x03;
        break;
      case 3:
        bytes.push((carry << 6) | sextet);
        break;
    }
    quartetPosition = (quartetPosition + 1) % 4;
  }
  if (quartetPosition !== 0) throw generalError(`Invalid base64: "${text}"`);
  return Buffer.from(bytes);
}
