/**
 * Executing a notebook's cells on a kernel, every output kept in its own cell.
 *
 * A cell is complete when a sentinel request sent right behind it has printed its marker on
 * stdout, broadcast its marker display and returned its marker as its result: the Deno kernel may
 * publish a cell's outputs after reporting it idle, but its stdout, its displays and its results
 * each go out in order, so once the three markers are in, every output of the cell is too. The
 * kernel parents a broadcast with the request current when it sends it, so a cell's late outputs
 * (its result among them) can come parented by its sentinel: those belong to the cell. Under load
 * a result was seen to come even after the sentinel's own: an output of an earlier cell or
 * sentinel that comes later is added to that cell, and one more sentinel follows the last cell.
 *
 * Outputs are made as Jupyter's nbclient makes them (display ids, `clear_output`, execution
 * counts), so that the notebook is the one nbclient would write.
 *
 * @module
 */
import { ANSI, type Cell, type Notebook, type Output } from "../nbformat.ts";
import { type Session, WaitError } from "./session.ts";
import { SendTimeoutError } from "./client.ts";
import type { Message } from "./wire.ts";

/** A notebook failed: `cell` is its label (`In [n]`) or `null`. */
export class CellFailure extends Error {
  /** Builds the failure; `died`: the kernel died (the caller adds why). */
  constructor(readonly cell: string | null, message: string, readonly died = false) {
    super(message);
    this.name = "CellFailure";
  }
}

/** Message kinds that are outputs (statuses and execute_input are not). */
const OUTPUT_KINDS = new Set([
  "stream",
  "display_data",
  "update_display_data",
  "clear_output",
  "execute_result",
  "error",
]);

/**
 * A code cell as Jupyter shows it: `In [n]`, n counting the non-empty code cells up to it.
 *
 * @param nb the notebook
 * @param index the cell's index
 * @returns its label
 * @example
 * ```ts
 * import { cellLabel } from "./cells.ts";
 * const cell = (source: string) => ({ cell_type: "code", source, metadata: {} });
 * const nb = { cells: [cell("1"), cell(" "), cell("2")], metadata: {}, nbformat: 4, nbformat_minor: 5 };
 * if (cellLabel(nb, 2) !== "In [2]") throw new Error("empty cells do not count");
 * ```
 */
export function cellLabel(nb: Notebook, index: number): string {
  const n =
    nb.cells.slice(0, index + 1).filter((c) => c.cell_type === "code" && text(c.source).trim())
      .length;
  return `In [${n}]`;
}

const text = (s: string | string[]) => Array.isArray(s) ? s.join("") : s;

/** An output from an IOPub message, as nbformat's `output_from_msg` makes it, or `null`. */
function outputFromMsg(kind: string, content: Message["content"]): Output | null {
  switch (kind) {
    case "execute_result":
      return {
        output_type: kind,
        metadata: content.metadata,
        data: content.data,
        execution_count: content.execution_count,
      };
    case "stream":
      return { output_type: kind, name: content.name, text: content.text };
    case "display_data":
      return { output_type: kind, metadata: content.metadata, data: content.data };
    case "error":
      return {
        output_type: kind,
        ename: content.ename,
        evalue: content.evalue,
        traceback: content.traceback,
      };
  }
  return null;
}

/** Options of {@link executeCells}. */
export interface CellOptions {
  /** Seconds a cell may take. */
  cellTimeoutSeconds: number;
}

/** Executes a notebook's cells on one session, as nbclient with sentinels. */
class Execution {
  /** Request id → the index of the cell it belongs to (cells and their sentinels). */
  owners = new Map<string, number>();
  /** The last code cell sent. */
  lastOwner: number | null = null;
  /** display id → cell index → output indices. */
  displays = new Map<string, Map<number, number[]>>();
  clearBeforeNext = false;

  constructor(readonly nb: Notebook, readonly session: Session) {}

  cell(index: number): Cell {
    return this.nb.cells[index];
  }

