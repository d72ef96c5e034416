"""Execute notebooks on the Deno kernel with nbclient, several at a time, and render them to HTML.

Usage: executor.py SPEC.json   (run by `deno task reproduce`; not meant to be called by hand)

SPEC is {"kernel", "workers", "startup_timeout", "cell_timeout", "html_dir" (or null),
"jobs": [{"name", "input", "output", "cwd", "results", "log"}]}. Each job's kernel runs in `cwd`
with RESULTS_DIR=`results` and its stderr in `log`. Progress goes to stdout as one JSON object a
line: {"event": "done", "name", "seconds"}, {"event": "failed", "name", "cell", "error"},
{"event": "missing", "modules"} (Jupyter's packages are not installed for this Python; nothing is
run). Exit 0 when every job succeeded, 3 when one failed (the others are then stopped), 4 when
packages are missing, 130 on SIGINT, SIGTERM or SIGHUP (its kernels are stopped first).

A cell is complete when a sentinel request sent right behind it has printed its marker on stdout,
broadcast its marker display and returned its marker as its result: the Deno kernel may publish a
cell's outputs after reporting it idle, but its stdout, its displays and its results each go out
in order, so once the three markers are in, every output of the cell is too. The kernel parents
a broadcast with the request current when it sends it, so a cell's late outputs (its result
among them) can come parented by its sentinel: those belong to the cell. Under load a result was
seen to come even after the sentinel's own: an output of an earlier cell or sentinel that comes
later is added to that cell, and one more sentinel follows the last cell.
"""
import asyncio
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import traceback
import uuid
from concurrent.futures import ThreadPoolExecutor
from importlib.util import find_spec
from time import monotonic

# Checked before anything runs: the packages and what they import (nbconvert only by its
# presence: it is imported while the kernels start).
def missing(name):
    print(json.dumps({"event": "missing", "modules": [name]}), flush=True)
    sys.exit(4)


if not find_spec("nbconvert"):
    missing("nbconvert")
try:
    import nbformat
    import zmq
    import zmq.asyncio
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import AsyncKernelManager
    from jupyter_core.paths import jupyter_path, jupyter_runtime_dir
    from nbclient import NotebookClient
    from nbclient.exceptions import (
        CellExecutionComplete,
        CellExecutionError,
        CellTimeoutError,
        DeadKernelError,
    )
    from nbclient.util import ensure_async
except ImportError as e:
    missing(e.name or str(e))

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


# Outputs a cell can have. The kernel publishes a cell's result (or the error of formatting it)
# with a broadcast, which can come late. Statuses and execute_input are not outputs: an earlier
# sentinel's idle routinely comes during a later round and must not end it.
OUTPUT_KINDS = (
    "stream",
    "display_data",
    "update_display_data",
    "clear_output",
    "execute_result",
    "error",
)


