"""A real, throw-away PostgreSQL server for the tests (and the benchmarks): Debian's ``postgresql`` package, nothing
that is already running.

``PostgresServer.start()`` runs ``initdb`` into a new temporary folder, as an unprivileged user (when we are root,
the folder belongs to ``nobody`` and every server program runs through ``runuser -u nobody --``), and starts the
server on a free loopback port with its socket in that folder and ``fsync`` off (speed: nothing here has to
survive a power cut). ``stop()`` stops it and deletes the folder. ``create_database()`` makes a fresh database (a
copy of ``template``); ``drop_database()`` removes one, closing what is still connected to it. A
:class:`DatabasePool` makes the next tests' databases, and drops the last ones', on a thread of its own while the
tests run: making one costs 0.1-0.4 s, which would otherwise be paid before every test.

Logins: the superuser ``postgres`` and every role other than ``wt_password`` are trusted on loopback;
``wt_password`` (made by ``password_role()``) must give its password (scram-sha-256), for the tests of
``store.password_secret``.

No binaries: :class:`PostgresMissing`, whose message says how to install them (``make postgresql``).
"""

from __future__ import annotations

import contextlib
import itertools
import os
import queue
import re
import shutil
import socket
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import Any

#: the role that must log in with a password
PASSWORD_ROLE = "wt_password"
INSTALL_HINT = ("PostgreSQL's server programs (initdb, pg_ctl, postgres) are not installed: run `make postgresql` "
                "(or: sudo apt-get install postgresql), or point WATCHTOWER_PG_BINDIR at their folder")


class PostgresMissing(RuntimeError):
    """initdb/pg_ctl/postgres cannot be found."""


