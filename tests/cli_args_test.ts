/**
 * One command-line convention (scripts/cli_args.ts): every command prints its usage for `--help`
 * or `-h` and exits 0 without doing its work; a command that takes no argument refuses one, exit 2.
 * (validate, fill-days, synthetic and reproduce have their own tests.)
 */
import assert from "node:assert/strict";
import { parseFolderArgs } from "../scripts/cli_args.ts";
import { ROOT } from "../scripts/runner/paths.ts";
import { copyTree } from "./helpers/data_dir.ts";
import { denoTaskArgs } from "./helpers/tasks.ts";

/** Runs a script with read access only: one that went on to do its work would fail. */
async function run(script: string, ...args: string[]) {
  const out = await new Deno.Command("deno", {
    args: ["run", "--allow-read=.", `scripts/${script}`, ...args],
    cwd: ROOT,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = (b: Uint8Array) => new TextDecoder().decode(b);
  return { code: out.code, stdout: text(out.stdout), stderr: text(out.stderr) };
}

const COMMANDS: [script: string, task: string][] = [
  ["datapackage.ts", "datapackage"],
  ["docs.ts", "docs"],
  ["kernel.ts", "kernel"],
  ["format_notebooks.ts", "fmt-notebooks"],
  ["bench.ts", "bench"],
];

Deno.test("every command prints its usage for --help or -h, exit 0, and does nothing else", async () => {
  for (
    const [[script, task], flag] of COMMANDS.map((c, i) => [c, i % 2 ? "-h" : "--help"] as const)
  ) {
    const r = await run(script, flag);
    assert.equal(r.code, 0, `${script} ${flag}: ${r.stderr}`);
    assert.match(r.stdout, new RegExp(`^usage: deno task ${task}\\b[^\\n]*\\n$`), script);
    assert.equal(r.stderr, "", script);
  }
});

Deno.test("a command that takes no such argument refuses it by name, with its usage, exit 2", async () => {
  for (
    const [script, task, arg] of [[
      "format_notebooks.ts",
      "fmt-notebooks",
      "--chek",
    ]]
  ) {
    const r = await run(script, arg);
    assert.equal(r.code, 2, script);
    assert.equal(r.stdout, "");
    assert.equal(
      r.stderr,
      `${task}: unknown argument '${arg}'\nusage: deno task ${task}${
        task === "fmt-notebooks" ? " [--check]" : ""
      }\n`,
    );
  }
});

Deno.test("parseFolderArgs: help anywhere, one folder at most, no option, no empty name", () => {
  assert.deepEqual(parseFolderArgs(["d", "-h"]), { kind: "help" });
  assert.deepEqual(parseFolderArgs(["d"]), { kind: "folder", folder: "d" });
  assert.deepEqual(parseFolderArgs([]), { kind: "folder", folder: undefined });
  for (const args of [["a", "b"], ["-x"], [""]]) assert.equal(parseFolderArgs(args).kind, "wrong");
});

Deno.test("datapackage takes one data folder: an option or a folder that is not there is a usage error, exit 2", async () => {
  for (
    const [args, why] of [
      [["--chek"], "unknown option '--chek'"],
      [["no/such/dir"], "'no/such/dir' not found: expected a data folder"],
      [["a", "b"], "expected at most one data folder, got 2 arguments"],
    ] as const
  ) {
    const r = await run("datapackage.ts", ...args);
    assert.equal(r.code, 2, args.join(" "));
    assert.equal(r.stdout, "");
    assert.equal(r.stderr, `datapackage: ${why}\nusage: deno task datapackage [dataDir]\n`);
  }
});

Deno.test("datapackage writes the datapackage.json of the data folder it is given, as it does data/'s", async () => {
  const dir = await Deno.makeTempDir({ prefix: "datapackage-" });
  try {
    await copyTree(`${ROOT}/data`, dir);
    await Deno.remove(`${dir}/datapackage.json`);
    const out = await new Deno.Command("deno", {
      args: [...await denoTaskArgs("datapackage"), dir],
      cwd: ROOT,
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
    assert.equal(new TextDecoder().decode(out.stdout), `wrote ${dir}/datapackage.json\n`);
    assert.equal(
      await Deno.readTextFile(`${dir}/datapackage.json`),
      await Deno.readTextFile(`${ROOT}/data/datapackage.json`),
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
