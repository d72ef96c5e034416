/**
 * Argument checks for public functions: a wrong argument (a case id where a case is expected, a
 * number where an interval is expected) fails at once with a message that names the function,
 * what it expected and what it got, instead of a `TypeError` deep inside or a silent `NaN`. The
 * message itself (`wrongArgument`, `describeValue`) is `wrong_argument.ts`, re-exported here.
 *
 * @module
 */
import type { NominalInterval } from "./intervals.ts";
import type { Case, CaseSeries } from "./model.ts";
import { wrongArgument } from "./wrong_argument.ts";

export { describeValue, wrongArgument } from "./wrong_argument.ts";

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === "object" && x !== null && !Array.isArray(x);

/**
 * Checks that `value` is a case (as `loadCaseSeries` returns them); throws a `TypeError` saying
 * so otherwise, with a hint to `getCase` when it got a case id.
 *
 * @param fn The calling function's name, for the message.
 * @param value The argument to check.
 * @returns Nothing; narrows `value` to {@link Case}.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { expectCase } from "#lib/args.ts";
 * assert.throws(() => expectCase("changeRows", "2"), /^TypeError: changeRows: expected a case/);
 * ```
 */
export function expectCase(fn: string, value: unknown): asserts value is Case {
  if (
    isObject(value) && typeof value.id === "string" && Array.isArray(value.observations) &&
    Array.isArray(value.treatments) && Array.isArray(value.events)
  ) return;
  const hint = typeof value === "string" || typeof value === "number"
    ? `To get case ${JSON.stringify(String(value))}: getCase(series, ${JSON.stringify(value)})`
    : "";
  wrongArgument(fn, "a case (one of loadCaseSeries().cases)", value, hint);
}

/**
 * Checks that `value` is an array of cases.
 *
 * @param fn The calling function's name, for the message.
 * @param value The argument to check.
 * @returns Nothing; narrows `value` to `Case[]`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { expectCases } from "#lib/args.ts";
 * expectCases("responders", []); // no cases is a valid list: no throw
 * assert.throws(() => expectCases("responders", {}), TypeError);
 * ```
 */
export function expectCases(fn: string, value: unknown): asserts value is readonly Case[] {
  if (!Array.isArray(value)) {
    wrongArgument(fn, "an array of cases (series.cases)", value);
  }
  value.forEach((c, i) => expectCase(`${fn} (item ${i})`, c));
}

/**
 * Checks that `value` is a case series (what `loadCaseSeries` returns).
 *
 * @param fn The calling function's name, for the message.
 * @param value The argument to check.
 * @returns Nothing; narrows `value` to {@link CaseSeries}.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { expectSeries } from "#lib/args.ts";
 * assert.throws(() => expectSeries("casesRows", []), {
 *   message: "casesRows: expected a case series (await loadCaseSeries()), got an array of 0 items",
 * });
 * ```
 */
export function expectSeries(fn: string, value: unknown): asserts value is CaseSeries {
  if (isObject(value) && Array.isArray(value.cases) && value.sources instanceof Map) return;
  wrongArgument(fn, "a case series (await loadCaseSeries())", value);
}

/**
 * Checks that `value` is an interval with a nominal value, `{ lo, nominal, hi }`, of numbers.
 *
 * @param fn The calling function's name, for the message.
 * @param name The argument's name, for the message.
 * @param value The argument to check.
 * @returns Nothing; narrows `value` to {@link NominalInterval}.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { expectInterval } from "#lib/args.ts";
 * assert.throws(
 *   () => expectInterval("percentReduction", "baseline", 8),
 *   (e) => e instanceof TypeError && e.message.includes("{ lo: 8, nominal: 8, hi: 8 }"),
 * );
 * ```
 */
export function expectInterval(
  fn: string,
  name: string,
  value: unknown,
): asserts value is NominalInterval {
  if (
    isObject(value) && typeof value.lo === "number" && typeof value.hi === "number" &&
    typeof value.nominal === "number" && !Number.isNaN(value.lo) &&
    !Number.isNaN(value.hi) && !Number.isNaN(value.nominal)
  ) return;
  const hint = typeof value === "number"
    ? `For an exact value write { lo: ${value}, nominal: ${value}, hi: ${value} }`
    : "";
  wrongArgument(fn, `${name} as an interval { lo, nominal, hi } of numbers`, value, hint);
}

/**
 * Checks that `value` is a figure as `lib/plots/mod.ts` builds them, `{ svg, description, data }`
 * with `svg` an `<svg>` element. Observable Plot's own `Plot.plot` returns a `<figure>` (HTML)
 * when given a title, subtitle, caption or legend, which cannot be rasterised: the message says
 * so, and what to call instead.
 *
 * @param fn The calling function's name, for the message.
 * @param value The argument to check.
 * @returns Nothing; narrows `value` to a figure's shape.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { expectFigure } from "#lib/args.ts";
 * import { document } from "#lib/plots/mod.ts";
 * const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
 * expectFigure("showFigure", { svg, description: "A figure.", data: [] });
 * const html = document.createElement("figure");
 * assert.throws(
 *   () => expectFigure("showFigure", { svg: html, description: "A figure.", data: [] }),
 *   /^TypeError: showFigure: expected a figure .*, got one whose svg is a <figure>\. /,
 * );
 * ```
 */
export function expectFigure(
  fn: string,
  value: unknown,
): asserts value is { svg: Element; description: string; data: unknown[] } {
  const svg = isObject(value) && isObject(value.svg) ? value.svg : null;
  if (
    isObject(value) && typeof value.description === "string" && Array.isArray(value.data) &&
    typeof svg?.getAttribute === "function"
  ) {
    if (svg.localName === "svg") return;
    throw new TypeError(
      `${fn}: expected a figure (from lib/plots/mod.ts), got one whose svg is a ` +
        `<${svg.localName}>. Plot.plot with a title, subtitle, caption or legend returns a ` +
        "<figure>: draw it with plots.plot({ ... }), which takes the same options",
    );
  }
  if (isObject(value) && typeof value.localName === "string") {
    throw new TypeError(
      `${fn}: expected a figure (from lib/plots/mod.ts), got a <${value.localName}> element ` +
        "(Plot.plot's output?): draw it with plots.plot({ ... }), which takes Plot.plot's " +
        "options and gives a figure",
    );
  }
  wrongArgument(fn, "a figure (from lib/plots/mod.ts)", value);
}
