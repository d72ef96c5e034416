/** `help` in a process that may not run `deno doc`: a sentence saying what it needs, not NotCapable. */
import assert from "node:assert/strict";
import { ROOT } from "../scripts/runner/paths.ts";

Deno.test("help without permission to run deno says what it needs", async () => {
  const child = new Deno.Command("deno", {
    // The script from stdin, with read and env permissions only.
    args: ["run", "--no-prompt", "--allow-read", "--allow-env", "-"],
    cwd: ROOT,
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(
    new TextEncoder().encode(
      'import { help } from "#lib/mod.ts";\n' +
        'try { help("caseChange"); } catch (e) { console.log(String(e)); }\n',
    ),
  );
  await writer.close();
  const out = await child.output();
  const text = new TextDecoder().decode(out.stdout);
  assert.match(
    text,
    /^Error: help: reading the documentation runs `deno doc`, which needs permission to run deno/,
    text + new TextDecoder().decode(out.stderr),
  );
  assert.doesNotMatch(text, /NotCapable/);
});
