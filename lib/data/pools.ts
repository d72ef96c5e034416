/**
 * Values shared within one load: the many rows with the same value, offset, dose or
 * common-metric value hold one frozen object between them.
 *
 * @module
 */
import type { NominalInterval } from "../intervals.ts";
import type { Dose } from "../model.ts";
import { type Scale, toCommon } from "../scales.ts";

/**
 * Shares equal intervals: returns one frozen object for each distinct `(lo, hi, nominal)`, so
 * that the many rows with the same VAS value or the same offset hold one object between them.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { IntervalPool } from "#lib/data/pools.ts";
 * const pool = new IntervalPool();
 * assert.equal(pool.get(1, 3, 2), pool.get(1, 3, 2));
 * assert.ok(Object.isFrozen(pool.get(5, 5, 5)));
 * ```
 */
export class IntervalPool {
  #pool = new Map<number, Map<number, Map<number, NominalInterval>>>();
  #points = new Map<number, NominalInterval>();
  #last: NominalInterval | null = null;

  /** The shared interval equal to `(lo, hi, nominal)` (a zero's sign is not kept). */
  get(lo: number, hi: number, nominal: number): NominalInterval {
    const last = this.#last;
    if (last !== null && last.lo === lo && last.hi === hi && last.nominal === nominal) return last;
    if (lo === hi && hi === nominal) {
      // A point (most values and offsets): one lookup.
      let p = this.#points.get(lo);
      if (!p) this.#points.set(lo, p = Object.freeze({ lo, hi, nominal }));
      return this.#last = p;
    }
    let byHi = this.#pool.get(lo);
    if (!byHi) this.#pool.set(lo, byHi = new Map());
    let byNominal = byHi.get(hi);
    if (!byNominal) byHi.set(hi, byNominal = new Map());
    let x = byNominal.get(nominal);
    if (!x) byNominal.set(nominal, x = Object.freeze({ lo, hi, nominal }));
    return this.#last = x;
  }
}

/**
 * Dose intervals shared, within one load, by every row with the same dose (rows repeat a few).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { DosePool } from "#lib/data/pools.ts";
 * const pool = new DosePool();
 * assert.equal(pool.get(25, 50), pool.get(25, 50));
 * assert.deepEqual(pool.get(75, 75), { lo: 75, hi: 75 });
 * ```
 */
export class DosePool {
  #pool = new Map<string, Readonly<Dose>>();
  /** The shared dose `[lo, hi]`. */
  get(lo: number, hi: number): Readonly<Dose> {
    const key = `${lo}|${hi}`;
    let d = this.#pool.get(key);
    if (d === undefined) this.#pool.set(key, d = Object.freeze({ lo, hi }));
    return d;
  }
}

/**
 * Shares the common-metric interval of equal values on the same scale (rows repeat values).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { CommonPool } from "#lib/data/pools.ts";
 * import { scaleOf } from "#lib/scales.ts";
 * const pool = new CommonPool();
 * const mm = scaleOf("vas-100mm");
 * const v = { lo: 60, hi: 60, nominal: 60 };
 * assert.equal(pool.get(mm, v), pool.get(mm, { ...v }));
 * assert.equal(pool.get(mm, v).nominal, 6);
 * ```
 */
export class CommonPool {
  #map = new Map<string, NominalInterval>();
  /** The common-metric interval of `value` on `scale`. */
  get(scale: Scale, value: NominalInterval): NominalInterval {
    const key = `${scale.id}|${value.lo}|${value.nominal}|${value.hi}`;
    let c = this.#map.get(key);
    if (c === undefined) {
      c = Object.freeze(toCommon(scale, value));
      this.#map.set(key, c);
    }
    return c;
  }
}
