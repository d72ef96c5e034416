/**
 * Each article's claims and appraisal, as data: `data/articles/<source_id>/claims.csv`,
 * `appraisal.csv` and `appraisal-quotes.csv`, and the checklists they are judged against
 * (`data/reference/`). The loader (`load.ts`) calls {@link loadArticles} with its own reader and
 * quote check, so that these files get the same checks, the same messages and the same quote
 * matching as the case tables: every problem is located as `file:row:column`, every quote is
 * looked for in its own article's text, a claim's rule must exist and take its parameters, and
 * the cases a claim names must be cases of its article. An article with no folder, or a folder
 * without one of the files, has no claims or no appraisal recorded (`null`), which the notebooks
 * say in one line.
 *
 * @module
 */
import type { z } from "zod";
import type { IssueSink, RowHandler } from "./csv.ts";
import {
  type AppraisalQuoteRow,
  type AppraisalRow,
  ARTICLES_DIR,
  articleTables,
  type ChecklistItemRow,
  type ChecklistRow,
  type ClaimRow,
  type COMPUTED_BASES,
  type ITEM_VERDICTS,
  referenceTables,
} from "./articles_schema.ts";
import { type ClaimRule, isRuleName, parseRule, RULES, unstatedParams } from "./claims/params.ts";
import { reliefProblems } from "./claims/relief.ts";
import { thresholdUnitProblem } from "./claims/thresholds.ts";
import type { Scale } from "./scales.ts";
import { type Evidence, readEvidence } from "./reference.ts";
import { nearTerms } from "./nearest.ts";
import { type DesignMentions, designMentions } from "./design_words.ts";
import { caseCountWarning } from "./claim_count.ts";

/** A verdict on a checklist item. */
export type ItemVerdict = (typeof ITEM_VERDICTS)[number];

/** What a computed item is judged from. */
export type ComputedBasis = (typeof COMPUTED_BASES)[number];

/** One claim of an article, as data. */
export interface ClaimData {
  /** Short identifier, unique in its article. */
  id: string;
  /** The `source_id` of the article making it. */
  sourceId: string;
  /** The article's case ids it is about, or "all" for every case of the article. */
  cases: readonly string[] | "all";
  /** Where in the article. */
  where: string;
  /** The claim, quoted from the article. */
  quote: string;
  /** The drug the claim is about (`null` for a rule that judges none). */
  drug: string | null;
  /** How it is judged, in words. */
  rule: string;
  /** The rule and its parameters. */
  judge: ClaimRule;
}

/** An article's judgement of one checklist item, as data. */
export interface ItemJudgement {
  /** Which checklist (`reference/checklists.csv`). */
  checklist: string;
  /** Item number in it. */
  number: number;
  /** The verdict; absent when it is computed from the dataset (`computed`). */
  verdict?: ItemVerdict;
  /** Passages of the article it rests on. */
  quotes: readonly string[];
  /** Terms whose absence from the article's text is part of the basis. */
  absent: readonly string[];
  /** The judgement in words. */
  note: string;
  /** The computation that decides the verdict from the dataset, if any. */
  computed?: ComputedBasis;
}

/** An article's appraisal. */
export interface Appraisal {
  /** The items judged, in file order. */
  items: readonly ItemJudgement[];
  /** Passages on how the cases were selected (`about` = `selection`). */
  selection: readonly string[];
}

/** What is recorded about one article: `null` where its file is absent. */
export interface ArticleRecords {
  /** Its claims (`claims.csv`). */
  claims: readonly ClaimData[] | null;
  /** Its appraisal (`appraisal.csv`, with `appraisal-quotes.csv`). */
  appraisal: Appraisal | null;
}

/** A checklist and its items (`data/reference/`). */
export interface Checklist {
  /** Short name (e.g. JBI). */
  id: string;
  /** Title. */
  title: string;
  /** The publication that defines it. */
  citation: string;
  /** Its DOI, if any. */
  doi: string | null;
  /** The items, by number from 1. */
  items: readonly string[];
}

