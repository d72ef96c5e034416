/**
 * A dose period with no stated end (data/README.md, "A period with no stated end"): certainly
 * given only up to the last time point the text ties to it, possibly after; on constructed cases.
 */
import assert from "node:assert/strict";
import {
  activeTreatments,
  drugsGivenAt,
  notBefore,
  surelyAfter,
  surelyGiven,
  surelyLaterDay,
  tiedTimepoints,
} from "../lib/mod.ts";
import type { Case, Timepoint } from "../lib/model.ts";
import { makeCase } from "./helpers/constructed_case.ts";

const drugsOf = (ts: readonly { drug: string }[]) => ts.map((t) => t.drug);

Deno.test("an open period tied to no later point is only possibly given after its start", () => {
  const c = makeCase(
    { s: 5, v1: 10, v2: 40 },
    [{ drug: "drug-q", dose: 100, start: "s", end: null, untied: true }],
    { v1: 6, v2: 3 },
  );
  assert.deepEqual(tiedTimepoints(c, c.treatments[0]), ["s"]);
  for (const id of ["v1", "v2"]) {
    const a = activeTreatments(c, id);
    assert.deepEqual(drugsOf(a.certain), [], id);
    assert.deepEqual(drugsOf(a.possible), ["drug-q"], id);
    assert.equal(surelyGiven(c, id, "drug-q"), false, id);
  }
  assert.deepEqual([...drugsGivenAt(c, ["v1", "v2"], null)], [["drug-q", "possibly"]]);
});

Deno.test("an open period is certain up to the last point tied to it, possible after", () => {
  const c0 = makeCase(
    { s: 5, v1: 10, v2: 40 },
    [{ drug: "drug-q", dose: 100, start: "s", end: null, untied: true }],
    { v1: 6, v2: 3 },
  );
  // Each edit makes a new case, as the analyses' variants do (a case is read as built: what is
  // asked of it for each value is computed once a case object).
  const edited = (c: Case, id: string, fields: Partial<Timepoint>): Case => ({
    ...c,
    timepoints: c.timepoints.map((t) => t.id === id ? { ...t, ...fields } : t),
  });
  // A point dated from its start ties it ("within a week of drug-q"): v1 is anchored on s.
  const c = edited(c0, "v1", { anchor: "s", offset: { lo: 5, hi: 5, nominal: 5 } });
  assert.deepEqual(tiedTimepoints(c, c.treatments[0]), ["s", "v1"]);
  assert.deepEqual(drugsOf(activeTreatments(c, "v1").certain), ["drug-q"]);
  assert.deepEqual(drugsOf(activeTreatments(c, "v2").possible), ["drug-q"]);
  // A later point whose quote names the drug (whole word, any case) ties it up to there.
  const named = edited(c, "v2", { quote: "still on Drug-Q at the last visit" });
  assert.deepEqual(drugsOf(activeTreatments(named, "v2").certain), ["drug-q"]);
  assert.ok(surelyGiven(named, "v2", "drug-q"));
  // A word that only contains the name does not.
  const contains = edited(c, "v2", { quote: "drug-quux was given" });
  assert.deepEqual(drugsOf(activeTreatments(contains, "v2").possible), ["drug-q"]);
  // The case first asked keeps its answers (the later ones were asked of other cases).
  assert.deepEqual(drugsOf(activeTreatments(c, "v2").possible), ["drug-q"]);
});

Deno.test("a course of periods ending in an open one is surely given only up to its last tie", () => {
  // 50 then 75 mg/day, the change on an open day (between v1 and v2): surely given at v1 (50)
  // whatever the day; at v2 only when the open 75 mg/day period is tied to v2.
  const base = () =>
    makeCase(
      { s: 5, v1: 10, up: [10, 50], v2: 60 },
      [
        { drug: "drug-m", dose: 50, start: "s", end: "up" },
        { drug: "drug-m", dose: 75, start: "up", end: null, untied: true },
      ],
      { v1: 4, v2: 1 },
    );
  const untied = base();
  assert.equal(surelyGiven(untied, "v2", "drug-m"), false);
  const tied = base();
  tied.timepoints.find((t) => t.id === "v2")!.quote = "continues drug-m";
  assert.equal(surelyGiven(tied, "v2", "drug-m"), true);
});

/**
 * A stepwise switch from drug-a to drug-b: drug-a's last dose at a time the text does not state
 * (`aend`, [20, 60]), the doses during the switch not stated, drug-b at 100 once it ends.
 */
