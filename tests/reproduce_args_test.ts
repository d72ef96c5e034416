/**
 * reproduce's command line (scripts/runner/reproduce_args.ts): `--data` names the folder the
 * notebooks read, and is refused when the run would write the committed notebooks or results.
 */
import assert from "node:assert/strict";
import { parseRunArgs } from "../scripts/runner/reproduce_args.ts";
import { DATA, NOTEBOOKS, resolveFolder, RESULTS } from "../scripts/runner/paths.ts";

/** A folder as the command line resolves it (`/tmp` is `/private/tmp` on macOS). */
const folder = (p: string) => resolveFolder(p, "/");
import { DATA_DIR_VARIABLE, dataFolder, DEFAULT_DATA_DIR } from "../lib/load.ts";
import { ROOT } from "../scripts/runner/paths.ts";

Deno.test("reproduce --data: another folder needs notebooks and results folders of its own", () => {
  const refused = parseRunArgs(["--data", "/tmp/try"]);
  assert.equal(typeof refused, "string");
  assert.ok(
    (refused as string).startsWith(
      `--data ${folder("/tmp/try")} needs --notebooks and --results of its own`,
    ),
    refused as string,
  );
  assert.match(
    parseRunArgs(["--data", "/tmp/try", "--notebooks", ".tmp/nb"]) as string,
    /needs --results of its own/,
  );
  assert.match(
    parseRunArgs([
      "--data",
      "/tmp/try",
      "--results",
      NOTEBOOKS,
      "--notebooks",
      NOTEBOOKS,
    ]) as string,
    /needs --notebooks of its own/,
    "the committed notebooks folder named outright is still the committed one",
  );
  const ok = parseRunArgs(["--data", "/tmp/try", "--notebooks", "/x/nb", "--results", "/x/res"]);
  assert.ok(typeof ok !== "string");
  assert.deepEqual(ok.dirs, {
    notebooks: folder("/x/nb"),
    results: folder("/x/res"),
    data: folder("/tmp/try"),
  });
});

Deno.test("reproduce --data: the project's own data folder needs no other folders; none: no data", () => {
  const own = parseRunArgs(["--data", DATA]);
  assert.ok(typeof own !== "string");
  assert.equal(own.dirs.data, DATA);
  assert.equal(own.dirs.results, RESULTS);
  const none = parseRunArgs([]);
  assert.ok(typeof none !== "string");
  assert.equal(none.dirs.data, undefined);
  assert.equal(parseRunArgs(["--data"]), "--data: a value is needed");
});

Deno.test("dataFolder: in a kernel of the runner, the run's data folder; elsewhere the repository's", () => {
  const saved = [DATA_DIR_VARIABLE, "RESULTS_DIR"].map((k) => [k, Deno.env.get(k)] as const);
  try {
    Deno.env.delete(DATA_DIR_VARIABLE);
    Deno.env.delete("RESULTS_DIR");
    assert.equal(dataFolder(), DEFAULT_DATA_DIR);
    // Left set in a shell, without the runner's RESULTS_DIR: no test or script is moved.
    Deno.env.set(DATA_DIR_VARIABLE, "/tmp/try");
    assert.equal(dataFolder(), DEFAULT_DATA_DIR);
    Deno.env.set("RESULTS_DIR", "/tmp/results");
    assert.equal(dataFolder(), "/tmp/try/");
    Deno.env.set(DATA_DIR_VARIABLE, "");
    assert.equal(dataFolder(), DEFAULT_DATA_DIR, "an empty value names no folder");
  } finally {
    for (const [k, v] of saved) v === undefined ? Deno.env.delete(k) : Deno.env.set(k, v);
  }
});

Deno.test("reproduce --data: the folders the refusal and the docs suggest are under .tmp/, which git ignores", async () => {
  // A try's notebooks and results quote an article that is not in data/ (an invented one, or one
  // not yet checked): in folders git ignores, a `git add -A` cannot commit them.
  assert.match(await Deno.readTextFile(`${ROOT}/.gitignore`), /^\.tmp\/$/m);
  const suggested = (text: string) =>
    // A folder is a path (`try-notebooks`, `.tmp/x`), not a word of the prose ("--notebooks and").
    [...text.matchAll(/--notebooks\s+([\w.]+[-/.][\w./-]*)\s+--results\s+([\w.]+[-/.][\w./-]*)/g)]
      .flatMap((m) => [m[1], m[2]]);
  const refusal = parseRunArgs(["--data", "/tmp/try"]) as string;
  // The README and every doc of docs/ (the command is in the README, docs/runner.md and
  // docs/extending.md).
  const docFiles = ["README.md"];
  for await (const e of Deno.readDir(`${ROOT}/docs`)) {
    if (e.isFile && e.name.endsWith(".md")) docFiles.push(`docs/${e.name}`);
  }
  const docs = await Promise.all(docFiles.map((f) => Deno.readTextFile(`${ROOT}/${f}`)));
  for (const f of ["README.md", "docs/runner.md", "docs/extending.md"]) {
    const text = docs[docFiles.indexOf(f)] ?? "";
    assert.ok(suggested(text).length >= 2, `${f} suggests a --notebooks and --results folder`);
  }
  const folders = [refusal, ...docs].flatMap(suggested);
  assert.ok(folders.length >= 8, `the refusal and the docs suggest folders: ${folders}`);
  assert.deepEqual(folders.filter((f) => !f.startsWith(".tmp/")), []);
  // The copy the docs make first goes to the folder the run is given (mkdir: .tmp/ may not exist).
  for (const text of [refusal, ...docs]) {
    const copies = [...text.matchAll(/cp -r notebooks\s+(\S+?)[`,\s]/g)].map((m) => m[1]);
    assert.deepEqual(copies.filter((f) => !f.startsWith(".tmp/")), []);
  }
});