class SentinelClient(NotebookClient):
    """A NotebookClient that ends a cell on its sentinel's markers rather than on idle."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Request id -> (cell, index) of every cell and sentinel sent so far.
        self.owners = {}
        # The last code cell sent, as (cell, index).
        self.last_owner = None

    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
        self.owners[parent_msg_id] = self.last_owner = (cell, cell_index)
        await self.sentinel_round(parent_msg_id, cell, cell_index)

    async def final_round(self, timeout):
        """One more sentinel after the last cell (its late outputs go to it), within `timeout` s.

        Raises DeadKernelError when the kernel dies meanwhile, asyncio.TimeoutError when it does
        not answer.
        """
        cell, index = self.last_owner if self.last_owner else (None, None)
        work = asyncio.ensure_future(self.sentinel_round(None, cell, index))
        end = monotonic() + timeout
        try:
            while not work.done():
                if monotonic() > end:
                    raise asyncio.TimeoutError()
                await asyncio.wait({work}, timeout=1)
                if not work.done() and not await ensure_async(self.kc.is_alive()):
                    raise DeadKernelError("Kernel died")
            work.result()
        finally:
            work.cancel()

    def add_late(self, msg, cell, cell_index):
        """Adds an output that came late to its cell, leaving that cell's count and the state of
        the cell being read (a pending clear_output) as they were."""
        count = cell.get("execution_count")
        pending = self.clear_before_next_output
        self.clear_before_next_output = False
        try:
            self.process_message(msg, cell, cell_index)
        except CellExecutionComplete:
            pass
        finally:
            self.clear_before_next_output = pending
            cell["execution_count"] = count

    async def sentinel_round(self, parent_msg_id=None, cell=None, cell_index=None):
        """Sends a sentinel and reads outputs until its three markers (and the cell's idle) are in.

        The Deno kernel parents a broadcast (a display, or a cell's result) with the request that
        is current when the kernel gets round to sending it, and sends results on their own: a
        cell's late result can come parented by its sentinel, and an output can come after the
        sentinel's markers. So a sentinel's outputs other than its markers are its cell's, and an
        output of an earlier cell or sentinel that comes later goes to that cell, in arrival order.
        """
        marker = f"__reproduce_sentinel_{uuid.uuid4().hex}__"
        code = (
            f'console.log("{marker}");\n'
            f'await Deno.jupyter.broadcast("display_data", '
            f'{{ data: {{ "text/plain": "{marker}" }}, metadata: {{}}, transient: {{}} }});\n'
            f'"{marker}";\n'
        )
        sentinel_id = await ensure_async(self.kc.execute(code, store_history=False))
        if cell is not None:
            self.owners[sentinel_id] = (cell, cell_index)
        idle = parent_msg_id is None
        printed = displayed = resulted = False
        while not (idle and printed and displayed and resulted):
            msg = await self.kc.iopub_channel.get_msg(timeout=None)
            parent = msg["parent_header"].get("msg_id")
            kind, content = msg["msg_type"], msg["content"]
            if parent is not None and parent == parent_msg_id:
                try:
                    self.process_message(msg, cell, cell_index)
                except CellExecutionComplete:
                    idle = True
                continue
            if parent == sentinel_id:
                if kind == "stream" and marker in content.get("text", ""):
                    printed = True
                    rest = content["text"].replace(marker + "\n", "").replace(marker, "")
                    if not rest:
                        continue
                    msg = {**msg, "content": {**content, "text": rest}}
                elif kind == "display_data" and content.get("data", {}).get("text/plain") == marker:
                    displayed = True
                    continue
                elif kind == "execute_result" and marker in content.get("data", {}).get(
                    "text/plain", ""
                ):
                    resulted = True
                    continue
            owner = self.owners.get(parent)
            if owner is not None and kind in OUTPUT_KINDS:
                if owner[0] is cell and parent_msg_id is not None:
                    self.process_message(msg, cell, cell_index)
                else:
                    self.add_late(msg, *owner)

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


def cell_label(nb, index):
    """A code cell as Jupyter shows it: `In [n]`, n counting the non-empty code cells."""
    n = sum(
        1 for c in nb.cells[: index + 1] if c.cell_type == "code" and c.source.strip()
    )
    return f"In [{n}]"


def last_line(path):
    """The last non-blank line of a log file (ANSI codes removed), or ''. A stack backtrace that
    Deno appends to its error when RUST_BACKTRACE is set ("Stack backtrace:", then frames such as
    "0: <unknown>") is left out: the line to show is the error above it."""
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            lines = [ANSI.sub("", l).strip() for l in f]
    except OSError:
        return ""
    if "Stack backtrace:" in lines:
        lines = lines[: len(lines) - 1 - lines[::-1].index("Stack backtrace:")]
    lines = [l for l in lines if l and "is unstable" not in l and not l.startswith("-- ")]
    return lines[-1] if lines else ""


class Failure(Exception):
    """A job failed: `cell` is its label or None."""

    def __init__(self, cell, error):
        super().__init__(error)
        self.cell = cell
        self.error = error


def emit(event):
    print(json.dumps(event), flush=True)


# Seconds between two looks at a kernel that is starting or being stopped.
KERNEL_POLL = 0.01

# Milliseconds a request may wait to be sent to a kernel that has started. The client's sockets
# send synchronously, and a send that nothing can take waits for ever, blocking every notebook of
# the run: a kernel that lost the race for its ports leaves the client connected to another
# process's port, whose socket (not a kernel's) drops the connection, and the socket then has no
# peer. A kernel's socket queues up to 1,000 requests, and the runner has at most two outstanding.
SEND_TIMEOUT_MS = 1000


# util-linux's setpriv (Linux): starts a kernel with a parent-death signal, so that it dies with
# the executor even when the executor is killed and cannot stop it (its kernels run in sessions
# of their own: nothing else would reach them).
def pdeathsig_launcher():
    """setpriv, when it is there and knows --pdeathsig (BusyBox's does not), else None."""
    path = shutil.which("setpriv")
    try:
        ok = path and subprocess.run([path, "--pdeathsig", "KILL", "--", "true"]).returncode == 0
    except OSError:
        ok = False
    return path if ok else None


SETPRIV = pdeathsig_launcher()


class Kernel(AsyncKernelManager):
    """A kernel manager that sees its killed kernel gone within milliseconds (jupyter_client
    polls for its exit every 0.1 s, a tenth of a second lost per notebook), and whose kernel is
    killed when the executor dies, where setpriv is there to arrange it."""

    def format_kernel_cmd(self, extra_arguments=None):
        cmd = super().format_kernel_cmd(extra_arguments)
        return [SETPRIV, "--pdeathsig", "KILL", "--", *cmd] if SETPRIV else cmd

    async def _async_wait(self, pollinterval=0.1):
        await super()._async_wait(pollinterval=KERNEL_POLL)


async def wait_until_ready(kc, km, timeout):
    """Waits until the kernel has answered a kernel_info request and its IOPub messages reach
    the client (the subscription is live: no output of the first cell can be missed); returns
    the reply.

    jupyter_client's wait_for_ready asks once a second and then waits for 0.2 s of silence on
    IOPub, which cost 0.2 to 1.2 s per kernel. Here the kernel is asked again every KERNEL_POLL
    seconds until both have been seen. Raises asyncio.TimeoutError after `timeout` seconds and
    RuntimeError when the kernel exits meanwhile.
    """
    end = monotonic() + timeout
    poller = zmq.asyncio.Poller()
    channels = {kc.shell_channel.socket: kc.shell_channel, kc.iopub_channel.socket: kc.iopub_channel}
    for socket in channels:
        poller.register(socket, zmq.POLLIN)
    asked = set()
    reply = None
    heard = False
    last_asked = None
    while reply is None or not heard:
        now = monotonic()
        if now > end:
            raise asyncio.TimeoutError()
        if last_asked is None or now - last_asked >= KERNEL_POLL:
            if not await ensure_async(km.is_alive()):
                raise RuntimeError("the kernel exited")
            try:
                asked.add(kc.kernel_info())
            except zmq.Again:
                pass  # nothing can take it now (the port is not a kernel's): ask again later
            last_asked = now
        for socket, _ in await poller.poll(KERNEL_POLL * 1000):
            channel = channels[socket]
            while await channel.msg_ready():
                msg = await channel.get_msg()
                if msg["parent_header"].get("msg_id") not in asked:
                    continue
                if channel is kc.shell_channel and msg["msg_type"] == "kernel_info_reply":
                    reply = msg
                elif channel is kc.iopub_channel:
                    heard = True
    kc._handle_kernel_info_reply(reply)
    return reply


def kernel_specs():
    """Where kernels are looked up: Jupyter's kernel folders, as by default, but without the one
    under IPython's folder. Finding that one imports all of IPython, a quarter of a second of CPU
    per run, for a folder the runner's environment leaves empty (IPYTHONDIR is a scratch folder)."""
    return KernelSpecManager(kernel_dirs=jupyter_path("kernels"))


async def start_kernel(spec, job, client, log, specs):
    """Starts the job's kernel and client and returns its kernel_info reply; raises Failure with
    one line on any problem."""
    # The connection file (ports and signing key) goes to Jupyter's runtime folder, the caller's
    # scratch folder, not to a temporary file in /tmp: one left by a killed executor is removed
    # with that folder.
    runtime = jupyter_runtime_dir()
    os.makedirs(runtime, exist_ok=True)
    km = Kernel(
        kernel_name=spec["kernel"],
        kernel_spec_manager=specs,
        connection_file=os.path.join(runtime, f"kernel-{uuid.uuid4()}.json"),
    )
    client.km = km
    # DISPLAY_WAIT_MS=0: lib's display helpers need not wait for each output to leave the kernel
    # (as they must under a front end's Run All); the sentinels collect late outputs.
    env = {**os.environ, "RESULTS_DIR": job["results"], "DISPLAY_WAIT_MS": "0"}
    timeout = spec["startup_timeout"]
    try:
        await asyncio.wait_for(
            km.start_kernel(cwd=job["cwd"], env=env, stderr=log, stdout=log), timeout
        )
        client.kc = km.client()
        await ensure_async(client.kc.start_channels())
        requests = (client.kc.shell_channel.socket, client.kc.control_channel.socket)
        for socket in requests:
            socket.setsockopt(zmq.SNDTIMEO, 0)  # while it starts: never wait to send
        reply = await wait_until_ready(client.kc, km, timeout)
        for socket in requests:
            socket.setsockopt(zmq.SNDTIMEO, SEND_TIMEOUT_MS)
    except Exception as e:  # any start-up problem becomes one line
        text = str(e).strip()
        if isinstance(e, (asyncio.TimeoutError, TimeoutError)):
            reason = f"the kernel did not answer within {timeout} s"
            cause = last_line(job["log"])
        else:
            reason = "the kernel did not start"
            cause = last_line(job["log"]) or (text.splitlines()[0] if text else type(e).__name__)
        raise Failure(None, f"{reason}{': ' + cause if cause else ''}")
    client.kc.allow_stdin = False
    return reply


async def stop_kernel(client):
    """Stops the client's channels and kills its kernel, if any."""
    if client.kc is not None:
        await ensure_async(client.kc.stop_channels())
        client.kc = None
    if client.km is not None:
        try:
            if client.km.has_kernel:
                await client.km.shutdown_kernel(now=True)
            else:
                await ensure_async(client.km.cleanup_resources())
        except Exception:
            pass
        client.km = None


async def run_job(spec, job, kernels, specs):
    """Executes one notebook and writes it; raises Failure."""
    nb = nbformat.read(job["input"], as_version=4)
    client = SentinelClient(
        nb,
        timeout=spec["cell_timeout"],
        # Outputs end with the sentinel's markers, however long they take: never give up early.
        iopub_timeout=spec["cell_timeout"],
        raise_on_iopub_timeout=True,
        record_timing=False,
        kernel_name=spec["kernel"],
    )
    with open(job["log"], "w") as log:
        try:
            try:
                info = await start_kernel(spec, job, client, log, specs)
            except Failure as f:
                # A kernel that died at start-up may have lost a race for its ports: once more.
                if "did not start" not in f.error:
                    raise
                await stop_kernel(client)
                log.write("-- second start --\n")
                log.flush()
                info = await start_kernel(spec, job, client, log, specs)
            kernels.append(client.km)
            client.reset_execution_trackers()
            nb.metadata["language_info"] = info["content"]["language_info"]
            current = None
            try:
                for index, cell in enumerate(nb.cells):
                    current = index
                    await client.async_execute_cell(
                        cell, index, execution_count=client.code_cells_executed + 1
                    )
                # One more round trip: what the last cell's sentinel left behind goes to its cell.
                try:
                    await client.final_round(spec["cell_timeout"])
                except asyncio.TimeoutError:
                    raise Failure(
                        None if current is None else cell_label(nb, current),
                        f"the kernel did not answer within {spec['cell_timeout']} s after this cell",
                    )
            except CellExecutionError as e:
                cell = nb.cells[current]
                message = f"{e.ename}: {e.evalue}".strip(": ") or "the kernel reported an error"
                if not any(o.output_type == "error" for o in cell.get("outputs", [])):
                    # A syntax error or a failing import: the Deno kernel sends no error output.
                    message += " (the kernel gave no traceback: a syntax error or a failing import?)"
                raise Failure(cell_label(nb, current), ANSI.sub("", message))
            except CellTimeoutError:
                raise Failure(
                    cell_label(nb, current),
                    f"the cell did not finish within {spec['cell_timeout']} s",
                )
            except DeadKernelError:
                cause = last_line(job["log"])
                raise Failure(
                    cell_label(nb, current), f"the kernel died{': ' + cause if cause else ''}"
                )
            except zmq.Again:
                raise Failure(
                    cell_label(nb, current),
                    f"the kernel stopped taking requests (none sent within {SEND_TIMEOUT_MS} ms)",
                )
        finally:
            if client.km in kernels:
                kernels.remove(client.km)
            await stop_kernel(client)
    nbformat.write(normalise(nb), job["output"])


class HtmlRenderer:
    """Renders executed notebooks to self-contained HTML pages, on one thread of its own.

    nbconvert's sanitiser strips inline SVG to its text, so outputs that carry a PNG too drop
    the SVG. The page loads no script: Debian's nbconvert would point require.js and MathJax
    at file:///usr/share/javascript/, which exists only on the machine that rendered it.
    """

    PAGE = (
        "{%- extends 'index.html.j2' -%}\n"
        "{%- block html_head_js -%}{%- endblock html_head_js -%}\n"
        "{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}\n"
    )

    def __init__(self):
        self.thread = ThreadPoolExecutor(max_workers=1)
        self.exporter = None
        self.thread.submit(self._exporter)  # import nbconvert while the kernels start

    def _exporter(self):
        if self.exporter is None:
            from jinja2 import DictLoader
            from nbconvert import HTMLExporter

            class Exporter(HTMLExporter):
                # nbconvert validates the notebook after each of its 11 preprocessors, and
                # nbformat recompiles the schema each time (most of a page's rendering time);
                # the notebook was validated when it was written.
                def _validate_preprocessor(self, nbc, preprocessor):
                    pass

            self.exporter = Exporter(
                template_name="lab",
                extra_loaders=[DictLoader({"self-contained.html.j2": self.PAGE})],
                template_file="self-contained.html.j2",
            )
        return self.exporter

    def _render(self, path, html_dir):
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            for out in cell.get("outputs", []):
                data = out.get("data", {})
                if "image/png" in data and "image/svg+xml" in data:
                    del data["image/svg+xml"]
        name = os.path.splitext(os.path.basename(path))[0]
        body, _ = self._exporter().from_notebook_node(nb, resources={"metadata": {"name": name}})
        with open(os.path.join(html_dir, name + ".html"), "w", encoding="utf-8") as f:
            f.write(body)

    async def render(self, path, html_dir):
        """Renders `path` to `html_dir/<name>.html`."""
        await asyncio.get_running_loop().run_in_executor(self.thread, self._render, path, html_dir)


async def main(spec):
    loop = asyncio.get_running_loop()
    kernels = []
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        loop.add_signal_handler(sig, stop.set)
    slots = asyncio.Semaphore(max(1, spec["workers"]))
    renderer = HtmlRenderer() if spec.get("html_dir") else None
    specs = kernel_specs()
    failed = []

    async def one(job):
        async with slots:
            if failed or stop.is_set():
                return
            t0 = monotonic()
            try:
                await run_job(spec, job, kernels, specs)
                if renderer:
                    await renderer.render(job["output"], spec["html_dir"])
            except Failure as f:
                failed.append(job["name"])
                emit({"event": "failed", "name": job["name"], "cell": f.cell, "error": f.error})
                return
            except Exception as e:  # a bug or an unreadable notebook: one line, details in the log
                with open(job["log"], "a") as log:
                    traceback.print_exc(file=log)
                failed.append(job["name"])
                error = f"{type(e).__name__}: {e}".strip().splitlines()[0]
                emit({"event": "failed", "name": job["name"], "cell": None, "error": error})
                return
            emit({"event": "done", "name": job["name"], "seconds": monotonic() - t0})

    tasks = [asyncio.ensure_future(one(job)) for job in spec["jobs"]]
    waiter = asyncio.ensure_future(stop.wait())
    all_done = asyncio.ensure_future(asyncio.gather(*tasks, return_exceptions=True))
    pending = set(tasks)
    while pending and not stop.is_set() and not failed:
        done, pending = await asyncio.wait(
            pending | {waiter}, return_when=asyncio.FIRST_COMPLETED
        )
        pending.discard(waiter)
        for t in done:
            if t is not waiter and t.exception() is not None:
                raise t.exception()
    for t in tasks:
        t.cancel()
    await asyncio.gather(all_done, return_exceptions=True)
    for km in list(kernels):
        try:
            await km.shutdown_kernel(now=True)
        except Exception:
            pass
    if renderer:
        renderer.thread.shutdown(wait=True)
    if stop.is_set():
        return 130
    return 3 if failed else 0


if __name__ == "__main__":
    with open(sys.argv[1]) as f:
        spec = json.load(f)
    sys.exit(asyncio.run(main(spec)))
