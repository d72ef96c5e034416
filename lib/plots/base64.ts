/**
 * Base64 of bytes, for PNGs in notebook outputs (`node:buffer`, no hand-written codec).
 *
 * @module
 */
import { Buffer } from "node:buffer";

/**
 * Base64 text of bytes.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { encodeBase64 } from "#lib/plots/base64.ts";
 * assert.equal(encodeBase64(new Uint8Array([1, 2, 3])), "AQID");
 * ```
 */
export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64");
}
