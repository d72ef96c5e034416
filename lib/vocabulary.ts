/**
 * The open vocabularies of the data: the recommended terms of `treatments.csv`'s `purpose` and
 * `drug_class` and of `events.csv`'s `kind`, as `data/README.md` lists them (a test checks the
 * two agree). A term outside the list is allowed (a new article may need a new meaning) but is
 * reported as a warning with the nearest recommended term, since a typo (`phantom limb pian`)
 * would otherwise silently change what a row means.
 *
 * @module
 */
import { nearestTerm } from "./nearest.ts";
import type { DataIssue } from "./errors.ts";

/** The recommended terms of each open vocabulary, by column. */
export const RECOMMENDED_TERMS: Readonly<
  Record<"purpose" | "kind" | "drug_class", readonly string[]>
> = Object.freeze({
  purpose: Object.freeze([
    "phantom limb pain",
    "insomnia",
    "delirium",
    "depressive symptoms",
    "stump pain",
  ]),
  kind: Object.freeze([
    "amputation",
    "phantom pain onset",
    "stump pain",
    "transfer to psychiatry",
    "transfer to another hospital",
    "delirium",
    "recurrence",
    "follow-up",
    "last report",
  ]),
  drug_class: Object.freeze([
    "NSAID",
    "SSRI",
    "SNRI",
    "benzodiazepine hypnotic",
    "hypnotic",
    "atypical antipsychotic",
    "gabapentinoid",
    "tricyclic antidepressant",
    "opioid",
  ]),
});

/** The nearest of some terms to a mistyped one (lib/nearest.ts), as this module's warnings use it. */
export { nearestTerm } from "./nearest.ts";

/**
 * Checks terms of the open vocabularies against the recommended ones, each distinct term once:
 * `check` returns null for a recommended term, else the warning's message (with the nearest
 * recommended term, if one is near).
 *
 * @example
 * ```ts
 * import { TermChecker } from "#lib/vocabulary.ts";
 * const terms = new TermChecker();
 * if (terms.check("kind", "amputation") !== null) throw new Error();
 * if (!terms.check("kind", "amputaton")?.includes('did you mean "amputation"?')) throw new Error();
 * ```
 */
export class TermChecker {
  #known = new Map<string, Set<string>>();
  #messages = new Map<string, string | null>();

  /**
   * The warning for `term` in `column`, or null when it is recommended.
   *
   * @param column The column (a key of {@link RECOMMENDED_TERMS}).
   * @param term Its value.
   * @returns A message, or null.
   */
  check(column: keyof typeof RECOMMENDED_TERMS, term: string): string | null {
    let known = this.#known.get(column);
    if (!known) this.#known.set(column, known = new Set(RECOMMENDED_TERMS[column]));
    if (known.has(term)) return null;
    const key = `${column}\u0000${term}`;
    let message = this.#messages.get(key);
    if (message === undefined) {
      const near = nearestTerm(term, RECOMMENDED_TERMS[column]);
      message = `'${term}' is not a recommended ${column.replace("_", " ")} (data/README.md)` +
        (near === null ? ": use a recommended term where one fits" : `: did you mean "${near}"?`);
      this.#messages.set(key, message);
    }
    return message;
  }
}

/**
 * Collects the warnings of a load: one per distinct term outside its vocabulary in each file and
 * column, located at its first row, with how many more rows use it.
 *
 * @example
 * ```ts
 * import { TermWarnings } from "#lib/vocabulary.ts";
 * const w = new TermWarnings();
 * w.check("events.csv", 5, "kind", "amputaton");
 * w.check("events.csv", 9, "kind", "amputaton");
 * if (!/^'amputaton' .* 1 more row uses it \(line 9\)$/.test(w.warnings()[0].message)) {
 *   throw new Error(w.warnings()[0].message);
 * }
 * ```
 */
export class TermWarnings {
  #terms = new TermChecker();
  #found = new Map<string, Found>();
  /**
   * The last term seen in each file and column, and its warning (null: recommended): rows repeat
   * their terms, so most cells are judged by one comparison.
   */
  #last: { file: string; column: string; term: string; found: Found | null }[] = [];

