// Growable typed arrays: the repeat index keeps a million documents' terms and postings in flat Int32Arrays instead
// of millions of small JS arrays, which keeps memory near 100 bytes a document and garbage collection quiet.

/** Returns `arr` if it can hold index `need`, else a copy with at least double the capacity. */
export function ensureInt32(arr: Int32Array, need: number): Int32Array {
  if (need < arr.length) return arr;
  let size = Math.max(4, arr.length);
  while (size <= need) size *= 2;
  const next = new Int32Array(size);
  next.set(arr);
  return next;
}

/** Same as ensureInt32 for Float32Array. */
export function ensureFloat32(arr: Float32Array, need: number): Float32Array {
  if (need < arr.length) return arr;
  let size = Math.max(4, arr.length);
  while (size <= need) size *= 2;
  const next = new Float32Array(size);
  next.set(arr);
  return next;
}

/** Same as ensureInt32 for Uint8Array. */
export function ensureUint8(arr: Uint8Array, need: number): Uint8Array {
  if (need < arr.length) return arr;
  let size = Math.max(4, arr.length);
  while (size <= need) size *= 2;
  const next = new Uint8Array(size);
  next.set(arr);
  return next;
}
