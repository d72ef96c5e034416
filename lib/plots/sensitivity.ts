/**
 * How much the headline numbers move across the analysis variants (baseline definitions,
 * extraction bounds, …): one row per case and quantity, the range over the variants as an
 * interval and the nominal analysis as a dot, each quantity on a scale that fits its values.
 *
 * @module
 */
import { checkOptions } from "../options.ts";
import { sensitivityOptionsSchema } from "./figure_options.ts";
import { noChangeNotes } from "../prose.ts";
import { sensitivityCaption, undefinedRows } from "./sensitivity_caption.ts";
import { sensitivityExclusions, sensitivityTable } from "../analysis/sensitivity.ts";
import { type SensitivitySpan, sensitivitySpans } from "../analysis/sensitivity_spans.ts";
import {
  countNoun,
  intervalLabel,
  type SensitivityInterval,
  sensitivityIntervals,
} from "./sensitivity_rows.ts";
import type { Exclusion } from "../stats/types.ts";
import { axesPanel } from "./axes.ts";
import { type DataRow, type Figure, PAD, stack } from "./compose.ts";
import { svgElement, textElement, titled } from "./dom.ts";
import { arrowHead, type LegendItem } from "./legend.ts";
import { measureText } from "./fonts.ts";
import { type FigureWidth, figureWidth, GREY, MARKER_RADIUS, STROKE, TYPE } from "./theme.ts";
import type { LinearScale } from "./uncertainty.ts";
import { defineFigure, type FigureDef, type FigureInputs, type SeriesInput } from "./record.ts";

/** Options of {@link sensitivityFigure}. */
export interface SensitivityOptions {
  /** What the variants vary, for the title and caption (e.g. "baseline definition and extraction
   * bound"). */
  varied?: string;
  /** Title (default: "Sensitivity of the headline numbers to the <varied>"). */
  title?: string;
  /** Figure width (default "full"). */
  width?: FigureWidth;
  /**
   * Cases with no change after the drug, with why (`sensitivityExclusions`): no row of theirs
   * is about the change, and a note under the figure names each once with its reason.
   */
  excluded?: readonly Exclusion[];
}

const ROW_H = 17;
const fmtValue = (v: number) => String(Math.round(v * 1000) / 1000).replace("-", "−");
// The range over the variants: a mid blue with 3.3:1 on white paper (WCAG non-text contrast; the
// light #8EC3E6 had 1.9:1 and faded in greyscale print), under which the nominal dot (#222222,
// 4.9:1 on it) and the hollow placeholder still stand out.
const BAR = "#4F94CD";
/** Half the height of the ticks ending a range: past the nominal dot (its radius × 1.1 + 2.5). */
const CAP = MARKER_RADIUS * 1.1 + 2.5;

/** Whether a range's ends differ (beyond floating-point error): some variant moves the value. */
const varies = (lo: number, hi: number) => hi - lo > 1e-9 * Math.max(1, Math.abs(hi));

/**
 * The sensitivity figure: for each quantity a small panel with one row per case, the range of
 * the quantity over the variants as a thick bar and the nominal value as a dot; the right column
 * says how many variants gave a value. Each quantity has its own x axis fitted to its values. A
 * row no variant gives a value is not drawn (nor in the figure's data): a note under the figure
 * names it with its reason, and another the cases the analysis leaves out (`excluded`).
 *
 * @param rows One row per case and quantity (see {@link SensitivityInterval}).
 * @param options What varies, width, the cases left out.
 * @returns The figure.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sensitivityFigure } from "#lib/plots/mod.ts";
 * const f = sensitivityFigure(
 *   [{ caseId: "1", quantity: "q", nominal: 1, lo: 0, hi: 2, variants: 9 }],
 *   { excluded: [{ caseId: "2", reason: "never takes x" }] },
 * );
 * assert.equal(f.description, "Sensitivity of 1 quantity over the analysis variants, 1 row.");
 * assert.ok(f.svg.textContent!.includes("No change after the drug for case 2: never takes x."));
 * ```
 */
