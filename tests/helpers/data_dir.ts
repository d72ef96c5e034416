/**
 * Test helper: a temporary copy of `data/` with one file changed.
 *
 * @module
 */
import { DEFAULT_DATA_DIR } from "../../lib/mod.ts";

/**
 * Copies the real data folder (tables, source texts, the articles' claims and appraisals and the
 * reference checklists) to a temporary one; returns its path.
 */
export async function copyData(): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "case-data-" });
  await Deno.mkdir(`${dir}/sources`);
  for await (const entry of Deno.readDir(DEFAULT_DATA_DIR)) {
    if (entry.isFile && entry.name.endsWith(".csv")) {
      await Deno.copyFile(`${DEFAULT_DATA_DIR}${entry.name}`, `${dir}/${entry.name}`);
    }
  }
  for await (const entry of Deno.readDir(`${DEFAULT_DATA_DIR}sources`)) {
    if (entry.isFile) {
      await Deno.copyFile(
        `${DEFAULT_DATA_DIR}sources/${entry.name}`,
        `${dir}/sources/${entry.name}`,
      );
    }
  }
  for (const folder of ["articles", "reference"]) {
    await copyTree(`${DEFAULT_DATA_DIR}${folder}`, `${dir}/${folder}`);
  }
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
export const FIXTURES_DIR: string = new URL("../fixtures/", import.meta.url).pathname;

/**
 * Copies the real data and appends a fixture dataset to it: the fixture's rows are added to each
 * table (its header must match) and its source texts and article folders (`articles/`) are
 * copied beside the real ones.
 */
export async function dataWithFixture(name = "second-article"): Promise<string> {
  const dir = await copyData();
  const from = `${FIXTURES_DIR}${name}`;
  for await (const entry of Deno.readDir(from)) {
    if (entry.isFile && entry.name.endsWith(".csv")) {
      const [header, ...rows] = (await Deno.readTextFile(`${from}/${entry.name}`)).trimEnd()
        .split("\n");
      const target = `${dir}/${entry.name}`;
      const existing = await Deno.readTextFile(target);
      if (existing.split("\n")[0] !== header) {
        throw new Error(`fixture ${name}/${entry.name}: header differs from data/${entry.name}`);
      }
      await Deno.writeTextFile(target, existing.replace(/\n?$/, "\n") + rows.join("\n") + "\n");
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