/**
 * The claims and appraisals of every article, the checklists, and the reference figures
 * (labelled doses, natural course: `reference.ts`).
 */
export interface Articles extends Evidence {
  /** The checklists, in file order (empty when `reference/` has none). */
  checklists: readonly Checklist[];
  /** Each article's records, by `source_id` (an article without a folder is absent). */
  records: ReadonlyMap<string, ArticleRecords>;
  /** What each article's text says of blinding, by `source_id` (`design_words.ts`). */
  mentions: ReadonlyMap<string, DesignMentions>;
}

/** What the loader gives {@link loadArticles}: its reader, its checks and what it has read. */
export interface ArticleContext {
  /** The data folder, with a final `/`. */
  dir: string;
  /** Streams one file of the folder through a row schema; returns whether it was usable. */
  read: <T>(file: string, schema: z.ZodObject, onRow: RowHandler<T>) => boolean;
  /** Whether a file exists. */
  exists: (path: string) => boolean;
  /** Checks a quote against its article's text (the loader's own check). */
  quote: (file: string, row: number, sourceId: string, column: string, quote: string) => string;
  /** The articles' normalised texts, by `source_id`. */
  texts: ReadonlyMap<string, string>;
  /** The `source_id`s of `sources.csv` (`null` when it could not be read). */
  sources: ReadonlySet<string> | null;
  /**
   * The article of a case: `undefined` for a case not in `cases.csv`, `null` for one whose
   * article could not be read (already reported); the function is `null` when cases are unknown.
   */
  caseSource: ((caseId: string) => string | null | undefined) | null;
  /** The cases of an article, in `cases.csv` order (for a message naming an unknown one). */
  casesOf?: ((sourceId: string) => readonly string[]) | null;
  /** The drugs given to an article's cases; `null` when treatments are unknown. */
  drugsOf: ((sourceId: string) => ReadonlySet<string>) | null;
  /**
   * The scales of the values (`observations.csv`) of an article's cases: of those named, or of
   * all its cases; `null` when the values are unknown (their file had problems).
   */
  scalesOf?: ((sourceId: string, cases: readonly string[] | "all") => Scale[]) | null;
  /** Whether a case has a time point (`timepoints.csv`); `null` when time points are unknown. */
  hasTime: ((caseId: string, timeId: string) => boolean) | null;
  /** Where problems go. */
  issues: IssueSink;
  /** Where warnings go (a claim on every case whose quote counts another number of cases). */
  warnings?: IssueSink;
}

/** The files an article's folder may hold. */
const ARTICLE_FILES = Object.values(articleTables).map((t) => t.file);

/**
 * Reads the checklists and every article's claims and appraisal, checking each row (see the
 * module description). Problems go to `ctx.issues`; what is returned is only meaningful when
 * there are none.
 *
 * @param ctx The loader's reader, checks and what it has read.
 * @returns The checklists and each article's records.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCaseSeries } from "#lib/mod.ts";
 * const s = await loadCaseSeries();
 * // The loader calls it: each article's records belong to a source of the series.
 * for (const id of s.articles?.records.keys() ?? []) assert.ok(s.sources.has(id));
 * ```
 */
export function loadArticles(ctx: ArticleContext): Articles {
  const checklists = readChecklists(ctx);
  const records = new Map<string, ArticleRecords>();
  for (const id of articleFolders(ctx)) {
    const folder = `${ARTICLES_DIR}/${id}/`;
    const has = (file: string) => ctx.exists(`${ctx.dir}${folder}${file}`);
    const claims = has(articleTables.claims.file) ? readClaims(ctx, id, folder) : null;
    const appraisal = has(articleTables.appraisal.file)
      ? readAppraisal(ctx, id, folder, checklists)
      : null;
    if (!appraisal && has(articleTables.appraisalQuotes.file)) {
      ctx.issues.push({
        file: `${folder}${articleTables.appraisalQuotes.file}`,
        message: `has no ${articleTables.appraisal.file} beside it (its quotes support nothing)`,
      });
    }
    records.set(id, { claims, appraisal });
  }
  const mentions = new Map([...ctx.texts].map(([id, text]) => [id, designMentions(text)]));
  return { checklists, records, mentions, ...readEvidence(ctx) };
}