export function sensitivityFigure(
  rows: readonly SensitivityInterval[],
  options: SensitivityOptions = {},
): Figure {
  checkOptions("sensitivityFigure", sensitivityOptionsSchema, options);
  const width = figureWidth(options.width ?? "full");
  // Rows with no value under any variant (a threshold never reached) are said under the
  // figure with their reason, not drawn as empty rows.
  const drawn = rows.filter(isDrawn);
  const quantities = [...new Set(drawn.map((r) => r.quantity))];
  const left = Math.ceil(
    PAD + Math.max(40, ...drawn.map((r) => measureText(intervalLabel(r), TYPE.label).width)) + 10,
  );
  const right = Math.ceil(
    PAD + Math.max(...drawn.map((r) => measureText(countOf(r), TYPE.small).width), 30) + 10,
  );
  const panels = quantities.map((q) =>
    quantityPanel(q, drawn.filter((r) => r.quantity === q), { width, left, right })
  );
  const nq = quantities.length;
  const data = drawn.map((r): DataRow => ({
    panel: r.quantity,
    series: intervalLabel(r),
    mark: "range",
    x: r.nominal !== null && Number.isFinite(r.nominal) ? r.nominal : null,
    x_dated: r.nominalDated !== false,
    x_lo: r.lo,
    x_hi: r.openEnded ? Infinity : r.hi,
    label: countOf(r),
    // Its case (none for a row of all cases); no time point: a quantity over the choices.
    case_id: r.caseId === "all" ? null : r.caseId,
    time_id: null,
  }));
  const excluded = options.excluded ?? [];
  return stack(panels, {
    data,
    title: options.title ??
      `Sensitivity of the headline numbers to the ${options.varied ?? "analysis choices"}`,
    width,
    legend: sensitivityLegend(drawn),
    notes: noChangeNotes(excluded),
    caption: sensitivityCaption(rows, drawn, options.varied),
    description: `Sensitivity of ${nq} quantit${nq === 1 ? "y" : "ies"} over the analysis ` +
      `${countNoun(rows).many}, ${drawn.length} row${drawn.length === 1 ? "" : "s"}.`,
  });
}

/** Whether a row is drawn: some variant gives it a value. */
function isDrawn(r: SensitivityInterval): boolean {
  return (r.defined ?? r.variants) > 0;
}

/**
 * Why the sensitivity figure is not drawn, or `null` when it is: no row has a value under any
 * variant (each named with why), or there is no row; then the cases the analysis leaves out, with
 * their reasons (`noChangeNotes`), as the figure's note would say.
 *
 * @param rows The rows the figure would draw from (see {@link SensitivityInterval}).
 * @param excluded The cases with no change after the drug, with why (`sensitivityExclusions`).
 * @param figure Which figure, in the sentence (each record names its own: a notebook may show
 *   both figures' sentences).
 * @returns The sentences, or `null`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sensitivityOmission } from "#lib/plots/mod.ts";
 * const row = { caseId: "all", quantity: "q", nominal: null, lo: null, hi: null, variants: 3 };
 * assert.equal(
 *   sensitivityOmission([{ ...row, defined: 0, reason: "no case to count" }], [
 *     { caseId: "2", reason: "never takes x" },
 *   ]),
 *   "No sensitivity figure: no row has a value under any variant: all cases (every quantity: " +
 *     "no case to count). No change after the drug for case 2: never takes x.",
 * );
 * assert.equal(sensitivityOmission([{ ...row, nominal: 1, lo: 1, hi: 1 }]), null);
 * ```
 */
export function sensitivityOmission(
  rows: readonly SensitivityInterval[],
  excluded: readonly Exclusion[] = [],
  figure = "sensitivity figure",
): string | null {
  if (rows.some(isDrawn)) return null;
  return (rows.length
    ? `No ${figure}: no row has a value under any ${countNoun(rows).one}: ${
      undefinedRows(rows, [], { inSentence: true })
    }.`
    : `No ${figure}: no row to draw.`) +
    noChangeNotes(excluded).map((n) => ` ${n}`).join("");
}

