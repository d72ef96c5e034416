import assert from "node:assert/strict";
import { forgetRunsUnder, ranHere, recordRun, RUNS } from "../scripts/runner/state.ts";
import { ROOT } from "../scripts/runner/paths.ts";

Deno.test("forgetRunsUnder removes the records of runs whose results are in the folder, and only those", async () => {
  const dir = await Deno.makeTempDir({ dir: `${ROOT}/.tmp`, prefix: "state-" });
  const sibling = `${dir}-sibling`;
  const manifest = new TextEncoder().encode("{}");
  const keys = ["a", "b", "c"].map((k) => `test-${crypto.randomUUID().slice(0, 8)}-${k}`);
  try {
    await Deno.mkdir(`${dir}/results`);
    await Deno.writeFile(`${dir}/results/manifest.json`, manifest);
    await recordRun(keys[0], manifest, `${dir}/results`);
    await recordRun(keys[1], manifest, `${dir}/new/results`);
    await recordRun(keys[2], manifest, `${sibling}/results`);
    assert.equal(await ranHere(keys[0], `${dir}/results`), true);
    assert.equal(await forgetRunsUnder(`${dir}/`), 2);
    assert.equal(await ranHere(keys[0], `${dir}/results`), false);
    const left = [...Deno.readDirSync(RUNS)].map((e) => e.name);
    assert.ok(!left.includes(`${keys[1]}.json`));
    assert.ok(left.includes(`${keys[2]}.json`), "a folder whose name only begins the same is kept");
  } finally {
    await forgetRunsUnder(sibling);
    await Deno.remove(dir, { recursive: true });
  }
});
