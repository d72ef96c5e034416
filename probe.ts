import * as L from "./lib/mod.ts";
import {
  forestFigure,
  forestRows,
  responderCurveFigure,
  sensitivityFigure,
  trajectoriesFigure,
} from "./lib/plots/pooled.ts";
import { writeFigure } from "./lib/plots/render.ts";
const s = await L.loadCaseSeries();
await writeFigure(trajectoriesFigure(s.cases), "/tmp/figs", "traj");
const es = L.caseEffectSizes(s.cases, "NAP", { improvement: "decrease" });
const aggs = L.WEIGHTINGS.map((w) =>
  L.aggregateEffectSizes(es.perCase.map((p) => p.result), es.perCase.map((p) => p.caseId), w)
);
await writeFigure(
  forestFigure("NAP", forestRows(es.perCase, aggs.slice(0, 2))),
  "/tmp/figs",
  "forest",
);
const es2 = L.caseEffectSizes(s.cases, "LRRd", { improvement: "decrease" });
await writeFigure(
  forestFigure("LRRd", forestRows(es2.perCase, [es2.aggregate])),
  "/tmp/figs",
  "forest2",
);
await writeFigure(responderCurveFigure(L.responderCurve(s.cases)), "/tmp/figs", "resp");
await writeFigure(sensitivityFigure(L.sensitivityTable(s.cases)), "/tmp/figs", "sens");