  /** nbclient's process_message: returns true on the cell's idle status. */
  process(msg: Message, index: number): boolean {
    const kind = msg.header.msg_type;
    const content = msg.content ?? {};
    const cell = this.cell(index);
    const displayId = content.transient?.display_id;
    if (displayId && ["execute_result", "display_data", "update_display_data"].includes(kind)) {
      this.updateDisplay(displayId, content);
    }
    if ("execution_count" in content) cell.execution_count = content.execution_count;
    if (kind === "status") return content.execution_state === "idle";
    if (kind === "clear_output") {
      if (content.wait) this.clearBeforeNext = true;
      else (cell.outputs = [], this.clearDisplays(index));
    } else if (
      !kind.startsWith("comm") && kind !== "execute_input" && kind !== "update_display_data"
    ) {
      this.output(cell, kind, content, displayId, index);
    }
    return false;
  }

  output(cell: Cell, kind: string, content: Message["content"], id: string, index: number) {
    const out = outputFromMsg(kind, content);
    if (!out) return;
    cell.outputs ??= [];
    if (this.clearBeforeNext) {
      cell.outputs = [];
      this.clearDisplays(index);
      this.clearBeforeNext = false;
    }
    if (id) {
      const map = this.displays.get(id) ?? new Map<number, number[]>();
      this.displays.set(id, map);
      map.set(index, [...(map.get(index) ?? []), cell.outputs.length]);
    }
    cell.outputs.push(out);
  }

  updateDisplay(id: string, content: Message["content"]) {
    const map = this.displays.get(id);
    if (!map) return;
    for (const [index, outputs] of map) {
      for (const o of outputs) {
        const out = this.cell(index).outputs![o];
        out.data = content.data;
        out.metadata = content.metadata;
      }
    }
  }

  clearDisplays(index: number) {
    for (const map of this.displays.values()) if (map.has(index)) map.set(index, []);
  }

  /** Adds an output that came late to its cell, leaving that cell's count and the pending clear
   * of the cell being read as they were. */
  addLate(msg: Message, index: number) {
    const cell = this.cell(index);
    const count = cell.execution_count;
    const pending = this.clearBeforeNext;
    this.clearBeforeNext = false;
    try {
      this.process(msg, index);
    } finally {
      this.clearBeforeNext = pending;
      cell.execution_count = count;
    }
  }

  /**
   * Sends a sentinel and reads IOPub until its three markers (and the cell's idle, when
   * `parent` is given) are in, or until `deadline.at` (which may move while it reads).
   */
  async sentinelRound(parent: string | null, index: number | null, deadline: { at: number }) {
    const marker = `__reproduce_sentinel_${crypto.randomUUID().replaceAll("-", "")}__`;
    const code = `console.log("${marker}");\n` +
      `await Deno.jupyter.broadcast("display_data", ` +
      `{ data: { "text/plain": "${marker}" }, metadata: {}, transient: {} });\n` +
      `"${marker}";\n`;
    const sentinel = await this.session.execute(code, false);
    if (index !== null) this.owners.set(sentinel, index);
    let idle = parent === null;
    let printed = false, displayed = false, resulted = false;
    while (!(idle && printed && displayed && resulted)) {
      let msg = await this.next(deadline);
      const from = msg.parent_header?.msg_id;
      const kind = msg.header.msg_type;
      const content = msg.content ?? {};
      if (from !== undefined && from === parent) {
        if (this.process(msg, index!)) idle = true;
        continue;
      }
      if (from === sentinel) {
        if (kind === "stream" && String(content.text ?? "").includes(marker)) {
          printed = true;
          const rest = content.text.replace(`${marker}\n`, "").replace(marker, "");
          if (!rest) continue;
          msg = { ...msg, content: { ...content, text: rest } };
        } else if (kind === "display_data" && content.data?.["text/plain"] === marker) {
          displayed = true;
          continue;
        } else if (
          kind === "execute_result" && String(content.data?.["text/plain"] ?? "").includes(marker)
        ) {
          resulted = true;
          continue;
        }
      }
      const owner = from === undefined ? undefined : this.owners.get(from);
      if (owner !== undefined && OUTPUT_KINDS.has(kind)) {
        if (owner === index && parent !== null) this.process(msg, index);
        else this.addLate(msg, owner);
      }
    }
  }

