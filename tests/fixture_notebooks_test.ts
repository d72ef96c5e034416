/**
 * Cases from another article, of every shape, flow through every notebook as data only: the
 * synthetic second article (tests/fixtures/second-article) is appended to a copy of the project's
 * data, and the copy's `validate` and full `reproduce` must succeed — each case with its notebook
 * and no error output, every pooled table naming every case (included or excluded with a reason),
 * and the verdicts on the first article's claims as committed.
 */
import assert from "node:assert/strict";
import { parse } from "csv-parse/sync";
import { listFiles } from "../scripts/runner/files.ts";
import { REPRODUCE_ARGS, ROOT } from "../scripts/runner/paths.ts";
import { copyTree, dataWithFixture } from "./helpers/data_dir.ts";
import { denoTaskArgs } from "./helpers/tasks.ts";

/** Folders and files a copy of the project needs to run (its node_modules is installed). */
const PROJECT = ["lib", "scripts", "notebooks", "deno.json", "deno.lock"];

interface Run {
  dir: string;
  validate: Deno.CommandOutput;
  reproduce: Deno.CommandOutput;
  ids: string[];
}

let run: Promise<Run> | null = null;

const text = (b: Uint8Array) => new TextDecoder().decode(b);

/** Copies the project with the fixture appended to its data, then validates and reproduces it. */
function grownProject(): Promise<Run> {
  run ??= (async () => {
    const dir = await Deno.makeTempDir({ prefix: "grown-project-" });
    addEventListener("unload", () => Deno.removeSync(dir, { recursive: true }));
    for (const name of PROJECT) {
      if (name === "notebooks") continue;
      if ((await Deno.stat(`${ROOT}/${name}`)).isDirectory) {
        await copyTree(`${ROOT}/${name}`, `${dir}/${name}`);
      } else await Deno.copyFile(`${ROOT}/${name}`, `${dir}/${name}`);
    }
    await Deno.mkdir(`${dir}/notebooks/templates`, { recursive: true });
    for (const p of await listFiles(`${ROOT}/notebooks`)) {
      // The fixed notebooks and the template; case notebooks are generated from the data.
      if (p.endsWith(".ipynb") && !p.startsWith("01-case-")) {
        await Deno.copyFile(`${ROOT}/notebooks/${p}`, `${dir}/notebooks/${p}`);
      }
    }
    const data = await dataWithFixture();
    await copyTree(data, `${dir}/data`);
    await Deno.remove(data, { recursive: true });
    const deno = (args: string[]) =>
      new Deno.Command("deno", { args, cwd: dir, stdout: "piped", stderr: "piped" }).output();
    const install = await deno(["install", "--frozen"]);
    if (install.code !== 0) throw new Error(`deno install in the copy: ${text(install.stderr)}`);
    const validate = await deno(await denoTaskArgs("validate"));
    const reproduce = await deno([...REPRODUCE_ARGS, "--force"]);
    // Parsed as CSV: a quoted cell may hold a comma or a line break.
    const ids = (parse(await Deno.readTextFile(`${dir}/data/cases.csv`), { columns: true }) as {
      case_id: string;
    }[]).map((r) => r.case_id);
    return { dir, validate, reproduce, ids };
  })();
  return run;
}

Deno.test("with another article's cases appended, validate and reproduce succeed", async () => {
  const { validate, reproduce } = await grownProject();
  assert.equal(validate.code, 0, text(validate.stdout) + text(validate.stderr));
  assert.equal(reproduce.code, 0, text(reproduce.stdout) + text(reproduce.stderr));
});

Deno.test("every case of the grown data has its notebook, fully executed, without errors or undefined values", async () => {
  const { dir, ids } = await grownProject();
  assert.ok(ids.includes("S2") && ids.includes("1"), "real and fixture cases");
  const notebooks = (await listFiles(`${dir}/notebooks`)).filter((p) =>
    p.endsWith(".ipynb") && !p.startsWith("templates/")
  );
  for (const id of ids) assert.ok(notebooks.includes(`01-case-${id}.ipynb`), `case ${id}`);
  for (const p of notebooks) {
    const nb = JSON.parse(await Deno.readTextFile(`${dir}/notebooks/${p}`));
    for (const [i, cell] of nb.cells.entries()) {
      if (cell.cell_type !== "code") continue;
      assert.ok(cell.execution_count !== null, `${p} cell ${i} not executed`);
      for (const o of cell.outputs) {
        assert.notEqual(o.output_type, "error", `${p} cell ${i}: ${JSON.stringify(o)}`);
        const shown = JSON.stringify(o.data?.["text/plain"] ?? o.data?.["text/markdown"] ?? o.text);
        // A value printed from a missing field; SingleCaseES's own "NaN" may be quoted as such.
        assert.doesNotMatch(
          shown ?? "",
          /\bundefined\b|(?<!SingleCaseES: |\/)\bNaN\b/,
          `${p} cell ${i}`,
        );
      }
    }
  }
});

Deno.test("every pooled table names every appended case: included, or excluded with a reason", async () => {
  const { dir, ids } = await grownProject();
  const fixtureIds = ids.filter((id) => id.startsWith("S"));
  const tables = (await listFiles(`${dir}/results/tables`)).filter((p) =>
    /^(responders|paired-tests|tests|line-of-therapy|aggregate-[A-Za-z]+)\.json$/.test(p)
  );
  assert.ok(tables.length >= 3, `pooled tables: ${tables.join(", ")}`);
  for (const t of tables) {
    const body = await Deno.readTextFile(`${dir}/results/tables/${t}`);
    for (const id of fixtureIds) {
      assert.match(body, new RegExp(`\\b${id}\\b`), `${t} does not name case ${id}`);
    }
  }
});

Deno.test("the first article's claims keep their committed verdicts when other articles' cases are added", async () => {
  const { dir } = await grownProject();
  type Claim = Record<string, unknown>;
  const verdicts = async (root: string) =>
    Object.fromEntries(
      (JSON.parse(await Deno.readTextFile(`${root}/results/tables/claims.json`)) as Claim[])
        .map((c) => [String(c.id ?? c.claim), String(c.verdict)]),
    );
  const committed = await verdicts(ROOT);
  assert.ok(Object.keys(committed).length > 0);
  const grown = await verdicts(dir);
  for (const [claim, verdict] of Object.entries(committed)) assert.equal(grown[claim], verdict);
});

Deno.test("the appended article's claims and appraisal, recorded as data, are judged and shown", async () => {
  const { dir } = await grownProject();
  const fixture = "synthetic-fixture";
  const claims = await Deno.readTextFile(`${dir}/data/articles/${fixture}/claims.csv`);
  const shown = JSON.parse(await Deno.readTextFile(`${dir}/results/tables/claims.json`)) as {
    where: string;
    verdict: string;
  }[];
  const own = shown.filter((c) => c.where.endsWith(`(${fixture})`));
  assert.equal(own.length, claims.trim().split("\n").length - 1);
  for (const checklist of ["jbi", "care"]) {
    const table = await Deno.readTextFile(
      `${dir}/results/tables/appraisal-${checklist}-${fixture}.csv`,
    );
    assert.match(table, /^item,question,verdict,basis\n/);
  }
  const causality = await Deno.readTextFile(`${dir}/results/tables/causality-${fixture}.csv`);
  assert.match(causality, /^case,drug,temporal relation,/);
});
