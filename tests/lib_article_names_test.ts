/**
 * Nothing in `lib/` is about today's article: no module (its code, comments or examples) names
 * the first article's id or a drug its cases were given. The names are read from the committed
 * data (`data/cases.csv`, `data/treatments.csv`), so the list follows the data; only the first
 * article is checked, so adding another article (whose drugs an example may well name) never
 * turns this red.
 */
import assert from "node:assert/strict";
import { parse } from "csv-parse/sync";
import { ROOT } from "../scripts/runner/paths.ts";
import { FIRST_ARTICLE } from "./helpers/data_dir.ts";

/** Rows of a committed data table, as records of its header. */
function rows(table: string): Record<string, string>[] {
  return parse(Deno.readTextFileSync(`${ROOT}/data/${table}.csv`), { columns: true });
}

/** The words `lib/` must not contain: the first article's id and its cases' drugs. */
function articleWords(): string[] {
  const cases = new Set(
    rows("cases").filter((c) => c.source_id === FIRST_ARTICLE).map((c) => c.case_id),
  );
  const drugs = rows("treatments").filter((t) => cases.has(t.case_id)).map((t) => t.drug);
  return [...new Set([FIRST_ARTICLE, ...drugs])].sort();
}

/** Each line of a file under `lib/` naming one of `words` (whole word, any case). */
async function mentions(words: readonly string[]): Promise<string[]> {
  const pattern = new RegExp(
    `\\b(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})\\b`,
    "i",
  );
  const found: string[] = [];
  const walk = async (dir: string) => {
    for await (const e of Deno.readDir(`${ROOT}/${dir}`)) {
      const path = `${dir}/${e.name}`;
      if (e.isDirectory) await walk(path);
      else if (e.name.endsWith(".ts")) {
        (await Deno.readTextFile(`${ROOT}/${path}`)).split("\n").forEach((line, i) => {
          if (pattern.test(line)) found.push(`${path}:${i + 1}: ${line.trim()}`);
        });
      }
    }
  };
  await walk("lib");
  return found.sort();
}

Deno.test("the first article's drugs and id come from its data, and there are some", () => {
  const words = articleWords();
  assert.ok(words.includes(FIRST_ARTICLE));
  assert.ok(words.length >= 2, `no drug read for ${FIRST_ARTICLE}: ${words.join(", ")}`);
});

Deno.test("no module of lib/ names the first article or a drug of its cases", async () => {
  assert.deepEqual(await mentions(articleWords()), []);
});

Deno.test("the search finds a name where one is written", async () => {
  // A word every module tree has: shows the walk reads lib/ and matches whole words in any case.
  const found = await mentions(["EXPORT"]);
  assert.ok(found.some((l) => l.startsWith("lib/mod.ts:")), found.slice(0, 3).join("\n"));
});
