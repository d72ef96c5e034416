/**
 * The library orders text the same whatever the machine's locale: ties between time point ids,
 * event kinds and drugs are broken in one fixed order (`lib/text_order.ts`), not by the locale
 * ICU takes from `LC_ALL` (Linux, macOS) or from the user's settings (Windows, where the kernel's
 * `LC_ALL` does not apply). Each locale runs in a process of its own, as a user's machine would.
 */
import assert from "node:assert/strict";
import { ROOT } from "../scripts/runner/paths.ts";
import { pathToFileURL } from "node:url";

/** Texts whose order differs between locales (Danish `aa`, `A` before `a`; Lithuanian `y`). */
const TEXTS = ["b", "aa", "z", "A", "a", "y", "j", "ch", "h", "Ä", "å"];

/** What the library's comparisons give for {@link TEXTS} in a process run in `locale`. */
async function orders(locale: string): Promise<unknown> {
  const lib = (p: string) => pathToFileURL(`${ROOT}/lib/${p}`).href;
  const code = `
    import { compareDays } from "${lib("model.ts")}";
    import { byEventDay } from "${lib("data/checks/events.ts")}";
    import { compareText } from "${lib("text_order.ts")}";
    const texts = ${JSON.stringify(TEXTS)};
    const day = (timeId) => ({ lo: 0, hi: 0, nominal: 0, timeId, depth: 0, order: 0 });
    const event = (kind) => ({ kind, day: day("t"), description: "", quote: "", columns: {} });
    console.log(JSON.stringify({
      days: texts.map(day).sort(compareDays).map((d) => d.timeId),
      events: texts.map(event).sort(byEventDay).map((e) => e.kind),
      text: [...texts].sort(compareText),
    }));`;
  const out = await new Deno.Command("deno", {
    args: ["eval", "--config", `${ROOT}/deno.json`, code],
    env: { LC_ALL: locale, LANG: locale, NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
  return JSON.parse(new TextDecoder().decode(out.stdout));
}

Deno.test("ties between ids and kinds are ordered the same in every locale", async () => {
  const reference = await orders("C.UTF-8");
  const expected = ["a", "A", "å", "Ä", "aa", "b", "ch", "h", "j", "y", "z"];
  assert.deepEqual(reference, { days: expected, events: expected, text: expected });
  for (const locale of ["da_DK.UTF-8", "lt_LT.UTF-8", "sv_SE.UTF-8", "tr_TR.UTF-8"]) {
    assert.deepEqual(await orders(locale), reference, locale);
  }
});
