/**
 * Rendering figures: standalone SVG text, PNG bytes (resvg, DejaVu Sans passed explicitly), files
 * written atomically, and the display bundle a notebook shows (PNG + SVG + a sentence of text).
 *
 * @module
 */
import { escapeAttributeValues, xmlCharacters } from "../xml_text.ts";
import { encodeBase64 } from "./base64.ts";
import type { Resvg } from "@resvg/resvg-wasm";
import type { Figure } from "./figure.ts";
import { FONT_FAMILY, FONT_PATHS, fontBytes } from "./fonts.ts";
import { withDpi } from "./png_dpi.ts";

/** The regular font every PNG is rasterised with (bold: `FONT_PATHS.bold`). */
export const FONT_PATH: string = FONT_PATHS.normal;

/** What a PNG is drawn with: resvg's renderer, its WebAssembly ready, and the fonts' bytes. */
interface Rasteriser {
  Resvg: typeof Resvg;
  fonts: Uint8Array[];
}

let ready: Promise<Rasteriser> | null = null;

/**
 * Loads resvg and the fonts the first time a PNG is drawn, never before: importing the figures
 * (or `lib/mod.ts`) loads no rasteriser.
 */
function rasteriser(): Promise<Rasteriser> {
  ready ??= (async () => {
    const resvg = await import("@resvg/resvg-wasm");
    await wasmOnce(resvg.initWasm);
    return { Resvg: resvg.Resvg, fonts: [fontBytes("normal"), fontBytes("bold")] };
  })();
  return ready;
}

/**
 * The key, on `globalThis`, of the promise of resvg's WebAssembly: resvg initialises it once per
 * process and throws on a second call, and a second copy of this module (the doc test runs the
 * examples again on a copy of `lib/`) shares the one npm module, so the promise is the process's,
 * not this module's.
 */
const WASM_READY = Symbol.for("lib/plots/render.ts: resvg WebAssembly");

/** Initialises resvg's WebAssembly once per process. */
function wasmOnce(initWasm: (wasm: Uint8Array) => Promise<void>): Promise<void> {
  const shared = globalThis as unknown as Record<symbol, Promise<void> | undefined>;
  shared[WASM_READY] ??= (async () => {
    const wasm = await Deno.readFile(
      new URL(import.meta.resolve("@resvg/resvg-wasm/index_bg.wasm")),
    );
    await initWasm(wasm);
  })();
  return shared[WASM_READY];
}

/**
 * The figure as standalone SVG text (with `xmlns`, UTF-8, final newline).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import * as Plot from "@observablehq/plot";
 * import { plot, svgText } from "#lib/plots/mod.ts";
 * const figure = plot({ title: "A dot", marks: [Plot.dot([1], { x: (d) => d })] });
 * assert.match(svgText(figure), /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
 * ```
 */
export function svgText(figure: Figure): string {
  const svg = figure.svg;
  if (!svg.getAttribute("xmlns")) svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  // An '&' or '<' in a value (a quantity named "A & B" in an aria-label), escaped on a copy.
  const copy = svg.cloneNode(true) as Element;
  escapeAttributeValues(copy);
  return xmlCharacters(copy.outerHTML) + "\n";
}

/**
 * Resolution of every PNG at print size, in dots per inch: 300, what journals ask of line art
 * with text at the least. A figure's CSS px are 1/96 inch at print size, so a PNG has
 * {@link PNG_SCALE} pixels per px.
 */
export const PNG_DPI = 300;

/** Pixels of a PNG per CSS px of its figure: {@link PNG_DPI} / 96. */
export const PNG_SCALE: number = PNG_DPI / 96;

