/**
 * Test helper: a temporary copy of `data/` with one file changed.
 *
 * @module
 */
import { articleFolders, dataPackageJson } from "../../lib/datapackage.ts";
import {
  DataValidationError,
  DEFAULT_DATA_DIR,
  formatIssue,
  loadCaseSeries,
} from "../../lib/mod.ts";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { ROOT } from "../../scripts/runner/paths.ts";

/**
 * Copies the data folder the tests read ({@link TEST_DATA_DIR}: the study, the tables, the source
 * texts and every other file and folder in it) to a temporary one; returns its path.
 */
export async function copyData(): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "case-data-" });
  await copyTree(TEST_DATA_DIR.replace(/\/$/, ""), dir);
  return dir;
}

/** Copies a folder and everything in it (files and folders; links are not followed). */
export async function copyTree(from: string, to: string): Promise<void> {
  await Deno.mkdir(to, { recursive: true });
  for await (const entry of Deno.readDir(from)) {
    if (entry.isDirectory) await copyTree(`${from}/${entry.name}`, `${to}/${entry.name}`);
    else if (entry.isFile) await Deno.copyFile(`${from}/${entry.name}`, `${to}/${entry.name}`);
  }
}

/** Where the fixture datasets live (`tests/fixtures/<name>/`, tables in the data format). */
export const FIXTURES_DIR: string = `${ROOT}/tests/fixtures/`;

/**
 * Copies the repository's data (not {@link TEST_DATA_DIR}) and appends a fixture dataset to it: the
 * fixture's rows are added to each table, by column name (a column of the data the fixture leaves
 * out is empty in its rows; a column the data lacks is an error), and its source texts and article
 * folders (`articles/`) are copied beside the real ones.
 */
export async function dataWithFixture(name = "second-article"): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "case-data-" });
  await copyTree(DEFAULT_DATA_DIR.replace(/\/$/, ""), dir);
  const from = `${FIXTURES_DIR}${name}`;
  for await (const entry of Deno.readDir(from)) {
    if (entry.isFile && entry.name.endsWith(".csv")) {
      const [header, ...rows] = parse(
        await Deno.readTextFile(`${from}/${entry.name}`),
      ) as string[][];
      const target = `${dir}/${entry.name}`;
      const existing = await Deno.readTextFile(target);
      const columns = (parse(existing, { to: 1 }) as string[][])[0];
      const unknown = header.filter((c) => !columns.includes(c));
      if (unknown.length > 0) {
        throw new Error(
          `fixture ${name}/${entry.name}: no column ${unknown} in data/${entry.name}`,
        );
      }
      const cells = rows.map((r) =>
        columns.map((c) => header.includes(c) ? r[header.indexOf(c)] : "")
      );
      await Deno.writeTextFile(target, existing.replace(/\n?$/, "\n") + stringify(cells));
    }
  }
  for await (const entry of Deno.readDir(`${from}/sources`)) {
    await Deno.copyFile(`${from}/sources/${entry.name}`, `${dir}/sources/${entry.name}`);
  }
  try {
    await copyTree(`${from}/articles`, `${dir}/articles`);
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  }
  // As a user adding an article does: `deno task datapackage` describes its folder.
  await Deno.writeTextFile(`${dir}/datapackage.json`, dataPackageJson(articleFolders(dir)));
  return dir;
}

/** Copies the data, applies `edit` to the text of `file`, and returns the folder. */
export async function dataWith(file: string, edit: (text: string) => string): Promise<string> {
  const dir = await copyData();
  const text = await Deno.readTextFile(`${dir}/${file}`);
  await Deno.writeTextFile(`${dir}/${file}`, edit(text));
  return dir;
}

/** Replaces line `line` (1-based) of a CSV text by `f(line)`. */
export function editLine(text: string, line: number, f: (l: string) => string): string {
  const lines = text.split("\n");
  lines[line - 1] = f(lines[line - 1]);
  return lines.join("\n");
}

/**
 * The data folder the data-dependent tests read: `$TEST_DATA_DIR` when set (tests/grown_data_test.ts
 * sets it to a copy of the data with another article appended, and runs those tests again on it),
 * else the repository's `data/`. A test about the real data must hold on both: it scopes what it
 * asserts to its article ({@link articleCases}) and looks rows up by id.
 */
export const TEST_DATA_DIR: string = (() => {
  const dir = Deno.env.get("TEST_DATA_DIR");
  return dir ? dir.replace(/\/?$/, "/") : DEFAULT_DATA_DIR;
})();

/** The article every real-data assertion of the tests is about (its cases, its text). */
export const FIRST_ARTICLE = "nagoshi-2012";

/** The `source_id` of the second-article fixture (`tests/fixtures/second-article`). */
export const FIXTURE_ARTICLE = "synthetic-fixture";

/**
 * The cases of one article, in file order.
 *
 * @param series A loaded case series.
 * @param sourceId The article's `source_id` (default: {@link FIRST_ARTICLE}).
 */
export function articleCases<C extends { sourceId: string }>(
  series: { cases: readonly C[] },
  sourceId: string = FIRST_ARTICLE,
): C[] {
  return series.cases.filter((c) => c.sourceId === sourceId);
}

/**
 * A case series restricted to one article: its cases and its source record only.
 *
 * @param series A loaded case series.
 * @param sourceId The article's `source_id` (default: {@link FIRST_ARTICLE}).
 */
export function articleSeries<
  S extends { cases: readonly { sourceId: string }[]; sources: Map<string, unknown> },
>(
  series: S,
  sourceId: string = FIRST_ARTICLE,
): S {
  return {
    ...series,
    cases: articleCases(series, sourceId),
    sources: new Map([...series.sources].filter(([id]) => id === sourceId)),
  };
}

/**
 * Applies `edit` to a data folder, loads it and returns its problems as `file:row:column: message`
 * lines (none when it loads), then removes the folder (also when `edit` throws).
 */
export async function loadProblems(
  dir: string,
  edit: (dir: string) => Promise<void> = async () => {},
): Promise<string[]> {
  try {
    await edit(dir);
    await loadCaseSeries(dir);
    return [];
  } catch (e) {
    if (!(e instanceof DataValidationError)) throw e;
    return e.issues.map(formatIssue);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}
