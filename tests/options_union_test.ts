/**
 * An option whose schema is a union (`lib/options.ts`, case `invalid_union`): a value of no type
 * the union takes is told every type it takes. `effectSize`'s `pretestTrend` takes `false` or a
 * level in (0, 1]; told only "must be false", a user would not know a level is allowed.
 */
import assert from "node:assert/strict";
import { effectSize } from "#lib/mod.ts";

Deno.test("effectSize: a pretestTrend of no type it takes is told both false and a number", () => {
  for (const given of [true, "0.05", null]) {
    assert.throws(
      () =>
        effectSize("TauBC", [3, 4, 5], [1, 2, 1], {
          improvement: "decrease",
          pretestTrend: given as unknown as false,
        }),
      (e: Error) => {
        // Today: `effectSize: options.pretestTrend must be false; got true`: the literal's
        // branch (invalid_value) is taken for "a value of the option's type", and the number
        // branch is dropped.
        assert.match(e.message, /options\.pretestTrend/);
        assert.match(e.message, /false/);
        assert.match(e.message, /number/, e.message);
        return true;
      },
      JSON.stringify(given),
    );
  }
});
