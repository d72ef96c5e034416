/**
 * The `validate` command: summary and exit 0, one line per problem and exit 1, usage exit 2.
 */
import assert from "node:assert/strict";
import { dataWith } from "./helpers/data_dir.ts";

const script = new URL("../scripts/validate.ts", import.meta.url).pathname;

async function validate(...args: string[]) {
  const out = await new Deno.Command("deno", {
    args: ["run", "--quiet", "--allow-read", script, ...args],
    env: { NO_COLOR: "1" },
  }).output();
  const dec = new TextDecoder();
  return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
}

Deno.test("validate: the real data gives a one-line summary and exit 0", async () => {
  const r = await validate();
  assert.equal(r.code, 0, r.stderr);
  assert.equal(
    r.stdout,
    "ok: 3 cases, 14 treatments, 12 observations, 13 events, 41 time points\n",
  );
});

Deno.test("validate: bad data gives file:row:column lines, no stack trace, and exit 1", async () => {
  const dir = await dataWith(
    "observations.csv",
    (t) => t.replace("2,pretreatment_average,8,8,8", "2,pretreatment_average,8,x,8"),
  );
  try {
    const r = await validate(dir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^observations\.csv:6:vas_nominal: not a number: 'x'$/m);
    assert.match(r.stderr, /^1 problem found$/m);
    assert.doesNotMatch(r.stderr, /\bat .*\.ts:\d+/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("validate: a usage error exits 2", async () => {
  const r = await validate("a", "b");
  assert.equal(r.code, 2);
  assert.match(r.stderr, /usage: deno task validate \[dataDir\]/);
});
