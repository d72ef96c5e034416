/**
 * The depth of round brackets in a text, for the tests that prose never nests brackets.
 *
 * @module
 */

/**
 * The greatest depth of round brackets in a text (1: brackets, none inside brackets).
 *
 * @param text The text.
 * @returns The depth (0 without brackets).
 */
export function bracketDepth(text: string): number {
  let d = 0;
  let most = 0;
  for (const ch of text) {
    d += ch === "(" ? 1 : ch === ")" ? -1 : 0;
    most = Math.max(most, d);
  }
  return most;
}
