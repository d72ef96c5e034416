/**
 * A value stated over a period with its period columns empty (`lib/period_value.ts`,
 * `overAPeriodWords`; data/README.md "Values stated over a period"): a located warning naming the
 * columns to fill, not an error; a period given, or words that say no such thing, leave none.
 */
import assert from "node:assert/strict";
import { type DataIssue, formatIssue, loadCaseSeries } from "../../lib/mod.ts";
import { overAPeriodWords } from "../../lib/period_value.ts";
import { writeSyntheticSeries } from "../../scripts/synthetic.ts";

/**
 * The `observations.csv` warnings of a one-case synthetic series whose second value's sentence is
 * extended by `extra` in its text and quote, with `cells` of that row replaced (`{column}` in a
 * cell is the row's own cell of that column: "mean VAS {value_nominal}"); and its line.
 */
async function warningsWith(
  extra: string,
  cells: Record<string, string> = {},
): Promise<{ warnings: string[]; line: number }> {
  const dir = await Deno.makeTempDir({ prefix: "period-words-" });
  try {
    await writeSyntheticSeries(dir, { cases: 1, observationsPerCase: 3 });
    const file = `${dir}/observations.csv`;
    const lines = (await Deno.readTextFile(file)).split("\n");
    const header = lines[0].split(",");
    const line = 3; // the second value (no cell of the synthetic rows holds a comma)
    const row = lines[line - 1].split(",");
    const quote = row[header.indexOf("quote")];
    for (const [k, v] of Object.entries({ ...cells, quote: `${quote}${extra}` })) {
      row[header.indexOf(k)] = v.replace(/\{(\w+)\}/g, (_, c) => row[header.indexOf(c)]);
    }
    lines[line - 1] = row.join(",");
    await Deno.writeTextFile(file, lines.join("\n"));
    for (const e of Deno.readDirSync(`${dir}/sources`)) {
      const path = `${dir}/sources/${e.name}`;
      await Deno.writeTextFile(path, (await Deno.readTextFile(path)).replace(quote, quote + extra));
    }
    const warnings: DataIssue[] = [];
    await loadCaseSeries(dir, { warnings }); // loads: a warning is no error
    // (The synthetic drug classes are outside the recommended vocabulary: other warnings.)
    const own = warnings.filter((w) => w.file === "observations.csv");
    return { warnings: own.map(formatIssue), line };
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

const fill =
  "but period_start and period_end are empty: fill them with the time points (time_id) " +
  "the period runs from and to (period_end empty when the text gives no end), or it is read as " +
  'one rating (data/README.md, "Values stated over a period")';

Deno.test("a value its quote calls an average, with no period, is a warning naming the columns to fill", async () => {
  const { warnings, line } = await warningsWith(" on average over the past week");
  assert.deepEqual(warnings, [
    `observations.csv:${line}:period_start: the quote says the value is an average or ` +
    `stated over a period ('on average') ${fill}`,
  ]);
  // The same words with the period given: no warning.
  const given = await warningsWith(" on average over the past week", {
    period_start: "v1",
    period_end: "v2",
  });
  assert.deepEqual(given.warnings, []);
});

Deno.test("value_words that say a mean, with no period, are warned of too; other words are not", async () => {
  const { warnings, line } = await warningsWith("", { value_words: "mean VAS {value_nominal}" });
  assert.equal(warnings.length, 1, warnings.join("\n"));
  assert.ok(
    warnings[0].startsWith(
      `observations.csv:${line}:period_start: the value_words says the value is an ` +
        "average or stated over a period ('mean') but period_start",
    ),
    warnings[0],
  );
  assert.deepEqual((await warningsWith(" at the visit")).warnings, []);
});

Deno.test("overAPeriodWords reads the words of an average or a period, whole words only", () => {
  const cases: [string, string | null][] = [
    ["Over the following month the pain averaged 5/10", "Over the following"],
    ["the pain averaged 5/10", "averaged"],
    ["an average VAS of 6", "average"],
    ["VAS 4 on average", "on average"],
    ["mean NRS 5", "mean"],
    ["during the first two weeks the pain was 6/10", "during the first two weeks"],
    ["during the following months, VAS 3", "during the following months"],
    ["over the next 3 weeks VAS fell to 2", "over the next"],
    // Not a period: another word, a time point, a word inside another.
    ["a week later VAS 3", null],
    ["during the night he rated it 7", null],
    ["it was meant to be 4", null],
    ["the pain was over the threshold at VAS 6", null],
  ];
  for (const [text, want] of cases) assert.equal(overAPeriodWords(text), want, text);
});
