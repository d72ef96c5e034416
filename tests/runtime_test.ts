import assert from "node:assert/strict";
import { PINNED_DENO, warnOnOtherDeno } from "../lib/mod.ts";

Deno.test("the pinned Deno is stated once and checked against the running one", async () => {
  assert.match(PINNED_DENO, /^\d+\.\d+\.\d+$/);
  assert.equal(warnOnOtherDeno(), Deno.version.deno === PINNED_DENO);
  // .ci/run installs the version named in lib/runtime.ts, not a copy of it.
  const ci = await Deno.readTextFile(new URL("../.ci/run", import.meta.url));
  assert.match(ci, /PINNED_DENO/);
  assert.doesNotMatch(ci, new RegExp(PINNED_DENO.replaceAll(".", "\\.")));
});
