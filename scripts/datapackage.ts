/**
 * `deno task datapackage [dataDir]`: writes `datapackage.json` of a data folder (by default the
 * project's `data/`) from the zod schemas and the folder's article folders (`articles/`), through
 * a temporary file and a rename. A relative folder is from where the command was typed.
 *
 * @module
 */
import { articleFolders, dataPackageJson } from "../lib/datapackage.ts";
import { DEFAULT_DATA_DIR } from "../lib/load.ts";
import { writeAtomic } from "../lib/write.ts";
import { expectDataFolder, folderArgument } from "./cli_args.ts";
import { typedPath } from "./typed_path.ts";

if (import.meta.main) {
  const command = { command: "datapackage", usage: "usage: deno task datapackage [dataDir]" };
  const arg = folderArgument(Deno.args, command);
  const dir = arg === undefined ? DEFAULT_DATA_DIR : typedPath(arg);
  await expectDataFolder(dir, arg ?? DEFAULT_DATA_DIR, command);
  const folder = dir.replace(/\/+$/, "");
  await writeAtomic(`${folder}/datapackage.json`, dataPackageJson(articleFolders(`${folder}/`)));
  console.log(`wrote ${arg === undefined ? "data" : arg.replace(/\/+$/, "")}/datapackage.json`);
}