  /** The next IOPub message, or a `timeout` WaitError once `deadline.at` has passed (looked at
   * again every 100 ms: the reply to the cell can set it meanwhile). */
  async next(deadline: { at: number }): Promise<Message> {
    while (true) {
      try {
        return await this.session.next("iopub", Math.min(deadline.at, performance.now() + 100));
      } catch (e) {
        if (
          !(e instanceof WaitError && e.reason === "timeout") || performance.now() >= deadline.at
        ) {
          throw e;
        }
      }
    }
  }

  /** The reply to request `id` on the shell channel (others are dropped). */
  async reply(id: string, deadline: number): Promise<Message> {
    while (true) {
      const m = await this.session.next("shell", deadline);
      if (m.parent_header?.msg_id === id) return m;
    }
  }

  /** Executes every cell; throws {@link CellFailure} or a {@link WaitError} (`stopped`). */
  async run(options: CellOptions): Promise<void> {
    const ms = options.cellTimeoutSeconds * 1000;
    let executed = 0;
    let current: number | null = null;
    const fail = (e: unknown, after = false): never => {
      const label = current === null ? null : cellLabel(this.nb, current);
      const secs = options.cellTimeoutSeconds;
      if (e instanceof WaitError && e.reason === "timeout") {
        throw new CellFailure(
          label,
          after
            ? `the kernel did not answer within ${secs} s after this cell`
            : `the cell did not finish within ${secs} s`,
        );
      }
      if (e instanceof WaitError && e.reason === "dead") {
        throw new CellFailure(label, "the kernel died", true);
      }
      if (e instanceof SendTimeoutError) throw new CellFailure(label, e.message);
      throw e;
    };
    for (let index = 0; index < this.nb.cells.length; index++) {
      current = index;
      const cell = this.cell(index);
      // As nbclient: empty cells and cells tagged `skip-execution` are not run; a cell tagged
      // `raises-exception` may fail.
      const tags: string[] = Array.isArray(cell.metadata?.tags) ? cell.metadata.tags : [];
      if (cell.cell_type !== "code" || !text(cell.source).trim()) continue;
      if (tags.includes("skip-execution")) continue;
      const mayFail = tags.includes("raises-exception");
      const count = executed + 1;
      const id = await this.session.execute(text(cell.source), true, !mayFail).catch(fail);
      executed++;
      this.owners.set(id, index);
      this.lastOwner = index;
      cell.outputs = [];
      // As nbclient: the reply may take the cell timeout, then its outputs as long again.
      const outputs = { at: Infinity };
      const round = this.sentinelRound(id, index, outputs);
      round.catch(() => {}); // awaited below, unless the reply fails first
      let reply: Message;
      try {
        reply = await this.reply(id, performance.now() + ms);
        outputs.at = performance.now() + ms;
        await round;
      } catch (e) {
        return fail(e);
      }
      cell.execution_count = count;
      if (reply.content?.status === "error" && !mayFail) {
        const { ename = "", evalue = "" } = reply.content;
        let message = `${ename}: ${evalue}`.replace(/^[: ]+|[: ]+$/g, "") ||
          "the kernel reported an error";
        if (!(cell.outputs ?? []).some((o) => o.output_type === "error")) {
          // A syntax error or a failing import: the Deno kernel sends no error output.
          message += " (the kernel gave no traceback: a syntax error or a failing import?)";
        }
        throw new CellFailure(cellLabel(this.nb, index), message.replace(ANSI, ""));
      }
    }
    // One more round trip: what the last cell's sentinel left behind goes to its cell.
    await this.sentinelRound(null, this.lastOwner, { at: performance.now() + ms }).catch((e) =>
      fail(e, true)
    );
  }
}

/**
 * Executes the notebook's code cells on `session`, in place.
 *
 * @param nb the notebook (its outputs are replaced)
 * @param session a started kernel
 * @param options the cell timeout
 * @returns when every cell has run
 * @throws {CellFailure} a cell failed or timed out, or the kernel died (`died`); a `WaitError`
 * (`stopped`) when the run was stopped
 * @example
 * ```ts ignore
 * import { executeCells } from "./cells.ts";
 * await executeCells(nb, session, { cellTimeoutSeconds: 600 });
 * ```
 */
export async function executeCells(
  nb: Notebook,
  session: Session,
  options: CellOptions,
): Promise<void> {
  await new Execution(nb, session).run(options);
}