function stepwiseSwitch() {
  return makeCase(
    { s: 5, sw: 20, aend: [20, 60], v1: 25, v2: 70 },
    [
      { drug: "drug-a", dose: 40, start: "s", end: "sw" },
      { drug: "drug-a", dose: null, start: "sw", end: "aend" },
      { drug: "drug-b", dose: null, start: "sw", end: "aend" },
      { drug: "drug-b", dose: 100, start: "aend", end: null },
    ],
    { v1: 4, v2: 2 },
  );
}

Deno.test("a drug surely given at a dose the times leave open is 'certainly' given", () => {
  const c = stepwiseSwitch();
  // At v1 no period of drug-b is certain (the switch may or may not be over), but drug-b is.
  assert.deepEqual(drugsOf(activeTreatments(c, "v1").certain), []);
  assert.ok(surelyGiven(c, "v1", "drug-b"));
  assert.equal(surelyGiven(c, "v1", "drug-a"), false);
  assert.deepEqual([...drugsGivenAt(c, ["v1"], null)], [
    ["drug-a", "possibly"],
    ["drug-b", "certainly"],
  ]);
  assert.deepEqual([...drugsGivenAt(c, ["v1", "v2"], "drug-a")], [["drug-b", "certainly"]]);
});

Deno.test("a case's values are read once to tie its open periods, not again for each value", () => {
  // The active drugs at every value of a long case: the points tied to an open period are found
  // once a case (reading every value's quote again for each value and point grew with the cube
  // of a case's values). Counts the reads of the values' quotes, not the time taken.
  const n = 60;
  const days = Object.fromEntries(Array.from({ length: n }, (_, i) => [`v${i}`, 10 + i]));
  const values = Object.fromEntries(Array.from({ length: n }, (_, i) => [`v${i}`, 5]));
  const built = makeCase({ s: 5, ...days }, [
    { drug: "drug-q", dose: 100, start: "s", end: null },
  ], values);
  let reads = 0;
  const c: Case = {
    ...built,
    observations: built.observations.map((o) =>
      new Proxy(o, {
        get: (target, key, receiver) => {
          if (key === "quote") reads++;
          return Reflect.get(target, key, receiver);
        },
      })
    ),
  };
  for (const t of c.timepoints) activeTreatments(c, t.id);
  assert.ok(reads <= n, `${reads} reads of ${n} values' quotes`);
  // And what it finds is what each value's quote says: the drug, named at every value.
  assert.deepEqual(tiedTimepoints(c, c.treatments[0]), ["s", ...Object.keys(days)]);
});

Deno.test("the three order rules: not before, surely after, surely on a later day", () => {
  // sw is dated; aend is after sw but not dated (from sw's day on): they may meet at their limit.
  const c = makeCase(
    { s: 5, sw: 20, aend: [20, 60] },
    [
      { drug: "drug-a", dose: 40, start: "s", end: "aend" },
      { drug: "drug-b", dose: 100, start: "sw", end: null },
    ],
    {},
  );
  const rules = (
    a: string,
    b: string,
  ) => [notBefore(c, a, b), surelyAfter(c, a, b), surelyLaterDay(c, a, b)];
  // The same visit: not before it, not after it.
  assert.deepEqual(rules("sw", "sw"), [true, false, false]);
  // Meeting only at the limit: after in the text's order, but perhaps on the same day.
  assert.deepEqual(rules("aend", "sw"), [true, true, false]);
  // Surely days later.
  assert.deepEqual(rules("sw", "s"), [true, true, true]);
  assert.deepEqual(rules("s", "sw"), [false, false, false]);
});

Deno.test("lib writes no order rule inline: relativeDay(…).lo compared with 0 only in given.ts", async () => {
  const inline = /relativeDay\([^)]*\)\s*\.lo\s*>=?\s*0/;
  const found: string[] = [];
  const walk = async (dir: string) => {
    for await (const e of Deno.readDir(dir)) {
      const path = `${dir}/${e.name}`;
      if (e.isDirectory) await walk(path);
      else if (path.endsWith(".ts") && !path.endsWith("/given.ts")) {
        const text = await Deno.readTextFile(path);
        if (inline.test(text)) found.push(path);
      }
    }
  };
  await walk(new URL("../lib", import.meta.url).pathname);
  assert.deepEqual(found, []);
});
