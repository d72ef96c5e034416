import assert from "node:assert/strict";
import { agree, casesListing, counted, listing, plural } from "../lib/prose.ts";

Deno.test("plural, counted and listing: counts and lists as prose", () => {
  assert.equal(plural(1, "case"), "1 case");
  assert.equal(plural(3, "case"), "3 cases");
  assert.equal(counted(0, "value"), "no value");
  assert.equal(listing(["1", "2", "3"]), "1, 2 and 3");
  assert.equal(listing([], "none stated"), "none stated");
});

Deno.test("casesListing and agree: a case or cases, a word agreeing with its count", () => {
  assert.equal(casesListing(["4"]), "case 4");
  assert.equal(casesListing(["2", "3"]), "cases 2 and 3");
  assert.equal(casesListing([]), "no case");
  assert.equal(agree(1, "is", "are"), "is");
  assert.equal(agree(0, "is", "are"), "are");
  assert.equal(agree(2, "has", "have"), "have");
});
