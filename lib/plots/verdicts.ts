/**
 * A traffic-light panel of verdicts: each appraisal item (JBI, CARE) and each claim of an article
 * as a coloured disc with a glyph (so that it reads without colour) beside its text, grouped by
 * checklist, the evidence on hover.
 *
 * @module
 */
import { checkOptions } from "../options.ts";
import { verdictOptionsSchema } from "./figure_options.ts";
import { appraisalRows } from "../appraisal/mod.ts";
import { shortCitation } from "../appraisal/natural_history.ts";
import { claimNumber, claimsLedger } from "../claims/mod.ts";
import { type DataRow, type Figure, PAD, panel, stack } from "./compose.ts";
import { textElement, titled } from "./dom.ts";
import { GLYPH_DISC_R, type GlyphDisc, glyphDisc, type LegendItem } from "./legend.ts";
import { cutText, wrapText } from "./layout.ts";
import { type FigureWidth, figureWidth, GREY, TYPE } from "./theme.ts";
import { defineFigure, type FigureDef, type FigureInputs } from "./record.ts";

/** One verdict to show. */
export interface VerdictItem {
  /** The group (e.g. "JBI checklist", "Claims"). */
  group: string;
  /** The item's text (cut to one line in the figure; whole in its hover text). */
  label: string;
  /** The verdict (a key of {@link VERDICT_STYLES}). */
  verdict: string;
  /** What the verdict rests on (hover text). */
  detail?: string;
  /** The number it goes by in its table (e.g. "C3" for a claim), printed first. */
  number?: string;
  /**
   * What the verdict becomes under another reading of the values, printed after it (a claim's
   * verdict with every stated value widened by its rounding, where it differs).
   */
  qualifier?: string;
}

/** How a verdict is drawn: a colour, a glyph, and the light it is. */
export interface VerdictStyle {
  /** Fill of the disc. */
  color: string;
  /** Glyph inside it. */
  glyph: string;
  /** Colour of the glyph: the one of white and ink that stands out from the fill (≥ 3:1). */
  ink: string;
  /** Which light (legend order: green, amber, red, grey, none). */
  light: "green" | "amber" | "red" | "grey" | "none";
}

const GREEN = { color: "#1A9850", glyph: "✓", ink: "white", light: "green" } as const;
const AMBER = { color: "#F4A736", glyph: "~", ink: GREY.ink, light: "amber" } as const;
const RED = { color: "#D73027", glyph: "✗", ink: "white", light: "red" } as const;
// Grey: a dark glyph (a white one on #AAAAAA has 2.3:1 and faded out in print).
const GREY_LIGHT = { color: "#AAAAAA", glyph: "?", ink: GREY.ink, light: "grey" } as const;
// Not applicable: a white disc with a dark ring (a pale fill vanished on white paper).
const NONE = { color: "#FFFFFF", glyph: "–", ink: GREY.ink, light: "none" } as const;

/**
 * The style of each verdict of the claims ledger and of the appraisal checklists.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { VERDICT_STYLES } from "#lib/plots/mod.ts";
 * assert.equal(VERDICT_STYLES["supported"].light, VERDICT_STYLES["yes"].light);
 * ```
 */
export const VERDICT_STYLES: Readonly<Record<string, VerdictStyle>> = Object.freeze({
  supported: GREEN,
  yes: GREEN,
  "partly supported": AMBER,
  partly: AMBER,
  "not supported": RED,
  no: RED,
  "cannot be assessed": GREY_LIGHT,
  unclear: GREY_LIGHT,
  "not applicable": NONE,
});

const ROW = TYPE.small * 1.55;
const R = GLYPH_DISC_R;

/** The disc of a verdict's style: its fill and glyph, a dark ring for "not applicable". */
function discOf(style: VerdictStyle): GlyphDisc {
  const none = style.light === "none";
  return {
    fill: style.color,
    glyph: style.glyph,
    ink: style.ink,
    ring: none ? GREY.ink : GREY.muted,
    ringWidth: none ? 1 : 0.5,
  };
}

/**
 * The traffic-light figure: per group a heading and one row per item (a disc with its glyph, the
 * item's text cut to the line); full width puts the groups in two columns. The legend names each
 * light with the verdicts it stands for, only those drawn. A verdict without a style is drawn as
 * the grey light and named.
 *
 * @param items The verdicts, grouped in order of first appearance of their group.
 * @param options Title, width.
 * @returns The figure.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { verdictFigure } from "#lib/plots/mod.ts";
 * const f = verdictFigure([{ group: "Claims", label: "It works", verdict: "partly supported" }]);
 * assert.equal(f.data[0].verdict, "partly supported");
 * ```
 */
