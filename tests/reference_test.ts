/**
 * The reference figures outside the articles (data/reference/labelled-doses.csv,
 * populations.csv, natural-history.csv): a verified number must be stated by its quote, a row not
 * verified has no number, a verified row has an address, a labelled range's population is one
 * whose ages are recorded; each problem is located as file:row:column.
 */
import assert from "node:assert/strict";
import { copyData, editLine, loadProblems } from "./helpers/data_dir.ts";

const DOSES = "reference/labelled-doses.csv";
const FIGURES = "reference/natural-history.csv";
const POPULATIONS = "reference/populations.csv";

/** Loads a copy of the data with one line of `file` edited; returns the problems. */
async function problems(file: string, edit: (text: string) => string): Promise<string[]> {
  return await loadProblems(await copyData(), async (dir) => {
    const path = `${dir}/${file}`;
    await Deno.writeTextFile(path, edit(await Deno.readTextFile(path)));
  });
}

/** The first line (1-based) of `text` matching `re`. */
const lineOf = (text: string, re: RegExp) => text.split("\n").findIndex((l) => re.test(l)) + 1;

Deno.test("the reference files as committed load without a problem", async () => {
  assert.deepEqual(await problems(DOSES, (t) => t), []);
});

Deno.test("populations: an age the quote does not state is an error at its row", async () => {
  let at = 0;
  const found = await problems(POPULATIONS, (t) => {
    at = 2;
    // One year older than the definition's words say.
    return editLine(
      t,
      at,
      (l) => l.replace(/^([^,]+),(\d+),/, (_, w, a) => `${w},${Number(a) + 1},`),
    );
  });
  assert.equal(found.length, 1, found.join("\n"));
  assert.match(found[0], new RegExp(`^${POPULATIONS}:${at}:quote: min_age is \\d+ but the quote`));
});

Deno.test("labelled doses: a population without an age rule in populations.csv is an error at its row", async () => {
  let at = 0;
  const found = await problems(DOSES, (t) => {
    at = lineOf(t, /,adults,verified,/);
    return editLine(t, at, (l) => l.replace(",adults,verified,", ",newborns,verified,"));
  });
  assert.equal(found.length, 1, found.join("\n"));
  assert.match(
    found[0],
    new RegExp(`^${DOSES}:${at}:population: 'newborns' is not a population of ${POPULATIONS}`),
  );
});

Deno.test("labelled doses: a verified maximum the quote does not state is an error at its row", async () => {
  let at = 0;
  const found = await problems(DOSES, (t) => {
    at = lineOf(t, /,verified,\d/);
    // Raise the maximum by 1 mg/day: no longer one of the quote's numbers.
    return editLine(
      t,
      at,
      (l) =>
        l.replace(
          /,verified,([\d.]+),([\d.]+),/,
          (_, lo, hi) => `,verified,${lo},${Number(hi) + 1},`,
        ),
    );
  });
  assert.equal(found.length, 1, found.join("\n"));
  assert.match(found[0], new RegExp(`^${DOSES}:${at}:max_mg_per_day: max_mg_per_day is \\d`));
});

Deno.test("labelled doses: a row not verified carries no number (unknown stays unknown)", async () => {
  let at = 0;
  const found = await problems(DOSES, (t) => {
    at = lineOf(t, /,not verified,,,/);
    return editLine(t, at, (l) => l.replace(",not verified,,,", ",not verified,1,,"));
  });
  assert.deepEqual(found, [
    `${DOSES}:${at}:min_mg_per_day: a row not verified has no dose (unknown stays unknown)`,
  ]);
});

Deno.test("natural history: a verified value the quote does not state, or no address, is an error", async () => {
  let at = 0;
  const found = await problems(FIGURES, (t) => {
    at = lineOf(t, /,verified,/);
    return editLine(t, at, (l) => l.replace(/,https?:\/\/[^,]+,/, ",not an address,"));
  });
  assert.deepEqual(found, [
    `${FIGURES}:${at}:source: needs the http(s) address where it was read`,
  ]);
  const value = await problems(FIGURES, (t) => {
    at = lineOf(t, /,percent,verified,/);
    return editLine(
      t,
      at,
      (l) =>
        l.replace(/,([\d.]+),percent,verified,/, (_, v) => `,${Number(v) + 0.5},percent,verified,`),
    );
  });
  assert.equal(value.length, 1, value.join("\n"));
  assert.match(value[0], new RegExp(`^${FIGURES}:${at}:quote: value is [\\d.]+ but the quote`));
});
