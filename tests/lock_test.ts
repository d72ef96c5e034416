/**
 * One run at a time (`scripts/runner/lock.ts`): a held lock refuses, naming the process that holds
 * it, in this process or another; a released lock is free; a lock whose process was killed
 * (SIGKILL) is free at once.
 */
import assert from "node:assert/strict";
import { acquireLock, LockedError, lockFolders } from "../scripts/runner/lock.ts";

/** A lock path in a scratch folder, removed after `fn`. */
async function withLockPath(fn: (path: string) => Promise<void>) {
  const dir = await Deno.makeTempDir({ prefix: "lock-test-" });
  try {
    await fn(`${dir}/run.lock`);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** Asserts that taking the lock at `path` is refused, naming process `pid`. */
async function refused(path: string, pid: number) {
  await assert.rejects(
    () => acquireLock(path, "`deno task x`"),
    (e: unknown) => {
      assert.ok(e instanceof LockedError);
      assert.equal(
        e.message,
        `another \`deno task x\` is running (process ${pid}); wait for it to finish`,
      );
      return true;
    },
  );
}

Deno.test("a held lock refuses, naming its process; a released one is free", async () => {
  await withLockPath(async (path) => {
    const release = await acquireLock(path, "`deno task x`");
    await refused(path, Deno.pid);
    await release();
    assert.throws(() => Deno.statSync(path), Deno.errors.NotFound, "the file is removed");
    const again = await acquireLock(path, "`deno task x`");
    assert.equal(await Deno.readTextFile(path), `${Deno.pid}\n`);
    await again();
  });
});

Deno.test("a lock whose process was killed (SIGKILL) is free at once", async () => {
  await withLockPath(async (path) => {
    const module = new URL("../scripts/runner/lock.ts", import.meta.url).href;
    const holder = new Deno.Command("deno", {
      args: [
        "eval",
        `const { acquireLock } = await import(${JSON.stringify(module)});\n` +
        `await acquireLock(${JSON.stringify(path)}, "x");\nconsole.log("held");\n` +
        "await new Promise(() => setInterval(() => {}, 1000));",
      ],
      stdout: "piped",
    }).spawn();
    const reader = holder.stdout.getReader();
    assert.match(new TextDecoder().decode((await reader.read()).value), /held/);
    reader.releaseLock();
    await refused(path, holder.pid);
    holder.kill("SIGKILL");
    await holder.status;
    await holder.stdout.cancel();
    // The file it left is taken over.
    const release = await acquireLock(path, "`deno task x`");
    assert.equal(await Deno.readTextFile(path), `${Deno.pid}\n`);
    await release();
  });
});

Deno.test("folder locks: a run sharing one folder with a running one is refused, and holds none", async () => {
  const dir = await Deno.makeTempDir({ prefix: "lock-test-" });
  try {
    const release = await lockFolders(["/repo/notebooks", "/repo/results"], dir, "`deno task x`");
    await assert.rejects(
      () => lockFolders(["/repo/notebooks", "/repo/a-other"], dir, "`deno task x`"),
      LockedError,
    );
    // The refused run took none: its other folder (locked first, in order) is free again.
    const other = await lockFolders(["/repo/a-other"], dir, "`deno task x`");
    await other();
    await release();
    assert.deepEqual([...Deno.readDirSync(dir)], [], "every lock file removed");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
