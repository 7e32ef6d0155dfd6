"""Running the student's notebook: nbgrader's Execute, with the kernel in a jail (an nbgrader plugin).

``JailedExecute`` (autograde stage) is nbgrader's ``Execute`` plus:

* **the jail**: the kernel starts through :class:`JailedKernelManager`, in a
  :class:`~tools.grading.jail.Jail` holding the assignment's trusted helper
  files (from ``source/``) and the notebook, nothing else of the course or the
  submission. It talks to the grader over jupyter_client's ``ipc`` transport
  (Unix sockets in the jail's private ``comm`` folder), which needs no network;
* **a fast start**: with a fork server (:mod:`tools.grading.template`), the kernel is forked from a jailed
  process that already imported numpy, matplotlib and ipykernel, into a private slot of the server's jail,
  and confined there by Landlock; without one, it is a fresh jailed process. A kernel client that waits for
  the kernel in tens of milliseconds (:class:`PromptClient`) serves both;
* **the course's one time limit** (``timeout``, :func:`time_limit`): every cell gets it here, and the referee
  gives each graded function's check the same (:class:`~tools.grading.referee.Referee`); a graded function whose
  own cell or test cell runs out of it scores 0 on all its test cells, as one whose check does. A
  **wall-clock budget per notebook** (``notebook_timeout``) comes on top: cells past it are not run and get an
  error;
* **kernel deaths** (``os._exit``, a segfault, the memory cap): the cell gets an
  error, the kernel is restarted, the code cells before it that are not tests
  and did not kill it are run again, and grading goes on with the next cell;
* **floods of output**: a cell keeps at most ``max_output_chars``; the kernel client refuses any message frame
  over ``MAX_FRAME_BYTES`` before allocating it (a kernel whose IOPub connection is dropped for it is dead for
  nbclient: restarted and replayed), and the grading process caps its own data (:func:`cap_grader_memory`), so
  many frames under the cap end that kernel's connection, not the grader;
* **warnings**: stderr text in a test cell is kept as stdout, so a warning from
  correct code is not nbgrader's "stderr means failure".

What happened is recorded for the grader in ``resources["pack"]`` (:class:`~.record.Pack`) (never in
anything the kernel can write): ``kernel_ok[cell index]`` (the cell ended
without an error), ``incidents`` (kernel deaths, time-outs) and ``jailed``.
"""
import contextlib
import os
import resource
import subprocess
import time
from pathlib import Path
from queue import Empty

from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.manager import AsyncKernelManager
from jupyter_core.utils import run_sync
from nbformat.v4 import new_output
from nbgrader.preprocessors import Execute
from traitlets import Bool, Instance, Integer, Type
import zmq

from ..course import preloaded
from . import messages
from .jail import Jail, check_available
from .notebook import course_folder, grade_id, is_test_cell, notebook_language
from .record import pack
from .template import ForkProvisioner, Template, also_preload, template


def grader_memory():
    """The grading processes' cap on their data, in bytes: ``PACK_GRADER_MEMORY``, 4 GiB by default. Read at each
    use, not at import: a worker forked from the instructor's process has this module imported already."""
    return int(os.environ.get("PACK_GRADER_MEMORY", 4 * 1024 ** 3))


MAX_FRAME_BYTES = 32 * 1024 ** 2  # one frame of a kernel message; the notebooks' largest (a figure) is ~100 KB


def cap_grader_memory(limit=None):
    """Put a hard cap of ``limit`` bytes (default: :func:`grader_memory`) on this process's data (heap and private
    mappings, RLIMIT_DATA).

    Called by :class:`JailedExecute` in whatever process grades (a worker of ``grade``, plain ``nbgrader
    autograde``, a Dask worker): what a submission makes the grader allocate (frames of kernel messages, each
    under :data:`MAX_FRAME_BYTES` but many) fails that allocation, which ends that kernel's connection (a kernel
    death for that cell), or at worst this process, never the machine. Children inherit it beneath their own
    lower caps. It only ever lowers the limit.
    """
    limit = grader_memory() if limit is None else limit
    soft, _ = resource.getrlimit(resource.RLIMIT_DATA)
    limit = limit if soft == resource.RLIM_INFINITY else min(limit, soft)
    resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))


