/**
 * A case notebook is edited when its source hash (cell types, sources, tags) differs from both
 * what this run writes and what the manifest records; with no record it is not refused
 * (scripts/runner/edited.ts).
 */
import assert from "node:assert/strict";
import { editedSince } from "../scripts/runner/edited.ts";
import { sourceHash } from "../scripts/runner/plan.ts";

type Cell = { cell_type: string; source: string; metadata: { tags?: string[] } };
const cell = (source: string, tags?: string[]): Cell => ({
  cell_type: "code",
  source,
  metadata: tags ? { tags } : {},
});
const text = (cells: Cell[]) => JSON.stringify({ cells });

const oldRun = [cell('const caseId = "1";', ["parameters"]), cell("caseId")];
const newTemplate = [cell('const caseId = "1";', ["parameters"]), cell("`case ${caseId}`")];

Deno.test("an old run's notebook, the template changed since and no record: not refused (unrecorded)", () => {
  const edit = editedSince({
    present: text(oldRun),
    written: text(newTemplate),
    recorded: undefined,
  });
  assert.deepEqual(edit, { kind: "unrecorded", cell: 2 });
});

Deno.test("an old run's notebook, the template changed since, the run recorded: not edited", () => {
  const recorded = sourceHash({ cells: oldRun });
  assert.equal(editedSince({ present: text(oldRun), written: text(newTemplate), recorded }), null);
});

Deno.test("a tag added (hide-input) is an edit, found at its cell", () => {
  const tagged = [oldRun[0], cell("caseId", ["hide-input"])];
  const recorded = sourceHash({ cells: oldRun });
  assert.deepEqual(
    editedSince({ present: text(tagged), written: text(oldRun), recorded }),
    { kind: "edited", cell: 2 },
  );
});

Deno.test("a changed template and a cell of the user's: edited", () => {
  const mine = [...oldRun, cell("1 + 1")];
  const recorded = sourceHash({ cells: oldRun });
  assert.deepEqual(
    editedSince({ present: text(mine), written: text(newTemplate), recorded }),
    { kind: "edited", cell: 2 },
  );
});

Deno.test("outputs, counts and other metadata are no edit", () => {
  const ran = JSON.stringify({
    cells: oldRun.map((c) => ({
      ...c,
      metadata: { ...c.metadata, scrolled: false },
      outputs: [{ output_type: "stream", name: "stdout", text: "x\n" }],
      execution_count: 3,
    })),
  });
  assert.equal(editedSince({ present: ran, written: text(oldRun), recorded: "other" }), null);
});
