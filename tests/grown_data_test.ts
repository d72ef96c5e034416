/**
 * Adding an article never turns the suite red: the tests that read the real data run again, in a
 * child process, on a copy of it with the synthetic second article (tests/fixtures/second-article:
 * another scale, another drug, two amputations, cases of every shape) appended, through
 * `TEST_DATA_DIR` (tests/helpers/data_dir.ts). Each of them must pass on both: it scopes what it
 * asserts of the real data to that data's article and looks rows up by id.
 */
import assert from "node:assert/strict";
import { ROOT } from "../scripts/runner/paths.ts";
import { dataWithFixture } from "./helpers/data_dir.ts";

/**
 * The test files that read the real data through `TEST_DATA_DIR` (directly, or through
 * `copyData` or `dataWith` of tests/helpers/data_dir.ts); those that build their own
 * data are left out, and so are those of {@link NOT_ON_GROWN_DATA}.
 */
const DATA_TESTS = [
  "tests/load_test.ts",
  "tests/plots_test.ts",
  "tests/analysis/change_test.ts",
  "tests/analysis/period_rates_test.ts",
  "tests/time_words_test.ts",
  "tests/value_noun_test.ts",
  "tests/claim_count_test.ts",
  "tests/stated_digits_test.ts",
  "tests/analysis/visual_test.ts",
  "tests/analysis/pooled_test.ts",
  "tests/analysis/responders_test.ts",
  "tests/analysis/sensitivity_test.ts",
  "tests/claims/mod_test.ts",
  "tests/claims/course_rules_test.ts",
  "tests/claims/dating_test.ts",
  "tests/claims/rounding_test.ts",
  "tests/report/mod_test.ts",
  "tests/display_test.ts",
  "tests/appraisal/mod_test.ts",
  "tests/appraisal/naranjo_test.ts",
  "tests/appraisal/design_words_test.ts",
  "tests/appraisal/conclusion_test.ts",
  "tests/appraisal/regression_test.ts",
  "tests/appraisal/timing_test.ts",
  "tests/readings_sensitivity_test.ts",
  "tests/study_test.ts",
  "tests/report/pooled_test.ts",
  "tests/report/effect_sizes_test.ts",
  "tests/report/dataset_test.ts",
  "tests/report/sensitivity_test.ts",
  "tests/report/case_rounding_test.ts",
  "tests/rounding_test.ts",
  "tests/stats/reportable_test.ts",
  "tests/data/columns_test.ts",
  "tests/data/period_order_test.ts",
  "tests/injection_test.ts",
  "tests/interactive_test.ts",
  "tests/options_test.ts",
  "tests/synthetic_test.ts",
  "tests/plots/registry_test.ts",
  "tests/plots/sensitivity_test.ts",
  "tests/plots/figure_labels_test.ts",
  "tests/plots/slopegraph_test.ts",
  "tests/stored_days_test.ts",
  "tests/plots/joined_caption_test.ts",
  "tests/time_rule_words_test.ts",
  "tests/series_drugs_test.ts",
  "tests/bound_format_property_test.ts",
  "tests/plots/figure_options_test.ts",
  "tests/plots/display_method_test.ts",
  // Tests that copy the data to break it, or run validate on it: their line numbers and outputs
  // must hold with more rows after the real article's (a new user's real article turned them
  // red: a hard-coded line 5 of cases.csv, validate's summary expected alone).
  "tests/bad_input_test.ts",
  "tests/validate_cli_test.ts",
  "tests/validate_datapackage_test.ts",
  "tests/fill_days_test.ts",
  "tests/stated_amounts_test.ts",
  "tests/stated_doses_test.ts",
  "tests/intervals_property_test.ts",
  "tests/reference_test.ts",
];

/**
 * Test files that read the real data but are not run again here, each with why: they append the
 * fixture to the repository's data themselves (run on `TEST_DATA_DIR`, they would compare the grown
 * data with itself, and repeat the suite's own run), or they start kernels that read `data/` as a
 * person's notebook does (the notebooks on grown data are tests/fixture_notebooks_test.ts).
 */
const NOT_ON_GROWN_DATA: Record<string, string> = {
  "tests/any_case_test.ts": "appends the fixture to the real data itself",
  "tests/fixture_test.ts": "appends the fixture to the real data itself",
  "tests/plots/order_test.ts": "appends the fixture to the real data itself",
  "tests/plots/case_marks_test.ts":
    "checks the real data and the data with the fixture appended itself",
  "tests/plots/contrast_test.ts":
    "checks the real data and the data with the fixture appended itself",
  "tests/plots/timeline_labels_test.ts":
    "checks the real data and the data with the fixture appended itself",
  "tests/plots/overlap_test.ts":
    "checks the real data and the data with the fixture appended itself",
  "tests/plots/trajectories_test.ts":
    "checks the real data and the data with the fixture appended itself",
  "tests/plots/value_axis_test.ts":
    "checks the real data and the data with the fixture appended itself",
  "tests/plots/undated_test.ts":
    "checks the real data and the data with the fixture appended itself",
  "tests/plots/figure_join_test.ts":
    "checks the real data and the data with the fixture appended itself",
  "tests/plots/marker_overlap_test.ts":
    "checks the real data and the data with the fixture appended itself",
  "tests/interactive_kernel_test.ts": "a kernel reads data/ as a notebook does",
  "tests/notebook_kernel_test.ts": "a kernel reads data/ as a notebook does",
};

/** Whether a test's source reads the data the tests read (or, with no argument, data/ itself). */
const READS_DATA = /\bTEST_DATA_DIR\b|\b(copyData|dataWith)\(|\bloadCaseSeries\(\)/;

/** Every test file under tests/ (not its helpers or fixtures), relative to the repository. */
async function testFiles(dir = "tests"): Promise<string[]> {
  const files: string[] = [];
  for await (const e of Deno.readDir(`${ROOT}/${dir}`)) {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory && !["tests/helpers", "tests/fixtures"].includes(path)) {
      files.push(...await testFiles(path));
    } else if (e.isFile && e.name.endsWith("_test.ts")) files.push(path);
  }
  return files.sort();
}

Deno.test("every test file that reads the real data is run again on the grown data, or says why not", async () => {
  const files = await testFiles();
  const reading: string[] = [];
  for (const f of files) {
    if (f === "tests/grown_data_test.ts") continue;
    if (READS_DATA.test(await Deno.readTextFile(`${ROOT}/${f}`))) reading.push(f);
  }
  const listed = [...DATA_TESTS, ...Object.keys(NOT_ON_GROWN_DATA)];
  assert.deepEqual(reading.filter((f) => !listed.includes(f)), [], "read the data, not listed");
  assert.deepEqual(listed.filter((f) => !files.includes(f)), [], "listed, no such test file");
  assert.deepEqual(listed.filter((f) => !reading.includes(f)), [], "listed, read no data");
});

Deno.test("the real-data tests pass with another article appended to the data", async () => {
  const dir = await dataWithFixture();
  try {
    const out = await new Deno.Command("deno", {
      // --no-check: the suite that runs this test has type-checked these files already.
      args: ["test", "--quiet", "--no-check", "--allow-all", ...DATA_TESTS],
      cwd: ROOT,
      env: { TEST_DATA_DIR: dir, NO_COLOR: "1" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const text = new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr);
    assert.equal(
      out.code,
      0,
      text.split("\n").filter((l) => /FAILED|=> |error/.test(l)).join("\n"),
    );
    assert.match(text, /ok \| \d+ passed \| 0 failed/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
