/**
 * CRC-64/NVME of a concatenation from the CRCs of its parts: crc(A ‖ B) from crc(A), crc(B) and
 * the length of B. This lets two threads checksum the two halves of a part and still send the
 * exact value S3 computes over the whole.
 *
 * The CRC is reflected with initial value and final XOR both all ones, so those terms cancel
 * and crc(A ‖ B) = crc(A) · x^(8·|B|) mod P  ⊕  crc(B), computed in the reflected bit order
 * (bit 63 holds the coefficient of x^0).
 */

/** The NVMe polynomial 0xad93d23594c93659, bit-reversed. */
const REFLECTED_POLYNOMIAL = 0x9a6c9329ac4bc9b5n;
const MASK_64 = (1n << 64n) - 1n;
/** x^0 (the polynomial 1) in the reflected order. */
const ONE = 1n << 63n;
/** x^8: shifting a CRC by one byte multiplies it by this. */
const X_TO_THE_8 = 1n << 55n;

/** a · b mod P, both in the reflected order. */
function multiplyModP(a: bigint, b: bigint): bigint {
  let product = 0n;
  let multiple = b;
  // Coefficient of x^i of `a` sits at bit 63 - i; `multiple` is b · x^i mod P as i grows.
  for (let bit = ONE; bit !== 0n; bit >>= 1n) {
    if ((a & bit) !== 0n) product ^= multiple;
    multiple = (multiple & 1n) !== 0n ? (multiple >> 1n) ^ REFLECTED_POLYNOMIAL : multiple >> 1n;
  }
  return product;
}

/** x^(8·byteCount) mod P, by square and multiply over the bits of byteCount. */
function byteShiftOperator(byteCount: number): bigint {
  let result = ONE;
  let power = X_TO_THE_8;
  for (let remaining = BigInt(byteCount); remaining > 0n; remaining >>= 1n) {
    if ((remaining & 1n) !== 0n) result = multiplyModP(result, power);
    power = multiplyModP(power, power);
  }
  return result;
}

/** The CRC-64/NVME of A ‖ B, given crc(A), crc(B) and |B| in bytes (CRCs as unsigned 64-bit values). */
export function combineCrc64Nvme(crcOfFirst: bigint, crcOfSecond: bigint, secondLength: number): bigint {
  if (!Number.isSafeInteger(secondLength) || secondLength < 0) throw new RangeError(`Invalid length ${secondLength}`);
  return (multiplyModP(crcOfFirst & MASK_64, byteShiftOperator(secondLength)) ^ (crcOfSecond & MASK_64)) & MASK_64;
}
