/**
 * House rule "nothing hard-wired to today's article": no module of `lib/` (code, comments, JSDoc
 * examples, schema descriptions) names the first article's `source_id` or a drug its cases take.
 * A placeholder ("drug-a", "smith-2020") says the same without tying the library to one article.
 * It reads the committed `data/` (the article the library must not name), never a grown copy.
 */
import assert from "node:assert/strict";
import { parse } from "csv-parse/sync";
import { ROOT } from "../../scripts/runner/paths.ts";
import { FIRST_ARTICLE } from "../helpers/data_dir.ts";

/** The rows of one table of the committed data, as records by column name. */
async function table(name: string): Promise<Record<string, string>[]> {
  const text = await Deno.readTextFile(`${ROOT}/data/${name}`);
  return parse(text, { columns: true }) as Record<string, string>[];
}

/** Every `.ts` file under `dir`, relative to the project root. */
async function modules(dir: string): Promise<string[]> {
  const found: string[] = [];
  for await (const entry of Deno.readDir(`${ROOT}/${dir}`)) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory) found.push(...await modules(path));
    else if (entry.name.endsWith(".ts")) found.push(path);
  }
  return found.sort();
}

/** The words that name the first article: its `source_id` and the drugs its cases take. */
async function firstArticleWords(): Promise<string[]> {
  const cases = new Set(
    (await table("cases.csv")).filter((c) => c.source_id === FIRST_ARTICLE).map((c) => c.case_id),
  );
  const drugs = (await table("treatments.csv")).filter((t) => cases.has(t.case_id))
    .map((t) => t.drug);
  assert.ok(drugs.length > 0, `no treatment of ${FIRST_ARTICLE} found in data/treatments.csv`);
  return [...new Set([FIRST_ARTICLE, ...drugs])];
}

/** `line: word` for each line of `text` that names one of `words` (case-insensitive, whole words). */
function naming(text: string, words: readonly string[]): string[] {
  const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`(?<![\\w-])(${words.map(escape).join("|")})(?![\\w-])`, "i");
  return text.split("\n").flatMap((line, i) => {
    const m = line.match(pattern);
    return m ? [`${i + 1}: ${m[1]}`] : [];
  });
}

Deno.test("lib/ names neither the first article nor a drug its cases take (placeholders instead)", async () => {
  const words = await firstArticleWords();
  const found: string[] = [];
  for (const path of await modules("lib")) {
    found.push(
      ...naming(await Deno.readTextFile(`${ROOT}/${path}`), words).map((m) => `${path}:${m}`),
    );
  }
  assert.deepEqual(found, []);
});

Deno.test("the check finds a drug or the article's id in a comment, not inside a longer word", async () => {
  const words = await firstArticleWords();
  const drug = words.find((w) => w !== FIRST_ARTICLE)!;
  const text = [
    `/** A label ("${drug[0].toUpperCase()}${drug.slice(1)} 20 mg/day"). */`,
    `const id = "${FIRST_ARTICLE}";`,
    `const other = "${drug}x ${drug}-like";`,
  ].join("\n");
  assert.deepEqual(naming(text, words), [
    `1: ${drug[0].toUpperCase()}${drug.slice(1)}`,
    `2: ${FIRST_ARTICLE}`,
  ]);
});
