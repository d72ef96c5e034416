/**
 * Large tables parsed on a second thread (lib/data/prefetch.ts) give the load exactly what the
 * reader on this thread gives: the same rows, values and lines; the same series; the same
 * problems, which the worker leaves to this thread's reader.
 */
import assert from "node:assert/strict";
import { readTable } from "../../lib/csv.ts";
import { LoadContext } from "../../lib/data/context.ts";
import { parseTable, Prefetch, replay } from "../../lib/data/prefetch.ts";
import { DataValidationError, DEFAULT_DATA_DIR, loadCaseSeries } from "../../lib/mod.ts";
import { type TableName, tableSchemas } from "../../lib/schema.ts";
import { copyTree, dataWithFixture } from "../helpers/data_dir.ts";

const TABLES = Object.keys(tableSchemas) as TableName[];

/** The rows a table's reader gives this thread, with their lines. */
function readHere(dir: string, name: TableName): { row: number; value: unknown }[] {
  const { file, schema } = tableSchemas[name];
  const read = readTable(file, Deno.readTextFileSync(`${dir}/${file}`), schema);
  assert.deepEqual(read.issues, [], `${file} reads without a problem`);
  return read.rows;
}

/** The rows of a table parsed by column, replayed. */
function replayed(dir: string, name: TableName): { row: number; value: unknown }[] {
  const table = parseTable(`${dir}/${tableSchemas[name].file}`, name, dir);
  assert.ok(table.ok, `${name} parses by column`);
  const rows: { row: number; value: unknown }[] = [];
  replay(table, name, (row, value, valid) => {
    assert.equal(valid, value, "a replayed row is whole: its valid cells are the row");
    rows.push({ row, value });
  }, dir);
  return rows;
}

Deno.test("every table parsed by column replays the rows, values and lines the reader gives", async () => {
  const grown = await dataWithFixture();
  try {
    for (const dir of [DEFAULT_DATA_DIR, grown]) {
      for (const name of TABLES) {
        const here = readHere(dir, name);
        assert.ok(here.length > 0);
        assert.deepEqual(replayed(dir, name), here, `${dir} ${name}`);
      }
    }
  } finally {
    await Deno.remove(grown, { recursive: true });
  }
});

