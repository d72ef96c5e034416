/**
 * The articles' claims and appraisal files (lib/articles.ts) are checked by the loader, so by
 * `deno task validate`: every problem located as `file:row:column`, every quote looked for in its
 * own article's text, a rule that does not exist or parameters it does not take, a case that
 * does not exist or belongs to another article. Run on the fixture article's files, edited.
 */
import assert from "node:assert/strict";
import { dataWithFixture, FIXTURES_DIR, loadProblems } from "./helpers/data_dir.ts";

const FIXTURE = "synthetic-fixture";
const folder = `articles/${FIXTURE}`;

/** The problems the loader reports for the data with the fixture, after `edit`. */
async function problems(edit: (dir: string) => Promise<void>): Promise<string[]> {
  return await loadProblems(await dataWithFixture(), edit);
}

/** Replaces cell `column` of line `line` (1-based) of a CSV file of the copy. */
async function setCell(dir: string, file: string, line: number, column: string, value: string) {
  const { parse } = await import("csv-parse/sync");
  const { stringify } = await import("csv-stringify/sync");
  const rows: string[][] = parse(await Deno.readTextFile(`${dir}/${file}`));
  rows[line - 1][rows[0].indexOf(column)] = value;
  await Deno.writeTextFile(`${dir}/${file}`, stringify(rows, { record_delimiter: "\n" }));
}

Deno.test("the fixture's claims and appraisal pass as recorded", async () => {
  assert.deepEqual(await problems(async () => {}), []);
});

Deno.test("claims: a quote not in the text, an unknown rule, bad parameters, unknown or foreign cases, each located", async () => {
  const file = `${folder}/claims.csv`;
  const found = await problems(async (dir) => {
    await setCell(dir, file, 2, "quote", "Within 2 weeks the pain had vanished");
    await setCell(dir, file, 3, "rule", "last-valu");
    await setCell(dir, file, 4, "params", '{"min_percent": "30", "within_days": 28}');
    await setCell(dir, file, 5, "params", '{"min_percent": 30, "within_day": 7}');
    await setCell(dir, file, 6, "cases", "S1;S9");
    await setCell(dir, file, 2, "cases", "1");
    await setCell(dir, file, 3, "drug", "pregabalin");
    await setCell(dir, file, 4, "drug", "");
    await setCell(dir, file, 5, "params", "{min_percent: 30}");
  });
  const expected = [
    `${file}:2:quote: quote not found in source ${FIXTURE}`,
    `${file}:2:cases: case '1' belongs to nagoshi-2012, not to ${FIXTURE}`,
    `${file}:3:rule: unknown rule 'last-valu' (the rules: first-value-reduction, last-value,`,
    `${file}:4:drug: empty: rule first-value-reduction judges a drug`,
    `${file}:4:params: rule first-value-reduction: params.min_percent:`,
    `${file}:5:params: not a JSON object:`,
    `${file}:6:cases: unknown case id 'S9' (not in cases.csv; the cases of ${FIXTURE}: S1, S2`,
  ];
  for (const e of expected) {
    assert.ok(found.some((p) => p.startsWith(e)), `missing ${e}\n${found.join("\n")}`);
  }
  // A case id that differs from one of the article's in case only is named, with its cases.
  const { parse } = await import("csv-parse/sync");
  const fixtureCases = (parse(
    await Deno.readTextFile(`${FIXTURES_DIR}second-article/cases.csv`),
    { columns: true },
  ) as { case_id: string; source_id: string }[])
    .filter((r) => r.source_id === FIXTURE).map((r) => r.case_id);
  assert.ok(fixtureCases.includes("S2"), "the fixture has a case S2");
  const lower = await problems((dir) => setCell(dir, file, 6, "cases", "s2"));
  assert.deepEqual(lower, [
    `${file}:6:cases: unknown case id 's2' (not in cases.csv; the cases of ${FIXTURE}: ` +
    `${fixtureCases.join(", ")}): did you mean 'S2'?`,
  ]);
  // Drug named but not given to any case of the article.
  const drug = await problems((dir) => setCell(dir, file, 2, "drug", "gabapentin"));
  assert.deepEqual(drug, [
    `${file}:2:drug: 'gabapentin' is not given to any case of ${FIXTURE} (treatments.csv)`,
  ]);
  // A time point the claim's case does not have.
  const time = await problems((dir) =>
    setCell(dir, file, 2, "params", '{"time_id": "milnacipran_3wk", "at_most": 1, "unit": "cm"}')
      .then(() => setCell(dir, file, 2, "rule", "value-at-most"))
      .then(() => setCell(dir, file, 2, "rule_text", "supported if the value is at most 1 cm"))
  );
  assert.deepEqual(time, [
    `${file}:2:params: params.time_id: case S1 has no time point 'milnacipran_3wk' (timepoints.csv)`,
  ]);
  // A parameter the rule does not take is named, with the ones it takes.
  const extra = await problems((dir) =>
    setCell(dir, file, 2, "params", '{"min_percent": 30, "within_day": 14}')
  );
  assert.equal(extra.length, 2, extra.join("\n"));
  assert.ok(extra.some((p) => /:2:params: .*params\.within_days: /.test(p)), extra.join("\n"));
  assert.ok(
    extra.some((p) =>
      /:2:params: .*within_day .*\(this rule takes min_percent, within_days\)/.test(p)
    ),
    extra.join("\n"),
  );
});

