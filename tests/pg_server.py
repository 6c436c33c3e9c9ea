"""A throwaway PostgreSQL cluster for the tests: initdb in a temporary folder, the server listening
on a Unix socket in that folder only (no TCP port, nothing shared with another run), stopped and
deleted after the session.

Debian's ``postgresql`` package (``scripts/setup.sh --dev``) puts the server under
/usr/lib/postgresql/<major>/bin; ``DOSSIER_PG_BIN`` names another folder. The server refuses to run
as root, so under root (a CI container) the cluster belongs to the ``postgres`` user the package
creates and is run through ``runuser``. If the binaries or that user are missing, ``start`` says
why and the PostgreSQL tests skip with that reason.

Each database is created with a UTF-8 encoding, byte-order collation (``C``: the same order SQLite
gives) and the ``C.UTF-8`` character classes, under which pg_trgm indexes Korean and Hindi.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

SERVER_USER = "postgres"
CREATE_DATABASE = ("CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' "
                   "LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'")


def server_bin() -> Path | None:
    """The folder holding initdb and pg_ctl: $DOSSIER_PG_BIN, else the newest Debian install."""
    given = os.environ.get("DOSSIER_PG_BIN")
    if given:
        return Path(given) if (Path(given) / "initdb").exists() else None
    installs = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
    return installs[-1].parent if installs else None


@dataclass
class Cluster:
    folder: Path
    bin: Path
    as_user: list[str]  # the command prefix that runs a server binary as its owner
    _names: itertools.count = field(default_factory=itertools.count)

    def url(self, dbname: str) -> str:
        return f"postgresql:///{dbname}?host={self.folder}&user=postgres"

    def admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(sql)

    def new_database(self, prefix: str = "t") -> str:
        """A new empty database; its URL."""
        name = f"{prefix}{os.getpid()}_{next(self._names)}"
        self.admin(CREATE_DATABASE.format(name=name))
        return self.url(name)

    def drop_database(self, url: str) -> None:
        name = url.split("///", 1)[1].split("?", 1)[0]
        self.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def stop(self) -> None:
        subprocess.run([*self.as_user, str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "fast",
                        "stop"], check=False, capture_output=True, timeout=60)
        shutil.rmtree(self.folder, ignore_errors=True)


def start() -> Cluster | str:
    """A running cluster, or why there cannot be one here."""
    binaries = server_bin()
    if binaries is None:
        return "PostgreSQL server binaries not found (install Debian's postgresql: scripts/setup.sh --dev)"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install -r requirements.txt)"
    as_user: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="dossier-pg-"))  # short: a socket path has ~100 bytes
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam(SERVER_USER)
        except KeyError:
            shutil.rmtree(folder)
            return f"running as root and there is no {SERVER_USER!r} user to run the server as"
        os.chown(folder, owner.pw_uid, owner.pw_gid)
        as_user = ["runuser", "-u", SERVER_USER, "--"]
    data, log = folder / "data", folder / "server.log"
    steps = [
        [str(binaries / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
         "--locale=C.UTF-8", "--no-sync"],
        # fsync off: a test database is thrown away, durability is not what is tested
        [str(binaries / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-t", "60", "-o",
         f"-k {folder} -c listen_addresses='' -c fsync=off -c full_page_writes=off", "start"],
    ]
    for step in steps:
        done = subprocess.run([*as_user, *step], check=False, capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            cluster_log = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            with contextlib.suppress(OSError):
                shutil.rmtree(folder)
            return f"{Path(step[0]).name} failed: {done.stderr.strip()[-2000:]} {cluster_log}"
    return Cluster(folder, binaries, as_user)
