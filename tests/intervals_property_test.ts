/**
 * Property tests (fast-check) for the interval rules and the loader.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { stringify } from "csv-stringify/sync";
import { parse } from "csv-parse/sync";
import {
  addIntervals,
  amountStep,
  DataValidationError,
  intersect,
  loadCaseSeries,
  ruleOffset,
  tableSchemas,
  UNIT_DAYS,
} from "../lib/mod.ts";
import { copyData, TEST_DATA_DIR } from "./helpers/data_dir.ts";

const SEED = 20121123;
const unit = fc.constantFrom("day" as const, "week" as const, "month" as const);
const amount = fc.integer({ min: 0, max: 24 });

Deno.test("rules: every offset contains its nominal, and approx is one unit wide", () => {
  fc.assert(
    fc.property(
      fc.constantFrom("approx" as const, "within" as const),
      amount,
      unit,
      (rule, n, u) => {
        const o = ruleOffset(rule, n, u);
        assert.ok(o.lo <= o.nominal && o.nominal <= o.hi);
        if (rule === "approx") assert.equal(o.hi - o.lo, UNIT_DAYS[u]);
        if (rule === "within") assert.deepEqual([o.lo, o.hi], [0, n * UNIT_DAYS[u]]);
      },
    ),
    { seed: SEED },
  );
});

Deno.test("rules: an approx amount p/q is ± half its step, 1/q of its lowest terms (no finer than 1/q)", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 240 }),
      fc.constantFrom(1, 2, 3, 4, 5, 8, 10, 12, 24),
      fc.constantFrom("day" as const, "week" as const, "month" as const, "year" as const),
      (p, q, u) => {
        const n = p / q;
        const step = amountStep(n);
        // The step divides 1/q's multiple n a whole number of times, and is no finer than 1/q.
        assert.ok(step >= 1 / q - 1e-12, `step ${step} of ${p}/${q}`);
        assert.ok(Math.abs(n / step - Math.round(n / step)) < 1e-6, `step ${step} of ${p}/${q}`);
        assert.ok(Math.abs(q * step - Math.round(q * step)) < 1e-9, `step ${step} of ${p}/${q}`);
        const o = ruleOffset("approx", n, u);
        assert.ok(Math.abs(o.hi - o.lo - step * UNIT_DAYS[u]) < 1e-9);
        assert.ok(o.hi - o.lo <= UNIT_DAYS[u]);
      },
    ),
    { seed: SEED },
  );
});

Deno.test("rules: exact offsets are points, and months are never exact", () => {
  fc.assert(
    fc.property(amount, fc.constantFrom("day" as const, "week" as const), (n, u) => {
      const o = ruleOffset("exact", n, u);
      assert.deepEqual(o, {
        lo: n * UNIT_DAYS[u],
        hi: n * UNIT_DAYS[u],
        nominal: n * UNIT_DAYS[u],
      });
      assert.throws(() => ruleOffset("exact", n, "month"), /never exact/);
    }),
    { seed: SEED },
  );
});

const interval = fc.tuple(
  fc.double({ min: -1e3, max: 1e3, noNaN: true }),
  fc.double({ min: 0, max: 1e3, noNaN: true }),
)
  .map(([lo, w]) => ({ lo, hi: lo + w, nominal: lo + w / 2 }));

Deno.test("interval sum contains every sum of members; intersection is inside both", () => {
  fc.assert(
    fc.property(
      interval,
      interval,
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      (a, b, s, t) => {
        const x = a.lo + s * (a.hi - a.lo);
        const y = b.lo + t * (b.hi - b.lo);
        const sum = addIntervals(a, b);
        assert.ok(sum.lo <= x + y + 1e-9 && x + y <= sum.hi + 1e-9);
        const i = intersect(a, b);
        if (i) assert.ok(i.lo >= a.lo && i.lo >= b.lo && i.hi <= a.hi && i.hi <= b.hi);
        else assert.ok(a.hi < b.lo || b.hi < a.lo);
      },
    ),
    { seed: SEED },
  );
});

const tables = Object.values(tableSchemas).map((t) => t.file);

Deno.test("loader: any valid table re-written (rows shuffled, any quoting) loads to the same data", async () => {
  const reference = await loadCaseSeries(TEST_DATA_DIR);
  const dir = await copyData();
  try {
    const originals = Object.fromEntries(
      await Promise.all(tables.map(async (f) => [f, await Deno.readTextFile(`${dir}/${f}`)])),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...tables),
        fc.boolean(),
        fc.boolean(),
        fc.integer(),
        async (file, quoteAll, crlf, seed) => {
          const [header, ...rows] = parse(originals[file]) as string[][];
          const mixed = fc.sample(
            fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }),
            { seed, numRuns: 1 },
          )[0];
          // The rows of one case in timepoints.csv are in narrative order, which is data: the
          // cases are interleaved at random, each keeping its own order.
          const next = new Map<string, string[][]>();
          for (const r of rows) next.set(r[0], [...(next.get(r[0]) ?? []), r]);
          const shuffled = file === "timepoints.csv"
            ? mixed.map((r) => next.get(r[0])!.shift()!)
            : mixed;
          const text = stringify([header, ...shuffled], {
            quoted: quoteAll,
            record_delimiter: crlf ? "windows" : "unix",
          });
          await Deno.writeTextFile(`${dir}/${file}`, text);
          const loaded = await loadCaseSeries(dir);
          await Deno.writeTextFile(`${dir}/${file}`, originals[file]);
          // Treatments, observations and events come back in chronological order whatever the row
          // order; only the case list and the raw time-point list keep file order.
          const norm = (s: typeof reference) =>
            JSON.stringify(
              s.cases.map((c) => ({
                ...c,
                timepoints: [...c.timepoints].sort((a, b) => a.id.localeCompare(b.id)),
              }))
                .sort((a, b) => a.id.localeCompare(b.id)),
            );
          assert.equal(norm(loaded), norm(reference));
        },
      ),
      { seed: SEED, numRuns: 40 },
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

/** Numeric columns where an empty cell is valid (and junk is not). */
const optionalNumbers = new Set(["treatments.csv:dose_mg_per_day"]);

