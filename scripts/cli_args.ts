/**
 * The command-line convention of the project's commands (`validate`, `fill-days`, `synthetic`,
 * `datapackage`, `docs`, `fmt-notebooks`, `kernel`, `bench`; `reproduce` behaves the same with its
 * own options): `--help` or `-h` prints the
 * usage on standard output and exits 0; a wrong argument (an unknown option, one argument too
 * many, an empty folder name) prints the command's name with what is wrong, then the usage, on
 * standard error and exits 2. For the commands that take at most one folder (`validate`,
 * `fill-days`), the whole parsing.
 *
 * @module
 */

/** How a command names itself in its messages. */
export interface CommandUsage {
  /** The command's name, the first word of its messages (`validate`). */
  command: string;
  /** Its usage line (`usage: deno task validate [dataDir]`). */
  usage: string;
}

/** What a command line of at most one folder asks for. */
export type FolderArgs =
  | { kind: "folder"; folder: string | undefined }
  | { kind: "help" }
  | { kind: "wrong"; message: string };

/**
 * Whether a command line asks for help (`--help` or `-h`, anywhere in it).
 *
 * @param args The arguments typed after the command.
 * @returns `true` when it asks for help.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { helpAsked } from "./cli_args.ts";
 * assert.equal(helpAsked(["data", "-h"]), true);
 * assert.equal(helpAsked(["data"]), false);
 * ```
 */
export function helpAsked(args: readonly string[]): boolean {
  return args.includes("--help") || args.includes("-h");
}

/**
 * Reads a command line of at most one folder: help, the folder as typed (`undefined` when none is
 * given, for the command's default), or what is wrong with it.
 *
 * @param args The arguments typed after the command.
 * @returns What it asks for.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseFolderArgs } from "./cli_args.ts";
 * assert.deepEqual(parseFolderArgs([]), { kind: "folder", folder: undefined });
 * assert.deepEqual(parseFolderArgs(["mydata"]), { kind: "folder", folder: "mydata" });
 * assert.deepEqual(parseFolderArgs(["mydata", "--help"]), { kind: "help" });
 * assert.deepEqual(parseFolderArgs(["--check"]), {
 *   kind: "wrong",
 *   message: "unknown option '--check'",
 * });
 * assert.equal(parseFolderArgs(["a", "b"]).kind, "wrong");
 * assert.deepEqual(parseFolderArgs(["--data", "x"]), { kind: "wrong", message: "unknown option '--data'" });
 * assert.equal(parseFolderArgs([""]).kind, "wrong");
 * ```
 */
export function parseFolderArgs(args: readonly string[]): FolderArgs {
  if (helpAsked(args)) return { kind: "help" };
  // An option first: `--data X` is an option the command does not take, not two folders.
  const option = args.find((a) => a.startsWith("-"));
  if (option !== undefined) return { kind: "wrong", message: `unknown option '${option}'` };
  if (args.length > 1) {
    return {
      kind: "wrong",
      message: `expected at most one data folder, got ${args.length} arguments`,
    };
  }
  // An empty argument ("" or an unset shell variable) would be the folder the command was typed in.
  if (args[0] === "") return { kind: "wrong", message: "the folder is an empty name" };
  return { kind: "folder", folder: args[0] };
}

/**
 * Prints the usage on standard output and exits 0 when the command line asks for help.
 *
 * @param args The arguments typed after the command.
 * @param o The command's usage line.
 * @returns Nothing, when it does not ask for help (otherwise the process ends).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { exitOnHelp } from "./cli_args.ts";
 * let returned = false;
 * exitOnHelp(["data"], { usage: "usage: deno task x [dir]" });
 * returned = true;
 * assert.ok(returned, "no help asked: it returns");
 * ```
 */
export function exitOnHelp(args: readonly string[], o: Pick<CommandUsage, "usage">): void {
  if (!helpAsked(args)) return;
  console.log(o.usage);
  Deno.exit(0);
}

/**
 * Prints `<command>: <message>` then the usage on standard error, and exits 2.
 *
 * @param o The command's name and usage line.
 * @param message What is wrong with the command line.
 * @returns Never: the process ends.
 * @example
 * ```ts
 * import { usageError } from "./cli_args.ts";
 * const o = { command: "validate", usage: "usage: deno task validate [dataDir]" };
 * if (Deno.args.includes("--never-given")) usageError(o, "unknown option"); // exits 2
 * ```
 */
export function usageError(o: CommandUsage, message: string): never {
  console.error(`${o.command}: ${message}\n${o.usage}`);
  Deno.exit(2);
}

/**
 * The one folder a command of at most one folder was given, as typed (`undefined`: none, the
 * command's default). Help, or a wrong command line, ends the process ({@link exitOnHelp},
 * {@link usageError}).
 *
 * @param args The arguments typed after the command.
 * @param o The command's name and usage line.
 * @returns The folder as typed, or `undefined`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { folderArgument } from "./cli_args.ts";
 * const o = { command: "validate", usage: "usage: deno task validate [dataDir]" };
 * assert.equal(folderArgument(["mydata"], o), "mydata");
 * assert.equal(folderArgument([], o), undefined);
 * ```
 */
export function folderArgument(args: readonly string[], o: CommandUsage): string | undefined {
  exitOnHelp(args, o);
  const parsed = parseFolderArgs(args);
  if (parsed.kind === "wrong") usageError(o, parsed.message);
  return parsed.kind === "folder" ? parsed.folder : undefined;
}

/**
 * Checks the command line of a command that takes no folder, only the options it names: help
 * ends the process ({@link exitOnHelp}), and so does any other argument ({@link usageError}).
 *
 * @param args The arguments typed after the command.
 * @param o The command's name and usage line.
 * @param options The options it takes (`--check`), none by default.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { checkOptions } from "./cli_args.ts";
 * const o = { command: "fmt-notebooks", usage: "usage: deno task fmt-notebooks [--check]" };
 * checkOptions(["--check"], o, ["--check"]);
 * checkOptions([], o);
 * assert.ok(true, "an option it takes, or none: it returns");
 * ```
 */
export function checkOptions(
  args: readonly string[],
  o: CommandUsage,
  options: readonly string[] = [],
): void {
  exitOnHelp(args, o);
  const wrong = args.find((a) => !options.includes(a));
  if (wrong !== undefined) usageError(o, `unknown argument '${wrong}'`);
}

/**
 * Checks that a data folder given on the command line is a folder this process can read; if not,
 * a usage error naming it as typed (not found, a file, not readable), exit 2.
 *
 * @param dir The folder, resolved.
 * @param typed The folder as typed, for the message.
 * @param o The command's name and usage line.
 * @returns When it is a folder.
 * @example
 * ```ts
 * import { expectDataFolder } from "./cli_args.ts";
 * await expectDataFolder(".", ".", { command: "x", usage: "usage: x [dataDir]" }); // returns
 * ```
 */
export async function expectDataFolder(dir: string, typed: string, o: CommandUsage): Promise<void> {
  try {
    const stat = await Deno.stat(dir);
    if (!stat.isDirectory) {
      usageError(o, `'${typed}' is a file: expected the data folder that holds it`);
    }
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) {
      usageError(o, `'${typed}' not found: expected a data folder`);
    }
    if (e instanceof Deno.errors.NotCapable || e instanceof Deno.errors.PermissionDenied) {
      usageError(o, `cannot read '${typed}': ${(e as Error).message}`);
    }
    throw e;
  }
}
