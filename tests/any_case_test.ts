/**
 * Every per-case function of the timeline, change, claims, sensitivity and appraisal modules takes
 * any case of the synthetic second article (no VAS, no drug of interest, values only before or
 * after, ranges, open-ended times) without throwing, printing no `undefined` or `NaN`, and the
 * real article's verdicts do not move.
 */
import assert from "node:assert/strict";
import {
  activeRows,
  analysisVariants,
  appraisalRows,
  aucRows,
  careTimelineRows,
  causalityRows,
  changeRows,
  claimsLedger,
  conclusionRobustness,
  designLimits,
  loadCaseSeries,
  rateRows,
  reliefRows,
  sensitivitySpans,
  visualAnalysis,
} from "../lib/mod.ts";
import {
  dataWithFixture,
  FIRST_ARTICLE,
  FIXTURE_ARTICLE,
  TEST_DATA_DIR,
} from "./helpers/data_dir.ts";

const dir = await dataWithFixture();
const grown = await loadCaseSeries(dir);
const real = await loadCaseSeries(TEST_DATA_DIR);
const fixture = grown.cases.filter((c) => c.sourceId === FIXTURE_ARTICLE);
const clean = (x: unknown) => assert.doesNotMatch(JSON.stringify(x), /undefined|NaN/);

Deno.test("per-case rows for every fixture case: computed or a reason, never a throw", () => {
  assert.ok(fixture.length > 0);
  for (const c of fixture) {
    for (const f of [careTimelineRows, activeRows, changeRows, reliefRows, aucRows, rateRows]) {
      clean(f(c));
    }
    clean(visualAnalysis(c));
  }
  // S3 never takes the drug of interest: the change table says so.
  const s3 = grown.cases.find((c) => c.id === "S3")!;
  assert.match(String(changeRows(s3)[0].note), /never takes/);
  // S5 has values only before: the change table says so rather than showing no row.
  const s5 = grown.cases.find((c) => c.id === "S5")!;
  assert.match(String(changeRows(s5)[0].note), /no VAS value after/);
  // S2 has no VAS: no area, with the reason.
  const s2 = grown.cases.find((c) => c.id === "S2")!;
  assert.match(String(aucRows(s2)[0].note), /0 observations/);
});

Deno.test("the real article's claims and appraisal ignore the appended article", () => {
  const strip = (l: ReturnType<typeof claimsLedger>) =>
    l.filter((c) => c.sourceId === FIRST_ARTICLE);
  assert.deepEqual(strip(claimsLedger(grown)), strip(claimsLedger(real)));
  assert.deepEqual(appraisalRows(grown, FIRST_ARTICLE), appraisalRows(real, FIRST_ARTICLE));
  assert.deepEqual(
    causalityRows(grown, FIRST_ARTICLE, grown.study),
    causalityRows(real, FIRST_ARTICLE, real.study),
  );
  for (const id of grown.sources.keys()) {
    clean(appraisalRows(grown, id));
    clean(causalityRows(grown, id, grown.study));
    clean(designLimits(grown, id, grown.study));
  }
});

Deno.test("the reading grid runs on the grown dataset", async () => {
  const variants = await analysisVariants(dir);
  clean(sensitivitySpans(variants));
  const robust = conclusionRobustness(variants);
  assert.ok(robust.every((r) => r.of === variants.length));
  await Deno.remove(dir, { recursive: true });
});
