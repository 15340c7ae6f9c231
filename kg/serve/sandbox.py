"""Run jobs where they can be stopped: each in a process forked from a zygote that holds the store.

pyoxigraph cannot cancel a query and Python cannot kill a thread, so a query run on a
server thread keeps its CPU and memory long after its client was told it timed out. Here
the store is loaded once, into a *zygote* process forked when the server starts (before
it runs any thread); for each job the zygote forks a child, which shares the store's
memory copy-on-write, sets an alarm for the job's deadline (the kernel ends it then, even
in the middle of the engine's native code), caps its address space, runs the job and
streams the answer back over a socket. A job's memory is returned when its child exits.
Where there is no ``fork`` (Windows), jobs run on threads and cannot be stopped.

Protocol on the per-job socket: frames of one kind byte, a 4-byte big-endian length and
the payload: ``R`` the request (JSON), then from the child ``D`` answer bytes, and ``E``
the job's result (JSON) or ``X`` an unexpected failure (text).
"""

from __future__ import annotations

import gc
import json
import os
import signal
import socket
import struct
import threading
import time
from typing import Any, Callable

from kg.errors import QueryError

__all__ = ["Sandbox", "Job", "QueryTimeout", "QueryStopped", "QueryBusy", "QueryFailed", "GRACE_S"]

Job = Callable[[Any, Callable[[bytes], None]], Any]  # (payload, write answer bytes) -> a JSON-able result
GRACE_S = 0.5  # after its deadline, how long a job's process has to be seen gone
_HEADER = struct.Struct(">cI")
_MAX_FD = os.sysconf("SC_OPEN_MAX") if hasattr(os, "sysconf") else 1 << 16


class QueryTimeout(QueryError):
    """A job ran past its deadline; its process was stopped."""


class QueryStopped(QueryError):
    """A job's process ended before it answered: over its memory limit, or a crash in native code."""


class QueryBusy(QueryError):
    """Every job slot stayed taken until the deadline."""


class QueryFailed(QueryError):
    """A job raised an exception it did not handle itself."""


def _send(sock: socket.socket, kind: bytes, payload: bytes) -> None:
    sock.sendall(_HEADER.pack(kind, len(payload)) + payload)


def _exactly(sock: socket.socket, size: int) -> bytes:
    data = bytearray()
    while len(data) < size:
        chunk = sock.recv(min(size - len(data), 1 << 20))
        if not chunk:
            raise EOFError("the other end closed")
        data += chunk
    return bytes(data)


def _receive(sock: socket.socket) -> tuple[bytes, bytes]:
    kind, size = _HEADER.unpack(_exactly(sock, _HEADER.size))
    return kind, _exactly(sock, size)