/** The article folders, sorted; anything else in `articles/` is reported. */
function articleFolders(ctx: ArticleContext): string[] {
  let entries: Deno.DirEntry[];
  try {
    entries = [...Deno.readDirSync(`${ctx.dir}${ARTICLES_DIR}`)];
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return [];
    ctx.issues.push({
      file: `${ARTICLES_DIR}/`,
      message: `cannot be read: ${e instanceof Error ? e.message : String(e)}`,
    });
    return [];
  }
  const ids: string[] = [];
  // Hidden entries (a system's .DS_Store) are not the data's.
  const shown = entries.filter((e) => !e.name.startsWith("."));
  for (const e of shown.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) {
    const path = `${ARTICLES_DIR}/${e.name}`;
    if (!e.isDirectory) {
      ctx.issues.push({
        file: path,
        message: "expected a folder named after a source_id of sources.csv",
      });
    } else if (ctx.sources && !ctx.sources.has(e.name)) {
      ctx.issues.push({
        file: `${path}/`,
        message: `no source '${e.name}' in sources.csv (a folder is named after its source_id)`,
      });
    } else {
      for (const f of Deno.readDirSync(`${ctx.dir}${path}`)) {
        if (f.name.startsWith(".")) continue;
        if (!ARTICLE_FILES.includes(f.name as (typeof ARTICLE_FILES)[number])) {
          ctx.issues.push({
            file: `${path}/${f.name}`,
            message: `unexpected file (an article's folder holds ${ARTICLE_FILES.join(", ")})`,
          });
        }
      }
      ids.push(e.name);
    }
  }
  return ids;
}

/** Reads the checklists and their items, when `reference/` has them. */
function readChecklists(ctx: ArticleContext): Checklist[] {
  const { checklists: lists, checklistItems: items } = referenceTables;
  if (!ctx.exists(`${ctx.dir}${lists.file}`)) return [];
  const out = new Map<string, Checklist & { items: string[] }>();
  ctx.read<ChecklistRow>(lists.file, lists.schema, (row, r) => {
    if (r === null) return;
    if (out.has(r.checklist)) {
      ctx.issues.push({
        file: lists.file,
        row,
        column: "checklist",
        message: `duplicate checklist '${r.checklist}'`,
      });
      return;
    }
    out.set(r.checklist, { id: r.checklist, ...r, items: [] });
  });
  ctx.read<ChecklistItemRow>(items.file, items.schema, (row, r) => {
    if (r === null) return;
    const list = out.get(r.checklist);
    if (!list) {
      ctx.issues.push({
        file: items.file,
        row,
        column: "checklist",
        message: `unknown checklist '${r.checklist}' (not in ${lists.file})`,
      });
    } else if (r.item !== list.items.length + 1) {
      ctx.issues.push({
        file: items.file,
        row,
        column: "item",
        message: `expected item ${list.items.length + 1} of ${r.checklist} (items are numbered ` +
          "from 1, in order)",
      });
    } else list.items.push(r.text);
  });
  return [...out.values()].map(({ id, title, citation, doi, items }) => ({
    id,
    title,
    citation,
    doi,
    items,
  }));
}

/**
 * The message for a claim's case that `cases.csv` does not have: the article's cases, and the one
 * meant when it differs in case only ('k1' for 'K1') or is the only one a letter or two away.
 */
function unknownCase(id: string, cases: readonly string[] | null, sourceId: string): string {
  if (cases === null) return `unknown case id '${id}' (not in cases.csv)`;
  // One that differs in case only, else the only one near ('K3' is as near 'K1' as 'K2': none).
  const near = cases.find((c) => c.toLowerCase() === id.toLowerCase()) ??
    ((n) => n.length === 1 ? n[0] : null)(nearTerms(id, cases));
  return `unknown case id '${id}' (not in cases.csv` +
    (cases.length ? `; the cases of ${sourceId}: ${cases.join(", ")}` : `; ${sourceId} has none`) +
    (near === null ? ")" : `): did you mean '${near}'?`);
}

