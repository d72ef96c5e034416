import assert from "node:assert/strict";
import { crc32 } from "node:zlib";
import * as Plot from "@observablehq/plot";
import { plot, pngBytes } from "../../lib/plots/mod.ts";
import { pngPhysChunk, withDpi } from "../../lib/plots/png_dpi.ts";

/** Every chunk of a PNG, its CRC checked. */
function chunks(png: Uint8Array): string[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const types: string[] = [];
  for (let at = 8; at < png.length;) {
    const length = view.getUint32(at);
    types.push(new TextDecoder().decode(png.subarray(at + 4, at + 8)));
    assert.equal(view.getUint32(at + 8 + length), crc32(png.subarray(at + 4, at + 8 + length)));
    at += 12 + length;
  }
  return types;
}

Deno.test("a figure's PNG records its resolution right after its header, with valid CRCs", async () => {
  const figure = plot({ title: "A dot", marks: [Plot.dot([1], { x: (d) => d })] });
  const png = await pngBytes(figure);
  const types = chunks(png);
  assert.deepEqual(types.slice(0, 2), ["IHDR", "pHYs"]);
  assert.equal(types.at(-1), "IEND");
  assert.deepEqual(pngPhysChunk(png), { x: 11811, y: 11811, unit: 1 });
  assert.equal(pngPhysChunk(await pngBytes(figure, 2))?.x, Math.round(192 / 0.0254));
});

Deno.test("withDpi refuses what is not a PNG and a PNG that already has its resolution", async () => {
  assert.throws(() => withDpi(new Uint8Array(40), 300), /not a PNG/);
  const png = await pngBytes(plot({ marks: [Plot.dot([1], { x: (d) => d })] }));
  assert.throws(() => withDpi(png, 300), /already has a pHYs/);
});
