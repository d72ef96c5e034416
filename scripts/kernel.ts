/**
 * `deno task kernel`: registers the project's Deno kernel with Jupyter for interactive use (the
 * user's Jupyter data folder, through jupyter_client), under the name every notebook's metadata
 * carries, with the environment `deno task reproduce` gives it (colour off, UTC, C locale, fixed
 * random seed). Opening a notebook in Jupyter and saving it then changes nothing.
 *
 * @module
 */
import { KERNEL_NAME, kernelSpec } from "./runner/kernelspec.ts";
import { PYTHON } from "./runner/paths.ts";

const INSTALL = `
import sys
from jupyter_client.kernelspec import KernelSpecManager
print(KernelSpecManager().install_kernel_spec(sys.argv[1], sys.argv[2], user=True))
`;

if (import.meta.main) {
  const dir = await Deno.makeTempDir({ prefix: "kernelspec-" });
  try {
    await Deno.writeTextFile(
      `${dir}/kernel.json`,
      JSON.stringify(kernelSpec(Deno.execPath()), null, 2) + "\n",
    );
    const out = await new Deno.Command(PYTHON, {
      args: ["-c", INSTALL, dir, KERNEL_NAME],
      stdout: "piped",
      stderr: "piped",
    }).output();
    if (out.code !== 0) {
      const err = new TextDecoder().decode(out.stderr).trim().split("\n").at(-1);
      console.error(`error: could not register the kernel with Jupyter: ${err}`);
      Deno.exit(1);
    }
    const where = new TextDecoder().decode(out.stdout).trim();
    console.log(`registered the Jupyter kernel "${KERNEL_NAME}" (${Deno.execPath()}) in ${where}`);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}