def time_limit(config):
    """The course's one time limit, in seconds: ``JailedExecute.timeout`` as ``config`` sets it (nbgrader's
    ``Execute.timeout`` too, 30 by default). With no per-cell limit (None, 0 or negative: nbclient's "none"), the
    notebook's whole budget, ``notebook_timeout``, is the limit of every cell and of every check."""
    execute = JailedExecute(config=config)
    limit = execute.timeout
    return float(limit) if limit and limit > 0 else float(execute.notebook_timeout)


class PromptClient(AsyncKernelClient):
    """jupyter_client's kernel client, whose ``wait_for_ready`` polls in tens of milliseconds, and whose
    sockets refuse oversized frames before allocating them.

    jupyter_client's own waits for a reply in steps of up to a second, then for 0.2 s of silence on IOPub:
    at least 0.2 s on every kernel start, which is most of a forked kernel's start. This one asks for
    ``kernel_info`` every 50 ms until the reply and an IOPub message have both come (so IOPub is
    connected), then drains IOPub until 20 ms pass without a message. nbclient ignores the replies to the
    extra requests: it matches every message with its own request.
    """

    _iopub_monitor = None

    def _create_connected_socket(self, channel, identity=None):
        """jupyter_client's socket, refusing any frame over :data:`MAX_FRAME_BYTES` before it is allocated
        (ZeroMQ's ``MAXMSGSIZE``: the kernel that sends one is disconnected, for good)."""
        self.context.setsockopt(zmq.MAXMSGSIZE, MAX_FRAME_BYTES)
        socket = super()._create_connected_socket(channel, identity)
        if channel == "iopub":
            if self._iopub_monitor is not None:
                self._iopub_monitor.close(linger=0)
            self._iopub_monitor = socket.get_monitor_socket(zmq.EVENT_DISCONNECTED)
        return socket

    def iopub_lost(self):
        """Whether the kernel's IOPub connection was dropped (a refused frame): no output comes any more."""
        monitor = self._iopub_monitor
        return monitor is not None and bool(monitor.getsockopt(zmq.EVENTS) & zmq.POLLIN)

    def stop_channels(self):
        if self._iopub_monitor is not None:
            self._iopub_monitor.close(linger=0)
            self._iopub_monitor = None
        super().stop_channels()

    def reconnect_iopub(self):
        """A new IOPub socket in place of the one that was dropped."""
        self._iopub_channel.stop()
        self._iopub_channel = None
        self.iopub_channel.start()

    async def _async_is_alive(self):
        """Dead, for nbclient, once IOPub is lost: the cell ends as a kernel death, the kernel is restarted."""
        return not self.iopub_lost() and await super()._async_is_alive()

    is_alive = _async_is_alive

    async def wait_for_ready(self, timeout=None):
        deadline = time.monotonic() + (float("inf") if timeout is None else timeout)
        while True:
            self.kernel_info()
            try:
                reply = await self.shell_channel.get_msg(timeout=0.05)
                if reply["msg_type"] == "kernel_info_reply":
                    await self.iopub_channel.get_msg(timeout=0.05)
                    self._handle_kernel_info_reply(reply)
                    break
            except Empty:
                pass
            if not await self.is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout:g} seconds")
        with contextlib.suppress(Empty):
            while True:
                await self.iopub_channel.get_msg(timeout=0.02)


class JailedKernelManager(AsyncKernelManager):
    """A kernel manager whose kernel runs in ``jail`` and listens on ipc sockets inside it.

    With a fork server (``template``), ``jail`` is one of its slots and the kernel is forked by it, through
    :class:`~tools.grading.template.ForkProvisioner`; otherwise the kernel is a fresh jailed process.
    """

    jail = Instance(Jail, allow_none=True)
    template = Instance(Template, allow_none=True)
    client_factory = Type(PromptClient)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        if self.jail is not None:
            self.transport = "ipc"
            self.ip = str(self.jail.comm / "kernel")
            self.connection_file = str(self.jail.comm / "kernel.json")

    async def _async_pre_start_kernel(self, **kw):
        if self.template is not None and self.provisioner is None:
            self.provisioner = ForkProvisioner(kernel_id=self.kernel_id, kernel_spec=self.kernel_spec, parent=self,
                                               server=self.template, slot=self.jail)
        return await super()._async_pre_start_kernel(**kw)

    async def _async_wait(self, pollinterval=0.01):
        """Wait for the kernel's end in steps of 10 ms (jupyter_client's are 100 ms, paid on every shutdown)."""
        await super()._async_wait(pollinterval)

    async def _async_launch_kernel(self, kernel_cmd, **kw):
        if self.template is not None:
            self.jail.own(self.connection_file)
            return await super()._async_launch_kernel(kernel_cmd, env={"NBGRADER_EXECUTION": "autograde"})
        if self.jail is not None:
            kernel_cmd = self.jail.command(kernel_cmd, env={"NBGRADER_EXECUTION": "autograde"})
            kw["env"] = {"PATH": os.environ.get("PATH", "")}
            kw["cwd"] = str(self.jail.work)
            kw["stdout"] = kw["stderr"] = subprocess.DEVNULL  # the kernel's banner and logs are noise here
            self.jail.own(self.connection_file)  # the jailed kernel reads it
        return await super()._async_launch_kernel(kernel_cmd, **kw)

    async def _async_interrupt_kernel(self):
        """Interrupt by message: a signal to the jail's outer process would not reach the kernel."""
        if self.has_kernel:
            self._connect_control_socket()
            self.session.send(self._control_socket, self.session.msg("interrupt_request", content={}))

    interrupt_kernel = run_sync(_async_interrupt_kernel)


