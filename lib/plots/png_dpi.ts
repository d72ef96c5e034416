/**
 * A PNG's resolution: the `pHYs` chunk that tells a viewer, a word processor or a journal's
 * submission checker how many pixels make an inch. Without it they assume 72 or 96 dpi and take a
 * 300 dpi figure for one three or four times its printed width.
 *
 * @module
 */
import { crc32 } from "node:zlib";

/** Bytes of the PNG signature and of the IHDR chunk (length, type, 13 bytes of data, CRC). */
const AFTER_IHDR = 8 + 4 + 4 + 13 + 4;

/** A chunk's bytes: length, type, data and the CRC of type and data. */
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/**
 * The PNG with its resolution recorded: a `pHYs` chunk of `dpi` (as whole pixels per metre, the
 * unit PNG uses) right after the header, replacing none (a PNG that already has one, or is not a
 * PNG, is refused).
 *
 * @param png The PNG's bytes, as an encoder writes them (IHDR first, no `pHYs`).
 * @param dpi Dots per inch.
 * @returns A new PNG.
 * @throws {Error} When `png` is not a PNG starting with its IHDR chunk, or already has `pHYs`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { pngPhysChunk, withDpi } from "#lib/plots/png_dpi.ts";
 * const sig = [137, 80, 78, 71, 13, 10, 26, 10];
 * const ihdr = [0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0, 58, 126, 155, 85];
 * const png = withDpi(new Uint8Array([...sig, ...ihdr]), 300);
 * assert.deepEqual(pngPhysChunk(png), { x: 11811, y: 11811, unit: 1 });
 * ```
 */
export function withDpi(png: Uint8Array, dpi: number): Uint8Array {
  const type = new TextDecoder().decode(png.subarray(12, 16));
  if (png.length < AFTER_IHDR || png[1] !== 0x50 || type !== "IHDR") {
    throw new Error("withDpi: not a PNG starting with its IHDR chunk");
  }
  if (pngPhysChunk(png) !== null) throw new Error("withDpi: the PNG already has a pHYs chunk");
  const perMetre = Math.round(dpi / 0.0254);
  const data = new Uint8Array(9);
  const view = new DataView(data.buffer);
  view.setUint32(0, perMetre);
  view.setUint32(4, perMetre);
  data[8] = 1; // the unit is the metre
  const phys = chunk("pHYs", data);
  const out = new Uint8Array(png.length + phys.length);
  out.set(png.subarray(0, AFTER_IHDR));
  out.set(phys, AFTER_IHDR);
  out.set(png.subarray(AFTER_IHDR), AFTER_IHDR + phys.length);
  return out;
}

/**
 * A PNG's `pHYs` chunk, read: pixels per unit across and down, and the unit (1: metre, 0:
 * unknown, an aspect ratio only); null when it has none.
 *
 * @param png The PNG's bytes.
 * @returns The chunk's values, or null.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { pngPhysChunk } from "#lib/plots/png_dpi.ts";
 * assert.equal(pngPhysChunk(new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10])), null);
 * ```
 */
export function pngPhysChunk(png: Uint8Array): { x: number; y: number; unit: number } | null {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  for (let at = 8; at + 12 <= png.length;) {
    const length = view.getUint32(at);
    const type = new TextDecoder().decode(png.subarray(at + 4, at + 8));
    if (type === "pHYs" && length === 9 && at + 17 <= png.length) {
      return { x: view.getUint32(at + 8), y: view.getUint32(at + 12), unit: png[at + 16] };
    }
    if (type === "IDAT" || type === "IEND") return null;
    at += 12 + length;
  }
  return null;
}