class Sandbox:
    """Jobs run one process each, forked from a zygote that holds what ``job`` needs (the
    store, through its closure), at most ``slots`` at a time; a job may add at most
    ``memory_bytes`` of address space (None: no cap). Call :meth:`close` when done."""

    def __init__(self, job: Job, slots: int = 4, memory_bytes: int | None = None) -> None:
        self._slots = threading.BoundedSemaphore(slots)
        self._job: Job | None = None
        self.pid: int | None = None
        if not hasattr(os, "fork") or not hasattr(socket, "send_fds"):
            self._job = job  # no fork: threads, which cannot be stopped
            return
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        pid = os.fork()
        if pid == 0:  # the zygote: never returns
            try:
                ours.close()
                _zygote(theirs, job, memory_bytes)
            finally:
                os._exit(0)
        theirs.close()
        self._control, self.pid = ours, pid

    def run(self, payload: Any, timeout_s: float, write: Callable[[bytes], None]) -> Any:
        """Run the job on ``payload`` (JSON-able) in its own process; the answer bytes go to
        ``write`` as they come, and the job's result is returned. A job waits at most
        ``timeout_s`` for a slot (:class:`QueryBusy`), then runs at most ``timeout_s``
        (:class:`QueryTimeout`: its process is stopped then). Also raises
        :class:`QueryStopped` or :class:`QueryFailed`."""
        if not self._slots.acquire(timeout=max(timeout_s, 0)):
            raise QueryBusy(f"every query slot stayed busy for {timeout_s:g} s")
        deadline = time.monotonic() + timeout_s
        try:
            if self._job is not None:
                return self._on_thread(payload, deadline, write)
            return self._in_child(payload, deadline, write)
        finally:
            self._slots.release()

    def _in_child(self, payload: Any, deadline: float, write: Callable[[bytes], None]) -> Any:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        with ours:
            try:
                socket.send_fds(self._control, [b"J"], [theirs.fileno()])
            except OSError as exc:
                raise QueryStopped(f"the query process is gone ({exc.strerror or exc}); restart the server") from exc
            finally:
                theirs.close()
            try:
                ours.settimeout(max(deadline - time.monotonic(), 0.001))
                _send(ours, b"R", json.dumps({"budget": deadline - time.monotonic(), "payload": payload}).encode())
                while True:
                    ours.settimeout(max(deadline + GRACE_S - time.monotonic(), 0.001))
                    kind, data = _receive(ours)
                    if kind == b"D":
                        write(data)
                    elif kind == b"E":
                        return json.loads(data)
                    else:
                        raise QueryFailed(data.decode("utf-8", errors="replace"))
            except (TimeoutError, socket.timeout) as exc:
                raise QueryTimeout("the query ran past its deadline") from exc
            except (EOFError, ConnectionError) as exc:
                if time.monotonic() >= deadline - 0.05:
                    raise QueryTimeout("the query ran past its deadline and was stopped") from exc
                raise QueryStopped("the query process stopped before it answered") from exc

    def _on_thread(self, payload: Any, deadline: float, write: Callable[[bytes], None]) -> Any:
        pieces: list[bytes] = []
        outcome: dict[str, Any] = {}

        def target() -> None:
            try:
                outcome["value"] = self._job(payload, pieces.append)  # type: ignore[misc]
            except Exception as exc:
                outcome["error"] = exc

        worker = threading.Thread(target=target, daemon=True, name="kg-job")
        worker.start()
        worker.join(max(deadline - time.monotonic(), 0))
        if worker.is_alive():
            raise QueryTimeout("the query ran past its deadline (it goes on: no fork here to stop it)")
        if "error" in outcome:
            raise QueryFailed(f"{type(outcome['error']).__name__}: {outcome['error']}")
        for piece in pieces:
            write(piece)
        return outcome["value"]

    def close(self) -> None:
        """Stop the zygote (running jobs end at their deadlines)."""
        if self.pid is None:
            return
        self._control.close()
        for _ in range(50):
            if os.waitpid(self.pid, os.WNOHANG)[0]:
                break
            time.sleep(0.02)
        else:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        self.pid = None


def _zygote(control: socket.socket, job: Job, memory_bytes: int | None) -> None:
    """Fork a child per job socket received on ``control``, until the server closes it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the server decides
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the kernel reaps the children
    keep = control.fileno()
    os.closerange(3, keep)  # the server's sockets (listening, clients) stay the server's alone
    os.closerange(keep + 1, _MAX_FD)
    gc.collect()
    gc.freeze()  # children then leave the old objects' pages shared
    while True:
        try:
            message, fds, _, _ = socket.recv_fds(control, 16, 4)
        except OSError:
            return
        if not message and not fds:
            return  # the server closed its end
        for extra in fds[1:]:
            os.close(extra)
        if not fds:
            continue
        try:
            pid = os.fork()
        except OSError:
            os.close(fds[0])  # the server sees the socket close: "stopped before it answered"
            continue
        if pid == 0:
            code = 1
            try:
                control.close()
                _child(fds[0], job, memory_bytes)
                code = 0
            finally:
                os._exit(code)
        os.close(fds[0])


def _child(fd: int, job: Job, memory_bytes: int | None) -> None:
    """Run one job: the alarm at the deadline ends the process wherever it is."""
    for number in (signal.SIGALRM, signal.SIGCHLD, signal.SIGINT, signal.SIGTERM):
        signal.signal(number, signal.SIG_DFL)
    gc.disable()  # a short life: nothing to collect, and no pages touched for it
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 2)  # a native abort (out of memory) would print into the server's log
    os.close(null)
    sock = socket.socket(fileno=fd)
    sock.settimeout(10)
    kind, data = _receive(sock)
    request = json.loads(data)
    signal.setitimer(signal.ITIMER_REAL, max(float(request["budget"]), 0.001))
    sock.settimeout(None)
    if memory_bytes is not None:
        _cap_address_space(memory_bytes)
    try:
        result = job(request["payload"], lambda data: _send(sock, b"D", data))
    except Exception as exc:
        _send(sock, b"X", f"{type(exc).__name__}: {' '.join(str(exc).split())}"[:1000].encode())
        return
    _send(sock, b"E", json.dumps(result).encode())


def _cap_address_space(extra: int) -> None:
    """Let this process map at most ``extra`` bytes more than it has now (Linux)."""
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as handle:
            mapped = int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        hard = resource.getrlimit(resource.RLIMIT_AS)[1]
        limit = mapped + extra if hard == resource.RLIM_INFINITY else min(mapped + extra, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, OSError, ValueError):
        pass  # not Linux: no cap
