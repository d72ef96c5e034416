/**
 * `deno task datapackage`: writes `data/datapackage.json` from the zod schemas and the article
 * folders under `data/articles/`.
 *
 * @module
 */
import { articleFolders, dataPackageJson } from "../lib/datapackage.ts";
import { DEFAULT_DATA_DIR } from "../lib/load.ts";
import { checkOptions } from "./cli_args.ts";

if (import.meta.main) {
  checkOptions(Deno.args, { command: "datapackage", usage: "usage: deno task datapackage" });
  const path = new URL("../data/datapackage.json", import.meta.url);
  const tmp = new URL("../data/.datapackage.json.tmp", import.meta.url);
  await Deno.writeTextFile(tmp, dataPackageJson(articleFolders(DEFAULT_DATA_DIR)));
  await Deno.rename(tmp, path);
  console.log("wrote data/datapackage.json");
}