/** A row's right column: how many variants it is computed under, and how many gave a value. */
function countOf(r: SensitivityInterval): string {
  const d = r.defined ?? r.variants;
  const noun = countNoun([r]);
  return d === 0
    ? `none of ${r.variants} defined`
    : d === r.variants
    ? `${r.variants} ${r.variants === 1 ? noun.one : noun.many}`
    : `${d} of ${r.variants} defined`;
}

/** The horizontal frame shared by the panels: the figure's width and the two text columns. */
interface Columns {
  /** The figure's width. */
  width: number;
  /** The left margin (row labels). */
  left: number;
  /** The right margin (counts of variants). */
  right: number;
}

/**
 * The x domain and tick count of one quantity's axis: its values with zero, padded by 8%; whole
 * numbers (counts, days) get no fractional ticks.
 */
function quantityAxis(
  mine: readonly SensitivityInterval[],
  { width, left, right }: Columns,
): { domain: [number, number]; ticks: number } {
  const vals = mine.flatMap((r) => [r.nominal, r.lo, r.hi])
    .filter((v): v is number => v !== null && Number.isFinite(v));
  let lo = vals.length ? Math.min(...vals) : 0;
  let hi = vals.length ? Math.max(...vals) : 1;
  // Every axis runs from zero (or to zero): a range shown against the value's size, not
  // magnified by an axis that starts near it.
  if (lo > 0) lo = 0;
  else if (hi < 0) hi = 0;
  if (hi - lo < 1e-9) [lo, hi] = [-1, 1];
  const pad = (hi - lo) * 0.08;
  const maxTicks = Math.max(2, Math.floor((width - left - right) / 55));
  // Whole-number quantities (counts, days) get no fractional ticks.
  const ticks = vals.every(Number.isInteger) ? Math.min(maxTicks, Math.ceil(hi - lo)) : maxTicks;
  return { domain: [lo - pad, hi + pad], ticks };
}

/** One quantity's panel: its name, then a row per case on an axis of its own. */
function quantityPanel(
  q: string,
  mine: readonly SensitivityInterval[],
  columns: Columns,
): Element {
  const { width, left, right } = columns;
  const { domain, ticks } = quantityAxis(mine, columns);
  const top = 20;
  const height = top + mine.length * ROW_H + 28;
  return axesPanel({
    width,
    height,
    margin: { top, right, bottom: 28, left },
    x: { domain, label: null, ticks },
    y: { domain: [0, 1], label: null, axis: false, grid: false },
    draw: (x) => {
      const g = svgElement("g", { "aria-label": q });
      g.appendChild(textElement(q, PAD, 13, {
        size: TYPE.label,
        weight: "bold",
        fill: GREY.ink,
      }));
      mine.forEach((r, i) => rowMarks(g, x, r, top + i * ROW_H + ROW_H / 2, width));
      return g;
    },
  });
}

/**
 * One row's marks, appended to `g` at height `cy`: its label, the range over the variants (a
 * bar), an arrow to the axis's edge where some variant has no upper bound, the nominal value (a
 * dot, hollow when the text does not date it) and the count of variants.
 */
