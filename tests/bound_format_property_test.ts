/**
 * Every formatter that prints a bound or a range of bounds rounds it outward, so the bounds
 * printed hold the computed ones (property tests on random intervals, fast-check, seeded), and
 * the places in prose that print a computed range use it (constructed data).
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  formatBound,
  formatInterval,
  formatIntervalInWords,
  formatRange,
  htmlTable,
  responderSummary,
  sensitivityRange,
  type SensitivityRow,
  textTable,
  withBounds,
} from "../lib/mod.ts";
import { reductionText } from "../lib/claims/rules/common.ts";
import type { ChangePoint } from "../lib/analysis/change.ts";
import type { ResponderRow } from "../lib/analysis/responders.ts";

const SEED = 20121123;
const RUNS = 500;

/** A printed number read back ("inf" as Infinity). */
const back = (s: string) => s === "inf" ? Infinity : s === "-inf" ? -Infinity : Number(s);

/**
 * Within the snap `formatBound` allows at `d` decimals: a bound within 1e-9 of its size of a
 * printed number is it, but never more than a millionth of a step (the default `d` = 0 allows
 * the widest).
 */
const atMost = (a: number, b: number, d = 0) =>
  a <= b + Math.min(1e-9 * Math.max(1, Math.abs(b)), 1e-6 * 10 ** -d);

const finite = fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true });
const interval = fc.tuple(finite, finite).map(([a, b]) => ({
  lo: Math.min(a, b),
  hi: Math.max(a, b),
}));
const digits = fc.integer({ min: 0, max: 4 });

/** Asserts that printed bounds `[a, b]` hold the true bounds `[lo, hi]` (at `d` decimals). */
function holds(text: string, a: number, b: number, lo: number, hi: number, d = 0) {
  assert.ok(atMost(a, lo, d) && atMost(hi, b, d), `${text} does not hold [${lo}, ${hi}]`);
}

/** Ends within the snap of each other: one number, printed as a point. */
const oneNumber = (lo: number, hi: number, d: number) =>
  hi - lo <= Math.min(1e-9 * Math.max(1, Math.abs(lo), Math.abs(hi)), 1e-6 * 10 ** -d);

Deno.test("formatBound rounds a lower bound down and an upper bound up", () => {
  fc.assert(
    fc.property(finite, digits, (v, d) => {
      const [lo, hi] = [formatBound(v, "lo", d), formatBound(v, "hi", d)];
      assert.ok(atMost(back(lo), v, d), `${lo} is above ${v} at ${d} decimals`);
      assert.ok(atMost(v, back(hi), d), `${hi} is below ${v} at ${d} decimals`);
      assert.doesNotMatch(lo + hi, /e/);
    }),
    { seed: SEED, numRuns: RUNS },
  );
  // Large numbers: the noise allowed never reaches half a step.
  assert.equal(formatBound(12345678.004, "hi", 2), "12345678.01");
  assert.equal(formatBound(500000.0004, "hi", 3), "500000.001");
  assert.equal(formatBound(500000.0004, "lo", 3), "500000");
  // Never exponent notation: enough digits, or 0 below the last one.
  assert.equal(formatBound(1e-7, "hi", 7), "0.0000001");
  assert.equal(formatBound(1e-7, "lo", 2), "0");
  assert.equal(formatBound(-1e-7, "lo", 8), "-0.0000001");
  assert.equal(formatBound(1e22, "hi", 2), "10000000000000000000000");
});

Deno.test("formatRange: ends equal up to the noise are one number; ends reversed are a bug", () => {
  assert.equal(formatRange(0.1234, 0.1234000001, 2), "0.12");
  assert.equal(formatRange(0.1234, 0.1234, 2), "0.12");
  assert.throws(() => formatRange(2, 1), RangeError);
});

Deno.test("formatInterval and formatRange print bounds that hold the interval", () => {
  fc.assert(
    fc.property(interval, digits, ({ lo, hi }, d) => {
      const text = formatInterval({ lo, hi }, d);
      if (lo !== hi) {
        const [a, b] = text.slice(1, -1).split(", ").map(back);
        holds(text, a, b, lo, hi, d);
      }
      const range = formatRange(lo, hi, d);
      if (!oneNumber(lo, hi, d)) {
        const [a, b] = range.split(/–(?=-?\d|inf)/).map(back);
        holds(range, a, b, lo, hi, d);
      }
    }),
    { seed: SEED, numRuns: RUNS },
  );
});

