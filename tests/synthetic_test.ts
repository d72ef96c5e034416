/**
 * The synthetic generator (`deno task synthetic`) and the per-case summary: what the generator
 * writes is valid data, marked synthetic, the same for the same seed; the summary of a case is
 * its values' count, ends and range.
 */
import assert from "node:assert/strict";
import { caseNotes, caseSummary } from "../lib/summary.ts";
import { loadCaseSeries } from "../lib/mod.ts";
import { writeSyntheticSeries } from "../scripts/synthetic.ts";
import { TEST_DATA_DIR } from "./helpers/data_dir.ts";

/** Every file of a folder (recursively), by relative path. */
async function files(dir: string, prefix = ""): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for await (const e of Deno.readDir(`${dir}/${prefix}`)) {
    if (e.isDirectory) Object.assign(out, await files(dir, `${prefix}${e.name}/`));
    else out[`${prefix}${e.name}`] = await Deno.readTextFile(`${dir}/${prefix}${e.name}`);
  }
  return out;
}

Deno.test("synthetic series: valid data, marked synthetic, quotes from its own text", async () => {
  const dir = await Deno.makeTempDir({ prefix: "synthetic-" });
  try {
    const counts = await writeSyntheticSeries(dir, {
      cases: 7,
      observationsPerCase: 3,
      casesPerSource: 3,
      seed: 5,
    });
    assert.deepEqual([counts.sources, counts.cases, counts.observations], [3, 7, 21]);
    const series = await loadCaseSeries(dir); // checks every quote against its source text
    assert.equal(series.cases.length, 7);
    for (const source of series.sources.values()) {
      assert.match(source.citation, /^SYNTHETIC DATA, not a real article/);
      const text = await Deno.readTextFile(`${dir}/${source.textPath}`);
      assert.match(text, /^\[SYNTHETIC TEXT .* No real article, no real patient/);
    }
    for (const c of series.cases) {
      assert.equal(c.observations.length, 3);
      assert.ok(c.treatments.some((t) => t.drug === series.study.drug));
    }
    assert.deepEqual(caseNotes(series), []);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("synthetic series: the same seed writes the same bytes, another seed other data", async () => {
  const dirs = await Promise.all([1, 2, 3].map(() => Deno.makeTempDir({ prefix: "synthetic-" })));
  try {
    for (const [i, seed] of [[0, 9], [1, 9], [2, 10]]) {
      await writeSyntheticSeries(dirs[i], { cases: 4, seed });
    }
    const [a, b, c] = await Promise.all(dirs.map((d) => files(d)));
    assert.deepEqual(a, b);
    assert.notDeepEqual(a["observations.csv"], c["observations.csv"]);
  } finally {
    for (const d of dirs) await Deno.remove(d, { recursive: true });
  }
});

Deno.test("synthetic series: a wrong size is refused with what was expected", async () => {
  await assert.rejects(
    () => writeSyntheticSeries("/tmp/unused", { cases: 2, observationsPerCase: 0 }),
    /observationsPerCase must be a whole number/,
  );
});

Deno.test("deno task synthetic: its summary line counts each table's rows in words, singular for one", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const out = await new Deno.Command("deno", {
      args: [
        "run",
        "--allow-read",
        `--allow-write=${dir}`,
        "scripts/synthetic.ts",
        "1",
        `${dir}/s`,
      ],
      cwd: new URL("..", import.meta.url),
    }).output();
    assert.ok(out.success, new TextDecoder().decode(out.stderr));
    assert.equal(
      new TextDecoder().decode(out.stdout).trim(),
      `wrote ${dir}/s: 1 source, 1 case, 13 time points, 2 treatments, 10 observations, 1 event`,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("deno task synthetic: --help prints the usage, exit 0; a wrong argument, what is wrong and the usage, exit 2", async () => {
  const run = async (...args: string[]) => {
    const out = await new Deno.Command("deno", {
      args: ["run", "--allow-read", "scripts/synthetic.ts", ...args],
      cwd: new URL("..", import.meta.url),
    }).output();
    const text = (b: Uint8Array) => new TextDecoder().decode(b);
    return { code: out.code, stdout: text(out.stdout), stderr: text(out.stderr) };
  };
  for (const args of [["--help"], ["-h"]]) {
    const r = await run(...args);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^usage: deno task synthetic <cases> <dir> /);
    assert.equal(r.stderr, "");
  }
  for (const args of [["--check"], ["2"], ["2", "dir", "--seed"], ["2", ""]]) {
    const r = await run(...args);
    assert.equal(r.code, 2, args.join(" "));
    assert.equal(r.stdout, "");
    assert.match(
      r.stderr,
      /^synthetic: .*\nusage: deno task synthetic <cases> <dir> /,
      args.join(" "),
    );
  }
});

Deno.test("caseSummary: count, first and last in time, lowest and highest", async () => {
  const series = await loadCaseSeries(TEST_DATA_DIR);
  const c = series.cases.find((c) => c.observations.length > 1)!;
  const s = caseSummary(c);
  const values = c.observations.map((o) => o.common.nominal);
  assert.equal(s.n, values.length);
  assert.deepEqual(s.first, { day: c.observations[0].day.nominal, common: values[0] });
  assert.deepEqual(s.last, { day: c.observations.at(-1)!.day.nominal, common: values.at(-1) });
  assert.equal(s.min, Math.min(...values));
  assert.equal(s.max, Math.max(...values));
  assert.deepEqual(caseSummary({ ...c, observations: [] }), {
    caseId: c.id,
    sourceId: c.sourceId,
    n: 0,
    first: null,
    last: null,
    min: null,
    max: null,
  });
});

Deno.test("caseNotes: a case without VAS values or without the drug of interest is noted", async () => {
  const series = await loadCaseSeries(TEST_DATA_DIR);
  const c = series.cases[0];
  const notes = caseNotes({
    ...series,
    cases: [{ ...c, observations: [] }],
  }, "no-such-drug");
  assert.equal(notes.length, 2);
  assert.ok(notes[0].startsWith(`case ${c.id} has no pain value`), notes[0]);
  assert.ok(notes[1].startsWith(`case ${c.id} never takes no-such-drug`), notes[1]);
  // ... and says where the drug of interest is set.
  assert.ok(notes[1].endsWith("(the drug of interest is drug_of_interest in study.json)"));
});
