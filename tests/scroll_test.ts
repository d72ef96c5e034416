/**
 * A code cell with a long output is written `"scrolled": false`, so that Jupyter Notebook 6 shows
 * it whole rather than in a scroll box; a short one gets no mark, a `false` of a previous run is
 * recomputed, and a mark the runner never writes (`true`) is kept (scripts/runner/scroll.ts,
 * applied by the executor).
 */
import assert from "node:assert/strict";
import { executeCells } from "./helpers/notebook.ts";
import { LONG_OUTPUT_LINES } from "../scripts/runner/scroll.ts";

Deno.test("the executed notebook marks long outputs scrolled: false, only them, keeping the notebook's own mark", async () => {
  const long = `console.log("row\\n".repeat(${LONG_OUTPUT_LINES}).trimEnd())`;
  const short = `console.log("row\\n".repeat(${LONG_OUTPUT_LINES - 1}).trimEnd())`;
  const text = JSON.parse(
    JSON.stringify({
      cells: [long, short, long].map((source, i) => ({
        cell_type: "code",
        id: `c${i}`,
        metadata: i === 2 ? { scrolled: true } : {},
        source,
        execution_count: null,
        outputs: [],
      })),
      metadata: {},
      nbformat: 4,
      nbformat_minor: 5,
    }),
  );
  const nb = await executeCells({ text: JSON.stringify(text) });
  assert.deepEqual(nb.cells.map((c: { metadata: object }) => c.metadata), [
    { scrolled: false },
    {},
    { scrolled: true },
  ]);
});

Deno.test("a previous run's scrolled: false is recomputed: dropped when the outputs became short, and two runs write the same notebook", async () => {
  const long = `console.log("row\\n".repeat(${LONG_OUTPUT_LINES}).trimEnd())`;
  const short = `console.log("row")`;
  const text = JSON.stringify({
    cells: [long, short].map((source, i) => ({
      cell_type: "code",
      id: `c${i}`,
      // Both marked by a previous run, when both outputs were long.
      metadata: { scrolled: false },
      source,
      execution_count: null,
      outputs: [],
    })),
    metadata: {},
    nbformat: 4,
    nbformat_minor: 5,
  });
  const once = await executeCells({ text });
  assert.deepEqual(once.cells.map((c: { metadata: object }) => c.metadata), [
    { scrolled: false },
    {},
  ]);
  const twice = await executeCells({ text: JSON.stringify(once) });
  assert.equal(
    JSON.stringify(twice),
    JSON.stringify(once),
    "the same notebook from its own output",
  );
});
