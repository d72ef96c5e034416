/**
 * A claim judged on every case of its article whose quote counts another number of cases is
 * warned of (lib/claim_count.ts, checked by the loader with the claims).
 */
import assert from "node:assert/strict";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { caseCountWarning, statedCaseCount } from "../lib/claim_count.ts";
import { type DataIssue, formatIssue, loadCaseSeries } from "../lib/mod.ts";
import { copyData, FIRST_ARTICLE, TEST_DATA_DIR } from "./helpers/data_dir.ts";

Deno.test("statedCaseCount: digits, number words and 'both', before patients or cases", () => {
  assert.equal(statedCaseCount("None of the three patients reported here"), 3);
  assert.equal(statedCaseCount("in all 4 cases"), 4);
  assert.equal(statedCaseCount("both patients improved"), 2);
  assert.equal(statedCaseCount("the two other cases"), 2);
  assert.equal(statedCaseCount("twenty-one amputees"), 21);
  assert.equal(statedCaseCount("the patient"), null);
  assert.equal(statedCaseCount("3 days later"), null);
  assert.equal(caseCountWarning("the three patients", ["a", "b", "c"], "x"), null);
});

Deno.test("a claim on every case whose quote counts another number of cases is a warning at its cases column", async () => {
  const dir = await copyData();
  try {
    const file = `${dir}/articles/${FIRST_ARTICLE}/claims.csv`;
    const [header, ...rows] = parse(await Deno.readTextFile(file)) as string[][];
    const col = (name: string) => header.indexOf(name);
    const all = rows.find((r) => r[col("cases")] === "all")!;
    const text = await Deno.readTextFile(`${dir}/sources/${FIRST_ARTICLE}.txt`);
    const cases = (await loadCaseSeries(TEST_DATA_DIR)).cases.filter((c) =>
      c.sourceId === FIRST_ARTICLE
    );
    // A passage of the text that counts fewer cases than the article has, if it has one.
    const n = cases.length - 1;
    const words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
    const quote = text.match(new RegExp(String.raw`\b${words[n]} other cases\b`, "i"))?.[0] ??
      null;
    if (quote === null) return; // an article whose text counts no such subset: nothing to try
    const added = [...all];
    added[col("claim_id")] = "counted-subset";
    added[col("quote")] = quote;
    await Deno.writeTextFile(file, stringify([header, ...rows, added]));
    const warnings: DataIssue[] = [];
    await loadCaseSeries(dir, { warnings });
    const line = rows.length + 2;
    assert.deepEqual(
      warnings.map(formatIssue).filter((w) => w.includes("counts")),
      [
        `articles/${FIRST_ARTICLE}/claims.csv:${line}:cases: the quote counts ${n} ` +
        `cases, but the claim (cases: all) is judged on the ${cases.length} of ${FIRST_ARTICLE} ` +
        `(${cases.map((c) => c.id).join(", ")}): name the cases it is about, or check the cases ` +
        "of the article",
      ],
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("the data's claims on every case count the cases their article has", async () => {
  const warnings: DataIssue[] = [];
  await loadCaseSeries(TEST_DATA_DIR, { warnings });
  assert.deepEqual(warnings.map(formatIssue).filter((w) => w.includes("the quote counts")), []);
});
