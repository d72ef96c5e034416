/**
 * The `validate` command: summary and exit 0, one line per problem and exit 1, usage exit 2.
 */
import assert from "node:assert/strict";
import { parse } from "csv-parse/sync";
import { copyData, dataWith, editLine, TEST_DATA_DIR } from "./helpers/data_dir.ts";
import { denoTaskArgs } from "./helpers/tasks.ts";
import { writeSyntheticSeries } from "../scripts/synthetic.ts";
import { ROOT } from "../scripts/runner/paths.ts";
import { type DataIssue, formatIssue, loadCaseSeries } from "../lib/mod.ts";

/**
 * The warning lines `validate` prints for the data the tests read ({@link TEST_DATA_DIR}: the
 * repository's, or a grown copy), before any test changes it: advice its own rows may draw
 * (a narrative order left open), which the tests below expect beside the warnings they cause.
 */
const BASE_WARNINGS: readonly string[] = await (async () => {
  const warnings: DataIssue[] = [];
  await loadCaseSeries(TEST_DATA_DIR, { warnings });
  return warnings.map((w) => formatIssue({ ...w, message: `warning: ${w.message}` }));
})();

/** `, and N warning(s)` for the data's own warnings and `more`, as the problems' count ends. */
const andWarnings = (more = 0) => {
  const n = BASE_WARNINGS.length + more;
  return n === 0 ? "" : `, and ${n} warning${n === 1 ? "" : "s"}`;
};

/** `; N warning(s) (below)` for the data's own warnings and `more`, as the summary ends. */
const warningsBelow = (more = 0) => {
  const n = BASE_WARNINGS.length + more;
  return n === 0 ? "" : `; ${n} warning${n === 1 ? "" : "s"} \\(below\\)`;
};

/** The lines of standard error that are not the data's own warnings. */
const ownLines = (stderr: string) =>
  stderr.split("\n").filter((l) => l !== "" && !BASE_WARNINGS.includes(l));

/**
 * Runs `deno task validate` as deno.json defines it (same permissions), from the checkout, with
 * `env` added to its environment.
 */
async function validateWith(env: Record<string, string>, ...args: string[]) {
  const [run, ...rest] = await denoTaskArgs("validate");
  assert.equal(run, "run");
  const out = await new Deno.Command("deno", {
    args: ["run", "--quiet", ...rest, ...args],
    cwd: ROOT,
    env: { NO_COLOR: "1", ...env },
  }).output();
  const dec = new TextDecoder();
  return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
}

/** Runs `deno task validate` as deno.json defines it. */
const validate = (...args: string[]) => validateWith({}, ...args);

Deno.test("validate: the real data gives a one-line summary and exit 0", async () => {
  // Every row of the real data is valid: the summary counts the rows of each table.
  const rows = (table: string) =>
    parse(Deno.readTextFileSync(`${TEST_DATA_DIR}${table}.csv`), {
      columns: true,
    }).length;
  // The data the tests read (the repository's, or a grown copy: tests/grown_data_test.ts).
  const r = await validate(TEST_DATA_DIR);
  assert.equal(r.code, 0, r.stderr);
  const [first, ...rest] = r.stdout.trimEnd().split("\n");
  // Warnings, if any (advice that never fails the data), are counted there and listed on
  // standard error, each a located warning line.
  const warnings = r.stderr.split("\n").filter((l) => l !== "");
  for (const line of warnings) assert.match(line, /^[^:\s]+:\d*:[a-z_]*: warning: /);
  assert.equal(
    first,
    `ok: ${rows("cases")} cases, ${rows("treatments")} treatments, ` +
      `${rows("observations")} observations, ${rows("events")} events, ` +
      `${rows("timepoints")} time points (data folder: ${TEST_DATA_DIR})` +
      (warnings.length === 0
        ? ""
        : `; ${warnings.length} warning${warnings.length === 1 ? "" : "s"} (below)`),
  );
  // Then only notes (a case the study's analyses leave out says so), never a problem.
  for (const line of rest) assert.match(line, /^note: /);
});

