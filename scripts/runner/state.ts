/**
 * What this machine remembers of its runs: for each pair of folders, the hash of the manifest its
 * last run wrote, in `.tmp/runs/` (git-ignored, never committed). A run may skip a notebook whose
 * inputs and outputs are unchanged only when the manifest is the one this machine wrote: on a
 * fresh clone (or after a pull brought results made elsewhere) every notebook runs, so that the
 * main job re-executes what it reports.
 *
 * @module
 */
import { sha256 } from "./files.ts";
import { SCRATCH } from "./paths.ts";

/** The folder of the records. */
export const RUNS = `${SCRATCH}/runs`;

/** The record of the folder pair `key` (see `runKey`). */
const record = (key: string) => `${RUNS}/${key}.json`;

/**
 * Whether this machine wrote the results folder's current manifest (its last run on these
 * folders did).
 *
 * @param key the folder pair's key (`runKey`)
 * @param results the results folder
 * @returns true when the manifest is the one this machine's last run wrote
 * @example
 * ```ts
 * import { ranHere } from "./state.ts";
 * if (await ranHere("no-such-key", "/tmp/no/such/folder")) throw new Error("nothing ran there");
 * ```
 */
export async function ranHere(key: string, results: string): Promise<boolean> {
  try {
    const { manifest } = JSON.parse(await Deno.readTextFile(record(key)));
    const bytes = await Deno.readFile(`${results}/manifest.json`);
    return typeof manifest === "string" && manifest === sha256(bytes);
  } catch {
    return false;
  }
}

/**
 * Records that this machine's run on these folders wrote `manifest`.
 *
 * @param key the folder pair's key
 * @param manifest the manifest's bytes
 * @param results the results folder (recorded for whoever reads the file)
 * @returns when written
 * @example
 * ```ts ignore
 * import { recordRun } from "./state.ts";
 * await recordRun("reproduce-0123456789ab", new TextEncoder().encode("{}"), "results");
 * ```
 */
export async function recordRun(key: string, manifest: Uint8Array, results: string) {
  await Deno.mkdir(RUNS, { recursive: true });
  const tmp = `${record(key)}.${crypto.randomUUID()}.tmp`;
  await Deno.writeTextFile(tmp, JSON.stringify({ results, manifest: sha256(manifest) }) + "\n");
  await Deno.rename(tmp, record(key));
}

/**
 * Forgets the runs on a folder pair (for tests that remove their folders).
 *
 * @param key the folder pair's key
 * @returns when removed
 * @example
 * ```ts
 * import { forgetRuns } from "./state.ts";
 * await forgetRuns("no-such-key");
 * ```
 */
export async function forgetRuns(key: string): Promise<void> {
  await Deno.remove(record(key)).catch(() => {});
}

/**
 * Forgets every run whose results folder is `folder` or inside it (for tests that remove a
 * scratch folder they ran in, under whatever pairs of folders).
 *
 * @param folder an absolute folder
 * @returns how many records were removed
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { forgetRunsUnder } from "./state.ts";
 * assert.equal(await forgetRunsUnder("/tmp/no/such/folder"), 0);
 * await assert.rejects(() => forgetRunsUnder("/"), TypeError);
 * ```
 */
export async function forgetRunsUnder(folder: string): Promise<number> {
  const prefix = folder.replace(/\/+$/, "");
  // The root, or a relative name, would match every record: only a folder of its own is forgotten.
  if (!folder.startsWith("/") || prefix === "" || /^[A-Za-z]:$/.test(prefix)) {
    throw new TypeError(
      `forgetRunsUnder: expected an absolute folder, not the root; got '${folder}'`,
    );
  }
  let removed = 0;
  let entries: Deno.DirEntry[];
  try {
    entries = await Array.fromAsync(Deno.readDir(RUNS));
  } catch {
    return 0;
  }
  for (const e of entries) {
    if (!e.isFile || !e.name.endsWith(".json")) continue;
    const path = `${RUNS}/${e.name}`;
    const results = await Deno.readTextFile(path).then((t) => JSON.parse(t).results, () => null);
    if (
      typeof results === "string" && (results === prefix || results.startsWith(`${prefix}/`))
    ) {
      await Deno.remove(path).catch(() => {});
      removed++;
    }
  }
  return removed;
}
