/**
 * Whether a case notebook (written by a run from `templates/case.ipynb`) was edited since: its
 * cells' types and sources, not their outputs, execution counts or metadata, differ from both
 * what the last run wrote (the source hash its manifest records) and what this run writes. On a
 * fresh clone the committed notebook is what a run wrote; with no record at all, what this run
 * writes is the only reference. Pressing Run All changes outputs only, and is no edit.
 *
 * @module
 */
import { sourceHash } from "./plan.ts";

/** A notebook's cells as far as an edit goes. */
interface Cells {
  cells: { cell_type: string; source: string | string[]; metadata?: { tags?: string[] } }[];
}

const text = (s: string | string[]) => [s].flat().join("");

/**
 * The first cell (counted from 1) whose type or source differs between two notebooks; with one
 * notebook longer, the first cell past the shorter. `null` when none differs.
 *
 * @param a a notebook
 * @param b another
 * @returns the cell's number, or `null`
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { firstDifferentCell } from "./edited.ts";
 * const nb = (...s: string[]) => ({ cells: s.map((source) => ({ cell_type: "code", source })) });
 * assert.equal(firstDifferentCell(nb("1", "2"), nb("1", "2")), null);
 * assert.equal(firstDifferentCell(nb("1", "2"), nb("1", "3")), 2);
 * assert.equal(firstDifferentCell(nb("1", "2", "x"), nb("1", "2")), 3);
 * ```
 */
export function firstDifferentCell(a: Cells, b: Cells): number | null {
  const n = Math.min(a.cells.length, b.cells.length);
  for (let i = 0; i < n; i++) {
    const [x, y] = [a.cells[i], b.cells[i]];
    if (x.cell_type !== y.cell_type || text(x.source) !== text(y.source)) return i + 1;
  }
  return a.cells.length === b.cells.length ? null : n + 1;
}

/** What {@link editedSince} compares. */
export interface EditedOptions {
  /** The notebook as it is in the notebooks folder (its text). */
  present: string;
  /** The notebook this run writes in its place (its text; outputs do not matter). */
  written: string;
  /** The source hash ({@link sourceHash}) the manifest records for it (`undefined`: none). */
  recorded: string | undefined;
}

/**
 * The cell that shows a case notebook was edited since a run wrote it, or `null` when it was not:
 * its cells' sources differ from those this run writes and from those the last run wrote.
 *
 * @param o the notebook as it is, as this run writes it, and the recorded source hash
 * @returns `"cell N"` (the first differing cell), `"not a notebook"` (not valid JSON), or `null`
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { editedSince } from "./edited.ts";
 * const nb = (source: string, outputs: string[] = []) =>
 *   JSON.stringify({ cells: [{ cell_type: "code", source, outputs, execution_count: null }] });
 * assert.equal(editedSince({ present: nb("1", ["ran"]), written: nb("1"), recorded: undefined }), null);
 * assert.equal(editedSince({ present: nb("2"), written: nb("1"), recorded: undefined }), "cell 1");
 * ```
 */
export function editedSince(o: EditedOptions): string | null {
  let present: Cells;
  try {
    present = JSON.parse(o.present);
    if (!Array.isArray(present?.cells)) return "not a notebook";
  } catch {
    return "not a notebook";
  }
  const cell = firstDifferentCell(present, JSON.parse(o.written));
  if (cell === null || sourceHash(present) === o.recorded) return null;
  return `cell ${cell}`;
}