Deno.test("validate: bad data gives file:row:column lines, no stack trace, and exit 1", async () => {
  const dir = await dataWith(
    "observations.csv",
    (t) =>
      t.replace("2,pretreatment_average,vas-10cm,8,8,8", "2,pretreatment_average,vas-10cm,8,x,8"),
  );
  try {
    const r = await validate(dir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^observations\.csv:6:value_nominal: not a number: 'x'$/m);
    assert.match(
      r.stderr,
      new RegExp(`^1 problem found${andWarnings()} \\(data folder: /.+\\)$`, "m"),
    );
    assert.doesNotMatch(r.stderr, /\bat .*\.ts:\d+/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("validate: a reading that breaks the data it is applied to is named, at its row", async () => {
  // The reading dates the dose reduction from itself: a cycle once applied, though its row
  // alone is well formed.
  const dir = await dataWith("readings.csv", (t) =>
    t.replace(
      "1,milnacipran_75,approx,milnacipran_continued_report,",
      "1,milnacipran_75,approx,milnacipran_75,",
    ));
  try {
    const text = await Deno.readTextFile(`${dir}/readings.csv`);
    const line = text.split("\n").findIndex((l) => l.includes(",milnacipran_75,approx,")) + 1;
    const timepoints = await Deno.readTextFile(`${dir}/timepoints.csv`);
    const replaced = timepoints.split("\n").findIndex((l) => l.startsWith("1,milnacipran_75,")) +
      1;
    const r = await validate(dir);
    assert.equal(r.code, 1, r.stdout);
    assert.equal(
      r.stderr.split("\n")[0],
      `readings.csv:${line}:anchor: under reading 'case1-six-months-from-vas-0_6' ` +
        `(replacing timepoints.csv:${replaced}): 'milnacipran_75' is anchored on itself: ` +
        "anchor it on an earlier time point",
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("validate: a usage error (a second folder, an unknown option, an empty name) exits 2", async () => {
  for (const args of [["a", "b"], ["--check"], [""], ["--data", "x"]]) {
    const r = await validate(...args);
    assert.equal(r.code, 2, args.join(" "));
    assert.equal(r.stdout, "");
    assert.match(
      r.stderr,
      /^validate: .*\nusage: deno task validate \[dataDir\]\n$/,
      args.join(" "),
    );
    if (args[0].startsWith("-")) assert.match(r.stderr, new RegExp(`unknown option '${args[0]}'`));
  }
});

Deno.test("validate: --help or -h prints the usage on standard output, exit 0, no data read", async () => {
  for (const args of [["--help"], ["-h"], ["/no/such/dir", "--help"]]) {
    const r = await validate(...args);
    assert.equal(r.code, 0, `${args.join(" ")}: ${r.stderr}`);
    assert.equal(r.stdout, "usage: deno task validate [dataDir]\n");
    assert.equal(r.stderr, "");
  }
});

Deno.test("validate: a folder that does not exist, or a file, is named once and exits 2", async () => {
  for (const [arg, why] of [["/no/such/dir", "not found"], ["data/cases.csv", "is a file"]]) {
    const r = await validate(arg);
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stderr.split(arg).length - 1, 1, r.stderr);
    assert.match(r.stderr, new RegExp(`^validate: '${arg}' ${why}`));
    assert.equal(r.stdout, "");
  }
});

Deno.test("validate: reads a data folder outside the checkout", async () => {
  const dir = await copyData();
  try {
    const r = await validate(dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^ok: /);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("validate: a case with no VAS value passes with a note saying what excludes it", async () => {
  const dir = await dataWith(
    "observations.csv",
    (t) => t.split("\n").filter((l) => !l.startsWith("3,")).join("\n"),
  );
  try {
    const r = await validate(dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stdout,
      /^note: case 3 has no pain value: analyses of pain .* list it as excluded/m,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("validate: prints the first 50 problems, then how many more", async () => {
  const dir = await dataWith("observations.csv", (t) => {
    const [head, row] = t.split("\n");
    return [head, ...Array.from({ length: 80 }, () => row.replace(",6.6,6.6,6.6,", ",6.6,x,6.6,"))]
      .join("\n");
  });
  try {
    const r = await validate(dir);
    assert.equal(r.code, 1);
    const lines = r.stderr.trimEnd().split("\n");
    // The problems, then the data's own warnings, then the counts.
    assert.equal(lines.length, 52 + BASE_WARNINGS.length, r.stderr);
    assert.equal(lines[0], "observations.csv:2:value_nominal: not a number: 'x'");
    assert.equal(lines[50], "... and 30 more");
    assert.deepEqual(lines.slice(51, -1), BASE_WARNINGS);
    assert.match(
      lines.at(-1)!,
      new RegExp(`^80 problems found${andWarnings()} \\(data folder: .+\\)$`),
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("validate: a data folder too large for the memory given is refused with a message, not a crash", async () => {
  const dir = await Deno.makeTempDir({ prefix: "validate-large-" });
  try {
    // 50,000 observations: a heap of 40 MiB fills while their time points are read (a source
    // text per 100 cases keeps the files few).
    await writeSyntheticSeries(dir, { cases: 5_000, casesPerSource: 100 });
    const { code, stderr } = await validateWith({ DENO_V8_FLAGS: "--max-old-space-size=40" }, dir);
    assert.equal(code, 1, stderr);
    assert.match(
      stderr,
      /^error: the data in '.*' is too large to load in this process: while reading \S+ the heap holds \d+ MiB, and the loader stops at 80% of the 40 MiB its old generation may hold\./,
    );
    assert.doesNotMatch(stderr, /Fatal|out of memory|stack trace/i);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("validate: the drug of interest given for another purpose than the indication is a located warning, exit 0", async () => {
  const dir = await copyData();
  try {
    const study = JSON.parse(await Deno.readTextFile(`${dir}/study.json`));
    const [drug, indication] = [study.drug_of_interest, study.indication];
    const text = await Deno.readTextFile(`${dir}/treatments.csv`);
    const rows: Record<string, string>[] = parse(text, { columns: true });
    const found = rows.find((r) => r.drug === drug && r.purpose === indication);
    assert.ok(found, "the data give the drug of interest for its indication");
    // The line the row starts on (its quote, the last cell, may span lines).
    const lines = text.split("\n");
    const line = lines.findIndex((l) =>
      l.startsWith(`${found.case_id},${drug},`) && l.includes(`,${indication},`)
    ) + 1;
    assert.ok(lines[line - 1].includes(`,${indication},`), lines[line - 1]);
    lines[line - 1] = lines[line - 1].replace(
      `,${indication},`,
      ",an indication written otherwise,",
    );
    await Deno.writeTextFile(`${dir}/treatments.csv`, lines.join("\n"));
    const r = await validate(dir);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(
      r.stderr.includes(
        `treatments.csv:${line}:purpose: warning: ${drug}, the study's drug of interest, is given ` +
          `here for 'an indication written otherwise', not for its indication '${indication}'`,
      ),
      r.stderr,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("validate: a term outside an open vocabulary is a located warning with a suggestion, exit 0", async () => {
  // Before: 'phantom limb pian' silently made a pain treatment co-medication, and 'amputaton'
  // passed.
  const dir = await copyData();
  try {
    const edit = async (file: string, from: string, to: string) => {
      const text = await Deno.readTextFile(`${dir}/${file}`);
      const line = text.split("\n").findIndex((l) => l.includes(from)) + 1;
      await Deno.writeTextFile(`${dir}/${file}`, text.replace(from, to));
      return line;
    };
    const purpose = await edit(
      "treatments.csv",
      ",phantom limb pain,found to be ineffective",
      ",phantom limb pian,found to be ineffective",
    );
    const kind = await edit(
      "events.csv",
      "1,amputation,amputation_surgery,",
      "1,amputaton,amputation_surgery,",
    );
    const r = await validate(dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`^ok: .*${warningsBelow(2)}$`, "m"));
    assert.deepEqual(ownLines(r.stderr), [
      `treatments.csv:${purpose}:purpose: warning: 'phantom limb pian' is not a recommended ` +
      'purpose (data/README.md): did you mean "phantom limb pain"?',
      `events.csv:${kind}:kind: warning: 'amputaton' is not a recommended kind ` +
      '(data/README.md): did you mean "amputation"?',
    ]);
    // With an error too: the errors first, then the warnings, then both counts.
    await edit("cases.csv", ",27,male,", ",x,male,");
    const bad = await validate(dir);
    assert.equal(bad.code, 1);
    const lines = ownLines(bad.stderr);
    assert.match(lines[0], /^cases\.csv:2:age: not a number: 'x'$/);
    assert.match(lines[1], /^treatments\.csv:\d+:purpose: warning: /);
    assert.match(lines[2], /^events\.csv:\d+:kind: warning: /);
    assert.match(lines[3], new RegExp(`^1 problem found${andWarnings(2)} \\(data folder: .+\\)$`));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("validate: the study's indication must be the purpose of some treatment", async () => {
  const dir = await dataWith(
    "treatments.csv",
    (t) => t.replaceAll(",phantom limb pain,", ",phantom limb pian,"),
  );
  try {
    const r = await validate(dir);
    assert.equal(r.code, 1, r.stderr);
    assert.match(
      r.stderr,
      /^treatments\.csv::purpose: the study's indication '.+' \(study\.json\) is the purpose of no treatment: did you mean "phantom limb pian"\?$/m,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("validate: a drug of interest given to no case is a located warning naming the nearest drug given, exit 0", async () => {
  const study = JSON.parse(await Deno.readTextFile(`${TEST_DATA_DIR}study.json`));
  const drug: string = study.drug_of_interest;
  // One letter changed: near enough to the drug given to be named; all letters changed: not.
  const misspelt = drug.slice(0, -1) + (drug.endsWith("m") ? "n" : "m");
  const far = "x".repeat(drug.length);
  for (const [wrong, suggestion] of [[misspelt, `: did you mean "${drug}"?`], [far, ""]]) {
    const dir = await dataWith(
      "study.json",
      (t) => JSON.stringify({ ...JSON.parse(t), drug_of_interest: wrong }, null, 2),
    );
    try {
      const r = await validate(dir);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, new RegExp(`^ok: .*${warningsBelow(1)}$`, "m"));
      assert.deepEqual(ownLines(r.stderr), [
        `study.json::drug_of_interest: warning: the drug of interest '${wrong}' is given to no ` +
        `case in treatments.csv${suggestion}`,
      ]);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  }
});

Deno.test("validate: a case of an unknown article, or an unusable cases.csv, calls no drug missing", async () => {
  // Before, a case of an unknown article stopped the gathering of the drugs at its first
  // treatment row (the drug of interest, given later in the file, was called given to no case), and
  // an unusable cases.csv left no case known, so no drug given.
  const cases = parse(await Deno.readTextFile(`${TEST_DATA_DIR}cases.csv`), {
    columns: true,
  }) as Record<string, string>[];
  const [firstTreatment] = parse(await Deno.readTextFile(`${TEST_DATA_DIR}treatments.csv`), {
    columns: true,
  }) as Record<string, string>[];
  // The case of the first treatment row: its article made unknown.
  const index = cases.findIndex((c) => c.case_id === firstTreatment.case_id);
  assert.ok(index >= 0);
  const line = index + 2;
  const unknownSource = "no-such-article";
  const sourceIds = new Set(cases.map((c) => c.source_id));
  assert.ok(!sourceIds.has(unknownSource));
  const edits: [string, (t: string) => string, RegExp][] = [
    [
      "an unknown source_id",
      (t) =>
        editLine(t, line, (l) => {
          const [id, source, ...rest] = l.split(",");
          assert.equal(id, firstTreatment.case_id);
          assert.ok(sourceIds.has(source));
          return [id, unknownSource, ...rest].join(",");
        }),
      new RegExp(`^cases\\.csv:${line}:source_id: unknown source id`, "m"),
    ],
    [
      "a bad header",
      (t) => t.replace(/^case_id,/, "case_number,"),
      /^cases\.csv:1:/m,
    ],
  ];
  for (const [what, edit, expected] of edits) {
    const dir = await dataWith("cases.csv", edit);
    try {
      const r = await validate(dir);
      assert.equal(r.code, 1, what);
      assert.match(r.stderr, expected, what);
      assert.doesNotMatch(r.stderr, /drug_of_interest/, what);
      assert.doesNotMatch(r.stderr, /is given to no case/, what);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  }
});

Deno.test("validate: a directory in place of a table is named, exit 1", async () => {
  const dir = await copyData();
  try {
    await Deno.remove(`${dir}/events.csv`);
    await Deno.mkdir(`${dir}/events.csv`);
    const r = await validate(dir);
    assert.equal(r.code, 1, r.stderr);
    assert.match(
      r.stderr,
      /^events\.csv::: is a directory, not a regular file: refused before reading/m,
    );
    assert.doesNotMatch(r.stderr, /os error/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("validate: a source text without its bracketed citation and licence is a located warning, exit 0", async () => {
  // data/README.md asks for the citation and licence in a first bracketed line; before, nothing
  // checked it.
  const dir = await copyData();
  try {
    const [path] = [...Deno.readDirSync(`${dir}/sources`)].map((e) => `sources/${e.name}`).sort();
    const text = await Deno.readTextFile(`${dir}/${path}`);
    // Its header kept, in parentheses: quotes of it still match.
    await Deno.writeTextFile(
      `${dir}/${path}`,
      text.replace(/^(\s*)\[([^\]]+)\]/, (_, space, inner) => `${space}(${inner})`),
    );
    const r = await validate(dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`^ok: .*${warningsBelow(1)}$`, "m"));
    assert.equal(ownLines(r.stderr).length, 1, r.stderr);
    assert.match(
      r.stderr,
      new RegExp(
        `^${path.replace(".", "\\.")}::: warning: the text does not begin with its ` +
          "citation and licence in brackets",
        "m",
      ),
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
