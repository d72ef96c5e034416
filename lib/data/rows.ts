/**
 * Rows of a table gathered by case while they stream: a map that remembers its last lookup, and
 * one case's rows with the line of each key (to report a duplicate at its first line).
 *
 * @module
 */

/**
 * A map keyed by case id that remembers its last lookup: the rows of a case usually follow each
 * other, so most lookups are of the same key as the one before.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ByCase } from "#lib/data/rows.ts";
 * const m = new ByCase<number>();
 * m.set("A", 1);
 * assert.equal(m.get("A"), 1);
 * m.delete("A");
 * assert.equal(m.get("A"), undefined);
 * ```
 */
export class ByCase<V> {
  #map = new Map<string, V>();
  #key: string | undefined;
  #value: V | undefined;

  /** The value of `key`, if any. */
  get(key: string): V | undefined {
    if (key === this.#key) return this.#value;
    this.#key = key;
    return this.#value = this.#map.get(key);
  }

  /** Sets the value of `key`. */
  set(key: string, value: V): void {
    this.#map.set(key, value);
    if (key === this.#key) this.#value = value;
  }

  /** Removes `key`. */
  delete(key: string): void {
    if (key === this.#key) this.#key = undefined;
    this.#map.delete(key);
  }

  /** The keys, in insertion order. */
  keys(): MapIterator<string> {
    return this.#map.keys();
  }
}

/** How many rows (or time points) of one case are looked up by a scan; beyond, by an index. */
export const SCANNED = 32;

/**
 * One case's rows of a table while they are read: their values in file order, and the line of an
 * earlier row with the same key (a scan while the rows are few, an index beyond). Created with
 * the case's first row, so that the many cases with a row or two hold arrays of that size (an
 * array that starts empty takes room for 17 at its first push).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { CaseRows } from "#lib/data/rows.ts";
 * const rows = new CaseRows("first", "k1", 2);
 * rows.add("second", "k2", 3);
 * assert.equal(rows.earlier("k2"), 3);
 * assert.deepEqual(rows.values, ["first", "second"]);
 * ```
 */
export class CaseRows<V, K> {
  /** The values, in file order. */
  readonly values: V[];
  /** Keys and lines, alternating (`[key, line, key, line, …]`), until the index replaces them. */
  #pairs: (K | number)[];
  /** Key → line of every row, once there are more than {@link SCANNED} (null until then). */
  #index: Map<K, number> | null = null;

  /**
   * @param value The first row's value.
   * @param key Its key.
   * @param row Its line.
   */
  constructor(value: V, key: K, row: number) {
    this.values = [value];
    this.#pairs = [key, row];
  }

  /** The line of an earlier row with `key`, if any. */
  earlier(key: K): number | undefined {
    if (this.#index !== null) return this.#index.get(key);
    const pairs = this.#pairs;
    for (let i = 0; i < pairs.length; i += 2) if (pairs[i] === key) return pairs[i + 1] as number;
    return undefined;
  }

  /** Adds a row whose key has no earlier row (the caller checks with {@link CaseRows.earlier}). */
  add(value: V, key: K, row: number): void {
    this.values.push(value);
    if (this.#index !== null) {
      this.#index.set(key, row);
      return;
    }
    const pairs = this.#pairs;
    pairs.push(key, row);
    if (pairs.length > 2 * SCANNED) {
      const index = new Map<K, number>();
      for (let i = 0; i < pairs.length; i += 2) index.set(pairs[i] as K, pairs[i + 1] as number);
      this.#index = index;
      this.#pairs = [];
    }
  }
}
