/**
 * The project's Deno kernelspec: one name, used by the runner and by `deno task kernel`
 * (registered for interactive use), and written into every notebook's
 * metadata, so opening and saving a notebook in Jupyter changes nothing.
 *
 * @module
 */

/** The kernelspec's name (its folder under `kernels/`). */
export const KERNEL_NAME = "deno-nagoshi-2012";
/** The name Jupyter shows for the kernel. */
export const KERNEL_DISPLAY_NAME = "Deno (nagoshi-2012)";

/**
 * The `kernelspec` metadata of every notebook.
 *
 * @example
 * ```ts
 * import { notebookKernelspec } from "./kernelspec.ts";
 * notebookKernelspec().name; // "deno-nagoshi-2012"
 * ```
 */
export function notebookKernelspec(): { display_name: string; language: string; name: string } {
  return { display_name: KERNEL_DISPLAY_NAME, language: "typescript", name: KERNEL_NAME };
}

/** V8's WebAssembly tier-up budget in the kernel (see {@link kernelSpec}). */
const WASM_TIERING_BUDGET = 180_000_000;

/**
 * The kernelspec: argv runs `deno jupyter --kernel` with `deno` = the running executable, and an
 * environment that pins colour, time zone, locale and the random seed.
 *
 * It also raises V8's WebAssembly tier-up budget (`--wasm-tiering-budget`, default 13 million):
 * a notebook rasterises a few figures, and by default V8 optimises much of resvg's code on other
 * threads during the first one. With a budget 14 times larger, only the hottest functions are
 * optimised. (V8 refuses a flag it does not know, and the kernel then does not start: the flag
 * belongs to the pinned Deno, `lib/runtime.ts`.) Measured with one `deno run` rendering n case
 * timelines: the first figure took 0.9 s of CPU instead of 1.5 s (0.41 s instead of 0.65 s of wall
 * time), twelve took 2.5 s instead of 2.6 s; `deno task reproduce --check` went from 13.3 s to
 * 11.3 s of CPU.
 * The bytes are the same (WebAssembly computes the same results at every tier, and the check
 * compares them).
 *
 * @example
 * ```ts
 * import { kernelSpec } from "./kernelspec.ts";
 * kernelSpec("/usr/bin/deno").argv[0]; // "/usr/bin/deno"
 * ```
 */
export function kernelSpec(deno: string) {
  return {
    argv: [deno, "jupyter", "--kernel", "--conn", "{connection_file}"],
    display_name: KERNEL_DISPLAY_NAME,
    language: "typescript",
    env: {
      NO_COLOR: "1",
      TZ: "UTC",
      LC_ALL: "C.UTF-8",
      DENO_V8_FLAGS: `--random-seed=1,--wasm-tiering-budget=${WASM_TIERING_BUDGET}`,
      DENO_NO_UPDATE_CHECK: "1",
    },
  };
}

/**
 * Writes a kernelspec as `<dir>/<sub>/<KERNEL_NAME>/kernel.json`.
 *
 * @param dir a Jupyter folder
 * @param deno the Deno executable
 * @param spec the kernelspec (default: {@link kernelSpec} of `deno`)
 * @param sub the subfolder (`kernels` in a Jupyter data folder)
 * @returns when written
 * @example
 * ```ts ignore
 * import { installKernelSpec } from "./kernelspec.ts";
 * await installKernelSpec("/tmp/jupyter", Deno.execPath());
 * ```
 */
export async function installKernelSpec(
  dir: string,
  deno: string,
  spec: object = kernelSpec(deno),
  sub = "share/kernels",
): Promise<void> {
  const kdir = `${dir}/${sub}/${KERNEL_NAME}`;
  await Deno.mkdir(kdir, { recursive: true });
  await Deno.writeTextFile(`${kdir}/kernel.json`, JSON.stringify(spec, null, 2) + "\n");
}