export function verdictFigure(
  items: readonly VerdictItem[],
  options: { title?: string; width?: FigureWidth } = {},
): Figure {
  checkOptions("verdictFigure", verdictOptionsSchema, options);
  const width = figureWidth(options.width ?? "full");
  const groups = [...new Set(items.map((i) => i.group))].map((g) => ({
    group: g,
    items: items.filter((i) => i.group === g),
  }));
  const columns = verdictColumns(groups, width);
  const colW = (width - 2 * PAD - (columns.length - 1) * 16) / columns.length;
  const heights = columns.map((col) => col.reduce((s, g) => s + (g.items.length + 1.5) * ROW, 0));
  const p = panel(width, Math.ceil(Math.max(...heights)) + 4);
  const drawn = new Map<string, Set<string>>();
  columns.forEach((col, ci) => {
    const x0 = PAD + ci * (colW + 16);
    let y = 0;
    for (const g of col) {
      y += ROW * 1.5;
      p.appendChild(textElement(g.group, x0, y - ROW * 0.45, {
        size: TYPE.label,
        weight: "bold",
        fill: GREY.ink,
      }));
      for (const it of g.items) {
        for (const el of verdictRow(it, x0, y + ROW / 2, colW, drawn)) p.appendChild(el);
        y += ROW;
      }
    }
  });
  // Each key is the disc the rows draw, glyph and all: the glyph tells the lights apart in grey.
  const legend: LegendItem[] = (["green", "amber", "red", "grey", "none"] as const)
    .filter((l) => drawn.has(l))
    .map((l): LegendItem => ({
      label: [...drawn.get(l)!].join(" / "),
      swatch: {
        kind: "glyph",
        disc: discOf(Object.values(VERDICT_STYLES).find((s) => s.light === l)!),
      },
    }));
  const data = items.map((it): DataRow => ({
    panel: it.group,
    series: it.label,
    ...(it.number ? { number: it.number } : {}),
    mark: "verdict",
    verdict: it.verdict,
    ...(it.qualifier ? { qualifier: it.qualifier } : {}),
    light: (VERDICT_STYLES[it.verdict] ?? GREY_LIGHT).light,
  }));
  return stack([p], {
    data,
    title: options.title ?? "Verdicts: appraisal checklists and claims",
    width,
    legend,
    caption: "Each row: an item of a checklist or a claim of the article with its verdict " +
      "(✓ green, ~ amber, ✗ red, ? grey, – not applicable); the full item, the verdict and " +
      "what it rests on are in the notebook's tables and in each disc's hover text" +
      (items.some((i) => i.number)
        ? "; claims carry their number among the article's claims in the claims table (C1, C2, …, column no, beside the article)"
        : "") +
      (items.some((i) => i.qualifier)
        ? "; a verdict that moves when every stated value is widened by half its last stated " +
          "digit says what it becomes (column under rounding)."
        : "."),
    description: `Traffic-light panel of ${items.length} verdict${
      items.length === 1 ? "" : "s"
    } in ${groups.length} group${groups.length === 1 ? "" : "s"}.`,
  });
}

/** A group of verdicts, in order of first appearance. */
interface Group {
  /** The group's heading. */
  group: string;
  /** Its verdicts. */
  items: VerdictItem[];
}

/**
 * The columns: two at full width (500 px or more) with more than one group, split between
 * groups near the middle of the rows; else one.
 */
function verdictColumns(groups: readonly Group[], width: number): (readonly Group[])[] {
  const total = groups.reduce((s, g) => s + g.items.length + 1.5, 0);
  let split = groups.length;
  if (width >= 500 && groups.length > 1) {
    let acc = 0;
    split = 1;
    for (let i = 0; i < groups.length; i++) {
      acc += groups[i].items.length + 1.5;
      if (acc >= total / 2) {
        split = Math.max(1, i + (acc - total / 2 > (groups[i].items.length + 1.5) / 2 ? 0 : 1));
        break;
      }
    }
  }
  return split < groups.length ? [groups.slice(0, split), groups.slice(split)] : [groups];
}

/**
 * One verdict's row at height `cy`: its disc (colour and glyph of its light, the whole item and
 * what it rests on as hover text) and its text cut to the column; records its light in `drawn`.
 */
function verdictRow(
  it: VerdictItem,
  x0: number,
  cy: number,
  colW: number,
  drawn: Map<string, Set<string>>,
): Element[] {
  const style = VERDICT_STYLES[it.verdict] ?? GREY_LIGHT;
  drawn.set(style.light, (drawn.get(style.light) ?? new Set()).add(it.verdict));
  const disc = glyphDisc(discOf(style), x0 + R, cy);
  const title = titled(
    disc,
    `${it.group}: ${it.number ? `${it.number} ` : ""}${it.label} — ${it.verdict}${
      it.qualifier ? ` (${it.qualifier})` : ""
    }${it.detail ? `. ${it.detail}` : ""}`,
  );
  const text = `${it.number ? `${it.number} ` : ""}${it.verdict}${
    it.qualifier ? ` (${it.qualifier})` : ""
  }: ${it.label}`;
  const lines = wrapText(text, colW - 2 * R - 6, TYPE.small);
  const shown = lines.length > 1 ? cutText(lines[0], colW - 2 * R - 6, TYPE.small) : text;
  return [
    title,
    textElement(shown, x0 + 2 * R + 5, cy + TYPE.small * 0.36, {
      size: TYPE.small,
      fill: GREY.ink,
    }),
  ];
}

