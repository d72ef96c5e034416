/**
 * `deno task validate` warns when the folder's datapackage.json no longer describes its tables
 * and article folders (a user added an article and forgot `deno task datapackage`: only the test
 * suite noticed, later).
 */
import assert from "node:assert/strict";
import { staleDataPackage } from "../scripts/validate.ts";
import { articleFolders, dataPackageJson } from "../lib/datapackage.ts";
import { denoTaskArgs } from "./helpers/tasks.ts";
import { ROOT } from "../scripts/runner/paths.ts";
import { copyData } from "./helpers/data_dir.ts";

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
