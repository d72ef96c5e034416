/**
 * Number words (`lib/number_words.ts`): one list read by every reader of numbers in quotes, so a
 * word states the same number as a value, a dose and a time amount.
 */
import assert from "node:assert/strict";
import { CARDINAL_WORD, NUMBER_WORD, ORDINAL_WORD, wordNumber } from "../lib/number_words.ts";
import { statedNumbers } from "../lib/source.ts";
import { statedDoses } from "../lib/stated_doses.ts";
import { statedAmounts } from "../lib/stated_amounts.ts";

const whole = (source: string) => new RegExp(`^${source}$`, "i");

Deno.test("number words: every cardinal zero to ninety-nine, once, in any case", () => {
  const cardinal = whole(CARDINAL_WORD);
  const ones = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
  const teens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen"]
    .concat(["seventeen", "eighteen", "nineteen"]);
  const tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
  const words = ["zero", ...ones.slice(1), ...teens];
  for (const t of tens) for (const o of ones) words.push(o ? `${t}-${o}` : t);
  assert.equal(words.length, 100);
  words.forEach((w, n) => {
    assert.match(w.toUpperCase(), cardinal, w);
    assert.equal(wordNumber(w.toUpperCase()), n, w);
    assert.equal(wordNumber(w.replace("-", " ")), n, w);
  });
  for (const not of ["hundred", "twenty-zero", "ten-one", "first", "several", "a"]) {
    assert.doesNotMatch(not, cardinal, not);
  }
});

Deno.test("number words: ordinals first to ninety-ninth, not cardinals", () => {
  const ordinal = whole(ORDINAL_WORD);
  for (const [w, n] of [["first", 1], ["twelfth", 12], ["twentieth", 20], ["ninety-ninth", 99]]) {
    assert.match(w as string, ordinal);
    assert.match(w as string, whole(NUMBER_WORD));
    assert.equal(wordNumber(w as string), n);
  }
  assert.doesNotMatch("twenty", ordinal);
  assert.throws(() => wordNumber("twenty-firsts"), /not a number word/);
});

Deno.test("number words: a value, a dose and a time amount read a word alike", () => {
  assert.deepEqual(statedNumbers("fifteen"), [15]);
  assert.deepEqual(statedNumbers("thirty-five days later the VAS was seven"), [35, 7]);
  assert.deepEqual(statedNumbers("someone, often, tone"), [], "words inside words are no numbers");
  // An ordinal, or a compound the list does not hold, is not its first half.
  assert.deepEqual(statedNumbers("on the twenty-first day"), []);
  assert.deepEqual(statedNumbers("forty-something"), []);
  assert.deepEqual(statedDoses("twenty-first mg"), []);
  assert.deepEqual(statedDoses("fifteen mg/day").map((d) => d.amount), [15]);
  assert.deepEqual(statedAmounts("fifteen days"), [{ amount: 15, unit: "day" }]);
  assert.equal(statedDoses("25 mg fifteen times a day")[0].per, "fifteen times a day");
});
