/** `deno task bench` (scripts/bench.ts): which benchmarks run, each with the arguments after it. */
import assert from "node:assert/strict";
import { benchRuns } from "../scripts/bench.ts";

Deno.test("bench: each name takes the arguments after it; no name runs every benchmark", () => {
  const all = ["effect_sizes_bench", "load", "suite"];
  assert.deepEqual(benchRuns(["load", "1000000", "10000", "suite", "--rounds", "2"], all).runs, [
    { name: "load", args: ["1000000", "10000"] },
    { name: "suite", args: ["--rounds", "2"] },
  ]);
  assert.deepEqual(benchRuns([], all).runs.map((r) => r.name), all);
  assert.deepEqual(benchRuns(["1000000", "load"], all).unknown, ["1000000"]);
});