const numericColumns: Record<string, string[]> = {
  "cases.csv": ["age"],
  "timepoints.csv": ["day_lo", "day_nominal", "day_hi"],
  "treatments.csv": ["dose_mg_per_day"],
  "observations.csv": ["value_lo", "value_nominal", "value_hi"],
};

Deno.test("loader: any single corrupted numeric cell is reported at its row and column", async () => {
  const dir = await copyData();
  try {
    const files = Object.keys(numericColumns);
    const originals = Object.fromEntries(
      await Promise.all(files.map(async (f) => [f, await Deno.readTextFile(`${dir}/${f}`)])),
    );
    const junk = fc.oneof(
      fc.constantFrom("NaN", "", "abc", "1,5", "--1", "1e", "∞"),
      fc.string({ minLength: 1 }).filter((s) =>
        !/^\s*-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(s) && !/^\s*-?Inf\s*$/.test(s)
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...files),
        fc.nat(),
        fc.nat(),
        junk,
        async (file, r, c, bad) => {
          const [header, ...rows] = parse(originals[file]) as string[][];
          const row = r % rows.length;
          const column = numericColumns[file][c % numericColumns[file].length];
          // An empty dose is valid: the text states none ("dose not stated").
          fc.pre(!(optionalNumbers.has(`${file}:${column}`) && bad.trim() === ""));
          rows[row][header.indexOf(column)] = bad;
          await Deno.writeTextFile(`${dir}/${file}`, stringify([header, ...rows]));
          try {
            await loadCaseSeries(dir);
            assert.fail(`corrupt ${file} row ${row + 2} ${column} = ${JSON.stringify(bad)} loaded`);
          } catch (e) {
            if (!(e instanceof DataValidationError)) throw e;
            assert.ok(
              e.issues.some((i) => i.file === file && i.row === row + 2 && i.column === column),
              `${file}:${row + 2}:${column} not reported for ${JSON.stringify(bad)}: ${e.message}`,
            );
          } finally {
            await Deno.writeTextFile(`${dir}/${file}`, originals[file]);
          }
        },
      ),
      { seed: SEED, numRuns: 60 },
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
