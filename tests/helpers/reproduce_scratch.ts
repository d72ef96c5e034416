/**
 * Test helper for the reproduce safety tests: a scratch folder inside the repository, a run of
 * `reproduce` on given folders, a symbolic link made where the suite may not make one, and a
 * one-notebook fixture.
 *
 * @module
 */
import assert from "node:assert/strict";
import { REPRODUCE_ARGS, ROOT } from "../../scripts/runner/paths.ts";
import { forgetRunsUnder } from "../../scripts/runner/state.ts";
import { notebook, writes } from "./notebook.ts";

/**
 * A scratch folder inside the repository (renames into place need the same file system).
 *
 * @returns Its path, under `.tmp/` of the repository.
 */
export async function scratch(): Promise<string> {
  await Deno.mkdir(`${ROOT}/.tmp`, { recursive: true });
  return await Deno.makeTempDir({ dir: `${ROOT}/.tmp`, prefix: "safety-" });
}

/**
 * Removes a scratch folder and what this machine remembers of the runs in it (`.tmp/runs/`), so
 * that the suite leaves no record behind.
 *
 * @param dir A folder made by {@link scratch}.
 */
export async function removeScratch(dir: string): Promise<void> {
  await Deno.remove(dir, { recursive: true });
  await forgetRunsUnder(dir);
}

/**
 * Runs `deno task reproduce --notebooks … --results …` (the task's permissions) from the checkout.
 *
 * @param notebooks The `--notebooks` folder.
 * @param results The `--results` folder.
 * @param args More arguments (`--force`, `--check`).
 * @returns Its exit code, standard output and error.
 */
export async function reproduce(
  notebooks: string,
  results: string,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = await new Deno.Command("deno", {
    args: [...REPRODUCE_ARGS, "--notebooks", notebooks, "--results", results, ...args],
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const dec = new TextDecoder();
  return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
}

/**
 * Creates a symbolic link, in a process of its own: the suite's path-scoped permissions do not
 * allow `Deno.symlink`.
 *
 * @param target What the link points to.
 * @param path Where the link is made.
 */
export async function symlink(target: string, path: string): Promise<void> {
  const out = await new Deno.Command("deno", {
    args: ["eval", `await Deno.symlink(${JSON.stringify(target)}, ${JSON.stringify(path)});`],
    stderr: "piped",
  }).output();
  assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
}

/**
 * A fixture: `dir/notebooks/00-a.ipynb`, which writes `tables/a.csv` ("x\n1\n").
 *
 * @param dir The folder it is written in.
 */
export async function fixture(dir: string): Promise<void> {
  await Deno.mkdir(`${dir}/notebooks`, { recursive: true });
  await Deno.writeTextFile(
    `${dir}/notebooks/00-a.ipynb`,
    notebook([writes("tables/a.csv", "x\n1\n"), '"a"']),
  );
}

/**
 * Runs a test in a scratch folder holding the one-notebook fixture ({@link scratch},
 * {@link fixture}), and removes the folder after it, whether it passed or not.
 *
 * @param test The test, given the scratch folder.
 */
export async function withFixture(test: (dir: string) => Promise<void>): Promise<void> {
  const dir = await scratch();
  try {
    await fixture(dir);
    await test(dir);
  } finally {
    await removeScratch(dir);
  }
}
