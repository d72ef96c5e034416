/**
 * The signals that ask a command to stop, on each OS: Ctrl-C (`SIGINT`) everywhere, `SIGTERM`
 * (`kill`, a service manager) on Linux and macOS, Ctrl-Break (`SIGBREAK`) on Windows, where Deno
 * delivers only those two (adding a listener for `SIGTERM` throws there).
 *
 * @module
 */

/**
 * The signals a command listens to, to stop cleanly.
 *
 * @param os the OS (default: this one)
 * @returns the signals
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { stopSignals } from "./stop_signals.ts";
 * assert.deepEqual(stopSignals("windows"), ["SIGINT", "SIGBREAK"]);
 * assert.deepEqual(stopSignals("darwin"), ["SIGINT", "SIGTERM"]);
 * ```
 */
export function stopSignals(os: typeof Deno.build.os = Deno.build.os): Deno.Signal[] {
  return os === "windows" ? ["SIGINT", "SIGBREAK"] : ["SIGINT", "SIGTERM"];
}

/**
 * Calls `stop` when one of {@link stopSignals} arrives.
 *
 * @param stop what to do (abort the work, which then removes what it wrote)
 * @returns a function that removes the listeners
 * @example
 * ```ts
 * import { onStopSignal } from "./stop_signals.ts";
 * const remove = onStopSignal(() => {});
 * remove();
 * ```
 */
export function onStopSignal(stop: () => void): () => void {
  const signals = stopSignals();
  for (const s of signals) Deno.addSignalListener(s, stop);
  return () => {
    for (const s of signals) Deno.removeSignalListener(s, stop);
  };
}
