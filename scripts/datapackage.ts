/**
 * `deno task datapackage`: writes `data/datapackage.json` from the zod schemas and the article
 * folders under `data/articles/`.
 *
 * @module
 */
import { articleFolders, dataPackageJson } from "../lib/datapackage.ts";
import { DEFAULT_DATA_DIR } from "../lib/load.ts";

if (import.meta.main) {
  const path = new URL("../data/datapackage.json", import.meta.url);
  const tmp = new URL("../data/.datapackage.json.tmp", import.meta.url);
  await Deno.writeTextFile(tmp, dataPackageJson(articleFolders(DEFAULT_DATA_DIR)));
  await Deno.rename(tmp, path);
  console.log("wrote data/datapackage.json");
}
