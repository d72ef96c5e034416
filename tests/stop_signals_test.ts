/**
 * Commands that stop cleanly on a signal listen to the ones their OS delivers: on Windows Deno
 * delivers only SIGINT (Ctrl-C) and SIGBREAK, so `deno task synthetic`, which listened to no
 * signal there, was killed by Ctrl-C with its files half-written; on Linux and macOS it listened to
 * SIGINT only, and `kill` (SIGTERM) left them too.
 */
import assert from "node:assert/strict";
import { stopSignals } from "../scripts/stop_signals.ts";
import { ROOT } from "../scripts/runner/paths.ts";

Deno.test("each OS's stop signals: Ctrl-C everywhere, Ctrl-Break on Windows, SIGTERM elsewhere", () => {
  assert.deepEqual(stopSignals("windows"), ["SIGINT", "SIGBREAK"]);
  for (const os of ["linux", "darwin"] as const) {
    assert.deepEqual(stopSignals(os), ["SIGINT", "SIGTERM"]);
  }
});

/** The names in a folder (none when it is missing). */
async function names(dir: string): Promise<string[]> {
  const out: string[] = [];
  try {
    for await (const e of Deno.readDir(dir)) out.push(e.name);
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  }
  return out.sort();
}

Deno.test(
  "deno task synthetic stopped by SIGTERM removes what it wrote",
  { ignore: Deno.build.os === "windows" },
  async () => {
    const dir = await Deno.makeTempDir({ prefix: "synthetic-stop-" });
    try {
      const series = `${dir}/series`;
      const child = new Deno.Command("deno", {
        args: [
          "run",
          `--allow-read=${ROOT}/data,${dir}`,
          `--allow-write=${dir}`,
          `${ROOT}/scripts/synthetic.ts`,
          "2000000",
          series,
          "--cases-per-source",
          "10",
        ],
        stdout: "piped",
        stderr: "piped",
      }).spawn();
      // Mid-run: once an article's text is written, before the last of its 200,000.
      let ended = false;
      child.status.then(() => ended = true);
      while (!ended && (await names(`${series}/sources`)).length === 0) {
        await new Promise((r) => setTimeout(r, 20));
      }
      assert.ok(!ended, "the run ended before it was stopped");
      child.kill("SIGTERM");
      const out = await child.output();
      assert.equal(out.code, 130, new TextDecoder().decode(out.stderr));
      assert.match(new TextDecoder().decode(out.stderr), /stopped; nothing of the run is left/);
      assert.deepEqual(await names(series), []);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
);