/** Reads and checks one article's claims. */
function readClaims(ctx: ArticleContext, sourceId: string, folder: string): ClaimData[] {
  const file = `${folder}${articleTables.claims.file}`;
  const claims: ClaimData[] = [];
  const ids = new Map<string, number>();
  ctx.read<ClaimRow>(file, articleTables.claims.schema, (row, r, valid) => {
    const at = (column: string, message: string) => ctx.issues.push({ file, row, column, message });
    if (valid.claim_id !== undefined) {
      const first = ids.get(valid.claim_id);
      if (first !== undefined) return at("claim_id", `duplicate claim id (first at line ${first})`);
      ids.set(valid.claim_id, row);
    }
    if (valid.quote !== undefined) ctx.quote(file, row, sourceId, "quote", valid.quote);
    if (valid.quote !== undefined && valid.cases === "all" && ctx.casesOf && ctx.warnings) {
      const message = caseCountWarning(valid.quote, ctx.casesOf(sourceId), sourceId);
      if (message) ctx.warnings.push({ file, row, column: "cases", message });
    }
    if (valid.cases !== undefined && valid.cases !== "all" && ctx.caseSource) {
      for (const id of valid.cases) {
        const of = ctx.caseSource(id);
        if (of === undefined) {
          at("cases", unknownCase(id, ctx.casesOf?.(sourceId) ?? null, sourceId));
        } else if (of !== null && of !== sourceId) {
          at("cases", `case '${id}' belongs to ${of}, not to ${sourceId}`);
        }
      }
    }
    if (valid.rule === undefined) return;
    if (!isRuleName(valid.rule)) {
      return at(
        "rule",
        `unknown rule '${valid.rule}' (the rules: ${Object.keys(RULES).join(", ")})`,
      );
    }
    const spec = RULES[valid.rule];
    if (valid.drug !== undefined) {
      if (valid.drug === null && spec.drug) {
        at("drug", `empty: rule ${valid.rule} judges a drug (the drug the claim is about)`);
      } else if (valid.drug !== null && ctx.drugsOf && !ctx.drugsOf(sourceId).has(valid.drug)) {
        at("drug", `'${valid.drug}' is not given to any case of ${sourceId} (treatments.csv)`);
      }
    }
    if (valid.params === undefined) return;
    const parsed = parseRule(valid.rule, valid.params);
    if ("problems" in parsed) {
      // A scale's threshold whose unit is left out: the unit its cases' values are in.
      const scales = valid.cases === undefined ? null : ctx.scalesOf?.(sourceId, valid.cases);
      const units = [...new Set((scales ?? []).map((x) => x.unit).filter((u) => u !== ""))];
      const unitHint = (spec.scaleParams ?? []).length > 0 && units.length > 0
        ? ` (its cases' values are in ${units.map((u) => `'${u}'`).join(" and ")})`
        : "";
      for (const p of parsed.problems) {
        at(
          "params",
          `rule ${valid.rule}: ${p}${p.startsWith("params.unit: missing") ? unitHint : ""}`,
        );
      }
      return;
    }
    const scales = valid.cases === undefined ? null : ctx.scalesOf?.(sourceId, valid.cases) ?? null;
    const unit = scales === null ? null : thresholdUnitProblem(parsed.rule, scales);
    if (unit !== null) at("params", `rule ${valid.rule}: ${unit}`);
    else if (valid.quote !== undefined) {
      for (const p of reliefProblems(valid.quote, parsed.rule, scales ?? [])) {
        at("params", `rule ${valid.rule}: ${p}`);
      }
    }
    if (valid.rule_text !== undefined) {
      const left = unstatedParams(parsed.rule, valid.rule_text);
      if (left.length > 0) {
        at(
          "rule_text",
          `does not state ${left.join(", ")} of params: the words beside the verdict must ` +
            "give every number the rule tests (digits or a number word), and its unit",
        );
      }
    }
    const timeId = (parsed.rule.params as { time_id?: string }).time_id;
    if (timeId !== undefined && valid.cases !== undefined && valid.cases !== "all") {
      for (const id of valid.cases) {
        if (ctx.hasTime && ctx.caseSource?.(id) === sourceId && !ctx.hasTime(id, timeId)) {
          at("params", `params.time_id: case ${id} has no time point '${timeId}' (timepoints.csv)`);
        }
      }
    }
    if (r === null) return;
    claims.push({
      id: r.claim_id,
      sourceId,
      cases: r.cases,
      where: r.where,
      quote: r.quote,
      drug: r.drug,
      rule: r.rule_text,
      judge: parsed.rule,
    });
  });
  return claims;
}

