/**
 * Streaming observations: each row checked on its own, a per-case summary in file order on the
 * common metric, problems located and capped, nothing held but the summaries.
 */
import assert from "node:assert/strict";
import { streamObservations } from "../../lib/data/stream.ts";
import { columnsOf } from "../../lib/schema.ts";
import { loadCaseSeries } from "../../lib/mod.ts";

/** A data folder holding only an `observations.csv` of these rows (cells by column name). */
async function folder(rows: Record<string, string>[]): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "stream-test-" });
  const columns = columnsOf("observations");
  const lines = [columns.join(","), ...rows.map((r) => columns.map((c) => r[c] ?? "").join(","))];
  await Deno.writeTextFile(`${dir}/observations.csv`, lines.join("\n") + "\n");
  return dir;
}

/** An observation row: a point value on a scale. */
const obs = (caseId: string, time: string, scale: string, v: number) => ({
  case_id: caseId,
  time,
  scale,
  value_lo: String(v),
  value_nominal: String(v),
  value_hi: String(v),
  value_rule: "exact",
  value_words: `pain ${v}`,
  quote: `the pain was ${v} then`,
});

Deno.test("streamObservations: per case, in file order, on the common metric", async () => {
  const dir = await folder([
    obs("a", "t1", "vas-10cm", 8),
    obs("b", "t1", "vas-100mm", 70),
    obs("a", "t2", "vas-10cm", 2),
    obs("a", "t3", "vas-10cm", 5),
    obs("b", "t2", "vas-100mm", 30),
  ]);
  try {
    const s = streamObservations(dir);
    assert.deepEqual(s.issues, []);
    assert.equal(s.rows, 5);
    assert.deepEqual(s.cases, [
      { caseId: "a", scales: ["vas-10cm"], n: 3, first: 8, last: 5, min: 2, max: 8, mean: 5 },
      // 100 mm are tenths of a 10 cm VAS on the common metric.
      { caseId: "b", scales: ["vas-100mm"], n: 2, first: 7, last: 3, min: 3, max: 7, mean: 5 },
    ]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("streamObservations: a bad row is located and left out, the others still count; problems are capped and counted", async () => {
  const dir = await folder([
    obs("a", "t1", "vas-10cm", 8),
    obs("a", "t2", "vas-10cm", 12), // off the scale
    { ...obs("a", "t3", "vas-10cm", 5), value_lo: "6" }, // lo above nominal
    { ...obs("a", "t4", "vas-10cm", 4), scale: "vas-10mm" }, // unknown scale
    obs("a", "t5", "vas-10cm", 4),
  ]);
  try {
    const s = streamObservations(dir, { maxIssues: 2 });
    assert.equal(s.rows, 5);
    assert.equal(s.issueCount, 3);
    assert.deepEqual(s.issues.map((i) => [i.file, i.row, i.column]), [
      ["observations.csv", 3, "value_lo"],
      ["observations.csv", 4, "value_lo"],
    ]);
    assert.match(s.issues[0].message, /outside the range of scale vas-10cm/);
    assert.deepEqual(s.cases.map((c) => [c.caseId, c.n, c.first, c.last]), [["a", 2, 8, 4]]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("streamObservations: a file unusable as a whole gives its problem and no summary", async () => {
  const dir = await Deno.makeTempDir({ prefix: "stream-test-" });
  try {
    await Deno.writeTextFile(`${dir}/observations.csv`, "case_id,value\na,1\n");
    const s = streamObservations(dir);
    assert.deepEqual(s.cases, []);
    assert.ok(
      s.issues.some((i) => i.message === "missing column" && i.row === 1),
      s.issues[0]?.message,
    );
    // A missing file is a problem of the folder, worded as the loader words it.
    await Deno.remove(`${dir}/observations.csv`);
    const missing = streamObservations(dir);
    assert.equal(missing.cases.length, 0);
    assert.deepEqual(missing.issues, [{ file: "observations.csv", message: "file not found" }]);
    const loaded = await loadCaseSeries(dir).catch((e) => e);
    assert.ok(
      loaded.issues.some((i: unknown) => JSON.stringify(i) === JSON.stringify(missing.issues[0])),
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("streamObservations checks its arguments as loadCaseSeries does", async () => {
  const parent = await Deno.makeTempDir({ prefix: "stream-test-" });
  const nowhere = `${parent}/nowhere`;
  const message = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      assert.ok(e instanceof TypeError, String(e));
      return e.message;
    }
    assert.fail("no error");
  };
  // A folder that does not exist: the loader's message, word for word.
  const loaderSays = await loadCaseSeries(nowhere).then(() => "", (e) => e.message);
  assert.equal(message(() => streamObservations(nowhere)), loaderSays);
  assert.match(loaderSays, new RegExp(nowhere));
  // Not a path, or options that are not its options: the function, what it expected, what it got.
  assert.match(
    message(() => streamObservations(3 as unknown as string)),
    /^streamObservations: expected a data folder \(a path\)/,
  );
  assert.match(
    message(() => streamObservations(".", { maxIssue: 3 } as never)),
    /^streamObservations: .*maxIssue/,
  );
  await Deno.remove(parent);
});