function rowMarks(g: Element, x: LinearScale, r: SensitivityInterval, cy: number, width: number) {
  g.appendChild(textElement(intervalLabel(r), PAD, cy + TYPE.label * 0.36, {
    size: TYPE.label,
    fill: GREY.ink,
  }));
  if (r.lo !== null && r.hi !== null && Number.isFinite(r.lo) && Number.isFinite(r.hi)) {
    const a = x(r.lo);
    const b = Math.max(x(r.hi), a + 1);
    g.appendChild(svgElement("line", {
      x1: a,
      x2: b,
      y1: cy,
      y2: cy,
      stroke: BAR,
      "stroke-width": STROKE.thick * 1.6,
      "stroke-linecap": "butt",
    }));
    // Ticks at both ends, taller than the dot: a range narrower than the dot still shows above
    // and below it. None where every variant gives the same value.
    if (varies(r.lo, r.hi)) {
      for (const at of [a, b]) {
        g.appendChild(svgElement("line", {
          x1: at,
          x2: at,
          y1: cy - CAP,
          y2: cy + CAP,
          stroke: BAR,
          "stroke-width": STROKE.data,
        }));
      }
    }
  }
  if (r.openEnded) {
    // Some variant gives no upper bound: an arrow from the range (or the dot) on to the
    // axis's edge, never dropped.
    const from = [r.hi, r.nominal].find((v): v is number => v !== null && Number.isFinite(v));
    const x0 = from === undefined ? x(x.domain[0]) : x(from);
    const x1 = x(x.domain[1]);
    g.appendChild(svgElement("line", {
      x1: x0,
      x2: x1 - 4,
      y1: cy,
      y2: cy,
      stroke: GREY.ink,
      "stroke-width": STROKE.thin,
    }));
    g.appendChild(arrowHead(x1, cy, 2.5, GREY.ink));
  }
  if (r.nominal !== null && Number.isFinite(r.nominal)) {
    g.appendChild(nominalDot(x, r, cy));
  }
  g.appendChild(textElement(countOf(r), width - PAD, cy + TYPE.small * 0.36, {
    size: TYPE.small,
    anchor: "end",
    fill: GREY.muted,
  }));
}

/** The nominal value's dot (hollow when the text does not date it), with its tooltip. */
function nominalDot(x: LinearScale, r: SensitivityInterval, cy: number): Element {
  const nominal = r.nominal!;
  const dated = r.nominalDated !== false;
  return titled(
    svgElement("circle", {
      cx: x(nominal),
      cy,
      r: MARKER_RADIUS * 1.1,
      fill: dated ? GREY.ink : "white",
      stroke: GREY.ink,
      "stroke-width": dated ? 0 : STROKE.data,
    }),
    `${intervalLabel(r)}, ${r.quantity}: ${fmtValue(nominal)} in the nominal analysis` +
      `${dated ? "" : " (a time the text does not date)"}; over the ` +
      `${countNoun([r]).many} ${
        r.lo === null
          ? "none defined"
          : `${fmtValue(r.lo)} to ${r.openEnded ? "no upper bound" : fmtValue(r.hi!)}`
      } (${countOf(r)})`,
  );
}

/** The legend: a swatch for each kind of mark the rows draw. */
function sensitivityLegend(rows: readonly SensitivityInterval[]): LegendItem[] {
  const noun = countNoun(rows);
  return [
    ...(rows.some((r) => r.nominal !== null && r.nominalDated !== false)
      ? [{ label: "nominal analysis", swatch: { kind: "dot", color: GREY.ink } } as LegendItem]
      : []),
    ...(rows.some((r) => r.nominal !== null && r.nominalDated === false)
      ? [{
        label: "nominal time not dated by the text (a placeholder)",
        swatch: { kind: "ring", color: GREY.ink },
      } as LegendItem]
      : []),
    ...(rows.some((r) => r.lo !== null && r.hi !== null)
      ? [{
        label: `range over the ${noun.many}`,
        swatch: { kind: "line", color: BAR, width: STROKE.thick * 1.6 },
      } as LegendItem]
      : []),
    ...(rows.some((r) => r.openEnded)
      ? [{
        label: `some ${noun.one} gives no upper bound`,
        swatch: { kind: "bracket", color: GREY.ink, arrow: true },
      } as LegendItem]
      : []),
  ];
}

/** Which figure a sentence of the table's figure is about (see {@link sensitivityOmission}). */
const SENSITIVITY_NAME = "over baseline definitions, extraction bounds and rounding (sensitivity)";

/**
 * The record of the sensitivity of a series' headline numbers to the analysis choices
 * (`results/figures/sensitivity`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries } from "#lib/mod.ts";
 * import { SENSITIVITY } from "#lib/plots/mod.ts";
 * const series = await loadCaseSeries();
 * assert.equal(SENSITIVITY.file(series), "sensitivity");
 * assert.match(SENSITIVITY.build(series).description, /^Sensitivity of \d+ quantit/);
 * // Not drawn when no case takes the drug: no row has a value.
 * const none = { ...series, cases: series.cases.map((c) => ({ ...c, treatments: [] })) };
 * assert.equal(SENSITIVITY.omission(series), null);
 * assert.match(SENSITIVITY.omission(none)!, /^No sensitivity figure over baseline .* never takes /);
 * ```
 */