def find_bindir() -> Path:
    """The folder of initdb, pg_ctl and postgres: $WATCHTOWER_PG_BINDIR, else Debian's newest
    /usr/lib/postgresql/<version>/bin, else wherever initdb is on the PATH."""
    given = os.environ.get("WATCHTOWER_PG_BINDIR")
    candidates: list[Path] = []
    if given:
        candidates.append(Path(given))
    else:
        versions = sorted(Path("/usr/lib/postgresql").glob("*/bin"),
                          key=lambda p: [int(x) for x in re.findall(r"\d+", p.parent.name)], reverse=True)
        candidates.extend(versions)
        on_path = shutil.which("initdb")
        if on_path:
            candidates.append(Path(on_path).resolve().parent)
    for folder in candidates:
        if all((folder / prog).is_file() and os.access(folder / prog, os.X_OK)
               for prog in ("initdb", "pg_ctl", "postgres")):
            return folder
    raise PostgresMissing(INSTALL_HINT)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PostgresServer:
    def __init__(self, bindir: Path | None = None) -> None:
        self.bindir = bindir or find_bindir()
        self.root = Path(tempfile.mkdtemp(prefix="wt-postgres-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.port = 0
        self.superuser = "postgres"
        #: the database create_database() copies by default (the tests set a migrated one)
        self.template = "template0"
        self._names = itertools.count(1)
        self._as_root = os.geteuid() == 0
        self._started = False

    # --- running the server's programs ----------------------------------------------------------------

    def _run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        cmd = [str(self.bindir / args[0]), *args[1:]]
        if self._as_root:
            cmd = ["runuser", "-u", "nobody", "--", *cmd]
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env["LC_ALL"] = "C.UTF-8"
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env, cwd=self.root,
                              check=False)
        if proc.returncode != 0:
            log = self.log.read_text(errors="replace")[-3000:] if self.log.exists() else ""
            raise RuntimeError(f"{' '.join(args[:2])} failed ({proc.returncode}): {proc.stdout}{proc.stderr}{log}")
        return proc

    def start(self) -> PostgresServer:
        if self._as_root:
            os.chown(self.root, 65534, 65534)  # nobody:nogroup
        os.chmod(self.root, 0o700)
        self._run("initdb", "-D", str(self.data), "-U", self.superuser, "--auth=trust", "--encoding=UTF8",
                  "--locale=C.UTF-8", "--no-sync", "--no-instructions")
        (self.data / "pg_hba.conf").write_text(
            "local all all trust\n"
            f"host all {PASSWORD_ROLE} 127.0.0.1/32 scram-sha-256\n"
            "host all all 127.0.0.1/32 trust\n"
        )
        last: Exception | None = None
        for _ in range(3):  # a free port can be taken between the look and the listen
            self.port = free_port()
            with (self.data / "postgresql.conf").open("a") as conf:
                conf.write(
                    f"\nlisten_addresses = '127.0.0.1'\nport = {self.port}\n"
                    f"unix_socket_directories = '{self.root}'\n"
                    "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
                    "max_connections = 300\nshared_buffers = 64MB\n"
                    "password_encryption = 'scram-sha-256'\n"
                )
            try:
                self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60", "start")
                self._started = True
                return self
            except RuntimeError as exc:
                last = exc
        raise RuntimeError(f"could not start PostgreSQL: {last}")

    def stop(self) -> None:
        try:
            if self._started:
                with contextlib.suppress(Exception):
                    self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", timeout=60)
                self._started = False
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    # --- databases ------------------------------------------------------------------------------------

    def url(self, dbname: str = "postgres", user: str | None = None) -> str:
        return f"postgresql://{user or self.superuser}@127.0.0.1:{self.port}/{dbname}"

    def admin(self) -> Any:
        """An autocommit psycopg connection as the superuser, to the ``postgres`` database."""
        import psycopg

        return psycopg.connect(self.url(), autocommit=True)

    def create_database(self, template: str | None = None, admin: Any = None) -> str:
        name = f"wt_{os.getpid()}_{next(self._names)}"
        with contextlib.nullcontext(admin) if admin is not None else self.admin() as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template or self.template}"')
        return name

    def drop_database(self, name: str, admin: Any = None) -> None:
        with contextlib.nullcontext(admin) if admin is not None else self.admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def password_role(self, password: str) -> str:
        """The role that logs in with ``password`` (made once; owner-level rights on every test database)."""
        with self.admin() as conn:
            conn.execute(f"DROP ROLE IF EXISTS {PASSWORD_ROLE}")
            conn.execute(f"CREATE ROLE {PASSWORD_ROLE} LOGIN SUPERUSER PASSWORD '{password}'")
        return PASSWORD_ROLE

    def __enter__(self) -> PostgresServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class DatabasePool:
    """Fresh copies of the server's template, made ``ahead`` at a time on a thread while the tests run; the
    databases given back are dropped on that thread too."""

    def __init__(self, server: PostgresServer, ahead: int = 2) -> None:
        self.server = server
        self._ready: queue.Queue[str | BaseException] = queue.Queue()
        self._jobs: queue.Queue[tuple[str, str]] = queue.Queue()
        for _ in range(ahead):
            self._jobs.put(("create", ""))
        self._thread = threading.Thread(target=self._work, name="pg-database-pool", daemon=True)
        self._thread.start()

    def take(self) -> str:
        """A fresh database's name (waits for one if none is ready)."""
        self._jobs.put(("create", ""))
        got = self._ready.get(timeout=300)
        if isinstance(got, BaseException):
            raise RuntimeError(f"could not make a test database: {got}") from got
        return got

    def give_back(self, name: str) -> None:
        self._jobs.put(("drop", name))

    def close(self) -> None:
        self._jobs.put(("stop", ""))
        self._thread.join(timeout=60)

    def _work(self) -> None:
        with self.server.admin() as admin:
            while True:
                job, name = self._jobs.get()
                if job == "stop":
                    return
                try:
                    if job == "create":
                        self._ready.put(self.server.create_database(admin=admin))
                    else:
                        self.server.drop_database(name, admin=admin)
                except BaseException as exc:
                    if job == "create":
                        self._ready.put(exc)
