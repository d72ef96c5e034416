/**
 * The benchmarks that write synthetic data (stream, frames, load) write it in the repository's
 * `.tmp/`, as `deno task bench` allows, not in the system's temporary folder, which is `/tmp` on
 * Linux alone (macOS: `$TMPDIR` under `/var/folders`; Windows: `%TEMP%`): there they failed with
 * "Requires write access to <TMP>". Simulated by pointing `TMPDIR` elsewhere; tiny sizes.
 */
import assert from "node:assert/strict";
import { ROOT } from "../scripts/runner/paths.ts";

Deno.test("bench stream and frames run where the temporary folder is not /tmp", async () => {
  const out = await new Deno.Command("deno", {
    args: ["task", "-q", "bench", "stream", "100", "frames", "5"],
    cwd: ROOT,
    env: { TMPDIR: "/var/folders/xy/T", NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr);
  assert.equal(out.code, 0, text);
  assert.match(text, /^\| 100 \| /m, "stream measured 100 rows");
  assert.match(text, /^\| 5 \| 50 \| /m, "frames measured 5 cases");
});