export const SENSITIVITY: Readonly<FigureDef<"series">> = defineFigure({
  name: "sensitivity",
  title: "How the headline numbers move over baseline definitions, extraction bounds, rounding",
  needs: "series",
  builder: sensitivityFigure,
  file: () => "sensitivity",
  omission: (s) => sensitivityOmission(...tableRows(s), `sensitivity figure ${SENSITIVITY_NAME}`),
  build: (s, options) => {
    const [rows, excluded] = tableRows(s);
    return sensitivityFigure(rows, {
      varied: "baseline definition, extraction bound and rounding",
      excluded,
      ...options,
    });
  },
});

/**
 * The rows of a series' sensitivity table, and the cases it leaves out. Each row's dot is the
 * study's analysis (its baseline definition, the nominal bound, the values as stated), hollow
 * where the text does not date its time (as in the readings' figure).
 */
function tableRows(s: SeriesInput): [SensitivityInterval[], Exclusion[]] {
  const baseline = s.study.baseline;
  const rows = sensitivityIntervals(
    sensitivityTable(s.cases),
    (r) => r.baseline === baseline && r.bound === "nominal" && r.rounding === "as stated",
  );
  // Over the choices of one dataset's analysis, not over variants of the data (readings).
  const counts = { one: "choice", many: "choices" };
  return [rows.map((r) => ({ ...r, counts })), sensitivityExclusions(s.cases)];
}

/** Which figure a sentence of the readings' figure is about (see {@link sensitivityOmission}). */
const READINGS_NAME = "over the readings of the text (sensitivity-readings)";

/**
 * The record of the sensitivity of the per-case numbers to the readings of the text as well
 * (`results/figures/sensitivity-readings`), over the variants `analysisVariants` gives.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { analysisVariants } from "#lib/mod.ts";
 * import { SENSITIVITY_READINGS } from "#lib/plots/mod.ts";
 * const variants = await analysisVariants();
 * assert.equal(SENSITIVITY_READINGS.file(variants), "sensitivity-readings");
 * assert.match(SENSITIVITY_READINGS.build(variants).description, /^Sensitivity of /);
 * assert.equal(SENSITIVITY_READINGS.omission(variants), null);
 * ```
 */
export const SENSITIVITY_READINGS: Readonly<FigureDef<"variants">> = defineFigure({
  name: "sensitivity-readings",
  title: "How the per-case numbers move over the readings of the text and the analysis choices",
  needs: "variants",
  builder: sensitivityFigure,
  notebook: "30-sensitivity",
  file: () => "sensitivity-readings",
  omission: (variants) =>
    sensitivityOmission(...spanRowsOf(variants), `sensitivity figure ${READINGS_NAME}`),
  build: (variants, options) => {
    const [rows, excluded] = spanRowsOf(variants);
    return sensitivityFigure(rows, {
      varied: "readings of the text, baseline definition, extraction bound and rounding",
      excluded,
      ...options,
    });
  },
});

/** The spans over the variants of each case's quantities, and the cases no variant analyses. */
function spanRowsOf(
  variants: FigureInputs["variants"],
): [SensitivityInterval[], Exclusion[]] {
  const spans = sensitivitySpans(variants);
  // A count is of the datasets under each combination of readings; each is run under every
  // baseline definition, extraction bound and rounding, which the span also covers.
  const over = "the combinations of the readings of the text in readings.csv, each run under " +
    "every baseline definition, extraction bound and rounding";
  return [
    spans.filter(hasQuantity).map((r) => ({ ...r, over })),
    spans.filter((r) => r.quantity === null)
      .map((r) => ({ caseId: r.caseId, reason: r.reason ?? "no value in any variant" })),
  ];
}

/** A span of a quantity, not the row of a case left out of every variant. */
function hasQuantity(r: SensitivitySpan): r is SensitivitySpan & { quantity: string } {
  return r.quantity !== null;
}
