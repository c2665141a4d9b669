// Scores per document while a stored-index lookup adds up its postings: an open-addressing hash table sized to the
// lookup's posting budget (a few thousand documents), not an array indexed by document id. At a million complaints
// an id-indexed array is 4 MB touched at random, one cache miss per posting; this table stays within the CPU cache
// whatever the history's size.

/** Document id → accumulated score, in the order documents were first seen; cleared for the next lookup. */
export class ScoreTable {
  private keys: Int32Array;
  private values: Float32Array;
  /** Slots in use, in the order their document was first seen. */
  private order: Int32Array;
  private used = 0;

  constructor(capacity = 1 << 15) {
    const size = tableSize(capacity);
    this.keys = new Int32Array(size).fill(-1);
    this.values = new Float32Array(size);
    this.order = new Int32Array(size);
  }

  /** How many documents have a score. */
  get size(): number {
    return this.used;
  }

  /** Adds `by` to the document's score (a float32 sum, as the array it replaces kept). */
  add(doc: number, by: number): void {
    if (this.used * 2 >= this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let slot = hash(doc) & mask;
    for (;;) {
      const k = this.keys[slot] as number;
      if (k === doc) {
        this.values[slot] = (this.values[slot] as number) + by;
        return;
      }
      if (k === -1) {
        this.keys[slot] = doc;
        this.values[slot] = by;
        this.order[this.used++] = slot;
        return;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Calls `fn` for each document in first-seen order, then empties the table. */
  drain(fn: (doc: number, score: number) => void): void {
    for (let i = 0; i < this.used; i++) {
      const slot = this.order[i] as number;
      fn(this.keys[slot] as number, this.values[slot] as number);
      this.keys[slot] = -1;
    }
    this.used = 0;
  }

  private grow(): void {
    const { keys, values, order, used } = this;
    const size = keys.length * 2;
    this.keys = new Int32Array(size).fill(-1);
    this.values = new Float32Array(size);
    this.order = new Int32Array(size);
    this.used = 0;
    const mask = size - 1;
    for (let i = 0; i < used; i++) {
      const from = order[i] as number;
      let slot = hash(keys[from] as number) & mask;
      while (this.keys[slot] !== -1) slot = (slot + 1) & mask;
      this.keys[slot] = keys[from] as number;
      this.values[slot] = values[from] as number;
      this.order[this.used++] = slot;
    }
  }
}

function tableSize(capacity: number): number {
  let size = 16;
  while (size < capacity * 2) size *= 2;
  return size;
}

/** Spreads consecutive ids (the newest complaints of one term) over the table. */
function hash(doc: number): number {
  const h = Math.imul(doc, 0x9e3779b1);
  return (h ^ (h >>> 15)) >>> 0;
}
