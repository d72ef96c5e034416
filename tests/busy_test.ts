/**
 * On Windows a folder holding an open file cannot be renamed (a results table open in a
 * spreadsheet, a terminal whose current folder is in `results/`), so installing a run fails there
 * with "Access is denied. (os error 5)" or "being used by another process (os error 32)", which
 * said nothing of why. The message now says it. Linux and macOS rename such folders: there the
 * error is left as it is. (The refusal itself cannot be made on Linux; the message is checked on
 * the errors Windows gives.)
 */
import assert from "node:assert/strict";
import { busyMessage, InstallError } from "../scripts/runner/install.ts";

const denied = "Access is denied. (os error 5): rename 'C:/p/results' -> 'C:/p/.tmp/r/backup/9'";
const used = "The process cannot access the file because it is being used by another process. " +
  "(os error 32): rename 'C:/p/results' -> 'C:/p/.tmp/r/backup/9'";

Deno.test("Windows' refusal to rename a folder holding an open file is explained", () => {
  for (const text of [denied, used]) {
    const message = busyMessage(new Error(text), "windows");
    assert.ok(message?.startsWith(text), String(message));
    assert.match(
      message!,
      /may be open in another program .* close it and run again; nothing was changed$/,
    );
  }
});

Deno.test("other errors, and other systems, keep their message", () => {
  assert.equal(busyMessage(new Error("No such file (os error 2)"), "windows"), null);
  for (const os of ["linux", "darwin"] as const) {
    assert.equal(busyMessage(new Error(denied), os), null);
  }
  assert.equal(busyMessage("not an error", "windows"), null);
  // An installation that could not be undone says where the previous files are: kept as it is.
  assert.equal(busyMessage(new InstallError(`${denied}; undoing failed too`), "windows"), null);
});
