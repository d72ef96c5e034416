/**
 * A kernel that shows whether it still runs: its cell writes the kernel's process id and its
 * parent's (the runner's), then a heartbeat file every 20 ms while it waits a minute. The kernel
 * is gone when the heartbeat, removed, does not come back.
 *
 * @module
 */
import assert from "node:assert/strict";

const exists = (path: string) => {
  try {
    return Deno.statSync(path).isFile;
  } catch {
    return false;
  }
};

/** The heartbeat of a kernel running {@link Heartbeat.cell}, kept in folder `dir`. */
export class Heartbeat {
  /** @param dir a scratch folder for its files */
  constructor(readonly dir: string) {}

  /** The cell to run. */
  get cell(): string {
    const file = (name: string) => JSON.stringify(`${this.dir}/${name}`);
    return `Deno.writeTextFileSync(${file("kernel")}, String(Deno.pid));\n` +
      `Deno.writeTextFileSync(${file("parent")}, String(Deno.ppid));\n` +
      `setInterval(() => Deno.writeTextFileSync(${file("beat")}, "alive"), 20);\n` +
      "await new Promise((r) => setTimeout(r, 60_000));";
  }

  /** Waits (at most 30 s) until the kernel beats. */
  async started(): Promise<void> {
    const t0 = performance.now();
    while (!exists(`${this.dir}/beat`)) {
      assert.ok(performance.now() - t0 < 30_000, "the kernel did not start");
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** The process id of the kernel's parent (the runner). */
  get parent(): number {
    return Number(Deno.readTextFileSync(`${this.dir}/parent`));
  }

  /**
   * Asserts that the kernel stops beating within 10 s: its heartbeat, removed, is not back half a
   * second later. (A runner that got the signal itself may still be stopping its kernel when
   * the process that waits for it has ended.)
   */
  async assertStopped(message: string): Promise<void> {
    const t0 = performance.now();
    while (true) {
      await Deno.remove(`${this.dir}/beat`).catch(() => {});
      await new Promise((r) => setTimeout(r, 500));
      if (!exists(`${this.dir}/beat`)) return;
      assert.ok(performance.now() - t0 < 10_000, `${message}: the kernel still runs`);
    }
  }

  /**
   * Kills the kernel if it still beats, so that a failing test leaves none behind (a kernel that
   * has stopped is left alone: its process id may belong to another process by now).
   */
  async kill(): Promise<void> {
    if (!exists(`${this.dir}/kernel`)) return;
    await Deno.remove(`${this.dir}/beat`).catch(() => {});
    await new Promise((r) => setTimeout(r, 200));
    if (!exists(`${this.dir}/beat`)) return;
    // `kill` (Windows: `taskkill`), not Deno.kill (which needs every run permission).
    const pid = Deno.readTextFileSync(`${this.dir}/kernel`).trim();
    const windows = Deno.build.os === "windows";
    await new Deno.Command(windows ? "taskkill" : "kill", {
      args: windows ? ["/F", "/PID", pid] : ["-KILL", pid],
      stderr: "null",
    }).output();
  }
}
