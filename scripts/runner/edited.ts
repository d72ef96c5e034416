/**
 * Whether a case notebook (written by a run from `templates/case.ipynb`) was edited since: its
 * cells' types, sources and tags (what {@link sourceHash} hashes; not outputs, execution counts
 * or other metadata) differ from both what this run writes and what the last run wrote (the
 * source hash its manifest records). Pressing Run All changes outputs only, and is no edit; a
 * changed template changes what this run writes, and is none either. With no record (the results
 * folder deleted, or a manifest from before it recorded notebooks) a notebook that differs from
 * what this run writes cannot be told edited or written from an older template: it is not
 * refused, and the run keeps the old file beside it (see `installMoves`).
 *
 * @module
 */
import { sourceHash } from "./plan.ts";

/** A notebook's cells as far as an edit goes. */
interface Cells {
  cells: { cell_type: string; source: string | string[]; metadata?: { tags?: string[] } }[];
}

/** A cell as {@link sourceHash} sees it: type, source, tags. */
const hashed = (c: Cells["cells"][number]) =>
  JSON.stringify([c.cell_type, [c.source].flat().join(""), c.metadata?.tags ?? []]);

/**
 * The first cell (counted from 1) whose type, source or tags (what {@link sourceHash} hashes)
 * differ between two notebooks; with one notebook longer, the first cell past the shorter. `null`
 * when none differs (then their source hashes are equal).
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
 * const tagged = nb("1", "2");
 * tagged.cells[1] = { ...tagged.cells[1], metadata: { tags: ["hide-input"] } } as typeof tagged.cells[1];
 * assert.equal(firstDifferentCell(tagged, nb("1", "2")), 2);
 * ```
 */
export function firstDifferentCell(a: Cells, b: Cells): number | null {
  const n = Math.min(a.cells.length, b.cells.length);
  for (let i = 0; i < n; i++) {
    if (hashed(a.cells[i]) !== hashed(b.cells[i])) return i + 1;
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
 * What {@link editedSince} found: `edited` (its sources differ from what this run writes and from
 * what the last run wrote; `cell`: the first that differs from what this run writes, for the
 * message), `not a notebook` (not a notebook's JSON), or `unrecorded` (it differs from what this
 * run writes, and no record says what the last run wrote).
 */
export type Edit =
  | { kind: "edited"; cell: number | null }
  | { kind: "not a notebook" }
  | { kind: "unrecorded"; cell: number | null };

/**
 * Whether a case notebook was edited since a run wrote it (see the module): `null` when its
 * source hash is that of what this run writes or the one recorded.
 *
 * @param o the notebook as it is, as this run writes it, and the recorded source hash
 * @returns what was found, or `null` (not edited)
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { editedSince } from "./edited.ts";
 * import { sourceHash } from "./plan.ts";
 * const cells = (source: string) => [{ cell_type: "code", source, outputs: [], execution_count: null }];
 * const nb = (source: string) => JSON.stringify({ cells: cells(source) });
 * assert.equal(editedSince({ present: nb("1"), written: nb("1"), recorded: undefined }), null);
 * // Written by a run from an older template:
 * const recorded = sourceHash({ cells: cells("1") });
 * assert.equal(editedSince({ present: nb("1"), written: nb("2"), recorded }), null);
 * assert.deepEqual(editedSince({ present: nb("3"), written: nb("2"), recorded }), { kind: "edited", cell: 1 });
 * assert.deepEqual(editedSince({ present: nb("1"), written: nb("2"), recorded: undefined }), { kind: "unrecorded", cell: 1 });
 * ```
 */
export function editedSince(o: EditedOptions): Edit | null {
  let present: Cells;
  try {
    present = JSON.parse(o.present);
    if (!Array.isArray(present?.cells)) return { kind: "not a notebook" };
  } catch {
    return { kind: "not a notebook" };
  }
  const written: Cells = JSON.parse(o.written);
  const hash = sourceHash(present);
  if (hash === sourceHash(written) || hash === o.recorded) return null;
  const cell = firstDifferentCell(present, written);
  return o.recorded === undefined ? { kind: "unrecorded", cell } : { kind: "edited", cell };
}
