/**
 * One order for text, the same on every machine: a collator of a fixed locale (`en`), never the
 * machine's. `localeCompare(b)` and `new Intl.Collator()` order by the locale of the process,
 * which ICU takes from `LC_ALL`/`LANG` on Linux and macOS and from the user's settings on Windows
 * (where the kernel's `LC_ALL` is ignored): in Danish `aa` sorts after `z` and `A` before `a`, in
 * Lithuanian `y` between `i` and `j`. Ties between ids or drugs broken that way would make the
 * same data give differently ordered tables on another machine.
 *
 * @module
 */

/** The locale every text comparison of the library uses. */
export const TEXT_LOCALE = "en";

const collator = new Intl.Collator(TEXT_LOCALE);

/**
 * Compares two texts in the library's fixed order ({@link TEXT_LOCALE}), whatever the machine's
 * locale.
 *
 * @param a a text
 * @param b another
 * @returns a negative number when `a` comes first, positive when `b` does, 0 when equal
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { compareText } from "#lib/text_order.ts";
 * assert.deepEqual(["b", "aa", "A", "a"].sort(compareText), ["a", "A", "aa", "b"]);
 * assert.equal(compareText("x", "x"), 0);
 * ```
 */
export function compareText(a: string, b: string): number {
  return collator.compare(a, b);
}