/**
 * The figure rasterised to PNG at `scale` × its size (default {@link PNG_SCALE}: 300 dpi at print
 * size; the SVG is the print master), its resolution recorded in the file (`scale` × 96 dpi, a
 * `pHYs` chunk: see `png_dpi.ts`) so that it opens at print size. Deterministic: the same SVG
 * gives the same bytes.
 *
 * @param figure The figure.
 * @param scale Pixels per CSS px of the figure (default {@link PNG_SCALE}).
 * @returns The PNG's bytes.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import * as Plot from "@observablehq/plot";
 * import { plot, PNG_SCALE, pngBytes } from "#lib/plots/mod.ts";
 * import { pngPhysChunk } from "#lib/plots/png_dpi.ts";
 * const figure = plot({ title: "A dot", marks: [Plot.dot([1], { x: (d) => d })] });
 * const png = await pngBytes(figure);
 * // A PNG: its 8-byte signature, then the IHDR chunk with the width and height in pixels,
 * // PNG_SCALE × the figure's in CSS px, rounded.
 * assert.deepEqual([...png.slice(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10]);
 * const ihdr = new DataView(png.buffer, png.byteOffset + 16, 8);
 * const px = (attr: string) => Math.round(Number(figure.svg.getAttribute(attr)) * PNG_SCALE);
 * assert.equal(ihdr.getUint32(0), px("width"));
 * assert.equal(ihdr.getUint32(4), px("height"));
 * // Deterministic: the same figure gives the same bytes.
 * assert.deepEqual(await pngBytes(figure), png);
 * // It says its resolution: 300 dpi, as pixels per metre.
 * assert.equal(pngPhysChunk(png)?.x, Math.round(300 / 0.0254));
 * ```
 */
export async function pngBytes(figure: Figure, scale = PNG_SCALE): Promise<Uint8Array> {
  const { Resvg, fonts } = await rasteriser();
  const resvg = new Resvg(svgText(figure), {
    font: { fontBuffers: fonts, defaultFontFamily: FONT_FAMILY, loadSystemFonts: false },
    fitTo: { mode: "zoom", value: scale },
    background: "white",
  });
  const png = resvg.render().asPng();
  resvg.free();
  return withDpi(png, scale * 96);
}

/** Writes bytes to `path` through a temporary file and a rename (see `lib/write.ts`). */
export { writeAtomic } from "../write.ts";

/** A Jupyter display bundle. */
export type DisplayBundle = Record<"image/png" | "image/svg+xml" | "text/plain", string>;

/**
 * The display bundle of a figure: PNG (shows in untrusted notebooks and on code-hosting sites),
 * SVG, and a sentence of text. Show it with `Deno.jupyter.display(bundle, { raw: true })`.
 *
 * @param figure The figure.
 * @param scale Pixels of the PNG per CSS px of the figure (default {@link PNG_SCALE}).
 * @returns The bundle: the PNG in base64, the SVG text, the figure's description.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import * as Plot from "@observablehq/plot";
 * import { displayBundle, plot, svgText } from "#lib/plots/mod.ts";
 * const figure = plot({ title: "A dot", marks: [Plot.dot([1], { x: (d) => d })] });
 * const bundle = await displayBundle(figure);
 * assert.deepEqual(Object.keys(bundle), ["image/png", "image/svg+xml", "text/plain"]);
 * // The PNG in base64 (its signature encodes as "iVBORw0KGgo"), the SVG, the sentence.
 * assert.ok(bundle["image/png"].startsWith("iVBORw0KGgo"));
 * assert.equal(bundle["image/svg+xml"], svgText(figure));
 * assert.equal(bundle["text/plain"], figure.description);
 * ```
 */
export async function displayBundle(figure: Figure, scale = PNG_SCALE): Promise<DisplayBundle> {
  return {
    "image/png": encodeBase64(await pngBytes(figure, scale)),
    "image/svg+xml": svgText(figure),
    "text/plain": figure.description,
  };
}

/** Jupyter display metadata: the size at which a PNG is shown. */
export type DisplayMetadata = Record<"image/png", { width: number; height: number }>;

/**
 * The display metadata of a figure: show the PNG (rasterised at 300 dpi) at the figure's own
 * size in CSS px, the size its SVG is shown at, so that a notebook looks the same whichever of
 * the two the front end picks. Send it with the bundle, e.g.
 * `Deno.jupyter.broadcast("display_data", { data: bundle, metadata, transient: {} })`.
 *
 * @param figure The figure.
 * @returns `{ "image/png": { width, height } }` in CSS px.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import * as Plot from "@observablehq/plot";
 * import { displayMetadata, figureWidth, plot } from "#lib/plots/mod.ts";
 * const figure = plot({ title: "A dot", marks: [Plot.dot([1], { x: (d) => d })] });
 * assert.equal(displayMetadata(figure)["image/png"].width, figureWidth("full")); // a full-width figure
 * ```
 */
export function displayMetadata(figure: Figure): DisplayMetadata {
  const width = Number(figure.svg.getAttribute("width"));
  const height = Number(figure.svg.getAttribute("height"));
  if (!Number.isFinite(width) || !Number.isFinite(height)) {
    throw new TypeError("displayMetadata: the figure's <svg> needs numeric width and height");
  }
  return { "image/png": { width, height } };
}
