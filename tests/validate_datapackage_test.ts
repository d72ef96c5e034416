/**
 * `deno task validate` warns when the folder's datapackage.json no longer describes its tables
 * and article folders (a user added an article and forgot `deno task datapackage`: only the test
 * suite noticed, later), and when a table's header puts a column out of the schema's order (a
 * new column appended at the end: the data loads, but datapackage.json lists the schema's order).
 */
import assert from "node:assert/strict";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { headerOrderWarnings, misplacedColumns, staleDataPackage } from "../scripts/validate.ts";
import { articleFolders, dataPackageJson } from "../lib/datapackage.ts";
import { denoTaskArgs } from "./helpers/tasks.ts";
import { ROOT } from "../scripts/runner/paths.ts";
import { copyData, TEST_DATA_DIR } from "./helpers/data_dir.ts";

/** A folder with a datapackage.json holding `text` (staleDataPackage reads nothing else of it). */
async function folderWith(text: string | null): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "datapackage-" });
  if (text !== null) await Deno.writeTextFile(`${dir}/datapackage.json`, text);
  return dir;
}

Deno.test("validate: a datapackage.json that is not what `deno task datapackage` writes is a warning", async () => {
  const current = await folderWith(null);
  try {
    await Deno.writeTextFile(
      `${current}/datapackage.json`,
      dataPackageJson(articleFolders(current)),
    );
    assert.equal(staleDataPackage(current), null);
    const stale = await folderWith('{"name": "old"}\n');
    const none = await folderWith(null);
    try {
      const w = staleDataPackage(stale);
      assert.equal(w?.file, "datapackage.json");
      assert.match(w!.message, /run `deno task datapackage` on this folder$/);
      assert.equal(staleDataPackage(none), null, "a folder without one is not warned about");
    } finally {
      await Deno.remove(stale, { recursive: true });
      await Deno.remove(none, { recursive: true });
    }
  } finally {
    await Deno.remove(current, { recursive: true });
  }
});

Deno.test("deno task validate prints a stale datapackage.json as a warning, and passes the data", async () => {
  const dir = await copyData();
  try {
    const path = `${dir}/datapackage.json`;
    const json = JSON.parse(await Deno.readTextFile(path));
    json.resources.pop();
    await Deno.writeTextFile(path, JSON.stringify(json, null, 2) + "\n");
    const out = await new Deno.Command("deno", {
      args: [...await denoTaskArgs("validate"), dir],
      cwd: ROOT,
      stdout: "piped",
      stderr: "piped",
    }).output();
    const text = new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr);
    assert.equal(out.code, 0, text);
    assert.match(text, /^datapackage\.json:+ warning: does not describe the tables/m);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("misplacedColumns: the columns out of the schema's order, with the one each follows", () => {
  const fields = ["a", "b", "c", "d"];
  assert.deepEqual(misplacedColumns(fields, fields), []);
  assert.deepEqual(misplacedColumns(["a", "b", "d", "c"], fields), [{ column: "c", after: "b" }]);
  assert.deepEqual(misplacedColumns(["a", "c", "d", "b"], fields), [{ column: "b", after: "a" }]);
  assert.deepEqual(misplacedColumns(["b", "c", "d", "a"], fields), [{ column: "a", after: null }]);
  // Optional columns left out and columns the schema does not know are not out of order.
  assert.deepEqual(misplacedColumns(["a", "x", "d"], fields), []);
});

Deno.test("deno task validate warns of a column out of the schema's order, and passes the data", async () => {
  const dir = await copyData();
  try {
    const path = `${dir}/observations.csv`;
    const rows: string[][] = parse(await Deno.readTextFile(path));
    const header = rows[0];
    // The second column moved to the end, as a new column appended to the header would be.
    const [moved, after] = [header[1], header[0]];
    const reordered = rows.map((r) => [r[0], ...r.slice(2), r[1]]);
    await Deno.writeTextFile(path, stringify(reordered, { record_delimiter: "\n" }));
    assert.deepEqual(
      headerOrderWarnings(dir).map((w) => [w.file, w.row, w.column]),
      [["observations.csv", 1, moved]],
    );
    const out = await new Deno.Command("deno", {
      args: [...await denoTaskArgs("validate"), dir],
      cwd: ROOT,
      stdout: "piped",
      stderr: "piped",
    }).output();
    const text = new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr);
    assert.equal(out.code, 0, text);
    assert.ok(
      text.includes(
        `observations.csv:1:${moved}: warning: out of the schema's order (expected after ` +
          `${after}): datapackage.json lists fields in schema order`,
      ),
      text,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("the project's data has every header in the schema's order", () => {
  assert.deepEqual(headerOrderWarnings(TEST_DATA_DIR), []);
});
