/**
 * scripts/docs.ts: the API pages' usage lines import what a notebook cell imports.
 */
import assert from "node:assert/strict";
import { MODULES, usageAsNotebooks } from "../scripts/docs.ts";
import { ROOT } from "../scripts/runner/paths.ts";

Deno.test("the API pages' usage lines import #lib/mod.ts and #lib/plots/mod.ts", async () => {
  const dir = await Deno.makeTempDir({ prefix: "api-pages-" });
  try {
    const out = await new Deno.Command("deno", {
      args: ["doc", "--html", "--name=api", `--output=${dir}`, ...MODULES.map((m) => m.file)],
      cwd: ROOT,
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
    const page = await Deno.readTextFile(`${dir}/mod.ts/~/getCase.html`);
    assert.match(page, /from &quot;mod\.ts&quot;/, "Deno prints the bare file name");
    const fixed = usageAsNotebooks(page);
    assert.match(fixed, /import \{ getCase \} from &quot;#lib\/mod\.ts&quot;/);
    assert.doesNotMatch(fixed, /from &quot;(plots\/)?mod\.ts&quot;/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
