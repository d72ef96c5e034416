/**
 * Test helper: a notebook of code cells, as text.
 *
 * @module
 */

/** A notebook (nbformat 4) whose code cells have these sources, not executed. */
export function notebook(cells: string[], metadata: Record<string, unknown> = {}): string {
  return JSON.stringify({
    cells: cells.map((source, i) => ({
      cell_type: "code",
      id: `c${i}`,
      metadata: {},
      source,
      execution_count: null,
      outputs: [],
    })),
    metadata,
    nbformat: 4,
    nbformat_minor: 5,
  });
}
