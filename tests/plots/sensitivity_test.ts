/**
 * The sensitivity figure of the series (`lib/plots/sensitivity.ts`, SENSITIVITY): its dot is the
 * study's own analysis (its baseline definition, the nominal bound, the values as stated), hollow
 * where the text does not date the time, as the figure over the readings draws it.
 */
import assert from "node:assert/strict";
import { loadCaseSeries, sensitivitySpans, sensitivityTable } from "../../lib/mod.ts";
import { SENSITIVITY } from "../../lib/plots/mod.ts";
import { TEST_DATA_DIR } from "../helpers/data_dir.ts";

const series = await loadCaseSeries(TEST_DATA_DIR);
const key = (caseId: string, quantity: string | null) => JSON.stringify([caseId, quantity]);

Deno.test("sensitivity figure: a time the text does not date is a hollow dot, as over the readings", () => {
  const undated = new Set(
    sensitivitySpans([{ series }]).filter((r) => r.nominalDated === false)
      .map((r) => key(r.caseId, r.quantity)),
  );
  const data = SENSITIVITY.build(series).data;
  for (const r of data) {
    const caseId = String(r.series).replace(/^Case /, "");
    assert.equal(r.x_dated, !undated.has(key(caseId, String(r.panel))), `${r.series}, ${r.panel}`);
  }
});

Deno.test("sensitivity figure: the dot is the study's baseline definition, whatever it is", () => {
  for (const baseline of ["last", "max", "mean"] as const) {
    const study = { ...series.study, baseline };
    const s = { ...series, study, cases: series.cases.map((c) => ({ ...c, study })) };
    const table = sensitivityTable(s.cases);
    for (const r of SENSITIVITY.build(s).data) {
      if (r.series === "All cases" || r.x === null) continue;
      const caseId = String(r.series).replace(/^Case /, "");
      const nominal = table.find((t) =>
        t.caseId === caseId && t.quantity === r.panel && t.baseline === baseline &&
        t.bound === "nominal" && t.rounding === "as stated"
      );
      assert.equal(r.x, nominal?.value, `${baseline}: ${r.series}, ${r.panel}`);
    }
  }
});
