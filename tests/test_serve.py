"""``tracker serve``: it serves the database without writing to it, and a port in use is one clear line."""

import hashlib
import socket
import subprocess
import sys
import time
import urllib.request

from click.testing import CliRunner

from test_publish import build
from tracker.cli import cli


def sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url, seconds=60):
    """The status of a GET of ``url``, retried while the server starts."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_serving_pages_leaves_the_database_file_unchanged(db_path):
    build(db_path)
    files = sorted(db_path.parent.iterdir())
    before = {path.name: sha256(path) for path in files}
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "tracker", "serve", "--db", str(db_path), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        assert [fetch(base + path) for path in ("/", "/claims/claim_details", "/claims/stance_matrix", "/-/charts",
                                                 "/claims.json?sql=select+count(*)+from+claims")] == [200] * 5
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert {path.name: sha256(path) for path in files} == before


def test_a_port_in_use_is_one_clear_line(db_path):
    build(db_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", "--db", str(db_path), "--port", str(port)])
    assert result.exit_code == 1
    assert result.output == f"Error: port {port} is in use on 127.0.0.1 (Address already in use); try --port {port + 1}\n"
