/**
 * The limits of the design state the text's silence on blinding only where the text is silent
 * (lib/design_words.ts): an article that mentions blinding or an independent assessor has the
 * sentence quoted instead, and its causality rows do not call its team unblinded.
 */
import assert from "node:assert/strict";
import { causalityRows, designLimits, loadCaseSeries } from "../../lib/mod.ts";
import { designMentions, mentionOf } from "../../lib/design_words.ts";
import { FIRST_ARTICLE, TEST_DATA_DIR } from "../helpers/data_dir.ts";

const real = await loadCaseSeries(TEST_DATA_DIR);
/** The real series with the first article's text taken to say `text` of its design. */
const saying = (text: string) => ({
  ...real,
  articles: {
    ...real.articles!,
    mentions: new Map([...real.articles!.mentions, [FIRST_ARTICLE, designMentions(text)]]),
  },
});
const limit = (s: typeof real, name: string) =>
  designLimits(s, FIRST_ARTICLE, s.study).find((l) => l.limit === name)!.evidence;

Deno.test("a text that mentions blinding is quoted, not said to be silent on it", () => {
  const blinded = saying(
    "Pain was rated on a VAS. An independent assessor, blinded to the drug, collected the ratings.",
  );
  const placebo = limit(blinded, "Placebo and expectation");
  assert.doesNotMatch(placebo, /no blinding stated/);
  assert.match(
    placebo,
    /The text mentions blinding: "An independent assessor, blinded to the drug/,
  );
  const assessor = limit(blinded, "Unblinded assessment");
  assert.doesNotMatch(assessor, /names no independent or blinded assessor/);
  assert.match(assessor, /"An independent assessor, blinded/);
  for (const r of causalityRows(blinded, FIRST_ARTICLE, blinded.study)) {
    assert.doesNotMatch(r.alternatives, /unblinded/);
  }
});

Deno.test("a silent text is said to be silent; a series without texts says it was not checked", () => {
  const silent = saying("Pain was rated on a VAS. It fell.");
  assert.match(
    limit(silent, "Placebo and expectation"),
    /^No control condition and no blinding stated:/,
  );
  assert.match(limit(silent, "Unblinded assessment"), /^The text names no independent or blinded/);
  const { articles: _, ...bare } = real;
  assert.match(limit(bare, "Unblinded assessment"), /\(not checked against the text\)/);
});

Deno.test("the words are matched at the start of a word, in any case, and quoted by sentence", () => {
  const m = designMentions("He had Blindness in one eye. Pain fell. The team was unmasked.");
  assert.deepEqual(m.blinding, ["He had Blindness in one eye."]);
  assert.match(
    mentionOf(m, "assessor")!,
    /^The text mentions blinding or an independent assessor: "He had/,
  );
  assert.equal(mentionOf(designMentions("Pain fell by half."), "assessor"), null);
});
