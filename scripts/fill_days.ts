/**
 * `deno task fill-days [data-folder]`: writes into `timepoints.csv` the days each time point's
 * rule gives (`day_lo`, `day_nominal`, `day_hi`), so that a new article's time points need only
 * their rule, anchor, bound, amount and unit typed in: the stored days are derived, not judged.
 *
 * The loader derives them (`loadCaseSeries` with `deriveDays`, its one rule for every time
 * point); every day cell, empty or not, is read as 0 for that. Nothing else of the file changes, byte
 * for byte (quotes, line ends, every other cell); the file is replaced whole or not at all. When
 * the data has another problem, it is listed as `validate` lists it (`file:row:column:
 * message`), nothing is written and the exit code is 1. Prints which lines changed. `--help` or
 * `-h` prints the usage (exit 0); an option or a second folder is a usage error (exit 2), as for
 * `validate` (`cli_args.ts`).
 *
 * @module
 */
import { DataValidationError, formatIssue } from "../lib/errors.ts";
import { DEFAULT_DATA_DIR, loadCaseSeries } from "../lib/load.ts";
import { cell } from "../lib/data/values.ts";
import { writeAtomic } from "../lib/write.ts";
import { typedPath } from "./typed_path.ts";
import { expectDataFolder, folderArgument } from "./cli_args.ts";

/** The derived columns, in the order the file has them. */
const DAY_COLUMNS = ["day_lo", "day_nominal", "day_hi"] as const;

/**
 * The cells of one CSV line as spans `[start, end)` of the line, each including its quotes when
 * quoted (the data format: `"` doubled inside a quoted cell, no line break in a cell).
 *
 * @param line One line, without its line end.
 * @returns Each cell's span.
 */
export function cellSpans(line: string): [number, number][] {
  const spans: [number, number][] = [];
  let i = 0;
  while (true) {
    const start = i;
    if (line.charCodeAt(i) === 34) {
      i++;
      while (i < line.length) {
        if (line.charCodeAt(i) === 34) {
          if (line.charCodeAt(i + 1) === 34) i += 2;
          else break;
        } else i++;
      }
      i++;
    }
    const comma = line.indexOf(",", i);
    const end = comma < 0 ? line.length : comma;
    spans.push([start, end]);
    if (comma < 0) return spans;
    i = comma + 1;
  }
}

/** What filling gives: the new text of `timepoints.csv` and the lines whose days changed. */
export interface Filled {
  text: string;
  changed: number[];
}

/**
 * The text of a data folder's `timepoints.csv` with every time point's days as its rule gives
 * them (see the module description). Throws the loader's {@link DataValidationError} when the
 * data has another problem.
 *
 * @param dir The data folder.
 * @returns The new text and the lines that changed.
 */
export async function fillDays(dir: string): Promise<Filled> {
  const text = await Deno.readTextFile(`${dir}/timepoints.csv`);
  const lines = text.split("\n");
  const header = lines[0].replace(/\r$/, "").split(",").map((h) => h.trim());
  const at = DAY_COLUMNS.map((c) => header.indexOf(c));
  const [caseAt, timeAt] = ["case_id", "time_id"].map((c) => header.indexOf(c));
  // Every day cell read as 0 (empty, or wrong: a stored interval out of order would stop the
  // load), for the loader to derive them.
  const edit = (f: (line: string, spans: [number, number][], row: number) => string) =>
    lines.map((raw, i) => {
      if (i === 0 || raw.trim() === "" || at.some((j) => j < 0)) return raw;
      const cr = raw.endsWith("\r") ? "\r" : "";
      const line = cr ? raw.slice(0, -1) : raw;
      return f(line, cellSpans(line), i + 1) + cr;
    }).join("\n");
  const zeroed = edit((line, spans) => {
    let out = line;
    for (const j of [...at].sort((a, b) => b - a)) {
      const [s, e] = spans[j] ?? [line.length, line.length];
      out = out.slice(0, s) + "0" + out.slice(e);
    }
    return out;
  });
  const series = await loadCaseSeries(dir, {
    deriveDays: true,
    replace: new Map([["timepoints.csv", zeroed]]),
  });
  const days = new Map(
    series.cases.flatMap((c) => c.timepoints.map((t) => [`${c.id}\u0000${t.id}`, t.day])),
  );
  const changed: number[] = [];
  const filled = edit((line, spans, row) => {
    const cellOf = (j: number) => line.slice(...spans[j]).replace(/^"|"$/g, "").trim();
    const day = days.get(`${cellOf(caseAt)}\u0000${cellOf(timeAt)}`);
    if (!day) return line;
    const want = [day.lo, day.nominal, day.hi].map(cell);
    let out = line;
    // From the right, so that the spans to the left stay where they are.
    for (const k of [2, 1, 0].sort((a, b) => at[b] - at[a])) {
      const [s, e] = spans[at[k]];
      if (out.slice(s, e) !== want[k]) out = out.slice(0, s) + want[k] + out.slice(e);
    }
    if (out !== line) changed.push(row);
    return out;
  });
  return { text: filled, changed };
}

if (import.meta.main) {
  // As validate does: `--help` prints the usage; an option or a second folder is a usage error,
  // not a folder.
  const command = { command: "fill-days", usage: "usage: deno task fill-days [dataDir]" };
  const arg = folderArgument(Deno.args, command);
  const dir = arg === undefined ? DEFAULT_DATA_DIR : typedPath(arg);
  await expectDataFolder(dir, arg ?? DEFAULT_DATA_DIR, command);
  try {
    const { text, changed } = await fillDays(dir);
    if (changed.length === 0) {
      console.log("timepoints.csv: every time point's days are already as its rule gives them");
    } else {
      // Through a link to the file it names: the link stays a link.
      await writeAtomic(await Deno.realPath(`${dir}/timepoints.csv`), text);
      console.log(
        `timepoints.csv: the days of ${changed.length} time point${
          changed.length === 1 ? "" : "s"
        } written as their rules give them (line${changed.length === 1 ? "" : "s"} ${
          changed.join(", ")
        })`,
      );
    }
  } catch (e) {
    if (e instanceof Deno.errors.NotFound || e instanceof Deno.errors.PermissionDenied) {
      // No timepoints.csv to read (or not allowed): named, nothing written.
      console.error(`${dir}/timepoints.csv: ${(e as Error).message}: nothing written`);
      Deno.exit(1);
    }
    if (!(e instanceof DataValidationError)) throw e;
    for (const issue of e.issues.slice(0, 50)) console.error(formatIssue(issue));
    console.error(
      `${e.issues.length} problem${e.issues.length === 1 ? "" : "s"} in the data: ` +
        "nothing written (fix them, then run fill-days again)",
    );
    Deno.exit(1);
  }
}
