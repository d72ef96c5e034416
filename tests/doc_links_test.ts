/**
 * Every relative link of the README and the docs (`[text](path)`, `[text](path#heading)`,
 * `[text](#heading)`) names a file of the repository, and a heading of it where it names one, as
 * GitHub makes a heading's anchor.
 */
import assert from "node:assert/strict";
import { dirname, join, relative } from "node:path";
import { ROOT } from "../scripts/runner/paths.ts";

/** The Markdown files whose links are checked: the README, `data/README.md` and `docs/*.md`. */
async function docFiles(): Promise<string[]> {
  const files = ["README.md", "data/README.md"];
  for await (const e of Deno.readDir(`${ROOT}/docs`)) {
    if (e.isFile && e.name.endsWith(".md")) files.push(`docs/${e.name}`);
  }
  return files.sort();
}

/** The text outside fenced code blocks (a link in a code block is code, not a link). */
function outsideCode(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "");
}

/** The target of every inline link `[text](target)` outside code blocks. */
export function linkTargets(markdown: string): string[] {
  return [...outsideCode(markdown).matchAll(/\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)]
    .map((m) => m[1]);
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, each space a hyphen. */
export function anchorOf(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "").replace(
    / /g,
    "-",
  );
}

/** The anchors of a Markdown file's headings (a repeated one numbered `-1`, `-2`, as GitHub does). */
export function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const m of outsideCode(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)) {
    const base = anchorOf(m[1]);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

/** `file: target: why` for each relative link of `file` (a path from ROOT) that does not resolve. */
async function brokenLinks(file: string, root: string): Promise<string[]> {
  const text = await Deno.readTextFile(join(root, file));
  const broken: string[] = [];
  for (const target of linkTargets(text)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:: not a repository file
    const [path, anchor] = target.split("#", 2);
    const to = path === "" ? join(root, file) : join(root, dirname(file), decodeURI(path));
    if (relative(root, to).startsWith("..")) {
      broken.push(`${file}: ${target}: outside the repository`);
      continue;
    }
    let info: Deno.FileInfo;
    try {
      info = await Deno.stat(to);
    } catch {
      broken.push(`${file}: ${target}: no such file`);
      continue;
    }
    if (anchor === undefined) continue;
    if (!info.isFile || !to.endsWith(".md")) {
      broken.push(`${file}: ${target}: an anchor in a file that is not Markdown`);
    } else if (!anchors(await Deno.readTextFile(to)).has(anchor)) {
      broken.push(`${file}: ${target}: no heading #${anchor} in ${relative(root, to)}`);
    }
  }
  return broken;
}

Deno.test("a link's target is found in text, not in a code block", () => {
  const md = "See [the runner](docs/runner.md#x) and [`a`](a.md).\n```sh\n[no](b.md)\n```\n" +
    '[two\nlines](c.md) [web](https://example.org) [t](d.md "title")\n';
  assert.deepEqual(linkTargets(md), [
    "docs/runner.md#x",
    "a.md",
    "c.md",
    "https://example.org",
    "d.md",
  ]);
});

Deno.test("a heading's anchor is GitHub's", () => {
  assert.equal(anchorOf("Comparing: `--check` and `--keep`"), "comparing---check-and---keep");
  assert.equal(anchorOf("What `results/` holds, in detail"), "what-results-holds-in-detail");
  assert.equal(anchorOf("A new article"), "a-new-article");
  assert.deepEqual([...anchors("# A\n## B c\n## B c\n```\n# not\n```\n")], ["a", "b-c", "b-c-1"]);
});

Deno.test("a link to a missing file or heading is reported", async () => {
  const dir = await Deno.makeTempDir({ prefix: "doc-links-" });
  try {
    await Deno.mkdir(`${dir}/docs`);
    await Deno.writeTextFile(`${dir}/docs/a.md`, "# A\n\n## Here\n");
    await Deno.writeTextFile(
      `${dir}/README.md`,
      "[ok](docs/a.md#here) [self](#top) [gone](docs/b.md) [no](docs/a.md#there) [up](../x.md)\n# Top\n",
    );
    assert.deepEqual(await brokenLinks("README.md", dir), [
      "README.md: docs/b.md: no such file",
      "README.md: docs/a.md#there: no heading #there in docs/a.md",
      "README.md: ../x.md: outside the repository",
    ]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("every relative link of the README and docs/*.md names a file, and a heading, that exist", async () => {
  const files = await docFiles();
  assert.ok(files.includes("docs/runner.md") && files.includes("docs/extending.md"), `${files}`);
  const broken = (await Promise.all(files.map((f) => brokenLinks(f, ROOT)))).flat();
  assert.deepEqual(broken, []);
  // The README links to the reference it moved out of it.
  const readme = linkTargets(await Deno.readTextFile(`${ROOT}/README.md`));
  for (const doc of ["docs/runner.md", "docs/notebooks.md", "docs/extending.md"]) {
    assert.ok(readme.some((t) => t.split("#")[0] === doc), `the README links to ${doc}`);
  }
});
