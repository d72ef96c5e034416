/**
 * End to end, a case whose times are counted back from later ones (tests/fixtures/counted-back:
 * "two weeks before his admission", "over the previous month", "in the week before his
 * discharge") added to a copy of the data as a user adds one (docs/extending.md, "A new
 * article"): `fill-days` writes its days, `validate` passes, and its case notebook, run by
 * `reproduce --data` from the case template, executes without an error and draws each window
 * counted back where the rules put it.
 */
import assert from "node:assert/strict";
import { parse } from "csv-parse/sync";
import { ROOT } from "../scripts/runner/paths.ts";
import { removeScratch, reproduce } from "./helpers/reproduce_scratch.ts";
import { dataWithFixture } from "./helpers/data_dir.ts";
import { denoTaskArgs } from "./helpers/tasks.ts";

const text = (b: Uint8Array) => new TextDecoder().decode(b);

Deno.test("a case counted back from later times validates, and its case notebook runs and draws its windows", async () => {
  const data = await dataWithFixture("counted-back");
  await Deno.mkdir(`${ROOT}/.tmp`, { recursive: true });
  const dir = await Deno.makeTempDir({ dir: `${ROOT}/.tmp`, prefix: "counted-back-" });
  try {
    const deno = (args: string[]) =>
      new Deno.Command("deno", { args, cwd: ROOT, stdout: "piped", stderr: "piped" }).output();
    const fill = await deno([...await denoTaskArgs("fill-days"), data]);
    assert.equal(fill.code, 0, text(fill.stderr));
    const validate = await deno([...await denoTaskArgs("validate"), data]);
    assert.equal(validate.code, 0, text(validate.stdout) + text(validate.stderr));
    assert.doesNotMatch(text(validate.stdout) + text(validate.stderr), /warning/);
    // The case notebooks only: the template, from which reproduce writes one per case.
    await Deno.mkdir(`${dir}/notebooks/templates`, { recursive: true });
    await Deno.copyFile(
      `${ROOT}/notebooks/templates/case.ipynb`,
      `${dir}/notebooks/templates/case.ipynb`,
    );
    const reproduced = await reproduce(
      `${dir}/notebooks`,
      `${dir}/results`,
      "--force",
      "--data",
      data,
    );
    assert.equal(reproduced.code, 0, reproduced.stdout + reproduced.stderr);
    const nb = JSON.parse(await Deno.readTextFile(`${dir}/notebooks/01-case-B1.ipynb`));
    for (const [i, cell] of nb.cells.entries()) {
      if (cell.cell_type !== "code") continue;
      assert.ok(cell.execution_count !== null, `cell ${i} not executed`);
      for (const o of cell.outputs) {
        assert.notEqual(o.output_type, "error", `cell ${i}: ${JSON.stringify(o)}`);
        const shown = JSON.stringify(o.data?.["text/plain"] ?? o.data?.["text/markdown"] ?? o.text);
        assert.doesNotMatch(shown ?? "", /\bundefined\b|\bNaN\b/, `cell ${i}`);
      }
    }
    // The figure's data: each time counted back at the days its rule gives (day 0 the accident,
    // the admission on day 56, the discharge on day 87), as a window where it is one.
    const rows = parse(
      await Deno.readTextFile(`${dir}/results/figures/case-B1-timeline-day0.csv`),
      { columns: true },
    ) as Record<string, string>[];
    const at = (timeId: string, mark: string) => {
      const r = rows.find((x) => x.time_id === timeId && x.mark === mark);
      assert.ok(r, `${timeId} ${mark}`);
      return [r.x_lo, r.x, r.x_hi].map(Number);
    };
    assert.deepEqual(at("amitriptyline_start", "dose period"), [42, 42, 42]);
    assert.deepEqual(at("month_before_admission", "value over a period"), [11, 26, 41]);
    assert.deepEqual(at("week_before_discharge", "point"), [80, 80, 87]);
  } finally {
    await removeScratch(dir);
    await Deno.remove(data, { recursive: true });
  }
});
