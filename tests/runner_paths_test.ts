/**
 * The runner's paths on every OS (scripts/runner/paths.ts): a folder's parent keeps its root whole,
 * so that a folder on a Windows drive is not looked up in that drive's current folder.
 */
import assert from "node:assert/strict";
import { parentFolder, posixPath } from "../scripts/runner/paths.ts";

Deno.test("parentFolder keeps a root whole, POSIX or a Windows drive", () => {
  assert.equal(parentFolder("/a/b"), "/a");
  assert.equal(parentFolder("/a/b/"), "/a");
  assert.equal(parentFolder("/a"), "/");
  assert.equal(parentFolder("/"), null);
  // A folder below a drive's root: `C:` alone would be the drive's current folder.
  const win = posixPath("C:\\new\\results", "windows");
  assert.equal(win, "C:/new/results");
  assert.equal(parentFolder(win), "C:/new");
  assert.equal(parentFolder("C:/new"), "C:/");
  assert.equal(parentFolder("c:/"), null);
  assert.equal(parentFolder("results"), null);
});
