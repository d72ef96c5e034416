/**
 * `reproduce` and symbolic links: a folder inside the repository named through a link to it is
 * accepted (it was refused: "cannot write"), and the project's own results folder, when it is a
 * link, is kept and written where it points (it was replaced by a new folder, the link and where
 * it pointed dropped).
 */
import assert from "node:assert/strict";
import { REPRODUCE_ARGS, resolveFolder, ROOT } from "../scripts/runner/paths.ts";
import { copyTree } from "./helpers/data_dir.ts";
import {
  fixture,
  removeScratch,
  reproduce,
  scratch,
  symlink,
} from "./helpers/reproduce_scratch.ts";

Deno.test("reproduce accepts a new folder inside the repository named through a symbolic link to it", async () => {
  const dir = await scratch();
  const link = await Deno.makeTempDir({ prefix: "checkout-link-" });
  try {
    await fixture(dir);
    await Deno.remove(link);
    await symlink(ROOT, link);
    await Deno.mkdir(`${dir}/new`);
    const rel = dir.slice(ROOT.length);
    const r = await reproduce(`${link}${rel}/notebooks`, `${link}${rel}/new/./results/`);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.ok((await Deno.stat(`${dir}/new/results/manifest.json`)).isFile);
    assert.equal(resolveFolder(`${link}${rel}/new/../x/`, "/"), `${dir}/x`);
  } finally {
    await Deno.remove(link).catch(() => {});
    await removeScratch(dir);
  }
});

Deno.test("reproduce keeps the project's own results folder when it is a symbolic link, writing where it points", async () => {
  // A copy of the project's code (no data: the fixture has no case template), whose results/ is
  // a link to another folder of it, as one keeps results elsewhere.
  const copy = await Deno.makeTempDir({ prefix: "project-copy-" });
  try {
    await copyTree(`${ROOT}/scripts`, `${copy}/scripts`);
    await copyTree(`${ROOT}/lib`, `${copy}/lib`);
    for (const f of ["deno.json", "deno.lock"]) await Deno.copyFile(`${ROOT}/${f}`, `${copy}/${f}`);
    const install = await new Deno.Command("deno", { args: ["install", "--frozen"], cwd: copy })
      .output();
    assert.equal(install.code, 0, new TextDecoder().decode(install.stderr));
    await fixture(copy);
    await Deno.mkdir(`${copy}/kept-results`);
    await symlink("kept-results", `${copy}/results`);
    const out = await new Deno.Command("deno", { args: [...REPRODUCE_ARGS], cwd: copy }).output();
    const dec = new TextDecoder();
    assert.equal(out.code, 0, dec.decode(out.stdout) + dec.decode(out.stderr));
    assert.ok((await Deno.lstat(`${copy}/results`)).isSymlink, "the link is kept");
    assert.equal(await Deno.readTextFile(`${copy}/kept-results/tables/a.csv`), "x\n1\n");
  } finally {
    await Deno.remove(copy, { recursive: true });
  }
});
