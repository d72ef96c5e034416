/**
 * A kernel process: its connection file (free ports, a fresh signing key) in a runtime folder,
 * its command from a kernelspec, its stdout and stderr in a log file, and its end.
 *
 * Where util-linux's setpriv is there (Linux), the kernel is started through it with a
 * parent-death signal, so that it dies with the runner even when the runner is killed (SIGKILL)
 * and cannot stop it.
 *
 * @module
 */
import type { ConnectionInfo } from "./client.ts";

/** A kernelspec (`kernel.json`): the command and its environment. */
export interface KernelSpec {
  /** The command; `{connection_file}` is replaced by the connection file's path. */
  argv: string[];
  /** Shown by Jupyter. */
  display_name: string;
  /** The kernel's language. */
  language: string;
  /** Variables added to the kernel's environment. */
  env?: Record<string, string>;
}

/** util-linux's setpriv: where the runner looks for it. */
export const SETPRIV = "/usr/bin/setpriv";

let launcher: Promise<string | null> | undefined;

/**
 * setpriv, when it is there and knows `--pdeathsig` (BusyBox's does not), else `null`.
 *
 * @returns its path or `null`
 * @example
 * ```ts ignore
 * import { pdeathsigLauncher } from "./kernel.ts";
 * await pdeathsigLauncher(); // "/usr/bin/setpriv" on Debian
 * ```
 */
export function pdeathsigLauncher(): Promise<string | null> {
  launcher ??= (async () => {
    try {
      const out = await new Deno.Command(SETPRIV, {
        args: ["--pdeathsig", "KILL", "--", "true"],
        stdout: "null",
        stderr: "null",
      }).output();
      return out.code === 0 ? SETPRIV : null;
    } catch {
      return null;
    }
  })();
  return launcher;
}

/** Whether this process may run `command`. */
const mayRun = (command: string) =>
  Deno.permissions.querySync({ name: "run", command }).state === "granted";

/** Ports free now (bound at once, then released; another process may still take one). */
function freePorts(n: number, hostname: string): number[] {
  const listeners = Array.from({ length: n }, () => Deno.listen({ hostname, port: 0 }));
  const ports = listeners.map((l) => (l.addr as Deno.NetAddr).port);
  for (const l of listeners) l.close();
  return ports;
}

/** Options of {@link KernelProcess.start}. */
export interface StartOptions {
  /** The kernelspec. */
  spec: KernelSpec;
  /** The kernel's working folder. */
  cwd: string;
  /** Variables added to its environment (after the kernelspec's). */
  env: Record<string, string>;
  /** Where its connection file goes. */
  runtimeDir: string;
  /** The log file its stdout and stderr go to (appended). */
  log: Deno.FsFile;
}

/** A running kernel. */
export class KernelProcess {
  /** Its status once it has ended. */
  status: Deno.CommandStatus | null = null;
  /** Resolves when it has ended. */
  readonly ended: Promise<Deno.CommandStatus>;
  #copied: Promise<unknown>;

  private constructor(
    readonly connection: ConnectionInfo,
    readonly connectionFile: string,
    readonly child: Deno.ChildProcess,
    log: Deno.FsFile,
  ) {
    const copy = async (stream: ReadableStream<Uint8Array>) => {
      for await (const chunk of stream) await log.write(chunk).catch(() => {});
    };
    this.#copied = Promise.all([copy(child.stdout), copy(child.stderr)]);
    this.ended = child.status.then((s) => (this.status = s));
  }

  /**
   * Writes a connection file and starts the kernel.
   *
   * @param options the kernelspec, folder, environment, runtime folder and log
   * @returns the kernel (it may still be starting, or already have failed: see `ended`)
   * @throws {Deno.errors.NotFound} when the kernel's program is not there (without setpriv)
   */
  static async start(options: StartOptions): Promise<KernelProcess> {
    const [shell_port, iopub_port, stdin_port, control_port, hb_port] = freePorts(5, "127.0.0.1");
    const connection: ConnectionInfo = {
      shell_port,
      iopub_port,
      stdin_port,
      control_port,
      hb_port,
      ip: "127.0.0.1",
      key: crypto.randomUUID(),
      transport: "tcp",
      signature_scheme: "hmac-sha256",
      kernel_name: "",
    };
    await Deno.mkdir(options.runtimeDir, { recursive: true });
    const file = `${options.runtimeDir}/kernel-${crypto.randomUUID()}.json`;
    await Deno.writeTextFile(file, JSON.stringify(connection, null, 1), { mode: 0o600 });
    const argv = options.spec.argv.map((a) => a.replaceAll("{connection_file}", file));
    const setpriv = await pdeathsigLauncher();
    // The running Deno may be allowed to run only under the name `deno` (`--allow-run=deno`
    // grants the file PATH finds, and an npm install puts a link there): then that name.
    if (!setpriv && argv[0] === Deno.execPath() && !mayRun(argv[0]) && mayRun("deno")) {
      argv[0] = "deno";
    }
    const command = setpriv ? [setpriv, "--pdeathsig", "KILL", "--", ...argv] : argv;
    const child = new Deno.Command(command[0], {
      args: command.slice(1),
      cwd: options.cwd,
      env: { ...options.spec.env, ...options.env },
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    return new KernelProcess(connection, file, child, options.log);
  }

  /** Whether it still runs. */
  get alive(): boolean {
    return this.status === null;
  }

  /** Sends it SIGINT (a running cell is interrupted). */
  interrupt(): void {
    try {
      this.child.kill("SIGINT");
    } catch { /* already gone */ }
  }

  /** Kills it (SIGKILL), waits for its end and its logs, removes its connection file. */
  async kill(): Promise<void> {
    try {
      this.child.kill("SIGKILL");
    } catch { /* already gone */ }
    await this.ended;
    await this.#copied;
    await Deno.remove(this.connectionFile).catch(() => {});
  }
}
