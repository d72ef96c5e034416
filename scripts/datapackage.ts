/**
 * `deno task datapackage`: writes `data/datapackage.json` from the zod schemas.
 *
 * @module
 */
import { dataPackageJson } from "../lib/datapackage.ts";

if (import.meta.main) {
  const path = new URL("../data/datapackage.json", import.meta.url);
  const tmp = new URL("../data/.datapackage.json.tmp", import.meta.url);
  await Deno.writeTextFile(tmp, dataPackageJson());
  await Deno.rename(tmp, path);
  console.log("wrote data/datapackage.json");
}
