/**
 * loadCaseSeries' options are checked as every function's are (`lib/options.ts`): a value that is
 * not allowed fails with a message naming the function, the option, what is allowed and what was
 * given (docs/notebooks.md, item 9).
 */
import assert from "node:assert/strict";
import { DEFAULT_DATA_DIR, loadCaseSeries } from "#lib/mod.ts";

Deno.test("loadCaseSeries: a parallel option that is neither a boolean nor a size says what it takes", async () => {
  for (const given of ["yes", Number.NaN]) {
    await assert.rejects(
      () => loadCaseSeries(DEFAULT_DATA_DIR, { parallel: given as unknown as boolean }),
      (e: Error) => {
        // Today: `loadCaseSeries: options.parallel: Invalid input; got "yes"`, which names
        // neither true/false nor a number of bytes.
        assert.match(e.message, /^loadCaseSeries: options\.parallel/);
        assert.match(e.message, /true/);
        assert.match(e.message, /false/);
        assert.match(e.message, /number|bytes|size/);
        return true;
      },
    );
  }
});
