/**
 * `deno task validate [dataDir]`: checks the dataset and prints a one-line summary (exit 0) or one
 * line per problem as `file:row:column: message` (exit 1). Exit 2 on a usage error.
 *
 * @module
 */
import { DataValidationError, formatIssue } from "../lib/errors.ts";
import { loadCaseSeries } from "../lib/load.ts";
import { warnOnOtherDeno } from "../lib/runtime.ts";

if (import.meta.main) {
  warnOnOtherDeno();
  const args = Deno.args;
  if (args.length > 1 || args.some((a) => a.startsWith("-"))) {
    console.error("usage: deno task validate [dataDir]");
    Deno.exit(2);
  }
  try {
    const series = await loadCaseSeries(args[0]);
    const count = (f: (c: (typeof series.cases)[number]) => unknown[]) =>
      series.cases.reduce((n, c) => n + f(c).length, 0);
    console.log(
      `ok: ${series.cases.length} cases, ${count((c) => c.treatments)} treatments, ` +
        `${count((c) => c.observations)} observations, ${count((c) => c.events)} events, ` +
        `${count((c) => c.timepoints)} time points`,
    );
  } catch (e) {
    if (!(e instanceof DataValidationError)) {
      console.error(`error: ${(e as Error).message}`);
      Deno.exit(1);
    }
    for (const issue of e.issues) console.error(formatIssue(issue));
    console.error(`${e.issues.length} problem${e.issues.length === 1 ? "" : "s"} found`);
    Deno.exit(1);
  }
}
