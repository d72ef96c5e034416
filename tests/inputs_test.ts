/**
 * scripts/runner/inputs.ts: what of deno.json counts as a notebook's input. Editing a task (the
 * test task's permissions) leaves every notebook's inputs as they were; the import map does not.
 */
import assert from "node:assert/strict";
import { configHash } from "../scripts/runner/inputs.ts";
import { ROOT } from "../scripts/runner/paths.ts";

Deno.test("deno.json: tasks and checks are not inputs of the notebooks; the import map is", async () => {
  const dir = await Deno.makeTempDir({ prefix: "config-" });
  try {
    const config = JSON.parse(await Deno.readTextFile(`${ROOT}/deno.json`));
    const write = async (c: unknown) => {
      await Deno.writeTextFile(`${dir}/deno.json`, JSON.stringify(c));
      return await configHash(`${dir}/deno.json`);
    };
    const base = await write(config);
    assert.equal(await write({ ...config, tasks: { ...config.tasks, test: "deno test" } }), base);
    assert.equal(await write({ ...config, lint: {} }), base);
    assert.notEqual(
      await write({ ...config, imports: { ...config.imports, x: "npm:x@1.0.0" } }),
      base,
    );
    assert.equal(await configHash(), base);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
