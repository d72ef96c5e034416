/**
 * A dose period with no stated end (data/README.md, "A period with no stated end"): certainly
 * given only up to the last time point the text ties to it, possibly after; on constructed cases.
 */
import assert from "node:assert/strict";
import { activeTreatments, drugsGivenAt, surelyGiven, tiedTimepoints } from "../lib/mod.ts";
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
  const c = makeCase(
    { s: 5, v1: 10, v2: 40 },
    [{ drug: "drug-q", dose: 100, start: "s", end: null, untied: true }],
    { v1: 6, v2: 3 },
  );
  // A point dated from its start ties it ("within a week of drug-q"): v1 is anchored on s.
  const v1 = c.timepoints.find((t) => t.id === "v1")!;
  Object.assign(v1, { anchor: "s", offset: { lo: 5, hi: 5, nominal: 5 } });
  assert.deepEqual(tiedTimepoints(c, c.treatments[0]), ["s", "v1"]);
  assert.deepEqual(drugsOf(activeTreatments(c, "v1").certain), ["drug-q"]);
  assert.deepEqual(drugsOf(activeTreatments(c, "v2").possible), ["drug-q"]);
  // A later point whose quote names the drug (whole word, any case) ties it up to there.
  c.timepoints.find((t) => t.id === "v2")!.quote = "still on Drug-Q at the last visit";
  assert.deepEqual(drugsOf(activeTreatments(c, "v2").certain), ["drug-q"]);
  assert.ok(surelyGiven(c, "v2", "drug-q"));
  // A word that only contains the name does not.
  c.timepoints.find((t) => t.id === "v2")!.quote = "drug-quux was given";
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
