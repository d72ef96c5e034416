/**
 * The check of `study.json`, the study question: JSON, then its schema.
 *
 * @module
 */
import type { DataIssue } from "../../errors.ts";
import { readText } from "../../read.ts";
import { parseStudy, type Study, studySchema } from "../../study.ts";
import type { LoadContext } from "../context.ts";

/** The file of the study question, in the data folder. */
export const STUDY_FILE = "study.json";

/**
 * Reads `study.json`, the study question; `null` (with its problems recorded) when bad.
 *
 * @param ctx The load.
 * @returns The study, or null.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { LoadContext } from "#lib/data/context.ts";
 * import { readStudy } from "#lib/data/checks/study.ts";
 * const ctx = new LoadContext("/nowhere/", "/nowhere", new Map([["study.json", "{"]]));
 * assert.equal(readStudy(ctx), null);
 * assert.match(ctx.issues.error()!.issues[0].message, /^not valid JSON/);
 * ```
 */
export function readStudy(ctx: LoadContext): Study | null {
  const file = STUDY_FILE;
  const { issues } = ctx;
  let text = ctx.replace?.get(file);
  if (text === undefined) {
    const parts: string[] = [];
    const problems: DataIssue[] = [];
    if (!readText(`${ctx.dir}${file}`, file, (t) => parts.push(t), problems)) {
      for (const p of problems) issues.pushFile(p);
      return null;
    }
    text = parts.join("");
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    issues.pushFile({ file, message: `not valid JSON: ${(e as Error).message}` });
    return null;
  }
  const r = studySchema.safeParse(json);
  if (!r.success) {
    for (const i of r.error.issues) {
      issues.pushFile({
        file,
        column: i.path.length > 0 ? i.path.join(".") : undefined,
        message: i.message,
      });
    }
    return null;
  }
  return parseStudy(json, file);
}
