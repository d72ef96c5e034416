/**
 * `deno task kernel`: registers the project's Deno kernel with Jupyter for interactive use (in the
 * user's Jupyter data folder: `$JUPYTER_DATA_DIR`, else Jupyter's default for the system), under
 * the name every notebook's metadata carries, with the environment `deno task reproduce` gives it
 * (colour off, UTC, C locale, fixed random seed). Opening a notebook in Jupyter and saving it then
 * changes nothing. Needs no Python: the kernelspec is a file Jupyter reads.
 *
 * @module
 */
import { installKernelSpec, KERNEL_NAME } from "./runner/kernelspec.ts";
import { checkOptions } from "./cli_args.ts";

/**
 * Jupyter's data folder, as jupyter_core finds it: `JUPYTER_DATA_DIR`, else
 * `%APPDATA%\jupyter` (Windows), `~/Library/Jupyter` (macOS), `$XDG_DATA_HOME/jupyter` or
 * `~/.local/share/jupyter` (others).
 *
 * @returns the folder
 * @example
 * ```ts ignore
 * import { jupyterDataDir } from "./kernel.ts";
 * jupyterDataDir(); // "/home/me/.local/share/jupyter" on Linux
 * ```
 */
export function jupyterDataDir(): string {
  const env = (k: string) => Deno.env.get(k);
  if (env("JUPYTER_DATA_DIR")) return env("JUPYTER_DATA_DIR")!;
  const home = env("HOME") ?? env("USERPROFILE") ?? ".";
  if (Deno.build.os === "windows") return `${env("APPDATA") ?? home}\\jupyter`;
  if (Deno.build.os === "darwin") return `${home}/Library/Jupyter`;
  return `${env("XDG_DATA_HOME") ?? `${home}/.local/share`}/jupyter`;
}

if (import.meta.main) {
  checkOptions(Deno.args, { command: "kernel", usage: "usage: deno task kernel" });
  const dir = jupyterDataDir();
  try {
    await installKernelSpec(dir, Deno.execPath(), undefined, "kernels");
  } catch (e) {
    console.error(
      `error: could not register the kernel with Jupyter in ${dir}: ${(e as Error).message}`,
    );
    Deno.exit(1);
  }
  console.log(
    `registered the Jupyter kernel "${KERNEL_NAME}" (${Deno.execPath()}) in ${dir}/kernels/${KERNEL_NAME}`,
  );
}
