/**
 * The worker of `prefetch.ts`: parses each table it is sent (`parseTable`) and sends it back by
 * column, its row codes moved rather than copied. Loaded only as a worker: imported on the main
 * thread it does nothing.
 *
 * @module
 */
import type { TableName } from "../schema.ts";
import { buffersOf } from "./columnar.ts";
import { parseTable } from "./prefetch.ts";

/** The worker's scope: the messages it receives and sends. */
interface Scope {
  onmessage: ((e: MessageEvent<{ path: string; name: TableName; dataDir: string }>) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
}

if ("WorkerGlobalScope" in globalThis) {
  const scope = globalThis as unknown as Scope;
  scope.onmessage = ({ data: { path, name, dataDir } }) => {
    const table = parseTable(path, name, dataDir);
    const moved = table.ok ? [table.lines.buffer, ...table.columns.flatMap(buffersOf)] : [];
    scope.postMessage({ name, table }, moved);
  };
}
