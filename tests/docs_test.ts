/**
 * The API reference: every export of the public modules is documented (`deno doc --lint`), every
 * `@example` in `lib/` runs (`deno test --doc`), and `deno task docs` can render it.
 */
import assert from "node:assert/strict";
import { ROOT } from "../scripts/runner/paths.ts";

const MODULES = ["lib/mod.ts", "lib/plots/mod.ts"];

Deno.test("deno doc --lint finds nothing to fix in the public modules", async () => {
  const out = await new Deno.Command("deno", {
    args: ["doc", "--lint", ...MODULES],
    cwd: ROOT,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const stderr = new TextDecoder().decode(out.stderr);
  assert.equal(out.code, 0, stderr);
  assert.doesNotMatch(stderr, /^error/m);
});

Deno.test("the API reference renders, with a page for getCase", async () => {
  const dir = await Deno.makeTempDir({ prefix: "api-docs-" });
  try {
    const out = await new Deno.Command("deno", {
      args: ["doc", "--html", "--name=api", `--output=${dir}`, ...MODULES],
      cwd: ROOT,
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
    assert.match(await Deno.readTextFile(`${dir}/all_symbols.html`), /getCase/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("every @example in lib/ runs", async () => {
  const out = await new Deno.Command("deno", {
    args: ["test", "--doc", "--allow-read", "--allow-write=/tmp", "--allow-env", "lib/"],
    cwd: ROOT,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr);
  assert.equal(out.code, 0, text.split("\n").filter((l) => /FAILED|error/.test(l)).join("\n"));
  assert.match(text, /ok \| [1-9]\d* passed \| 0 failed/);
});
