/**
 * A case's change and time-to-relief tables say where rounding alone moves a result across a
 * threshold (every stated value varied by half a unit of its last digit), and stay silent where
 * it does not.
 */
import assert from "node:assert/strict";
import { changeRows, loadCaseSeries, reliefRows } from "../../lib/mod.ts";
import { around } from "../helpers/constructed_case.ts";
import { TEST_DATA_DIR } from "../helpers/data_dir.ts";

const study = (await loadCaseSeries(TEST_DATA_DIR)).study;

Deno.test("change and relief tables: a result on a threshold's edge says it moves under rounding", () => {
  // 3.3 before the start, 2.3 a week after: 30.3% as stated, [27.6, 32.9]% under rounding.
  const edge = around(study, { before: 5, start: 10, a: 17 }, { before: 3.3, a: 2.3 });
  const change = changeRows(edge).find((r) => String(r.baseline).startsWith("last"))!;
  assert.equal(change["under rounding"], "[27.6, 32.9]%: crosses ≥30%");
  const relief = reliefRows(edge).find((r) =>
    String(r.baseline).startsWith("last") && r.threshold === "≥30%"
  )!;
  assert.match(String(relief.result), /^reached by day 7/);
  assert.match(String(relief["under rounding"]), /^moves under rounding: .*\[27\.6, 32\.9\]%/);
  // Not reached as stated (50%): rounding does not move it there, so nothing is said.
  const far = reliefRows(edge).find((r) =>
    String(r.baseline).startsWith("last") && r.threshold === "≥50%"
  )!;
  assert.equal(far["under rounding"], null);
});

Deno.test("change and relief tables: a result clear of every threshold says nothing of rounding", () => {
  // 8 → 1: 87.5% as stated, [86.8, 88.2]% under rounding, far from 30% and 50%; 7 points.
  const clear = around(study, { before: 5, start: 10, a: 17 }, { before: 8, a: 1 });
  assert.ok(changeRows(clear).every((r) => r["under rounding"] === null));
  assert.ok(reliefRows(clear).every((r) => r["under rounding"] === null));
});
