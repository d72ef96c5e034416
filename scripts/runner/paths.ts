/**
 * Where the runner reads and writes.
 *
 * @module
 */
import { fileURLToPath } from "node:url";

/** The repository root. */
export const ROOT: string = fileURLToPath(new URL("../../", import.meta.url)).replace(/\/$/, "");
/** Committed notebooks. */
export const NOTEBOOKS = `${ROOT}/notebooks`;
/** Committed results. */
export const RESULTS = `${ROOT}/results`;
/** Scratch space inside the repository (same file system, so renames are atomic). */
export const SCRATCH = `${ROOT}/.tmp`;
/** The lock held by a running `reproduce`. */
export const LOCK = `${SCRATCH}/reproduce.lock`;
/** Debian's Python, which has nbclient and nbconvert. */
export const PYTHON = "/usr/bin/python3";
/** The notebook executor (Python, nbclient). */
export const EXECUTOR = `${ROOT}/scripts/runner/executor.py`;
