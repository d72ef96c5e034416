/**
 * Labels in a panel's right margin: one per line at the height of its last value (a case's name at
 * the end of its trajectory), and tags that name a reference line at its height ("−30%"), spread
 * apart so that none overlaps the next; and the height a panel needs for its tags to stay at their
 * lines. Spreading keeps the labels' order, so a tag at its line leaves every case's label on the
 * same side of that line as the case's last value.
 *
 * @module
 */
import { caseMarker } from "./case_marks.ts";
import { svgElement, textElement } from "./dom.ts";
import { spread } from "./layout.ts";
import { GREY, MARKER_RADIUS, TYPE } from "./theme.ts";
import { type LinearScale, linearScale } from "./uncertainty.ts";

/** A label wanted at a height (px): a line's end label, or a reference line's tag. */
export interface EndLabel {
  /** Its text. */
  text: string;
  /** Wanted height of its centre in px. */
  y: number;
}

/** Height in px of one label's line. */
export const END_LABEL_H: number = TYPE.small * 1.05;

/** Width in px of the case's marker drawn before its end label, with the space after it. */
export const END_KEY_W: number = 2 * MARKER_RADIUS + 3;

/** How far in px a tag may be moved from its line: its text still spans the line. */
const TAG_SLACK = END_LABEL_H / 2;

/** How much taller than its base height a panel may grow for its tags (× base). */
const MAX_GROWTH = 1.6;

/**
 * The centres given to the labels and then the tags of a panel whose value scale is `y`, spread
 * apart within the panel's height (a few px past it).
 *
 * @param ends The end labels.
 * @param tags The tags of reference lines.
 * @param y The panel's value scale.
 * @returns The centres of `ends`, then of `tags`, in px.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { endLabelYs } from "#lib/plots/end_labels.ts";
 * import { linearScale } from "#lib/plots/uncertainty.ts";
 * const y = linearScale([0, 100], [200, 0]);
 * const ys = endLabelYs([{ text: "Case 1", y: 100 }, { text: "Case 2", y: 101 }], [], y);
 * assert.ok(ys[1] - ys[0] >= 10, "spread apart");
 * ```
 */
export function endLabelYs(
  ends: readonly EndLabel[],
  tags: readonly EndLabel[],
  y: LinearScale,
): number[] {
  const all = [...ends, ...tags];
  const [top, bottom] = [y(y.domain[1]), y(y.domain[0])];
  return spread(all.map((l) => l.y), all.map(() => END_LABEL_H), top - 6, bottom + 4, 1);
}

/**
 * The least panel height, from `base` up to 1.6 × `base`, at which every tag stays at its line
 * (its text still spans the line) once the labels are spread: a panel crowded with end labels
 * grows rather than push a tag to another line's height (a "−50%" beside the 30% line) or a
 * case's label across a line. Where even 1.6 × `base` is not enough, `null`: the panel is then
 * drawn at `base` without its tags (a tag away from its line would name another line).
 *
 * @param ends Wanted values (on the panel's value scale) of the end labels.
 * @param tags Values (on the same scale) of the reference lines.
 * @param o The panel: its value domain, base height and top and bottom margins in px.
 * @returns The height in px (`base` when the tags already stay), or `null`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { panelHeightForTags } from "#lib/plots/end_labels.ts";
 * const o = { domain: [0, 130] as const, base: 200, top: 18, bottom: 34 };
 * assert.equal(panelHeightForTags([10], [70, 50], o), 200);
 * assert.ok(panelHeightForTags([0, 5, 10, 15, 20, 25], [70, 50], o)! > 200);
 * assert.equal(panelHeightForTags(Array(30).fill(50), [70, 50], o), null);
 * ```
 */
export function panelHeightForTags(
  ends: readonly number[],
  tags: readonly number[],
  o: { domain: readonly [number, number]; base: number; top: number; bottom: number },
): number | null {
  for (let h = o.base; h <= o.base * MAX_GROWTH; h += 10) {
    const y = linearScale(o.domain, [h - o.bottom, o.top]);
    const ys = endLabelYs(
      ends.map((v) => ({ text: "", y: y(v) })),
      tags.map((v) => ({ text: "", y: y(v) })),
      y,
    );
    if (tags.every((v, i) => Math.abs(ys[ends.length + i] - y(v)) <= TAG_SLACK)) return h;
  }
  return null;
}

/**
 * Draws the end labels (bold, each in its line's colour, after the case's marker when `mark`
 * gives the case's position) and the tags (muted) at `x0`, spread apart by {@link endLabelYs}.
 *
 * @param g The group they are appended to.
 * @param ends The end labels with their colours (and case positions).
 * @param tags The tags of reference lines.
 * @param x0 Their left edge in px.
 * @param y The panel's value scale.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { svgElement } from "#lib/plots/dom.ts";
 * import { drawEndLabels } from "#lib/plots/end_labels.ts";
 * import { linearScale } from "#lib/plots/uncertainty.ts";
 * const g = svgElement("g", {});
 * drawEndLabels(g, [{ text: "Case 1", y: 50, color: "#222255" }], [], 300, linearScale([0, 1], [100, 0]));
 * assert.equal(g.querySelector("text")?.textContent, "Case 1");
 * ```
 */
export function drawEndLabels(
  g: Element,
  ends: readonly (EndLabel & { color: string; mark?: number })[],
  tags: readonly EndLabel[],
  x0: number,
  y: LinearScale,
): void {
  const ys = endLabelYs(ends, tags, y);
  const labels = [
    ...ends.map((l) => ({ ...l, bold: true })),
    ...tags.map((t) => ({ ...t, color: GREY.muted, bold: false })),
  ];
  // The keys (each case's marker before its name) in a group of their own: not data marks.
  const keys = svgElement("g", { "aria-label": "case keys" });
  labels.forEach((l, i) => {
    const mark = i < ends.length ? ends[i].mark : undefined;
    if (mark !== undefined) keys.appendChild(caseMarker(mark, x0 + MARKER_RADIUS, ys[i], false));
    const tx = mark === undefined ? x0 : x0 + END_KEY_W;
    g.appendChild(textElement(l.text, tx, ys[i] + TYPE.small * 0.36, {
      size: TYPE.small,
      fill: l.color,
      weight: l.bold ? "bold" : "normal",
    }));
  });
  if (keys.childNodes.length) g.appendChild(keys);
}
