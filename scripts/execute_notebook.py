"""Execute one notebook with nbclient, keeping outputs the Deno kernel publishes after idle.

Usage: execute_notebook.py KERNEL CWD TIMEOUT INPUT OUTPUT

Writes OUTPUT (normalised: no timings, merged stream outputs, no ANSI codes) and exits 0; on a
failing cell prints one JSON line {"cell": N, "error": "..."} to stderr and exits 3 (4 if the
kernel died). Run by `deno task reproduce`; not meant to be called by hand.
"""
import asyncio
import json
import re
import sys
from queue import Empty
from time import monotonic

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionComplete, CellExecutionError, DeadKernelError
from nbclient.util import ensure_async

LATE_OUTPUT_GRACE = 0.25  # seconds to keep reading after the kernel reports idle
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


class LateOutputClient(NotebookClient):
    """A NotebookClient that keeps reading a cell's iopub messages briefly after idle."""

    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
        while True:
            msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=None))
            if msg["parent_header"].get("msg_id") == parent_msg_id:
                try:
                    self.process_message(msg, cell, cell_index)
                except CellExecutionComplete:
                    break
        deadline = monotonic() + LATE_OUTPUT_GRACE
        while (remaining := deadline - monotonic()) > 0:
            try:
                msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=remaining))
            except Empty:
                return
            if msg["parent_header"].get("msg_id") == parent_msg_id:
                try:
                    self.process_message(msg, cell, cell_index)
                except CellExecutionComplete:
                    pass


def normalise(nb):
    """Outputs as they are committed: merged streams, no ANSI codes, no execution metadata."""
    for index, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{index}"
        cell.metadata.pop("execution", None)
        if cell.cell_type != "code":
            continue
        merged = []
        for out in cell.outputs:
            if out.output_type == "stream":
                out.text = ANSI.sub("", out.text)
                if merged and merged[-1].output_type == "stream" and merged[-1].name == out.name:
                    merged[-1].text += out.text
                    continue
            elif "data" in out and "text/plain" in out.data:
                out.data["text/plain"] = ANSI.sub("", out.data["text/plain"])
            merged.append(out)
        cell.outputs = merged
    nb.metadata.pop("papermill", None)
    return nb


def main():
    kernel, cwd, timeout, src, dst = sys.argv[1:6]
    nb = nbformat.read(src, as_version=4)
    client = LateOutputClient(
        nb,
        kernel_name=kernel,
        timeout=int(timeout),
        record_timing=False,
        resources={"metadata": {"path": cwd}},
    )
    current = {"cell": None}

    def remember(cell, cell_index, **_):
        current["cell"] = cell_index

    client.on_cell_execute = remember
    try:
        client.execute()
    except CellExecutionError as e:
        failing = current["cell"]
        cell = nb.cells[failing] if failing is not None else None
        has_error_output = cell is not None and any(
            o.output_type == "error" for o in cell.get("outputs", [])
        )
        message = f"{e.ename}: {e.evalue}".strip(": ") or "the kernel reported an error"
        if not has_error_output:
            # A syntax error or a failing import: the Deno kernel sends no error output.
            message += " (the kernel gave no traceback: a syntax error or a failing import?)"
        print(json.dumps({"cell": failing, "error": ANSI.sub("", message)}), file=sys.stderr)
        sys.exit(3)
    except DeadKernelError as e:
        print(json.dumps({"cell": None, "error": f"the kernel died: {e}"}), file=sys.stderr)
        sys.exit(4)
    nbformat.write(normalise(nb), dst)


if __name__ == "__main__":
    asyncio.set_event_loop_policy(asyncio.DefaultEventLoopPolicy())
    main()