Deno.test("formatIntervalInWords: 'at least' and 'at most' hold the bound", () => {
  fc.assert(
    fc.property(finite, digits, (v, d) => {
      const least = formatIntervalInWords({ lo: v, hi: Infinity }, d);
      assert.ok(atMost(back(least.replace("at least ", "")), v, d), least);
      const most = formatIntervalInWords({ lo: -Infinity, hi: v }, d);
      assert.ok(atMost(v, back(most.replace("at most ", "")), d), most);
    }),
    { seed: SEED, numRuns: RUNS },
  );
  assert.equal(formatIntervalInWords({ lo: 10.56, hi: Infinity }, 1), "at least 10.5");
  assert.equal(formatIntervalInWords({ lo: -Infinity, hi: 2.01 }, 1), "at most 2.1");
});

/** Rows of one quantity of one case, one per value (the other fields as a table has them). */
const rowsOf = (values: readonly number[]): SensitivityRow[] =>
  values.map((value) => ({
    caseId: "x",
    quantity: "q",
    baseline: "last",
    bound: "nominal",
    value,
    n: 1,
  }));

Deno.test("sensitivityRange: the range printed holds every choice's value", () => {
  fc.assert(
    fc.property(fc.array(finite, { minLength: 1, maxLength: 6 }), (values) => {
      const [lo, hi] = [Math.min(...values), Math.max(...values)];
      const text = sensitivityRange(rowsOf(values), "q", "x");
      if (oneNumber(lo, hi, 1)) return;
      const [a, b] = text.split(/–(?=-?\d)/).map(back);
      holds(text, a, b, lo, hi, 1);
    }),
    { seed: SEED, numRuns: RUNS },
  );
  // 27.69 rounds down and 91.729 up at one decimal: the nearest would leave both out.
  assert.equal(sensitivityRange(rowsOf([27.6923, 50, 91.729]), "q", "x"), "27.6–91.8");
});

Deno.test("reductionText: the reduction at the least favourable bounds is rounded down", () => {
  const point = (lo: number, nominal: number) =>
    ({ percentReduction: { lo, nominal, hi: 100 } }) as unknown as ChangePoint;
  fc.assert(
    fc.property(
      fc.double({ min: -100, max: 100, noNaN: true }),
      fc.double({ min: 0, max: 50, noNaN: true }),
      (lo, gap) => {
        if (gap < 1e-6) return;
        const text = reductionText(point(lo, lo + gap));
        const printed = back(text.slice(0, text.indexOf("%")));
        assert.ok(atMost(printed, lo, 1), `${text} is above ${lo}`);
      },
    ),
    { seed: SEED, numRuns: RUNS },
  );
  assert.match(reductionText(point(86.79, 87.5)), /^86\.7% reduction at the least favourable/);
});

Deno.test("responderSummary: the confidence interval printed holds the one computed", () => {
  const row = (timing: "first" | "last") =>
    ({
      timing,
      threshold: { kind: "percent", value: 50 },
      n: 3,
      count: 2,
      proportion: 2 / 3,
      ciLower: 0.0943,
      ciUpper: 0.9916,
      confidence: 0.95,
      responders: [],
      excluded: [],
      uncertain: [],
      options: { drug: "a drug" },
    }) as unknown as ResponderRow;
  const text = responderSummary([row("first"), row("last")]);
  // Rounded outward, but short of 100%: the interval does not reach every case (99.16%).
  assert.match(text, /at the first value 2 of 3 cases had a ≥50% reduction \(95% CI 9–99\.2%\)/);
});

Deno.test("formatBound with a limit: outward, and short of the limit when the bound is", () => {
  const pct = fc.double({ min: 0, max: 100, noNaN: true });
  fc.assert(
    fc.property(pct, digits, (v, d) => {
      const [lo, hi] = [formatBound(v, "lo", d, 0), formatBound(v, "hi", d, 100)];
      assert.ok(atMost(back(lo), v, d), `${lo} is above ${v}`);
      assert.ok(atMost(v, back(hi), d), `${hi} is below ${v}`);
      // Short of a limit by more than 6 further decimals can tell: printed short of it too.
      if (v < 100 - 10 ** -(d + 6)) assert.ok(back(hi) < 100, `${hi} reaches 100 for ${v}`);
      if (v > 10 ** -(d + 6)) assert.ok(back(lo) > 0, `${lo} reaches 0 for ${v}`);
      // A bound at its limit, and one not near it, print as without the limit.
      if (v === 100 || back(formatBound(v, "hi", d)) < 100) {
        assert.equal(hi, formatBound(v, "hi", d));
      }
    }),
    { seed: SEED, numRuns: RUNS },
  );
});

