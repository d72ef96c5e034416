/**
 * lib/study.ts and data/study.json: the study question is data. A bad study.json is reported by
 * field; changing the drug of interest re-runs the analyses for that drug with no code change.
 */
import assert from "node:assert/strict";
import {
  caseChange,
  DataValidationError,
  formatIssue,
  loadCaseSeries,
  painOptions,
  parseStudy,
  percentThresholds,
  responders,
  type Study,
} from "../lib/mod.ts";
import { copyData, TEST_DATA_DIR } from "./helpers/data_dir.ts";

/** A copy of the data with study.json replaced by `edit` of its JSON. */
async function withStudy<T>(
  edit: (j: Record<string, unknown>) => unknown,
  f: (dir: string) => Promise<T>,
): Promise<T> {
  const dir = await copyData();
  try {
    const json = JSON.parse(await Deno.readTextFile(`${dir}/study.json`));
    await Deno.writeTextFile(`${dir}/study.json`, JSON.stringify(edit(json)));
    return await f(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

const real = await loadCaseSeries(TEST_DATA_DIR);

Deno.test("every case carries the series' study, read from data/study.json", async () => {
  const json = JSON.parse(await Deno.readTextFile(`${TEST_DATA_DIR}study.json`));
  assert.equal(real.study.drug, json.drug_of_interest);
  assert.equal(real.study.indication, json.indication);
  assert.ok(real.cases.every((c) => c.study === real.study));
});

Deno.test("another drug of interest re-runs the analyses for it, with no code change", async () => {
  // Any drug given for the indication that is not the study's drug, in any case.
  const other = real.cases.flatMap((c) => c.treatments).find((t) =>
    t.purpose === real.study.indication && t.drug !== real.study.drug
  );
  if (other === undefined) return; // nothing to switch to in this data
  await withStudy((j) => ({ ...j, drug_of_interest: other.drug }), async (dir) => {
    const s = await loadCaseSeries(dir);
    assert.equal(s.study.drug, other.drug);
    for (const c of s.cases) {
      const ch = caseChange(c);
      assert.equal(ch.drug, other.drug);
      if (!c.treatments.some((t) => t.drug === other.drug)) {
        assert.equal(ch.reason, `never takes ${other.drug}`);
      }
    }
    assert.ok(responders(s.cases).every((r) => r.options.drug === other.drug));
  });
});

Deno.test("a bad study.json is reported field by field", async () => {
  const issues = await withStudy(
    (j) => ({ ...j, improvement: "down", responder_thresholds: [{ kind: "percent", value: 0 }] }),
    async (dir) => {
      try {
        await loadCaseSeries(dir);
        return [];
      } catch (e) {
        assert.ok(e instanceof DataValidationError);
        return e.issues.map(formatIssue);
      }
    },
  );
  assert.ok(
    issues.some((m) => m.startsWith("study.json::improvement: must be one of")),
    issues.join("\n"),
  );
  assert.ok(
    issues.some((m) => m.startsWith("study.json::responder_thresholds.0.value:")),
    issues.join("\n"),
  );
  const missing = await withStudy((j) => {
    const { drug_of_interest: _, ...rest } = j;
    return rest;
  }, (dir) => loadCaseSeries(dir).then(() => "", (e) => String(e)));
  assert.match(missing, /study\.json::drug_of_interest:/);
});

Deno.test("parseStudy: percent thresholds in order, goal from the direction", () => {
  const s = parseStudy({
    title: "t",
    drug_of_interest: "duloxetine",
    indication: "phantom limb pain",
    improvement: "decrease",
    baseline: "mean",
    responder_thresholds: [{ kind: "percent", value: 50 }, { kind: "percent", value: 30 }],
    min_points_per_phase: 3,
    min_cases_forest: 3,
    min_cases_responder_curve: 5,
  });
  assert.deepEqual(percentThresholds(s), [50, 30]);
  assert.equal(s.goal, 0);
  assert.throws(() => parseStudy({ ...s, extra: 1 }), /study\.json: /);
});

Deno.test("painOptions names a series or a case passed for its study, and says what to pass", async () => {
  const s = await loadCaseSeries(TEST_DATA_DIR);
  assert.deepEqual(painOptions(s.study), { improvement: s.study.improvement, goal: s.study.goal });
  for (const [name, value] of [["series", s], ["c", s.cases[0]]] as const) {
    assert.throws(
      () => painOptions(value as unknown as Study),
      (e) =>
        e instanceof TypeError &&
        /^painOptions: expected a study \(series\.study or c\.study\)/.test(e.message) &&
        e.message.endsWith(`painOptions(${name}.study)`),
      name,
    );
  }
  assert.throws(() => painOptions(undefined as unknown as Study), /painOptions: expected a study/);
});