/** Reads and checks one article's appraisal and the passages it rests on. */
function readAppraisal(
  ctx: ArticleContext,
  sourceId: string,
  folder: string,
  checklists: readonly Checklist[],
): Appraisal {
  const file = `${folder}${articleTables.appraisal.file}`;
  const items: (ItemJudgement & { quotes: string[] })[] = [];
  const lines = new Map<string, number>();
  /** The problem with a checklist item, or null when it exists. */
  const unknownItem = (checklist: string, item: number | null): [string, string] | null => {
    const list = checklists.find((c) => c.id === checklist);
    if (!list) {
      return [
        "checklist",
        `unknown checklist '${checklist}' (the checklists of ` +
        `${referenceTables.checklists.file}: ${checklists.map((c) => c.id).join(", ") || "none"})`,
      ];
    }
    if (item === null || item > list.items.length) {
      return ["item", `${checklist} has items 1 to ${list.items.length}`];
    }
    return null;
  };
  const lower = ctx.texts.get(sourceId)?.toLowerCase();
  ctx.read<AppraisalRow>(file, articleTables.appraisal.schema, (row, r) => {
    if (r === null) return;
    const at = (column: string, message: string) => ctx.issues.push({ file, row, column, message });
    const bad = unknownItem(r.checklist, r.item);
    if (bad) return at(...bad);
    const key = `${r.checklist} ${r.item}`;
    const first = lines.get(key);
    if (first !== undefined) return at("item", `${key} is judged twice (first at line ${first})`);
    lines.set(key, row);
    if (r.verdict === null && r.computed === null) {
      return at("verdict", "empty, and computed is empty too: one of them is required");
    }
    for (const a of r.absent) {
      if (lower?.includes(a.toLowerCase())) {
        at("absent", `'${a}' is in the text of ${sourceId} (an absent term must not be)`);
      }
    }
    items.push({
      checklist: r.checklist,
      number: r.item,
      ...(r.verdict === null ? {} : { verdict: r.verdict }),
      quotes: [],
      absent: r.absent,
      note: r.note,
      ...(r.computed === null ? {} : { computed: r.computed }),
    });
  });
  const selection: string[] = [];
  const quotes = `${folder}${articleTables.appraisalQuotes.file}`;
  if (ctx.exists(`${ctx.dir}${quotes}`)) {
    ctx.read<AppraisalQuoteRow>(quotes, articleTables.appraisalQuotes.schema, (row, r) => {
      if (r === null) return;
      const at = (column: string, message: string) =>
        ctx.issues.push({ file: quotes, row, column, message });
      const quote = ctx.quote(quotes, row, sourceId, "quote", r.quote);
      if (r.about === "selection") {
        if (r.item !== null) return at("item", "must be empty for 'selection'");
        selection.push(quote);
        return;
      }
      const bad = unknownItem(r.about, r.item);
      if (bad) return at(bad[0] === "checklist" ? "about" : "item", bad[1]);
      const judged = items.find((j) => j.checklist === r.about && j.number === r.item);
      if (!judged) return at("item", `${r.about} ${r.item} is not judged in ${file}`);
      judged.quotes.push(quote);
    });
  }
  return { items, selection };
}
