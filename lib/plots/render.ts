/**
 * Rendering figures: standalone SVG text, PNG bytes (resvg, DejaVu Sans passed explicitly), files
 * written atomically, and the display bundle a notebook shows (PNG + SVG + a sentence of text).
 *
 * @module
 */
import { encodeBase64 } from "./base64.ts";
import { initWasm, Resvg } from "@resvg/resvg-wasm";
import type { Figure } from "./compose.ts";

/** The font every PNG is rasterised with (Debian's fonts-dejavu-core). */
export const FONT_PATH = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

let ready: Promise<Uint8Array> | null = null;

/** Loads resvg's WebAssembly and the font once. */
function init(): Promise<Uint8Array> {
  ready ??= (async () => {
    const wasm = await Deno.readFile(
      new URL(import.meta.resolve("@resvg/resvg-wasm/index_bg.wasm")),
    );
    await initWasm(wasm);
    try {
      return await Deno.readFile(FONT_PATH);
    } catch {
      throw new Error(
        `font not found at ${FONT_PATH}: install it with 'apt-get install fonts-dejavu-core'`,
      );
    }
  })();
  return ready;
}

/**
 * The figure as standalone SVG text (with `xmlns`, UTF-8, final newline).
 *
 * @example
 * ```ts
 * import { svgText } from "./render.ts";
 * // svgText(figure).startsWith("<svg xmlns=") === true
 * ```
 */
export function svgText(figure: Figure): string {
  const svg = figure.svg;
  if (!svg.getAttribute("xmlns")) svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  return svg.outerHTML + "\n";
}

/**
 * The figure rasterised to PNG at `scale` × its size (default 2, for sharp text). Deterministic:
 * the same SVG gives the same bytes.
 *
 * @example
 * ```ts
 * import { pngBytes } from "./render.ts";
 * // (await pngBytes(figure)).slice(1, 4) is "PNG"
 * ```
 */
export async function pngBytes(figure: Figure, scale = 2): Promise<Uint8Array> {
  const font = await init();
  const resvg = new Resvg(svgText(figure), {
    font: { fontBuffers: [font], defaultFontFamily: "DejaVu Sans", loadSystemFonts: false },
    fitTo: { mode: "zoom", value: scale },
    background: "white",
  });
  const png = resvg.render().asPng();
  resvg.free();
  return png;
}

/** Writes bytes to `path` through a temporary file and a rename: never half-written. */
export async function writeAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const tmp = `${path}.tmp-${crypto.randomUUID()}`;
  if (typeof data === "string") await Deno.writeTextFile(tmp, data);
  else await Deno.writeFile(tmp, data);
  await Deno.rename(tmp, path);
}

/**
 * Writes `<dir>/<name>.svg` and `<dir>/<name>.png` and returns their paths.
 *
 * @example
 * ```ts
 * import { writeFigure } from "./render.ts";
 * // await writeFigure(figure, "results/figures", "case-1-timeline")
 * ```
 */
export async function writeFigure(figure: Figure, dir: string, name: string): Promise<string[]> {
  await Deno.mkdir(dir, { recursive: true });
  const svg = `${dir}/${name}.svg`;
  const png = `${dir}/${name}.png`;
  await writeAtomic(svg, svgText(figure));
  await writeAtomic(png, await pngBytes(figure));
  return [svg, png];
}

/** A Jupyter display bundle. */
export type DisplayBundle = Record<"image/png" | "image/svg+xml" | "text/plain", string>;

/**
 * The display bundle of a figure: PNG (shows in untrusted notebooks and on code-hosting sites),
 * SVG, and a sentence of text. Show it with `Deno.jupyter.display(bundle, { raw: true })`.
 *
 * @example
 * ```ts
 * import { displayBundle } from "./render.ts";
 * // Object.keys(await displayBundle(figure)) → ["image/png", "image/svg+xml", "text/plain"]
 * ```
 */
export async function displayBundle(figure: Figure): Promise<DisplayBundle> {
  return {
    "image/png": encodeBase64(await pngBytes(figure)),
    "image/svg+xml": svgText(figure),
    "text/plain": figure.description,
  };
}
