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
 * The test files that read the real data (those that build their own data are left out, and so is
 * tests/any_case_test.ts, which appends the fixture to the real data itself: run on
 * `TEST_DATA_DIR`, its one use of it, "the real article's claims and appraisal ignore the appended
 * article", would compare the grown data with itself, and every other test would repeat the
 * suite's own run of it).
 */
const DATA_TESTS = [
  "tests/load_test.ts",
  "tests/plots_test.ts",
  "tests/analysis/change_test.ts",
  "tests/analysis/visual_test.ts",
  "tests/analysis/pooled_test.ts",
  "tests/claims/mod_test.ts",
  "tests/report/mod_test.ts",
  "tests/display_test.ts",
  "tests/appraisal/mod_test.ts",
  "tests/readings_sensitivity_test.ts",
  "tests/study_test.ts",
  "tests/plots/registry_test.ts",
  "tests/report/pooled_test.ts",
  "tests/report/dataset_test.ts",
  // Tests that copy the data to break it, or run validate on it: their line numbers and outputs
  // must hold with more rows after the real article's (a new user's real article turned them
  // red: a hard-coded line 5 of cases.csv, validate's summary expected alone).
  "tests/bad_input_test.ts",
  "tests/validate_cli_test.ts",
  "tests/fill_days_test.ts",
];

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
