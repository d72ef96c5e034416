/**
 * `deno task fill-days` (scripts/fill_days.ts): the days every time point's rule gives are written
 * into timepoints.csv, nothing else of the file changes, and bad data writes nothing.
 */
import assert from "node:assert/strict";
import { cellSpans, fillDays } from "../scripts/fill_days.ts";
import { copyData, editLine } from "./helpers/data_dir.ts";
import { ROOT } from "../scripts/runner/paths.ts";

/** Runs `deno task fill-days dir` as a user would: its exit code, standard output and error. */
async function fillDaysTask(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = await new Deno.Command("deno", {
    args: ["task", "--quiet", "fill-days", ...args],
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = (b: Uint8Array) => new TextDecoder().decode(b);
  return { code: out.code, stdout: text(out.stdout), stderr: text(out.stderr) };
}

/** `text` with the day cells of every data line replaced by `f(cell, line)`. */
function editDays(text: string, f: (cell: string, line: number) => string): string {
  const lines = text.split("\n");
  const header = lines[0].split(",");
  const at = ["day_lo", "day_nominal", "day_hi"].map((c) => header.indexOf(c));
  assert.ok(at.every((j) => j >= 0));
  let out = text;
  for (let line = 2; line <= lines.length; line++) {
    if (lines[line - 1].trim() === "") continue;
    out = editLine(out, line, (l) => {
      let s = l;
      for (const j of [...at].sort((a, b) => b - a)) {
        const [a, b] = cellSpans(s)[j];
        s = s.slice(0, a) + f(s.slice(a, b), line) + s.slice(b);
      }
      return s;
    });
  }
  return out;
}

Deno.test("cellSpans: quoted cells keep their quotes and commas", () => {
  const line = 'a,"b, ""c""",,d';
  assert.deepEqual(cellSpans(line).map(([s, e]) => line.slice(s, e)), ["a", '"b, ""c"""', "", "d"]);
});

Deno.test("fill-days: empty and wrong day cells are written as the rules give them; the rest of the file is unchanged", async () => {
  const dir = await copyData();
  try {
    const original = await Deno.readTextFile(`${dir}/timepoints.csv`);
    // Every day cell emptied, and those of one line wrong (99).
    const broken = editDays(original, (_, line) => line === 3 ? "99" : "");
    assert.notEqual(broken, original);
    await Deno.writeTextFile(`${dir}/timepoints.csv`, broken);
    const { text, changed } = await fillDays(dir);
    assert.equal(text, original, "the file as it was, byte for byte");
    assert.equal(changed.length, original.trimEnd().split("\n").length - 1);
    // Run as the task: it writes the file, then finds nothing to change.
    const first = await fillDaysTask(dir);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(await Deno.readTextFile(`${dir}/timepoints.csv`), original);
    assert.match(first.stdout, /^timepoints\.csv: the days of \d+ time points written/);
    const second = await fillDaysTask(dir);
    assert.match(second.stdout, /already as its rule gives them/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("fill-days: another problem in the data is listed, exit 1, nothing written", async () => {
  const dir = await copyData();
  try {
    const path = `${dir}/timepoints.csv`;
    const broken = editDays(await Deno.readTextFile(path), () => "");
    await Deno.writeTextFile(path, broken);
    // An unknown case in observations.csv.
    const obs = await Deno.readTextFile(`${dir}/observations.csv`);
    await Deno.writeTextFile(
      `${dir}/observations.csv`,
      editLine(obs, 2, (l) => "nobody" + l.slice(l.indexOf(","))),
    );
    const { code, stderr: err } = await fillDaysTask(dir);
    assert.equal(code, 1);
    assert.match(err, /^observations\.csv:2:case_id: unknown case id 'nobody'/m);
    assert.match(err, /nothing written/);
    assert.equal(await Deno.readTextFile(path), broken);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("fill-days: a folder without timepoints.csv is named, exit 1, nothing written", async () => {
  const dir = await Deno.makeTempDir({ prefix: "no-timepoints-" });
  try {
    const { code, stderr: err } = await fillDaysTask(dir);
    assert.equal(code, 1);
    assert.match(err, /timepoints\.csv: .*: nothing written\n$/);
    assert.doesNotMatch(err, /\bat .*\.ts:\d+/, "no stack trace");
    assert.deepEqual([...Deno.readDirSync(dir)], []);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("fill-days: an option or a second folder is a usage error, exit 2, nothing read", async () => {
  for (const args of [["--check"], ["-x"], ["data", "data"]]) {
    const { code, stdout, stderr } = await fillDaysTask(...args);
    assert.equal(code, 2, args.join(" "));
    assert.equal(stdout, "");
    assert.match(
      stderr,
      /^fill-days: .*\nusage: deno task fill-days \[dataDir\]\n$/,
      args.join(" "),
    );
    assert.doesNotMatch(stderr, /timepoints\.csv/);
  }
});

Deno.test("fill-days: a folder that does not exist, or a file, is named as typed, exit 2, nothing written", async () => {
  for (const [arg, why] of [["/no/such/dir", "not found"], ["README.md", "is a file"]]) {
    const { code, stdout, stderr } = await fillDaysTask(arg);
    assert.equal(code, 2, stderr);
    assert.equal(stdout, "");
    assert.match(stderr, new RegExp(`^fill-days: '${arg}' ${why}: expected .*\\nusage: `));
  }
});

Deno.test("fill-days: --help or -h prints the usage on standard output, exit 0, nothing read", async () => {
  // `--help` was taken for a folder ("…/--help/timepoints.csv: No such file or directory"), then
  // for a usage error (exit 2), where the other commands print the usage and exit 0.
  for (const args of [["--help"], ["-h"], ["data", "-h"]]) {
    const { code, stdout, stderr } = await fillDaysTask(...args);
    assert.equal(code, 0, `${args.join(" ")}: ${stderr}`);
    assert.equal(stdout, "usage: deno task fill-days [dataDir]\n");
    assert.equal(stderr, "");
  }
});
