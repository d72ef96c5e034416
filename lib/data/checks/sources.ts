/**
 * The check of `sources.csv` and the source texts: unique ids that fit as file names, each text
 * named after its source, read and normalised for the quote checks.
 *
 * @module
 */
import { FileNameIds } from "../../ids.ts";
import type { Source } from "../../model.ts";
import { readWholeTextSync } from "../../read.ts";
import type { SourceRow } from "../../schema.ts";
import { normalizeSourceText } from "../../source.ts";
import type { DataIssue } from "../../errors.ts";
import type { LoadContext } from "../context.ts";
import { checkMemory } from "../memory.ts";
import { OtherColumns } from "../columns.ts";

/**
 * A source text's first lines: its citation and licence in brackets (`[Source: …]`, which may
 * run over several lines), before the article's text (data/README.md, "Adding an article").
 */
const BRACKETED_HEADER = /^\s*\[[^\]]+\]/;

/**
 * Checks `sources.csv` and reads each source's text into `ctx.texts`.
 *
 * @param ctx The load.
 * @returns The sources, by id, in file order.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { LoadContext } from "#lib/data/context.ts";
 * import { checkSources } from "#lib/data/checks/sources.ts";
 * const csv = "source_id,citation,doi,pmid,licence,text_path\n" +
 *   "a,A,,,CC-BY-4.0,sources/b.txt\n";
 * const ctx = new LoadContext("/nowhere/", "/nowhere", new Map([["sources.csv", csv]]));
 * assert.equal(checkSources(ctx).size, 0);
 * assert.match(ctx.issues.error()!.issues[0].message, /named after its source_id/);
 * ```
 */
export function checkSources(ctx: LoadContext): Map<string, Source> {
  const { issues, sourceIds } = ctx;
  const sources = new Map<string, Source>();
  const sourceRows: { r: SourceRow; row: number }[] = [];
  const sourceLines = new Map<string, number>();
  const sourceNames = new FileNameIds("source", false, sourceLines);
  const columns = new OtherColumns("sources", [
    "source_id",
    "citation",
    "doi",
    "pmid",
    "licence",
    "text_path",
  ]);
  ctx.table<SourceRow>("sources", (row, r, valid) => {
    if (valid.source_id !== undefined) {
      if (sourceIds.has(valid.source_id)) {
        issues.push({
          file: "sources.csv",
          row,
          column: "source_id",
          message: "duplicate source id",
        });
        return;
      }
      sourceIds.add(valid.source_id);
      sourceLines.set(valid.source_id, row);
      const name = sourceNames.add(valid.source_id, row);
      if (name) issues.push({ file: "sources.csv", row, column: "source_id", message: name });
    }
    if (r === null) {
      // Its text is not read: the quotes citing it are counted at the row's (last) problem.
      const last = issues.last;
      if (valid.source_id !== undefined && last?.file === "sources.csv" && last.row === row) {
        ctx.unreadTexts.set(valid.source_id, last);
      }
      return;
    }
    if (r.text_path !== `sources/${r.source_id}.txt`) {
      const issue = {
        file: "sources.csv",
        row,
        column: "text_path",
        message: `must be sources/${r.source_id}.txt (the text is named after its source_id)`,
      };
      issues.push(issue);
      ctx.unreadTexts.set(r.source_id, issue);
      return;
    }
    sourceRows.push({ r, row });
  });
  // The texts are read one after the other, synchronously (half the CPU of concurrent reads).
  for (const { r } of sourceRows) {
    const problems: DataIssue[] = [];
    const text = readWholeTextSync(`${ctx.dir}${r.text_path}`, r.text_path, problems);
    sources.set(r.source_id, {
      id: r.source_id,
      citation: r.citation,
      doi: r.doi,
      pmid: r.pmid,
      licence: r.licence,
      textPath: r.text_path,
      columns: columns.of(r),
    });
    checkMemory(ctx.dataDir, r.text_path);
    if (text !== null) {
      ctx.texts.set(r.source_id, normalizeSourceText(text));
      if (!BRACKETED_HEADER.test(text)) {
        ctx.warnings.push({
          file: r.text_path,
          message: "the text does not begin with its citation and licence in brackets " +
            "('[Source: …]', data/README.md, \"Adding an article\")",
        });
      }
    }
    for (const issue of problems) issues.pushFile(issue);
    if (text === null && problems.length) ctx.unreadTexts.set(r.source_id, problems[0]);
  }
  return sources;
}
