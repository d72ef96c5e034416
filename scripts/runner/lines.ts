/**
 * A stream of text split into lines (without their line ends).
 *
 * @module
 */

/**
 * Splits a text stream into lines; a last line without a line end is kept.
 *
 * @example
 * ```ts
 * import { TextLineStream } from "./lines.ts";
 * const lines = ReadableStream.from(["a\nb", "c\n"]).pipeThrough(new TextLineStream());
 * await Array.fromAsync(lines); // ["a", "bc"]
 * ```
 */
export class TextLineStream extends TransformStream<string, string> {
  /** Builds the stream. */
  constructor() {
    let rest = "";
    super({
      transform(chunk, controller) {
        const parts = (rest + chunk).split("\n");
        rest = parts.pop()!;
        for (const p of parts) controller.enqueue(p.replace(/\r$/, ""));
      },
      flush(controller) {
        if (rest) controller.enqueue(rest);
      },
    });
  }
}