  /**
   * Notes the term of one cell.
   *
   * @param file The file.
   * @param row The row.
   * @param column The column (a key of {@link RECOMMENDED_TERMS}).
   * @param term The cell's term.
   */
  check(file: string, row: number, column: keyof typeof RECOMMENDED_TERMS, term: string): void {
    let last = this.#last.find((l) => l.column === column && l.file === file);
    if (last !== undefined && last.term === term) {
      if (last.found !== null && last.found.n++ < 5) last.found.more.push(row);
      return;
    }
    if (last === undefined) this.#last.push(last = { file, column, term, found: null });
    last.term = term;
    const message = this.#terms.check(column, term);
    if (message === null) {
      last.found = null;
      return;
    }
    const key = `${file}\u0000${column}\u0000${term}`;
    const found = this.#found.get(key);
    if (found === undefined) {
      this.#found.set(key, last.found = { issue: { file, row, column, message }, more: [], n: 0 });
    } else {
      last.found = found;
      if (found.n++ < 5) found.more.push(row);
    }
  }

  /** The warnings, in the order their first rows were read. */
  warnings(): DataIssue[] {
    return [...this.#found.values()].map(({ issue, more, n }) =>
      n === 0 ? issue : {
        ...issue,
        message: `${issue.message}; ${n} more row${n === 1 ? " uses" : "s use"} it ` +
          `(line${n === 1 ? "" : "s"} ${more.join(", ")}${n > more.length ? ", ..." : ""})`,
      }
    );
  }
}

/** A term's warning, and the lines of the rows that repeat it (the first five) and their count. */
interface Found {
  issue: DataIssue;
  more: number[];
  n: number;
}

/**
 * Checks that the study's indication is the purpose of at least one treatment: otherwise every
 * treatment is co-medication and no analysis has a treatment for the condition studied. Returns
 * the problem (at `treatments.csv`, column `purpose`), or null.
 *
 * @param indication The study's indication.
 * @param treatments The treatments of every case (their purposes are read).
 * @param where Where the indication is set, for the message.
 * @returns The problem, or null.
 * @example
 * ```ts
 * import { indicationProblem } from "#lib/vocabulary.ts";
 * const treatments = [{ purpose: "phantom limb pain" }, { purpose: "insomnia" }];
 * if (indicationProblem("phantom limb pain", treatments) !== null) throw new Error();
 * const p = indicationProblem("phantom limb pian", treatments);
 * if (!p?.message.includes('did you mean "phantom limb pain"?')) throw new Error();
 * ```
 */
export function indicationProblem(
  indication: string,
  treatments: Iterable<{ purpose: string }>,
  where = "study.json",
): { file: string; column: string; message: string } | null {
  const purposes = new Set<string>();
  for (const t of treatments) purposes.add(t.purpose);
  if (purposes.has(indication)) return null;
  const near = nearestTerm(indication, purposes);
  return {
    file: "treatments.csv",
    column: "purpose",
    message: `the study's indication '${indication}' (${where}) is the purpose of no treatment` +
      (near === null
        ? ` (purposes: ${[...purposes].sort().join(", ") || "none"})`
        : `: did you mean "${near}"?`),
  };
}

/**
 * A study's drug of interest that no case is given: the problem (at `study.json`, column
 * `drug_of_interest`), with the nearest drug given when one is near enough to be what was meant
 * ({@link nearestTerm}), or null.
 *
 * @param drug The study's drug of interest.
 * @param drugs The drugs given to the cases (`treatments.csv`).
 * @returns The problem, or null.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { drugOfInterestProblem } from "#lib/vocabulary.ts";
 * assert.equal(drugOfInterestProblem("pregabalin", ["pregabalin", "drug-b"]), null);
 * assert.match(
 *   drugOfInterestProblem("pregabalim", ["pregabalin", "drug-b"])!.message,
 *   /: did you mean "pregabalin"\?$/,
 * );
 * assert.match(drugOfInterestProblem("aspirin", ["drug-b"])!.message, /treatments\.csv$/);
 * ```
 */
export function drugOfInterestProblem(
  drug: string,
  drugs: Iterable<string>,
): { file: string; column: string; message: string } | null {
  const given = new Set(drugs);
  if (given.has(drug)) return null;
  const near = nearestTerm(drug, given);
  return {
    file: "study.json",
    column: "drug_of_interest",
    message: `the drug of interest '${drug}' is given to no case in treatments.csv` +
      (near === null ? "" : `: did you mean "${near}"?`),
  };
}