/**
 * The verdict items of one article: its JBI and CARE appraisal rows, then its claims, in the
 * shapes `appraisalRows` and `claimsLedger` return.
 *
 * @param appraisal The article's appraisal rows.
 * @param claims The claims ledger (claims of other articles are left out).
 * @param sourceId The article.
 * @returns The items.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { verdictItems } from "#lib/plots/mod.ts";
 * const [item] = verdictItems([{ checklist: "JBI", number: 1, item: "Clear criteria?", verdict: "no", basis: "b" }], [], "a");
 * assert.equal(item.label, "1. Clear criteria?");
 * ```
 */
export function verdictItems(
  appraisal: readonly {
    checklist: string;
    number: number;
    item: string;
    verdict: string;
    basis: string;
  }[],
  claims: readonly {
    sourceId: string;
    where: string;
    quote: string;
    verdict: string;
    evidence: string;
    rounded?: { verdict: string };
  }[],
  sourceId: string,
): VerdictItem[] {
  return [
    ...appraisal.map((r): VerdictItem => ({
      group: `${r.checklist} checklist`,
      label: `${r.number}. ${r.item}`,
      verdict: r.verdict,
      detail: r.basis,
    })),
    ...claims.filter((c) => c.sourceId === sourceId).map((c, i): VerdictItem => ({
      group: CLAIMS_GROUP,
      label: `“${c.quote}” (${c.where})`,
      number: claimNumber(i),
      verdict: c.verdict,
      detail: c.evidence,
      ...(c.rounded && c.rounded.verdict !== c.verdict
        ? { qualifier: `${c.rounded.verdict} under rounding` }
        : {}),
    })),
  ];
}

/** The group of the claims in an article's panel. */
const CLAIMS_GROUP = "Claims of the article";

/** The verdicts on one article: its appraisal and its claims. */
const itemsOf = ({ series, sourceId }: FigureInputs["article"]) =>
  verdictItems(appraisalRows(series, sourceId), claimsLedger(series), sourceId);

/**
 * The record of the verdicts panel of one article (`results/figures/verdicts-<article>`): not
 * drawn when the article is neither appraised nor has claims recorded.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries } from "#lib/mod.ts";
 * import { VERDICTS } from "#lib/plots/mod.ts";
 * const series = await loadCaseSeries();
 * for (const sourceId of series.sources.keys()) {
 *   assert.equal(VERDICTS.file({ series, sourceId }), `verdicts-${sourceId}`);
 * }
 * ```
 */
export const VERDICTS: Readonly<FigureDef<"article">> = defineFigure({
  name: "verdicts",
  title: "Every verdict on an article at a glance: its checklists' items and its claims",
  needs: "article",
  builder: verdictFigure,
  notebook: "40-appraisal",
  file: (i) => `verdicts-${i.sourceId}`,
  omission: (i) =>
    itemsOf(i).length === 0
      ? `No verdicts to draw for ${citedAs(i)}: not appraised, and no claims recorded.`
      : null,
  build: (i, options) => {
    const items = itemsOf(i);
    return verdictFigure(items, { title: verdictTitle(citedAs(i), items), ...options });
  },
});

/** An article as a reader cites it ({@link shortCitation} of its citation); its id if not found. */
function citedAs(i: FigureInputs["article"]): string {
  const source = i.series.sources.get(i.sourceId);
  return source ? shortCitation({ study: source.id, citation: source.citation }) : i.sourceId;
}

/**
 * The title of an article's verdicts panel, naming the article as a reader cites it ("Jensen et
 * al. 1985", not its key): what it holds, and plainly what it lacks (an article not appraised,
 * or with no claims recorded).
 */
function verdictTitle(cited: string, items: readonly VerdictItem[]): string {
  const claims = items.some((i) => i.group === CLAIMS_GROUP);
  const checklists = items.some((i) => i.group !== CLAIMS_GROUP);
  if (claims && checklists) return `Verdicts on ${cited}: appraisal checklists and claims`;
  return claims
    ? `Verdicts on ${cited}: its claims (the article is not appraised)`
    : `Verdicts on ${cited}: appraisal checklists (no claims recorded)`;
}