JAIL_WORK = "<jail>"  # the jail's working folder in the outputs kept: its real path is new at every run


def without_folder(content, folder):
    """An output message's ``content`` with ``folder`` named ``JAIL_WORK`` in its texts (a traceback's file names,
    printed paths), so that grading a submission again writes the same notebook."""
    def named(value):
        return value.replace(folder, JAIL_WORK) if isinstance(value, str) else value

    content = {key: named(value) for key, value in content.items()}
    if isinstance(content.get("traceback"), list):
        content["traceback"] = [named(line) for line in content["traceback"]]
    if isinstance(content.get("data"), dict):
        content["data"] = {key: named(value) for key, value in content["data"].items()}
    return content


class JailedExecute(Execute):
    """nbgrader's Execute with a jailed kernel, a notebook time budget, and survival of kernel deaths."""

    jail = Bool(True, help="Run the kernel in the jail (False: grade without one, and say so)").tag(config=True)
    fork = Bool(True, help="Fork the jailed kernel from a fork server that has imported the heavy modules "
                "(False, or no Landlock here: start a fresh jailed process per kernel)").tag(config=True)
    notebook_timeout = Integer(300, help="Seconds of wall-clock time for the whole notebook").tag(config=True)
    max_output_chars = Integer(200_000, help="Characters of output kept per cell").tag(config=True)
    max_restarts = Integer(5, help="Kernel restarts allowed per notebook").tag(config=True)

    def preprocess(self, nb, resources=None, km=None):
        cap_grader_memory()
        self._language = notebook_language(resources)
        self._restarts, self._killers = 0, set()
        self._deadline = time.monotonic() + self.notebook_timeout
        self._cell_timeout = self.timeout
        self._pack = pack(resources)
        self._pack.kernel_ok, self._pack.incidents, self._pack.jailed = {}, [], self.jail
        if not self.jail:
            return super().preprocess(nb, resources, km)
        check_available()
        info = resources["nbgrader"]
        submitted = Path(resources.get("metadata", {}).get("path", ".")) / f"{info['notebook']}.ipynb"
        if self.fork:  # a fork server started from now on also imports this assignment's slow modules
            also_preload(preloaded([info["assignment"]]))
        self._template = template() if self.fork else None
        with Jail(course_folder(self.config, "source", info["assignment"]), notebook=submitted if submitted.exists()
                  else None, comm=True, parent=self._template and self._template.slots) as jail:
            self._jail = jail
            try:
                return super().preprocess(nb, resources, km)
            finally:
                self._jail = None

    def create_kernel_manager(self):
        if not self.jail:
            return super().create_kernel_manager()
        self.kernel_name = self.kernel_name or self.nb.metadata.get("kernelspec", {}).get("name", "python3")
        self.km = JailedKernelManager(jail=self._jail, template=self._template, kernel_name=self.kernel_name,
                                      config=self.config)
        return self.km

    def preprocess_cell(self, cell, resources, index):
        self._chars = 0
        if cell.cell_type != "code":
            return cell, resources
        left = self._deadline - time.monotonic()
        if left <= 1:
            self._incident(messages.BUDGET, cell, index)
            return cell, resources
        per_cell = self._cell_timeout if self._cell_timeout and self._cell_timeout > 0 else None  # None: no limit
        self.timeout = max(1, int(left if per_cell is None else min(per_cell, left)))
        self._current, self._capped = index, per_cell is None or left < per_cell  # capped: a time-out is the budget's
        try:
            cell, resources = super().preprocess_cell(cell, resources, index)
            if is_test_cell(cell):
                for output in cell.outputs:
                    if output.output_type == "stream" and output.name == "stderr":
                        output.name = "stdout"
            return cell, resources
        except Exception as error:  # noqa: BLE001 - DeadKernelError, or a kernel broken by patched builtins
            self._killers.add(index)
            self.log.warning("kernel lost in cell %s (%s): restarting", index, type(error).__name__)
            self._incident(messages.KERNEL_DIED, cell, index)
            if self._restarts >= self.max_restarts:
                raise
            self._restart_and_replay(index)
            return cell, self.resources
        finally:
            self.timeout = self._cell_timeout

    def on_cell_executed(self, **kwargs):
        super().on_cell_executed(**kwargs)
        cell, index, reply = kwargs["cell"], kwargs["cell_index"], kwargs["execute_reply"]
        ok = reply["content"].get("status") == "ok" and not any(o.output_type == "error" for o in cell.outputs)
        self._pack.kernel_ok[index] = ok

    async def _async_handle_timeout(self, timeout, cell=None):
        if cell is not None:
            self._incident(messages.BUDGET if self._capped else messages.TIMEOUT, cell, self._current)
        return await super()._async_handle_timeout(timeout, cell)

    def _incident(self, kind, cell, index):
        """Record what went wrong in this cell, and show it in the cell (the kernel's outputs are not trusted)."""
        self._pack.kernel_ok[index] = False
        self._pack.incidents.append((kind, grade_id(cell) or f"cell {index}"))
        text = messages.text(kind, self._language)
        cell.outputs.append(new_output("error", ename=kind, evalue=text, traceback=[text]))

    def _restart_and_replay(self, index):
        """Restart the kernel and run again the non-test code cells before ``index`` (outputs discarded)."""
        while True:
            self._restarts += 1
            run_sync(self.km.restart_kernel)(now=True)
            if isinstance(self.kc, PromptClient) and self.kc.iopub_lost():
                self.kc.reconnect_iopub()
            run_sync(self.kc.wait_for_ready)(timeout=self.startup_timeout)
            try:
                for i, cell in enumerate(self.nb.cells[:index]):
                    if cell.cell_type == "code" and not is_test_cell(cell) and i not in self._killers:
                        self._replaying = i
                        saved, ok = cell.outputs, self._pack.kernel_ok.get(i)
                        self.execute_cell(cell, i, store_history=False)
                        cell.outputs = saved
                        self._pack.kernel_ok[i] = ok
                return
            except Exception:  # noqa: BLE001 - a replayed cell that breaks the kernel again is skipped
                self._killers.add(self._replaying)
                if self._restarts >= self.max_restarts:
                    raise

    def output(self, outs, msg, display_id, cell_index):
        """Keep at most ``max_output_chars`` of a cell's output; say once that the rest was cut. The jail's
        working folder is named ``JAIL_WORK`` in what is kept (:func:`without_folder`), and consecutive writes to
        one stream are one output: grading a submission again writes the same notebook."""
        content = msg.get("content", {})
        size = len(content.get("text", "")) + len(str(content.get("data", "")))
        self._chars = getattr(self, "_chars", 0) + size
        if self._chars > self.max_output_chars:
            if self._chars - size <= self.max_output_chars:
                text = messages.text(messages.OUTPUT_CUT, getattr(self, "_language", "en")).format(
                    n=self.max_output_chars)
                note = new_output("stream", name="stdout", text=text + "\n")
                outs.append(note)
                return note
            return None
        if getattr(self, "_jail", None) is not None:  # on what is kept only: at most max_output_chars
            msg = {**msg, "content": without_folder(content, str(self._jail.work))}
        text, last = msg["content"].get("text"), outs[-1] if outs else {}
        if (msg.get("msg_type") == "stream" and isinstance(text, str) and last.get("output_type") == "stream"
                and last.get("name") == msg["content"].get("name") and isinstance(last.get("text"), str)
                and not self.clear_before_next_output
                and not self.output_hook_stack[msg.get("parent_header", {}).get("msg_id")]):
            last["text"] += text  # one output per run of writes to a stream, however the kernel's flushes cut it
            return last
        return super().output(outs, msg, display_id, cell_index)
