/**
 * Buffers the passage ranking reuses instead of allocating per question (a question allocates less, so the
 * collector pauses fewer answers). Ranking runs one question at a time and keeps nothing between calls, so one
 * buffer of each kind serves every index; each is grown as needed and cleared for each use.
 */

let bits = new Uint8Array(4096);

/** `size` bytes, all 0. */
export function scratch(size: number): Uint8Array {
  if (size > bits.length) bits = new Uint8Array(Math.max(size, bits.length * 2));
  bits.fill(0, 0, size);
  return bits;
}

const numbers = [new Float64Array(256), new Float64Array(256), new Float64Array(256)];

/** `size` numbers, all 0, from buffer `k` (0 and 1: per passage, 2: per question term). */
export function floats(k: 0 | 1 | 2, size: number): Float64Array {
  if (size > numbers[k].length) numbers[k] = new Float64Array(Math.max(size, numbers[k].length * 2));
  numbers[k].fill(0, 0, size);
  return numbers[k];
}
