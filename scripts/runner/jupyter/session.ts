/**
 * A kernel and its client together: started, waited for until it answers, read with deadlines,
 * and stopped. Every wait ends when the kernel dies, when its deadline passes or when the run is
 * stopped, whichever comes first.
 *
 * @module
 */
import { type Channel, KernelClient } from "./client.ts";
import { KernelProcess, type KernelSpec } from "./kernel.ts";
import type { Message } from "./wire.ts";

/** Milliseconds between two kernel_info requests to a kernel that is starting. */
const KERNEL_POLL_MS = 10;

/**
 * Milliseconds a request may wait to be sent to a kernel that has started: a kernel that lost the
 * race for its ports leaves the client connected to another process's port, whose socket drops
 * the connection; a send would then wait for ever.
 */
export const SEND_TIMEOUT_MS = 1000;

/** Why a wait ended without a message. */
export type WaitEnd = "timeout" | "dead" | "stopped";

/** A wait ended without the message: the kernel died, time ran out, or the run was stopped. */
export class WaitError extends Error {
  /** Builds the error. */
  constructor(readonly reason: WaitEnd) {
    super(`wait ended: ${reason}`);
    this.name = "WaitError";
  }
}

/** A started kernel with its client. */
export class Session {
  #pending: Partial<Record<Channel, Promise<Message | null>>> = {};

  /** @param kernel the process @param client its client @param signal stops every wait */
  constructor(
    readonly kernel: KernelProcess,
    readonly client: KernelClient,
    readonly signal?: AbortSignal,
  ) {}

  /**
   * The next message of `channel`, or a {@link WaitError} when the kernel dies, `deadline`
   * (a `performance.now()` time) passes or the run is stopped. A message that comes after the
   * wait ended is kept for the next call.
   */
  async next(channel: Channel, deadline = Infinity): Promise<Message> {
    const pending = this.#pending[channel] ??= this.client.next(channel);
    const timers: ReturnType<typeof setTimeout>[] = [];
    const ends: Promise<WaitEnd>[] = [this.kernel.ended.then(() => "dead" as const)];
    if (deadline !== Infinity) {
      ends.push(
        new Promise((r) => {
          timers.push(setTimeout(() => r("timeout"), Math.max(0, deadline - performance.now())));
        }),
      );
    }
    let onAbort = () => {};
    if (this.signal) {
      ends.push(
        new Promise((r) => {
          onAbort = () => r("stopped");
          if (this.signal!.aborted) onAbort();
          else this.signal!.addEventListener("abort", onAbort);
        }),
      );
    }
    try {
      const got = await Promise.race([pending, ...ends]);
      if (typeof got === "string") {
        // Messages already received come first, even from a kernel that has died since.
        if (got !== "stopped" && this.client.pending(channel)) return this.next(channel, deadline);
        throw new WaitError(got);
      }
      delete this.#pending[channel];
      if (got === null) throw new WaitError("stopped");
      return got;
    } finally {
      for (const t of timers) clearTimeout(t);
      this.signal?.removeEventListener("abort", onAbort);
    }
  }

  /** Sends an execute request on the shell channel (a failing request stops the ones queued
   * behind it unless `stopOnError` is false); returns its id. */
  execute(code: string, storeHistory = true, stopOnError = true): Promise<string> {
    return this.client.send("shell", "execute_request", {
      code,
      silent: false,
      store_history: storeHistory,
      user_expressions: {},
      allow_stdin: false,
      stop_on_error: stopOnError,
    }, SEND_TIMEOUT_MS);
  }

  /** Closes the client and kills the kernel. */
  async stop(): Promise<void> {
    await this.client.close();
    await this.kernel.kill();
  }
}

/** Options of {@link startSession}. */
export interface SessionOptions {
  /** The kernelspec. */
  spec: KernelSpec;
  /** The kernel's folder. */
  cwd: string;
  /** Variables added to the kernel's environment. */
  env: Record<string, string>;
  /** Where connection files go. */
  runtimeDir: string;
  /** The kernel's log. */
  log: Deno.FsFile;
  /** Seconds it may take to answer. */
  timeoutSeconds: number;
  /** Parses incoming JSON. */
  parse?: (text: string) => unknown;
  /** Stops the wait. */
  signal?: AbortSignal;
}

/**
 * Starts a kernel and waits until it has answered a kernel_info request and its IOPub messages
 * reach the client (the subscription is live: no output of the first cell can be missed), asking
 * again every 10 ms until both have been seen.
 *
 * @returns the session and the kernel_info reply
 * @throws {WaitError} `dead` when the kernel exits first (the session is stopped), `timeout`
 * after `timeoutSeconds`, `stopped` when `signal` aborts; a `Deno.errors.NotFound` when the
 * kernel's program is not there (without setpriv)
 */
export async function startSession(
  options: SessionOptions,
): Promise<{ session: Session; info: Message }> {
  const kernel = await KernelProcess.start(options);
  const client = new KernelClient(kernel.connection);
  if (options.parse) client.parse = options.parse;
  const session = new Session(kernel, client, options.signal);
  const end = performance.now() + options.timeoutSeconds * 1000;
  const asked = new Set<string>();
  let reply: Message | null = null;
  let heard = false;
  let asking: ReturnType<typeof setInterval> | undefined;
  const ask = async () => {
    try {
      asked.add(await client.send("shell", "kernel_info_request", {}, 0));
    } catch { /* nothing takes it now (a port that is not a kernel's): ask again later */ }
  };
  try {
    await ask();
    asking = setInterval(ask, KERNEL_POLL_MS);
    const iopub = (async () => {
      while (!heard) {
        const m = await session.next("iopub", end);
        if (asked.has(m.parent_header.msg_id ?? "")) heard = true;
      }
    })();
    iopub.catch(() => {}); // awaited below; a failure meanwhile is not left unhandled
    while (reply === null) {
      const m = await session.next("shell", end);
      if (m.header.msg_type === "kernel_info_reply" && asked.has(m.parent_header.msg_id ?? "")) {
        reply = m;
      }
    }
    await iopub;
    return { session, info: reply };
  } catch (e) {
    clearInterval(asking);
    await session.stop();
    throw e;
  } finally {
    clearInterval(asking);
  }
}
