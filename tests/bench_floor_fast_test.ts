/**
 * The fast floor (`scripts/bench/floor_fast/mod.ts`) does the floor's work and gives its answer: the
 * same cells, quotes and quotes missing as `floor.ts` on RFC 4180 tables cut into chunks small
 * enough that a chunk's guessed start falls inside a quoted line break, on UTF-8 text, a quote in
 * another case's text, and quotes out of the text's order (the `resume` search).
 */
import assert from "node:assert/strict";
import { fastFloor } from "../scripts/bench/floor_fast/mod.ts";
import { writeSyntheticSeries } from "../scripts/synthetic.ts";
import { ROOT } from "../scripts/runner/paths.ts";
import { fileURLToPath } from "node:url";

const FLOOR = fileURLToPath(new URL("../scripts/bench/floor.ts", import.meta.url));

/** The lead floor's counts on `dir` (its own process, as the benchmark runs it). */
async function floorCounts(
  dir: string,
): Promise<{ cells: number; quotes: number; missing: number }> {
  const out = await new Deno.Command("deno", {
    args: ["run", "--quiet", "--allow-read", FLOOR, "--child", dir],
    stderr: "inherit",
  }).output();
  assert.ok(out.success, "floor.ts --child failed");
  const { cells, quotes, missing } = JSON.parse(new TextDecoder().decode(out.stdout));
  return { cells, quotes, missing };
}

/** A small folder with every shape of cell, and quotes found and not. */
async function tricky(dir: string): Promise<void> {
  const one = 'Case one: on day 2 the pain VAS was 8.5,\nand on day 9 "very" low → 2 cm.\r\n';
  const two = "Case two was never treated; its pain VAS was 6 throughout.\n";
  await Deno.mkdir(`${dir}/sources`);
  await Deno.writeTextFile(`${dir}/sources/one.txt`, one);
  await Deno.writeTextFile(`${dir}/sources/two.txt`, two);
  await Deno.writeTextFile(
    `${dir}/sources.csv`,
    'source_id,citation,doi,pmid,licence,text_path\r\ns1,"One, an article",,,,sources/one.txt\r\n' +
      "s2,Two,,,,sources/two.txt\r\n",
  );
  await Deno.writeTextFile(
    `${dir}/cases.csv`,
    'case_id,source_id,age_quote\nc1,s1,"Case one: on day 2"\nc2,s2,Case two\n',
  );
  const rows = ["case_id,time,note,quote"];
  for (let i = 0; i < 60; i++) {
    rows.push(
      `c1,t${i},"a note, with a line\nbreak and ""quotes""","the pain VAS was 8.5,\nand on day 9"`,
      `c1,u${i},,"""very"" low → 2 cm."`, // doubled quotes, UTF-8
      `c1,v${i},,Case one: on day 2`, // before the last find: the resumed search wraps
      `c2,w${i},"x\r\ny",its pain VAS was 6`,
      `c2,x${i},,the pain VAS was 8.5`, // in c1's text only: missing
      `c1,y${i},,`, // no quote
    );
  }
  await Deno.writeTextFile(`${dir}/observations.csv`, rows.join("\r\n") + "\r\n");
  for (const t of ["timepoints", "treatments", "events"]) {
    await Deno.writeTextFile(`${dir}/${t}.csv`, "case_id,quote\nc1,pain VAS\nc9,pain VAS\n");
  }
}

Deno.test("fast floor: the floor's counts on chunks cut inside quoted line breaks", async () => {
  const dir = await Deno.makeTempDir({ prefix: "floor-fast-" });
  try {
    await tricky(dir);
    const want = await floorCounts(dir);
    // sources 18 + cases 9 + observations 4 + 360 × 4 + three tables 3 × 2 each; quotes: 2 in
    // cases, 5 × 60 observations, 2 each in three tables; missing: c9's 3 (no case), x's 60
    assert.deepEqual(want, { cells: 1489, quotes: 308, missing: 63 });
    for (const options of [{ threads: 2 }, { threads: 2, resume: true }, { threads: 1 }]) {
      const got = await fastFloor(dir, { ...options, chunkBytes: 97 });
      assert.deepEqual({ cells: got.cells, quotes: got.quotes, missing: got.missing }, want);
      assert.ok(got.redone > 0, "some chunk guessed its start inside a quoted cell");
      const whole = await fastFloor(dir, { ...options, chunkBytes: 1 << 20 });
      assert.deepEqual({ cells: whole.cells, quotes: whole.quotes, missing: whole.missing }, want);
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("fast floor: the floor's counts on a synthetic series", async () => {
  const dir = await Deno.makeTempDir({ prefix: "floor-fast-" });
  try {
    await writeSyntheticSeries(dir, { cases: 30, observationsPerCase: 10 });
    const want = await floorCounts(dir);
    assert.equal(want.missing, 0);
    for (const resume of [false, true]) {
      const got = await fastFloor(dir, { resume, chunkBytes: 4096 });
      assert.deepEqual({ cells: got.cells, quotes: got.quotes, missing: got.missing }, want);
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("bench floor --fast: a row for the floor and each fast floor, same cells and quotes", async () => {
  const out = await new Deno.Command("deno", {
    args: ["task", "-q", "bench", "floor", "--fast", "100"],
    cwd: ROOT,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr);
  assert.equal(out.code, 0, text);
  const rows = [...text.matchAll(/^\| 100( \(fast(, resume)?\))? \| .*$/gm)].map((m) => m[0]);
  assert.equal(rows.length, 3, text);
  // The floor's row: its time, CPU, memory, cells and quotes.
  assert.match(rows[0], /^\| 100 \| [\d.]+ s \| [\d.]+ s \| \d+ MiB \| [\d,]+ \| [\d,]+ \| /);
  const counts = rows.map((r) => r.split(" | ").slice(4, 6).join(" | "));
  assert.deepEqual(counts, [counts[0], counts[0], counts[0]]);
});
