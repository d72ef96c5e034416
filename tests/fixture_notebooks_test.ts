/**
 * Cases from another article, of every shape, flow through every notebook as data only: the
 * synthetic second article (tests/fixtures/second-article) is appended to a copy of the project's
 * data, and `validate` and a full `reproduce --data` on the copy must succeed — each case with its notebook
 * and no error output, every pooled table naming every case (included or excluded with a reason),
 * and the verdicts on the first article's claims as committed.
 */
import assert from "node:assert/strict";
import { parse } from "csv-parse/sync";
import { listFiles } from "../scripts/runner/files.ts";
import { ROOT } from "../scripts/runner/paths.ts";
import { reproduce } from "./helpers/reproduce_scratch.ts";
import { dataWithFixture } from "./helpers/data_dir.ts";
import { denoTaskArgs } from "./helpers/tasks.ts";

interface Run {
  /** The run's notebooks and results (`notebooks/`, `results/`), in the project's `.tmp/`. */
  dir: string;
  /** The grown data folder. */
  data: string;
  validate: Deno.CommandOutput;
  reproduce: { code: number; stdout: string; stderr: string };
  ids: string[];
}

let run: Promise<Run> | null = null;

const text = (b: Uint8Array) => new TextDecoder().decode(b);

/**
 * Runs the project's notebooks on its data with the fixture appended, as a user trying an
 * article does: `validate DIR`, then `reproduce --data DIR` into notebooks and results folders
 * of the run's own (inside the project, where the notebooks' imports resolve).
 */
function grownProject(): Promise<Run> {
  run ??= (async () => {
    await Deno.mkdir(`${ROOT}/.tmp`, { recursive: true });
    const dir = await Deno.makeTempDir({ dir: `${ROOT}/.tmp`, prefix: "grown-project-" });
    const data = await dataWithFixture();
    addEventListener("unload", () => {
      Deno.removeSync(dir, { recursive: true });
      Deno.removeSync(data, { recursive: true });
    });
    await Deno.mkdir(`${dir}/notebooks/templates`, { recursive: true });
    for (const p of await listFiles(`${ROOT}/notebooks`)) {
      // The fixed notebooks and the template; case notebooks are generated from the data.
      if (p.endsWith(".ipynb") && !p.startsWith("01-case-")) {
        await Deno.copyFile(`${ROOT}/notebooks/${p}`, `${dir}/notebooks/${p}`);
      }
    }
    const deno = (args: string[]) =>
      new Deno.Command("deno", { args, cwd: ROOT, stdout: "piped", stderr: "piped" }).output();
    const validate = await deno([...await denoTaskArgs("validate"), data]);
    const reproduced = await reproduce(
      `${dir}/notebooks`,
      `${dir}/results`,
      "--force",
      "--data",
      data,
    );
    // Parsed as CSV: a quoted cell may hold a comma or a line break.
    const ids = (parse(await Deno.readTextFile(`${data}/cases.csv`), { columns: true }) as {
      case_id: string;
    }[]).map((r) => r.case_id);
    return { dir, data, validate, reproduce: reproduced, ids };
  })();
  return run;
}

Deno.test("with another article's cases appended, validate and reproduce succeed", async () => {
  const { validate, reproduce } = await grownProject();
  assert.equal(validate.code, 0, text(validate.stdout) + text(validate.stderr));
  assert.equal(reproduce.code, 0, reproduce.stdout + reproduce.stderr);
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
  const { dir, data } = await grownProject();
  const fixture = "synthetic-fixture";
  const claims = await Deno.readTextFile(`${data}/articles/${fixture}/claims.csv`);
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
