/**
 * The loader's memory guard: the case series is held in memory, so a data folder too large for
 * the heap is refused with a message before V8 would end the process with a fatal error.
 *
 * @module
 */
import v8 from "node:v8";

/**
 * The share of the old generation's limit beyond which the loader stops rather than crash: what
 * the next chunk of a file, and a map's growth, may still allocate must fit in the rest. At 0.8,
 * no fatal error in 60 loads of 100,000 observations in a 40 MiB heap, 30 of them with three CPU
 * burners.
 */
const HEAP_SHARE = 0.8;

/**
 * What V8's heap limit reserves for the young generation on top of the old generation's limit:
 * three semi-spaces of 32 MiB in the V8 of the pinned Deno (`lib/runtime.ts`).
 */
const YOUNG_RESERVE = 3 * 32 * 2 ** 20;

/**
 * Stops the load with a RangeError when the heap nearly fills the old generation's limit: the
 * case series is held in memory, and a data folder too large for it would otherwise end the
 * process with a fatal out-of-memory error and no message. Checked before each piece of a file is
 * read.
 *
 * The young generation counts too, garbage included: the rows it holds are promoted to the old
 * generation as they survive, and what is garbage cannot be told without a collection. Counting
 * only the old generation, 3 of 30 loads of 100,000 observations in a 40 MiB heap ended in V8's
 * fatal error. The check is cautious in small heaps: 5,000 synthetic cases that load in 45 MiB
 * are refused below 80 MiB. With Deno's default heap (4 GiB here) the young generation is at most
 * 96 MiB of it.
 *
 * @param dataDir The data folder (for the message).
 * @param file The file being read (for the message).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { checkMemory } from "#lib/data/memory.ts";
 * // A small heap passes; a data folder that fills the heap is refused with a RangeError.
 * assert.doesNotThrow(() => checkMemory("data", "cases.csv"));
 * ```
 */
export function checkMemory(dataDir: string, file: string): void {
  const { used_heap_size: used, heap_size_limit: limit } = v8.getHeapStatistics();
  const oldLimit = limit - YOUNG_RESERVE;
  if (used <= HEAP_SHARE * oldLimit) return;
  const mib = (n: number) => `${Math.round(n / 2 ** 20)} MiB`;
  throw new RangeError(
    `the data in '${dataDir}' is too large to load in this process: while reading ${file} the ` +
      `heap holds ${mib(used)}, and the loader stops at ${HEAP_SHARE * 100}% of the ` +
      `${mib(oldLimit)} its old generation may hold. Load a smaller data folder, or give Deno ` +
      `more memory (DENO_V8_FLAGS=--max-old-space-size=<MiB>).`,
  );
}