Deno.test("appraisal: unknown checklist or item, an absent term that is in the text, a quote not in it, each located", async () => {
  const file = `${folder}/appraisal.csv`;
  const quotes = `${folder}/appraisal-quotes.csv`;
  const found = await problems(async (dir) => {
    await setCell(dir, file, 2, "checklist", "JBJ");
    await setCell(dir, file, 3, "item", "99");
    await setCell(dir, file, 4, "absent", "consent; phantom");
    await setCell(dir, quotes, 2, "quote", "A 46-year-old female");
    await setCell(dir, quotes, 3, "item", "2");
  });
  const expected = [
    `${file}:2:checklist: unknown checklist 'JBJ'`,
    `${file}:3:item: JBI has items 1 to`,
    `${file}:4:absent: 'phantom' is in the text of ${FIXTURE}`,
    `${quotes}:2:quote: quote not found in source ${FIXTURE}`,
    `${quotes}:3:item: JBI 2 is not judged in ${file}`,
  ];
  for (const e of expected) {
    assert.ok(found.some((p) => p.startsWith(e)), `missing ${e}\n${found.join("\n")}`);
  }
});

Deno.test("a folder for an article that does not exist, and a file an article's folder does not hold, are named", async () => {
  const found = await problems(async (dir) => {
    await Deno.mkdir(`${dir}/articles/no-such-article`);
    await Deno.copyFile(`${dir}/${folder}/claims.csv`, `${dir}/${folder}/claim.csv`);
  });
  assert.ok(
    found.includes(
      "articles/no-such-article/::: no source 'no-such-article' in sources.csv (a folder is named " +
        "after its source_id)",
    ),
    found.join("\n"),
  );
  assert.ok(
    found.some((p) => p.startsWith(`${folder}/claim.csv::: unexpected file`)),
    found.join("\n"),
  );
});

Deno.test("deno task validate reports a bad claim as file:row:column and exits 1", async () => {
  const dir = await dataWithFixture();
  try {
    await setCell(dir, `${folder}/claims.csv`, 2, "rule", "no-such-rule");
    const out = await new Deno.Command("deno", {
      args: ["run", "--allow-read", "scripts/validate.ts", dir],
      cwd: new URL("..", import.meta.url),
      stdout: "piped",
      stderr: "piped",
    }).output();
    const text = new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr);
    assert.equal(out.code, 1, text);
    assert.match(text, new RegExp(`${folder}/claims\\.csv:2:rule: unknown rule 'no-such-rule'`));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("root cause first: a bad row of treatments.csv or cases.csv is not reported again against the claims", async () => {
  const { parse } = await import("csv-parse/sync");
  for (
    const [file, column, value] of [
      ["treatments.csv", "dose_mg_per_day", "x"],
      ["cases.csv", "source_id", "no-such-source"],
    ] as const
  ) {
    const found = await problems(async (dir) => {
      const rows: string[][] = parse(await Deno.readTextFile(`${dir}/${file}`));
      for (let line = 2; line <= rows.length; line++) await setCell(dir, file, line, column, value);
    });
    assert.ok(found.length > 0);
    assert.deepEqual(found.filter((p) => !p.startsWith(`${file}:`)), [], found.join("\n"));
  }
});

Deno.test("claims: a word for relief judged by another threshold than its kind's is an error naming the word", async () => {
  const file = `${folder}/claims.csv`;
  // "full" judged supported at ≤ 1 cm: the absolute words are supported only at 0.
  const found = await problems(async (dir) => {
    await setCell(dir, file, 3, "quote", "At a follow-up visit about 1 year after the revision");
    await setCell(dir, file, 2, "quote", "Within 2 weeks the pain had eased");
  });
  assert.deepEqual(found, []);
  const full = await problems(async (dir) => {
    const text = `${dir}/sources/${FIXTURE}.txt`;
    await Deno.writeTextFile(text, (await Deno.readTextFile(text)) + "\nFull pain relief.\n");
    await setCell(dir, file, 3, "quote", "Full pain relief");
  });
  assert.equal(full.length, 1, full.join("\n"));
  assert.match(full[0], new RegExp(`^${file}:3:params: rule last-value: "full" is judged`));
});

Deno.test("claims: rule_text must state every number of params, so the words shown are the rule applied", async () => {
  const file = `${folder}/claims.csv`;
  const { parse } = await import("csv-parse/sync");
  const rows: Record<string, string>[] = parse(
    await Deno.readTextFile(`${(await dataWithFixture())}/${file}`),
    { columns: true },
  );
  const line = rows.findIndex((r) => r.rule === "first-value-reduction") + 2;
  assert.ok(line > 1, "the fixture has a first-value-reduction claim");
  const found = await problems(async (dir) => {
    await setCell(dir, file, line, "params", '{"min_percent": 50, "within_days": 9}');
    await setCell(dir, file, line, "rule_text", "supported if a 50% reduction within 8 days");
  });
  assert.deepEqual(found, [
    `${file}:${line}:rule_text: does not state within_days = 9 of params: the words beside the ` +
    "verdict must give every number the rule tests (digits or a number word), and its unit",
  ]);
  const words = await problems(async (dir) => {
    await setCell(dir, file, line, "params", '{"min_percent": 50, "within_days": 9}');
    await setCell(dir, file, line, "rule_text", "fifty percent within nine days");
  });
  assert.deepEqual(words, []);
});
