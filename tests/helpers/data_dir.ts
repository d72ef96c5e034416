/**
 * Test helper: a temporary copy of `data/` with one file changed.
 *
 * @module
 */
import { DEFAULT_DATA_DIR } from "../../lib/mod.ts";

/** Copies the real data folder (tables and source texts) to a temporary one; returns its path. */
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
