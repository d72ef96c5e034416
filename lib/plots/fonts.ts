/**
 * The font every figure is drawn and measured with (DejaVu Sans 2.37, regular and bold: the files
 * of Debian 12's fonts-dejavu-core, committed in `lib/plots/fonts/` with their licence, so that
 * every machine draws with the same bytes), and the extent of a text in it. Layout (label placement, legends, caption
 * wrapping) and the overlap test measure text with the same font files that resvg rasterises
 * with, so that a label that fits on paper fits in the layout.
 *
 * @module
 */
import opentype from "opentype.js";
import { fileURLToPath } from "node:url";

/** Font weights the figures use. */
export type FontWeight = "normal" | "bold";

/** The font files, by weight. */
export const FONT_PATHS: Readonly<Record<FontWeight, string>> = Object.freeze({
  normal: fileURLToPath(new URL("./fonts/DejaVuSans.ttf", import.meta.url)),
  bold: fileURLToPath(new URL("./fonts/DejaVuSans-Bold.ttf", import.meta.url)),
});

/** The family name of the fonts (the name inside {@link FONT_PATHS}' files), which PNGs use. */
export const FONT_FAMILY = "DejaVu Sans";

/**
 * The font-family list written into every SVG: {@link FONT_FAMILY} first (the PNG rasteriser finds
 * it among the fonts it is given, so the PNGs do not change), then faces of about its widths for
 * a viewer that lacks it (Bitstream Vera Sans, which DejaVu Sans extends; Verdana), then Arial
 * and the generic sans-serif: without a list, such a viewer fell back to its default, often a
 * serif face, and the labels measured for DejaVu Sans overran their places.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { FONT_FAMILY, SVG_FONT_FAMILY } from "#lib/plots/fonts.ts";
 * assert.equal(SVG_FONT_FAMILY.split(", ")[0], FONT_FAMILY);
 * assert.equal(SVG_FONT_FAMILY.split(", ").at(-1), "sans-serif");
 * ```
 */
export const SVG_FONT_FAMILY = `${FONT_FAMILY}, Bitstream Vera Sans, Verdana, Arial, sans-serif`;

const bytes = new Map<FontWeight, Uint8Array>();
const parsed = new Map<FontWeight, opentype.Font>();

/**
 * The bytes of the font file of a weight (read once).
 *
 * @param weight "normal" or "bold".
 * @returns The TrueType file's bytes.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { fontBytes } from "#lib/plots/fonts.ts";
 * assert.ok(fontBytes("normal").length > 0);
 * ```
 */
export function fontBytes(weight: FontWeight = "normal"): Uint8Array {
  let b = bytes.get(weight);
  if (!b) {
    const path = FONT_PATHS[weight];
    if (!path) throw new TypeError(`font weight must be "normal" or "bold", got '${weight}'`);
    try {
      b = Deno.readFileSync(path);
    } catch (e) {
      throw new Error(`cannot read the font ${path}: ${(e as Error).message}`);
    }
    bytes.set(weight, b);
  }
  return b;
}

/**
 * The parsed font of a weight (parsed once). Glyphs are read when first measured (opentype.js's
 * `lowMemory`): a figure measures a few dozen of the font's thousands of glyphs, and parsing them
 * all took 70–100 ms per weight, in every kernel that draws a figure.
 */
function font(weight: FontWeight): opentype.Font {
  let f = parsed.get(weight);
  if (!f) {
    const b = fontBytes(weight);
    f = opentype.parse(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength), {
      lowMemory: true,
    });
    parsed.set(weight, f);
  }
  return f;
}

/** The extent of a line of text around its start point on the baseline, in px. */
export interface TextExtent {
  /** Advance width (sum of the glyphs' advances; kerning ignored, so never narrower than drawn). */
  width: number;
  /** Height of the ink above the baseline (tallest glyph). */
  ascent: number;
  /** Depth of the ink below the baseline (deepest glyph, ≥ 0). */
  descent: number;
}

const cache = new Map<string, TextExtent>();

/**
 * The extent of one line of text at a font size.
 *
 * @param text The text (one line).
 * @param size Font size in px.
 * @param weight "normal" (default) or "bold".
 * @returns Width, ascent and descent in px.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { measureText } from "#lib/plots/mod.ts";
 * const e = measureText("Case 1", 10);
 * assert.ok(e.width > 25 && e.width < 40);
 * ```
 */
export function measureText(text: string, size: number, weight: FontWeight = "normal"): TextExtent {
  if (!(size > 0)) throw new RangeError(`font size must be a positive number, got ${size}`);
  const key = `${weight}|${size}|${text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const f = font(weight);
  let advance = 0;
  let top = 0;
  let bottom = 0;
  for (const ch of text) {
    const g = f.charToGlyph(ch);
    advance += g.advanceWidth ?? 0;
    const box = g.getBoundingBox();
    if (box.y2 > top) top = box.y2;
    if (box.y1 < bottom) bottom = box.y1;
  }
  const k = size / f.unitsPerEm;
  const out = { width: advance * k, ascent: top * k, descent: -bottom * k };
  cache.set(key, out);
  return out;
}
