"""A throwaway PostgreSQL cluster in a temporary folder, for the tests and the benchmarks.

PostgreSQL refuses to run as root (and CI runs as root), so as root the cluster belongs to the ``postgres``
account that Debian's ``postgresql`` package makes, and every server command runs under ``runuser``. It
listens on 127.0.0.1 only, on a free port, with a password (SCRAM) for connections over TCP, so the tests
use the same kind of address as a council would. It is stopped and its folder removed afterwards.

    with throwaway_cluster() as cluster:
        url = cluster.url("wtfc")          # postgresql://wtfc:…@127.0.0.1:PORT/wtfc (created empty)
"""

from __future__ import annotations

import os
import pwd
import secrets
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from benchmarks.local_app import free_port

SUPERUSER = "wtfc"
#: Debian puts the server programs here, one folder per major version (not on the PATH).
DEBIAN_BINARIES = Path("/usr/lib/postgresql")
MISSING = (
    "PostgreSQL is not installed, so the tests of the shared database cannot run. On Debian: "
    "apt-get install --no-install-recommends postgresql (make test does this as root; see README)."
)


def binaries() -> Path | None:
    """The folder holding initdb and pg_ctl: Debian's newest version, else the ones on the PATH."""
    if DEBIAN_BINARIES.is_dir():
        versions = sorted(
            (p for p in DEBIAN_BINARIES.iterdir() if (p / "bin" / "initdb").is_file()),
            key=lambda p: int(p.name) if p.name.isdigit() else 0,
        )
        if versions:
            return versions[-1] / "bin"
    found = shutil.which("initdb")
    return Path(found).resolve().parent if found else None


@dataclass(frozen=True)
class Cluster:
    folder: Path
    port: int
    password: str
    bin: Path
    as_user: tuple[str, ...]  # ("runuser", "-u", "postgres", "--") as root, else ()

    def url(self, database: str = "postgres", *, password: str | None = None, options: str = "") -> str:
        secret = self.password if password is None else password
        query = f"?{options}" if options else ""
        return f"postgresql://{SUPERUSER}:{secret}@127.0.0.1:{self.port}/{database}{query}"

    def run(self, program: str, *arguments: str, timeout: float = 60) -> str:
        """Run a PostgreSQL program (as the cluster's owner); return what it printed."""
        done = subprocess.run(
            [*self.as_user, str(self.bin / program), *arguments],
            capture_output=True, text=True, timeout=timeout, check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"{program} failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
        return done.stdout

    def sql(self, statement: str, database: str = "postgres") -> str:
        """Run one statement with psql over the cluster's own socket (no password needed there)."""
        return self.run(
            "psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", str(self.folder), "-p",
            str(self.port), "-U", SUPERUSER, "-d", database, "-c", statement,
        ).strip()

    def create_database(self, name: str) -> str:
        self.run("createdb", "-h", str(self.folder), "-p", str(self.port), "-U", SUPERUSER, name)
        return self.url(name)

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
        self.run("pg_ctl", "-D", str(self.folder / "data"), "-o", options, "-l",
                 str(self.folder / "server.log"), "-w", "-t", "60", "start")

    def stop(self, mode: str = "fast") -> None:
        self.run("pg_ctl", "-D", str(self.folder / "data"), "-m", mode, "-w", "-t", "60", "stop")

    def server_pid(self) -> int:
        """The process id of the running server (its first line in postmaster.pid)."""
        return int((self.folder / "data" / "postmaster.pid").read_text().split()[0])

    def kill(self) -> None:
        """Stop the server the hard way (SIGKILL), as a power cut or a crash would."""
        os.kill(self.server_pid(), signal.SIGKILL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                os.kill(self.server_pid(), 0)
            except (ProcessLookupError, FileNotFoundError, ValueError):
                return
            time.sleep(0.05)

    def log(self) -> str:
        try:
            return (self.folder / "server.log").read_text(errors="replace")
        except OSError:
            return ""


def _owner() -> tuple[tuple[str, ...], int | None, int | None]:
    """Who runs the server: this account, or (as root) the ``postgres`` account under runuser."""
    if os.geteuid() != 0:
        return (), None, None
    for name in ("postgres", "nobody"):
        try:
            entry = pwd.getpwnam(name)
        except KeyError:
            continue
        return ("runuser", "-u", name, "--"), entry.pw_uid, entry.pw_gid
    raise RuntimeError("As root, PostgreSQL needs an ordinary account to run under (postgres or nobody).")


@contextmanager
def throwaway_cluster(settings: Sequence[str] = ()) -> Iterator[Cluster]:
    """A new cluster, started and ready; stopped and removed afterwards. ``settings``: ``name=value``
    server settings (for example ``fsync=off`` for tests that do not need durability on disk)."""
    found = binaries()
    if found is None:
        raise RuntimeError(MISSING)
    as_user, uid, gid = _owner()
    folder = Path(tempfile.mkdtemp(prefix="wtfc-pg-"))
    password = secrets.token_urlsafe(12)
    try:
        (folder / "password").write_text(password + "\n")
        if uid is not None and gid is not None:
            for path in (folder, folder / "password"):
                os.chown(path, uid, gid)
        cluster = Cluster(folder=folder, port=free_port(), password=password, bin=found, as_user=as_user)
        cluster.run(
            "initdb", "-D", str(folder / "data"), "-U", SUPERUSER, "--auth-local=trust",
            "--auth-host=scram-sha-256", f"--pwfile={folder / 'password'}", "-E", "UTF8",
            "--locale=C.UTF-8", "--no-sync",
        )
        with (folder / "data" / "postgresql.conf").open("a") as conf:
            for setting in settings:
                name, _, value = setting.partition("=")
                conf.write(f"{name.strip()} = {value.strip()}\n")
        cluster.start()
        try:
            yield cluster
        finally:
            with suppress(RuntimeError, subprocess.TimeoutExpired):
                cluster.stop("immediate")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
