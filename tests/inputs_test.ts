/**
 * scripts/runner/inputs.ts: what of deno.json counts as a notebook's input. Editing a task (the
 * test task's permissions) leaves every notebook's inputs as they were; the import map does not.
 */
import assert from "node:assert/strict";
import { configHash, isRunnerFile, RUNNER_LIB_MODULES } from "../scripts/runner/inputs.ts";
import { listFiles } from "../scripts/runner/files.ts";
import { ROOT } from "../scripts/runner/paths.ts";
import { fileURLToPath, pathToFileURL } from "node:url";

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

Deno.test("the runner's inputs: every local module its output files import is a runner file or listed in RUNNER_LIB_MODULES", async () => {
  const runner = `${ROOT}/scripts/runner`;
  const files = (await listFiles(runner)).filter(isRunnerFile).filter((p) => p.endsWith(".ts"));
  assert.ok(files.includes("html.ts") && files.includes("svg_image.ts"), files.join());
  const dir = await Deno.makeTempDir({ prefix: "runner-imports-" });
  try {
    // `deno info` takes one root: a module importing every runner file.
    const root = `${dir}/all.ts`;
    await Deno.writeTextFile(
      root,
      files.map((f) => `import "${pathToFileURL(`${runner}/${f}`).href}";\n`).join(""),
    );
    const out = await new Deno.Command("deno", {
      args: ["info", "--json", "--config", `${ROOT}/deno.json`, root],
      stdout: "piped",
      stderr: "null",
    }).output();
    assert.equal(out.code, 0);
    const graph = JSON.parse(new TextDecoder().decode(out.stdout)) as {
      modules: { specifier: string }[];
    };
    const imported = graph.modules.map((m) => m.specifier)
      .filter((s) => s.startsWith("file://") && s !== pathToFileURL(root).href)
      .map((s) => fileURLToPath(s).slice(ROOT.length + 1).replaceAll("\\", "/"))
      .filter((p) => !p.startsWith("scripts/runner/"));
    assert.deepEqual(imported.sort(), [...RUNNER_LIB_MODULES].sort());
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