Deno.test("a table with any problem is not parsed by column: this thread's reader reports it", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const { file, schema } = tableSchemas.events;
    const path = `${dir}/${file}`;
    const header = Object.keys(schema.shape).join(",");
    const good = "A,amputation,t0,amputation,the limb was amputated";
    for (
      const text of [
        `${header}\n${good}\nA,amputation,t0\n`, // a row too short
        `${header}\n${good}\nA,amputation,t0,amputation,\n`, // an empty required cell
        `\ufeff${header}\n${good}\n`, // a byte-order mark
        `${header}\n`, // a header without rows
        "",
      ]
    ) {
      await Deno.writeTextFile(path, text);
      assert.equal(parseTable(path, "events", dir).ok, false, JSON.stringify(text));
    }
    assert.equal(parseTable(`${dir}/none.csv`, "events", dir).ok, false, "no such file");
    await Deno.writeTextFile(path, `${header}\n${good}\n`);
    assert.equal(parseTable(path, "events", dir).ok, true, "the same table without the problem");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("each table given is parsed as the reader parses it, by one thread or the other; others are null", async () => {
  const dir = DEFAULT_DATA_DIR;
  // While the worker parses the first, this thread parses the second (not the largest left).
  const p = new Prefetch(dir, dir, ["observations", "events", "timepoints"], 0);
  try {
    for (const name of ["observations", "events", "timepoints"] as const) {
      const t = await p.take(name);
      assert.deepEqual(t, parseTable(`${dir}${tableSchemas[name].file}`, name, dir));
    }
    assert.equal(await p.take("cases"), null);
  } finally {
    p.close();
  }
  const big = new Prefetch(dir, dir, ["observations"]);
  assert.equal(await big.take("observations"), null, "a table under the size the worker takes");
  const stopped = new Prefetch(dir, dir, ["observations"], 0);
  stopped.close();
  assert.equal(await stopped.take("observations"), null, "the worker stopped before sending it");
});

Deno.test("a table the worker parsed is replayed, not read again; one with a problem is read here", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await copyTree(DEFAULT_DATA_DIR.replace(/\/$/, ""), dir);
    const ctx = new LoadContext(`${dir}/`, dir);
    const { file, schema } = tableSchemas.events;
    const text = await Deno.readTextFile(`${dir}/${file}`);
    await Deno.writeTextFile(
      `${dir}/${tableSchemas.treatments.file}`,
      `${Object.keys(tableSchemas.treatments.schema.shape)}\nx\n`,
    );
    ctx.prefetch(["events", "treatments"], 0);
    await ctx.parsed("events");
    await ctx.parsed("treatments");
    // Gone from the folder: only the worker's parse can give its rows now.
    await Deno.remove(`${dir}/${file}`);
    const rows: number[] = [];
    ctx.table("events", (row) => rows.push(row));
    ctx.table("treatments", () => {});
    ctx.close();
    assert.equal(rows.length, readTable(file, text, schema).rows.length);
    assert.ok(ctx.usable.has("events"));
    assert.match(
      ctx.issues.error()!.issues.map((i) => `${i.file}:${i.row}: ${i.message}`).join("\n"),
      /treatments\.csv:2: row has 1 cell/,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a load with every table parsed on the second thread gives the same series as one without", async () => {
  const grown = await dataWithFixture();
  try {
    for (const dir of [DEFAULT_DATA_DIR, grown]) {
      const here = await loadCaseSeries(dir, { parallel: false });
      const there = await loadCaseSeries(dir, { parallel: 0 });
      assert.deepEqual(there, here, dir);
    }
  } finally {
    await Deno.remove(grown, { recursive: true });
  }
});

Deno.test("a load with problems in the tables the worker parses reports them as one without", async () => {
  const dir = await dataWithFixture();
  try {
    const append = async (file: string, line: (last: string[]) => string) => {
      const text = await Deno.readTextFile(`${dir}/${file}`);
      const rows = text.trimEnd().split("\n");
      await Deno.writeTextFile(`${dir}/${file}`, `${text}${line(rows.at(-1)!.split(","))}\n`);
    };
    // A time point twice, a treatment with an unknown case, a pain value off its scale.
    await append("timepoints.csv", (last) => last.join(","));
    await append("treatments.csv", (last) => ["nobody", ...last.slice(1)].join(","));
    await append("observations.csv", (last) => last.with(4, "999").join(","));
    const problems = async (parallel: boolean | number) => {
      try {
        await loadCaseSeries(dir, { parallel });
      } catch (e) {
        if (e instanceof DataValidationError) return e.issues;
        throw e;
      }
      assert.fail("the load passed");
    };
    const here = await problems(false);
    assert.ok(here.some((i) => i.file === "timepoints.csv"));
    assert.ok(here.some((i) => i.file === "treatments.csv"));
    assert.ok(here.some((i) => i.file === "observations.csv"));
    assert.deepEqual(await problems(0), here);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a script that may read only its data folder loads on one thread, with no prompt and nothing on standard error", async () => {
  const dir = await Deno.makeTempDir();
  const script = `${dir}/load.ts`;
  try {
    await copyTree(DEFAULT_DATA_DIR.replace(/\/$/, ""), `${dir}/data`);
    const load = new URL("../../lib/load.ts", import.meta.url).href;
    await Deno.writeTextFile(
      script,
      `import { loadCaseSeries } from ${JSON.stringify(load)};\n` +
        `const s = await loadCaseSeries(${JSON.stringify(`${dir}/data`)}, { parallel: 0 });\n` +
        `console.log(s.cases.length);\n`,
    );
    const out = await new Deno.Command("deno", {
      args: [
        "run",
        "--no-prompt",
        `--config=${new URL("../../deno.json", import.meta.url).pathname}`,
        `--allow-read=${dir}/data`,
        script,
      ],
      stdout: "piped",
      stderr: "piped",
    }).output();
    const stderr = new TextDecoder().decode(out.stderr);
    assert.equal(out.code, 0, stderr);
    assert.equal(stderr, "");
    const cases = (await loadCaseSeries(DEFAULT_DATA_DIR, { parallel: false })).cases.length;
    assert.equal(new TextDecoder().decode(out.stdout).trim(), String(cases));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
