/**
 * Test helper: Deno's own module graph of an entry module, as `deno info --json` prints it
 * (static and dynamic imports, type imports, npm packages), for tests about imports.
 *
 * @module
 */
import assert from "node:assert/strict";
import { ROOT } from "../../scripts/runner/paths.ts";

/** One module of the graph. */
export interface InfoModule {
  /** Its URL. */
  specifier: string;
  /** What it imports (`code`: a value import; `type`: a type import). */
  dependencies?: {
    code?: { specifier: string };
    type?: { specifier: string };
    isDynamic?: boolean;
  }[];
}

/** What `deno info --json` prints. */
export interface ModuleInfo {
  /** The entry modules. */
  roots: string[];
  /** Every module reached. */
  modules: InfoModule[];
  /** Specifiers resolved to others (npm packages). */
  redirects: Record<string, string>;
}

/**
 * Runs `deno info --json entry` from the repository's root and parses what it prints.
 *
 * @param entry A module's path or URL.
 * @returns The graph.
 */
export async function moduleInfo(entry: string): Promise<ModuleInfo> {
  const out = await new Deno.Command("deno", {
    args: ["info", "--json", entry],
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
  return JSON.parse(new TextDecoder().decode(out.stdout));
}
