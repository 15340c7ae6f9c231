"""An unresponsive Graph Store: `kg publish --to` used to wait ~30 minutes on a server that
never answers (a 300 s socket timeout, asked again on every retry) and for ever on one that
accepts and never replies. Now --timeout (default 60 s) bounds every wait and --deadline
(default 3600 s) the whole push: one line, exit code 2, soon after the limit. Loopback only."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from minidata import mini  # noqa: F401  (fixture)

ROOT = Path(__file__).resolve().parents[2]


def kg(*args: str, timeout: float = 60) -> tuple[subprocess.CompletedProcess, float]:
    """`kg ARGS` in a fresh process: a hang fails the test at ``timeout`` instead of blocking it."""
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-c", "from cli import main; main()", *args], cwd=ROOT,
                            capture_output=True, text=True, timeout=timeout)
    return result, time.monotonic() - started


class Server:
    """A loopback TCP server that misbehaves in one of three ways (``mode``):
    ``silent`` accepts and never replies; ``deaf`` never accepts (its queue is full);
    ``trickle`` answers one header line every 0.2 s, for ever."""

    def __init__(self, mode: str) -> None:
        self.mode = mode
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(0 if mode == "deaf" else 8)
        self.port = self.listener.getsockname()[1]
        self.held: list[socket.socket] = []
        self.stop = threading.Event()
        if mode == "deaf":  # fill the accept queue, so that a new connection is never completed
            for _ in range(4):
                client = socket.socket()
                client.setblocking(False)
                client.connect_ex(("127.0.0.1", self.port))
                self.held.append(client)
        else:
            threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        self.listener.settimeout(0.1)
        while not self.stop.is_set():
            try:
                connection, _ = self.listener.accept()
            except OSError:
                continue
            self.held.append(connection)
            if self.mode == "trickle":
                threading.Thread(target=self._trickle, args=(connection,), daemon=True).start()

    def _trickle(self, connection: socket.socket) -> None:
        try:
            connection.sendall(b"HTTP/1.1 200 OK\r\n")
            while not self.stop.wait(0.2):
                connection.sendall(b"X-Wait: 1\r\n")
        except OSError:
            pass

    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/store"

    def close(self) -> None:
        self.stop.set()
        for sock in self.held + [self.listener]:
            sock.close()


@pytest.fixture
def server(request):
    running = Server(request.param)
    yield running
    running.close()


def _push(mini: Path, tmp_path: Path, url: str, *options: str):
    return kg("publish", str(tmp_path / "no-sources"), "--build", str(mini), "--to", url, *options, timeout=40)


def _one_error_line(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 2, (result.returncode, result.stderr[-800:])
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error: "), lines
    return lines[0]


@pytest.mark.parametrize("server", ["silent", "deaf"], indirect=True)
def test_a_server_that_does_not_answer_fails_at_the_timeout(server, mini: Path, tmp_path: Path):
    result, seconds = _push(mini, tmp_path, server.url(), "--timeout", "1")
    line = _one_error_line(result)
    assert "no answer from the server in 1 s (--timeout)" in line and str(server.port) in line
    assert seconds < 12  # one wait of 1 s (not asked again) and a process start


@pytest.mark.parametrize("server", ["trickle"], indirect=True)
def test_a_server_that_answers_a_byte_at_a_time_fails_at_the_deadline(server, mini: Path, tmp_path: Path):
    # each header line comes well within --timeout: only the deadline can stop it
    result, seconds = _push(mini, tmp_path, server.url(), "--timeout", "5", "--deadline", "2")
    line = _one_error_line(result)
    assert "deadline (--deadline)" in line
    assert seconds < 14


def test_limits_out_of_range_are_usage_errors(mini: Path, tmp_path: Path):
    from click.testing import CliRunner

    from cli import main

    for option, value in (("--timeout", "0"), ("--timeout", "-1"), ("--deadline", "1e9"), ("--timeout", "nan")):
        result = CliRunner().invoke(main, ["publish", str(tmp_path / "none"), "--build", str(mini), "--to",
                                           "http://127.0.0.1:9/store", option, value])
        assert result.exit_code == 2 and "Traceback" not in result.output, (option, value, result.output)
        assert option in result.output
