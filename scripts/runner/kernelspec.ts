/**
 * A project-local Jupyter environment: a Deno kernelspec for the Deno that runs the task, and
 * Jupyter's folders pointed into a scratch folder so nothing is written to the home folder.
 *
 * @module
 */

/** Environment variables that make Jupyter use `dir` and find the project's kernel. */
export function jupyterEnv(dir: string): Record<string, string> {
  return {
    JUPYTER_PATH: `${dir}/share`,
    JUPYTER_CONFIG_DIR: `${dir}/config`,
    JUPYTER_DATA_DIR: `${dir}/data`,
    JUPYTER_RUNTIME_DIR: `${dir}/runtime`,
    IPYTHONDIR: `${dir}/ipython`,
    JUPYTER_PLATFORM_DIRS: "1",
  };
}

/**
 * The kernelspec: argv runs `deno jupyter --kernel` with `deno` = the running executable, and an
 * environment that pins colour, time zone, locale and the random seed.
 *
 * @example
 * ```ts
 * import { kernelSpec } from "./kernelspec.ts";
 * kernelSpec("/usr/bin/deno").argv[0]; // "/usr/bin/deno"
 * ```
 */
export function kernelSpec(deno: string, extraEnv: Record<string, string> = {}) {
  return {
    argv: [deno, "jupyter", "--kernel", "--conn", "{connection_file}"],
    display_name: "Deno (nagoshi-2012)",
    language: "typescript",
    env: {
      NO_COLOR: "1",
      TZ: "UTC",
      LC_ALL: "C.UTF-8",
      DENO_V8_FLAGS: "--random-seed=1",
      DENO_NO_UPDATE_CHECK: "1",
      ...extraEnv,
    },
  };
}

/** Writes the kernelspec as `<dir>/share/kernels/deno/kernel.json`. */
export async function installKernelSpec(
  dir: string,
  deno: string,
  extraEnv: Record<string, string> = {},
): Promise<void> {
  const kdir = `${dir}/share/kernels/deno`;
  await Deno.mkdir(kdir, { recursive: true });
  await Deno.writeTextFile(
    `${kdir}/kernel.json`,
    JSON.stringify(kernelSpec(deno, extraEnv), null, 2) + "\n",
  );
}