Deno.test("tables: the numbers of a bound's column are shown rounded outward", () => {
  fc.assert(
    fc.property(interval, ({ lo, hi }) => {
      const rows = withBounds([{ "CI lower": lo, "CI upper": hi, least: lo, greatest: hi }], {
        "CI lower": "lo",
        "CI upper": "hi",
        least: "lo",
        greatest: "hi",
      });
      const [, line] = textTable(rows).split("\n");
      const [a, b, least, greatest] = line.trim().split(/\s+/).map(back);
      holds(line, a, b, lo, hi, 3);
      holds(line, least, greatest, lo, hi, 3);
      const html = htmlTable(rows);
      const cells = [...html.matchAll(/<td[^>]*>(?:<div[^>]*>)?([^<]*)/g)].map((m) => back(m[1]));
      holds(html, cells[0], cells[1], lo, hi, 3);
    }),
    { seed: SEED, numRuns: RUNS },
  );
  // 0.12345 at 3 decimals: 0.123 as a lower bound, 0.124 as an upper one; an estimate nearest.
  const rows = [{ estimate: 0.12345, "CI lower": 0.12345, "CI upper": 0.12345 }];
  const bounds = { "CI lower": "lo", "CI upper": "hi" } as const;
  assert.equal(
    textTable(rows, { bounds }),
    "estimate  CI lower  CI upper\n0.123     0.123     0.124",
  );
  assert.ok(htmlTable(rows, "", { bounds }).includes(">0.124<"));
});

Deno.test("tables: a column is a bound's by the option or the rows' mark, never by its name", () => {
  // A user's own table with columns named as the reports' bounds: every number to the nearest.
  const rows = [{ least: 0.12345, greatest: 0.12345, "CI lower": 0.0005, "CI upper": 0.9996 }];
  assert.equal(
    textTable(rows),
    "least  greatest  CI lower  CI upper\n0.123  0.123     0.001     1",
  );
  assert.ok(!htmlTable(rows).includes(">0.124<"));
  // The report rows carry their bounds: shown rounded outward wherever they are shown.
  const marked = withBounds(structuredClone(rows), { least: "lo", greatest: "hi" });
  assert.equal(textTable(marked).split("\n")[1].split(/ +/).join(" "), "0.123 0.124 0.001 1");
  // A copy of the rows has no mark (it is no column): to the nearest again.
  assert.equal(textTable(marked.filter(() => true)), textTable(rows));
  assert.equal(JSON.stringify(marked), JSON.stringify(rows));
});

Deno.test("forest plot: the interval printed beside a row holds the one computed", async () => {
  const { printedRows } = await import("../lib/plots/forest_marks.ts");
  const minus = (s: string) => back(s.replace("−", "-"));
  fc.assert(
    fc.property(interval, ({ lo, hi }) => {
      if (lo === hi) return;
      const result = { estimate: (lo + hi) / 2, ciLower: lo, ciUpper: hi };
      const { data } = printedRows([{ label: "x", result }]);
      const [a, b] = data[0].value.slice(data[0].value.indexOf("[") + 1, -1).split(", ")
        .map(minus);
      holds(data[0].value, a, b, lo, hi, 2);
    }),
    { seed: SEED, numRuns: RUNS },
  );
  const result = { estimate: 0.5, ciLower: 0.0943, ciUpper: 0.9916 };
  assert.equal(printedRows([{ label: "x", result }]).data[0].value, "0.50 [0.09, 1.00]");
});

Deno.test("tables: the report's rows of bounds carry them (effect sizes, aggregates, spans)", async () => {
  const lib = await import("../lib/mod.ts");
  const s = await lib.loadCaseSeries();
  const ci = { "CI lower": "lo", "CI upper": "hi" } as const;
  const tables = [
    ...s.cases.map((c) => [lib.effectSizeRows(c), ci] as const),
    ...lib.MEASURES.map((m) => [lib.aggregateRows(s, m), ci] as const),
    [
      lib.spanRows(lib.sensitivitySpans([{ name: "as extracted", series: s }])),
      { least: "lo", greatest: "hi" },
    ] as const,
  ];
  for (const [rows, bounds] of tables) {
    // Shown as the same rows with their bounds named in the option: the mark is there.
    assert.equal(textTable(rows), textTable([...rows], { bounds }));
    assert.equal(htmlTable(rows), htmlTable([...rows], "", { bounds }));
  }
});
