/**
 * Ids that name files are refused when Windows keeps their name for a device: `sources/aux.txt`
 * is the device AUX there, so the file cannot be written and Git for Windows refuses to check out
 * a repository holding it. Names that only begin like one (`auxiliary`, `com10`) are fine. The
 * same holds for the names notebooks give their tables and figures (`tables/aux.csv`).
 */
import assert from "node:assert/strict";
import { LoadContext } from "#lib/data/context.ts";
import { checkSources } from "#lib/data/checks/sources.ts";
import { FileNameIds } from "#lib/ids.ts";
import { showTable } from "#lib/mod.ts";

/** The messages `sources.csv` gets for its `source_id` column, given these ids. */
function sourceIdIssues(ids: readonly string[]): string[] {
  const csv = "source_id,citation,doi,pmid,licence,text_path\n" +
    ids.map((id) => `${id},A,,,CC-BY-4.0,sources/${id}.txt\n`).join("");
  const ctx = new LoadContext("/nowhere/", "/nowhere", new Map([["sources.csv", csv]]));
  checkSources(ctx);
  return (ctx.issues.error()?.issues ?? []).filter((i) => i.column === "source_id")
    .map((i) => `${i.row}: ${i.message}`);
}

Deno.test("a source id that is a Windows device name is refused, naming the row", () => {
  assert.deepEqual(sourceIdIssues(["aux", "Con", "lpt1", "auxiliary", "com10", "nul-2020"]), [
    "2: source id 'aux' is a device name on Windows (CON, PRN, AUX, NUL, COM0-9, LPT0-9, in any " +
    "case): its files could not be made or checked out there",
    "3: source id 'Con' is a device name on Windows (CON, PRN, AUX, NUL, COM0-9, LPT0-9, in any " +
    "case): its files could not be made or checked out there",
    "4: source id 'lpt1' is a device name on Windows (CON, PRN, AUX, NUL, COM0-9, LPT0-9, in any " +
    "case): its files could not be made or checked out there",
  ]);
});

Deno.test("every id that names files is checked so, case ids too", () => {
  const rows = new Map<string, number>();
  const ids = new FileNameIds("case", true, rows);
  const add = (id: string, row: number) => (rows.set(id, row), ids.add(id, row));
  assert.match(add("prn", 2) ?? "", /^case id 'prn' is a device name on Windows/);
  assert.equal(add("printer", 3), null);
  assert.equal(add("COM10", 4), null);
});

Deno.test("a results file named after a Windows device is refused before anything is written", async () => {
  for (const name of ["aux", "CON", "nul.v2", "Lpt9"]) {
    await assert.rejects(
      () => showTable(name, [{ a: 1 }]),
      /showTable: expected a name for the results files .*not a name Windows keeps for a device/,
      name,
    );
  }
});
