/**
 * Every numeric parameter a claim rule judges by says where its value comes from (a published
 * source, the claim's own words, or the project's choice), and `data/README.md` states each as
 * `lib/claims/params.ts` does.
 */
import assert from "node:assert/strict";
import type { z } from "zod";
import { RULES } from "../../lib/mod.ts";
import { THRESHOLD_SOURCES } from "../../lib/claims/params.ts";

/** Whether a parameter's schema is a number (unwrapping nullable and optional). */
function isNumber(schema: z.ZodType): boolean {
  const def = schema.def as { type: string; innerType?: z.ZodType };
  if (def.type === "nullable" || def.type === "optional") return isNumber(def.innerType!);
  return def.type === "number";
}

Deno.test("every numeric rule parameter has a source", () => {
  const numeric = new Set(
    Object.values(RULES).flatMap((r) =>
      Object.entries(r.params.shape as Record<string, z.ZodType>).filter(([, s]) => isNumber(s))
        .map(([k]) => k)
    ),
  );
  assert.ok(numeric.size > 0);
  for (const k of numeric) assert.ok(k in THRESHOLD_SOURCES, `${k} has no source`);
  for (const [k, v] of Object.entries(THRESHOLD_SOURCES)) {
    assert.ok(numeric.has(k), `${k} is no numeric parameter of a rule`);
    assert.match(v, /\(.*\d{4}|project's choice|claim's own words/, `${k}: ${v}`);
  }
});

Deno.test("data/README.md states the source of every threshold as params.ts does", async () => {
  const readme = (await Deno.readTextFile(new URL("../../data/README.md", import.meta.url)))
    .replace(/\s+/g, " ");
  for (const [k, v] of Object.entries(THRESHOLD_SOURCES)) {
    assert.ok(readme.includes(`\`${k}\`: ${v}`), `data/README.md does not state ${k} as params.ts`);
  }
});
