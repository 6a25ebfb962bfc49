"""Walk docs/operations.md end to end in a container-like temporary root, so the guide cannot drift from what works.

Every ```sh block of sections 1-9 is run in order, as written, with two changes only: absolute paths (/opt, /etc,
/var/lib, /srv, /root) live under a temporary root, and the commands that need a real Debian server as root are
small stand-ins on PATH:

- ``sudo`` runs the command (``-u watchtower``: as this user); ``apt-get``, ``adduser``, ``deluser`` do nothing;
- ``git clone`` copies this working tree (the files git tracks); ``git pull`` does nothing;
- ``nano`` fills in the config (the school's people, SMTP, the dashboard on a free port, the store in the root);
- ``install -o/-g`` drops the owner (there is no ``watchtower`` user here);
- ``systemctl`` runs the installed unit's own ``ExecStart=``/``ExecReload=`` lines, with the secrets of its
  ``LoadCredential=`` lines (and the override's) copied to ``$CREDENTIALS_DIRECTORY`` as systemd does;
  ``systemctl edit`` writes the override the guide shows; ``journalctl`` prints the service's log.

The install itself is real: a fresh venv, ``pip install --require-hashes -r requirements/runtime.lock`` and the
package without ``-e``. The script reports the venv's size and install time, and fails if it is over 300 MB or
holds CUDA. ``--fast`` (for the test suite): the venv borrows this Python's packages instead of downloading
them (everything else is the same).

Usage: python scripts/install_check.py [--fast] [--keep]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import pty
import re
import shlex
import shutil
import site
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GUIDE = REPO / "docs" / "operations.md"
REWRITE = ("/opt/watchtower", "/etc/watchtower", "/var/lib/watchtower", "/srv/backup", "/etc/systemd/system",
           "/root/")
#: sections of the guide that run here (10, the reverse proxy, is checked by tests/test_install_docs.py)
SECTIONS = range(1, 10)
SIZE_LIMIT_MB = 300


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def blocks(text: str) -> list[tuple[int, str]]:
    """(section number, code) for every ```sh block, in order."""
    out: list[tuple[int, str]] = []
    section = 0
    for part in re.split(r"(^## \d+\..*$)", text, flags=re.M):
        m = re.match(r"## (\d+)\.", part)
        if m:
            section = int(m.group(1))
            continue
        out.extend((section, code) for code in re.findall(r"```sh\n(.*?)```", part, re.S))
    return out


def adapt(code: str, root: Path) -> str:
    """The block as it runs here: paths under ``root``; the editor's lines and `-f` (follow) left out."""
    lines = []
    in_editor = False
    for line in code.splitlines():
        if line.startswith("# in the editor:"):
            in_editor = True
            continue
        if in_editor:
            continue  # the systemctl edit stand-in writes these lines itself
        if re.search(r"journalctl .* -f\b", line):
            continue  # follows for ever
        lines.append(line)
    text = "\n".join(lines) + "\n"
    # there are no items here (no sources): `evidence` of the guide's example number says so (exit 1)
    text = re.sub(r"(?m)^(\$W evidence .*?)(\s+#.*)?$", r"\1 || [ $? = 1 ]", text)
    # check-config as root reads /etc/watchtower/credentials by default: the one in this root
    text = re.sub(r"(watchtower check-config [^\n#]*?)(\s*(?:#.*)?)$",
                  lambda m: f"{m.group(1)} --credentials /etc/watchtower/credentials{m.group(2)}"
                  if "sudo -u" not in m.group(1) else m.group(0), text, flags=re.M)
    for prefix in REWRITE:
        text = re.sub(rf"(?<![\w/]){re.escape(prefix)}", f"{root}{prefix}", text)
    # the guide's example backup name: the newest backup made a moment ago
    text = re.sub(r"\S*/watchtower-\d{8}-\d{6}\.db", f"$(ls -t {root}/srv/backup/watchtower/*.db | head -1)", text)
    return "set -euo pipefail\n" + text


SHIMS = {
    "sudo": """#!/usr/bin/env bash
while [[ "${1:-}" == -* ]]; do case "$1" in -u) shift 2;; *) shift;; esac; done
exec "$@"
""",
    "apt-get": "#!/bin/sh\necho \"(apt-get $*: skipped)\"\n",
    "adduser": "#!/bin/sh\necho \"(adduser $*: skipped, this user runs the service here)\"\n",
    "deluser": "#!/bin/sh\necho \"(deluser $*: skipped)\"\n",
    "git": """#!/usr/bin/env bash
if [ "$1" = clone ]; then
  dest="${@: -1}"; mkdir -p "$dest"
  (cd "$WT_REPO" && git ls-files -z | xargs -0 cp --parents -t "$dest")
  exit 0
fi
if [ "$1" = -C ] && [ "$3" = pull ]; then echo "(git pull: nothing new)"; exit 0; fi
exec /usr/bin/git "$@"
""",
    "install": """#!/usr/bin/env bash
args=()
while [ $# -gt 0 ]; do case "$1" in -o|-g) shift 2;; *) args+=("$1"); shift;; esac; done
exec /usr/bin/install "${args[@]}"
""",
    "nano": """#!/bin/sh
exec "$WT_PYTHON" "$WT_SCRIPT" --fill-config "$1"
""",
    "systemctl": """#!/bin/sh
exec "$WT_PYTHON" "$WT_SCRIPT" --systemctl "$@"
""",
    "journalctl": """#!/bin/sh
cat "$WT_ROOT/journal.log"
""",
}


def fill_config(path: Path) -> None:
    """What the technician types into the example config: this school, in the temporary root. The social media
    sources need accounts, which the guide's technician has and this check has not: they are left out."""
    root = Path(os.environ["WT_ROOT"])
    chunks = re.split(r"(?m)^(?=\[)", path.read_text())
    kept = [c for c in chunks if not c.startswith("[[sources]]")]
    text = "".join(kept)
    db = "/var/lib/watchtower/watchtower.db"
    text = text.replace(f'path = "{db}"', f'path = "{root}{db}"')
    text = text.replace('host = "smtp.office365.com"\nport = 587\nsecurity = "starttls"',
                        f'host = "127.0.0.1"\nport = {os.environ["WT_SMTP_PORT"]}\nsecurity = "none"')
    text = text.replace("# port = 8080", f"port = {os.environ['WT_DASHBOARD_PORT']}")
    path.write_text(text)


def unit_lines(root: Path, key: str) -> list[str]:
    out = []
    unit = root / "etc/systemd/system/watchtower.service"
    files = [unit, *sorted((root / "etc/systemd/system/watchtower.service.d").glob("*.conf"))]
    for f in files:
        if f.exists():
            for line in f.read_text().splitlines():
                if line.startswith(f"{key}="):
                    out.append(line.split("=", 1)[1])
    return out


def service_env(root: Path) -> dict[str, str]:
    creds = root / "run/credentials/watchtower.service"
    shutil.rmtree(creds, ignore_errors=True)
    creds.mkdir(parents=True)
    for spec in unit_lines(root, "LoadCredential"):
        name, _, src = spec.partition(":")
        src_path = Path(src if src.startswith(str(root)) else f"{root}{src}")
        if not src_path.exists():
            raise SystemExit(f"systemd: LoadCredential={spec}: no such file: the service would not start")
        shutil.copy(src_path, creds / name)
        (creds / name).chmod(0o400)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "NOTIFY_SOCKET")}
    for line in unit_lines(root, "Environment"):
        k, _, v = line.partition("=")
        env[k] = v.replace("/etc/watchtower", f"{root}/etc/watchtower")
    env["CREDENTIALS_DIRECTORY"] = str(creds)
    env["INVOCATION_ID"] = "install-check"  # under systemd: JSON logs
    return env


def command(line: str, root: Path) -> list[str]:
    return [w.replace("/opt/watchtower", f"{root}/opt/watchtower").replace("/etc/watchtower", f"{root}/etc/watchtower")
            for w in shlex.split(line.replace("$MAINPID", os.environ.get("WT_MAINPID", "0")))]


def systemctl(args: list[str]) -> int:
    root = Path(os.environ["WT_ROOT"])
    pidfile = root / "watchtower.pid"
    verb = args[0]
    names = [a for a in args[1:] if not a.startswith("-")]
    if verb == "edit" and "--full" in args:
        (root / "etc/systemd/system" / names[0]).touch()  # the editor's content is in the guide, as comments
        return 0
    if verb == "enable" and "--now" in args and names == ["watchtower-backup.timer"]:
        # the timer's first run, now: the ExecStart= the guide gives watchtower-backup.service
        m = re.search(r"#\s+ExecStart=(.*)", GUIDE.read_text())
        assert m, "the guide's backup service has no ExecStart="
        return subprocess.call(command(m.group(1).replace("/srv/backup", f"{root}/srv/backup"), root))  # noqa: S603
    if verb in ("daemon-reload",) or (names and not names[0].startswith("watchtower.service")
                                       and names[0] != "watchtower"):
        print(f"(systemctl {' '.join(args)}: nothing to do here)")
        return 0
    if verb == "edit":
        override = root / "etc/systemd/system/watchtower.service.d/override.conf"
        override.parent.mkdir(parents=True, exist_ok=True)
        creds = sorted(p.name for p in (root / "etc/watchtower/credentials").iterdir()
                       if p.name != "WATCHTOWER_LINK_KEY")
        override.write_text("[Service]\n" + "".join(
            f"LoadCredential={n}:/etc/watchtower/credentials/{n}\n" for n in creds))
        return 0

    def running() -> int | None:
        if pidfile.exists():
            pid = int(pidfile.read_text())
            try:
                os.kill(pid, 0)
                return pid
            except ProcessLookupError:
                pass
        return None

    def start() -> int:
        [exec_start] = unit_lines(root, "ExecStart")
        log = open(root / "journal.log", "ab")  # noqa: SIM115 - the child's
        proc = subprocess.Popen(command(exec_start, root), env=service_env(root), stdout=log, stderr=log,  # noqa: S603
                                cwd=root / "var/lib/watchtower", start_new_session=True)
        pidfile.write_text(str(proc.pid))
        end = time.monotonic() + 120
        while time.monotonic() < end:
            if proc.poll() is not None:
                print((root / "journal.log").read_text()[-3000:], file=sys.stderr)
                return 1
            if '"daemon_ready"' in (root / "journal.log").read_text(errors="replace"):
                return 0
            time.sleep(0.2)
        return 1

    def stop() -> int:
        pid = running()
        if pid is not None:
            os.kill(pid, 15)
            for _ in range(900):
                try:
                    os.kill(pid, 0)
                except ProcessLookupError:
                    break
                with contextlib.suppress(ChildProcessError):
                    os.waitpid(pid, os.WNOHANG)
                time.sleep(0.1)
        pidfile.unlink(missing_ok=True)
        return 0

    (root / "var/lib/watchtower").mkdir(parents=True, exist_ok=True, mode=0o700)  # StateDirectory=
    if verb in ("enable", "start"):
        return start() if ("--now" in args or verb == "start") and running() is None else 0
    if verb == "restart":
        stop()
        return start()
    if verb in ("stop", "disable"):
        return stop() if (verb == "stop" or "--now" in args) else 0
    if verb == "status":
        pid = running()
        print(f"watchtower.service: {'active (running), pid ' + str(pid) if pid else 'inactive'}")
        return 0 if pid else 3
    if verb == "reload":
        pid = running()
        if pid is None:
            return 1
        for line in unit_lines(root, "ExecReload"):
            env = service_env(root)
            res = subprocess.run(command(line.replace("$MAINPID", str(pid)), root), env=env)  # noqa: S603
            if res.returncode != 0:
                print("Job for watchtower.service failed because the control process exited with error code.",
                      file=sys.stderr)
                return 1
        return 0
    print(f"(systemctl {' '.join(args)}: not simulated)")
    return 0


def run_typing(argv: list[str], env: dict[str, str], cwd: Path, answer: str) -> int:
    """Run ``argv`` on a terminal of its own, typing ``answer`` at every "Password...:" prompt."""
    pid, fd = pty.fork()
    if pid == 0:  # the child
        os.chdir(cwd)
        os.execvpe(argv[0], argv, env)  # noqa: S606
    line = b""
    while True:
        try:
            data = os.read(fd, 1024)
        except OSError:
            break
        if not data:
            break
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        line = (line + data).rsplit(b"\n", 1)[-1]
        if b"Password" in line and line.rstrip().endswith(b":"):
            os.write(fd, answer.encode() + b"\n")
            line = b""
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def venv_report(venv: Path) -> tuple[int, list[str]]:
    size = sum(f.stat().st_size for f in venv.rglob("*") if f.is_file() and not f.is_symlink())
    cuda = sorted({p.name for p in venv.rglob("*") if re.match(r"(nvidia|triton|torch)\b", p.name)})
    return size // 2**20, cuda


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--fast", action="store_true", help="borrow this Python's packages instead of downloading")
    ap.add_argument("--keep", action="store_true", help="keep the temporary root")
    ap.add_argument("--fill-config", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--systemctl", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.fill_config:
        fill_config(args.fill_config)
        return 0
    if args.systemctl is not None:
        return systemctl(args.systemctl)

    root = Path(tempfile.mkdtemp(prefix="watchtower-install-check-"))
    shims = root / "shims"
    shims.mkdir()
    for name, body in SHIMS.items():
        (shims / name).write_text(body)
        (shims / name).chmod(0o755)
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "CREDENTIALS_DIRECTORY", "VIRTUAL_ENV")},
        "PATH": f"{shims}:{os.environ.get('PATH', '/usr/bin:/bin')}",
        "WT_ROOT": str(root), "WT_REPO": str(REPO), "WT_PYTHON": sys.executable, "WT_SCRIPT": str(Path(__file__)),
        "WT_DASHBOARD_PORT": str(free_port()), "WT_SMTP_PORT": str(free_port()),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        # the commands' default config, /etc/watchtower/watchtower.toml, is this root's
        "WATCHTOWER_CONFIG": f"{root}/etc/watchtower/watchtower.toml",
    }
    os.environ["WT_ROOT"] = str(root)
    if args.fast:
        # python3 -m venv, then the venv's pip: stand-ins that install the wheel only, offline
        deps = "\n".join(p for p in site.getsitepackages() if Path(p).is_dir())
        real = shutil.which("python3") or sys.executable
        (shims / "python3").write_text(f"""#!/usr/bin/env bash
if [ "$1 $2" = "-m venv" ]; then
  "{sys.executable}" -c 'import sys, venv; venv.create(sys.argv[1], with_pip=False)' "$3"
  printf '%s\\n' "{deps}" > "$(echo "$3"/lib/python3*/site-packages)/_install_check_deps.pth"
  printf '#!/bin/sh\\nexec "%s" "%s" --pip "%s" "$@"\\n' "{sys.executable}" "{Path(__file__)}" "$3" > "$3/bin/pip"
  chmod +x "$3/bin/pip"; exit 0
fi
exec "{real}" "$@"
""")
        (shims / "python3").chmod(0o755)
    print(f"install-check: walking {GUIDE.relative_to(REPO)} in {root}")
    status = 0
    install_seconds = 0.0
    reload_checked = False
    for section, code in blocks(GUIDE.read_text()):
        if section not in SECTIONS:
            continue
        if section > 4 and not reload_checked and status == 0:
            reload_checked = True
            print("\n--- section 4: `systemctl reload` refuses a broken config, applies a good one ---")
            config = root / "etc/watchtower/watchtower.toml"
            good = config.read_text()
            config.write_text(good.replace("[[people]]", "[[people", 1))
            refused = systemctl(["reload", "watchtower"])
            config.write_text(good)
            if refused == 0 or systemctl(["reload", "watchtower"]) != 0:
                print("install-check: FAILED: systemctl reload did not refuse a broken config and accept a good one",
                      file=sys.stderr)
                status = 1
                break
        script = adapt(code, root)
        print(f"\n--- section {section} ---\n{code.rstrip()}")
        t0 = time.monotonic()
        if "user add" in code:
            # the password is typed at a hidden prompt: give the block a terminal and type it at each prompt
            returncode = run_typing(["bash", "-c", script], env, root, "correct horse battery staple")
        else:
            stdin = "an-smtp-password\n" if "SMTP_PASSWORD" in code else ""
            returncode = subprocess.run(["bash", "-c", script], env=env, cwd=root, text=True,  # noqa: S603,S607
                                        input=stdin).returncode
        if section == 1:
            install_seconds = time.monotonic() - t0
        if returncode != 0:
            print(f"install-check: FAILED in section {section} of docs/operations.md (exit {returncode})",
                  file=sys.stderr)
            status = 1
            break
        if section == 1:
            mb, cuda = venv_report(root / "opt/watchtower/venv")
            print(f"install-check: production venv {mb} MB, installed in {install_seconds:.0f} s"
                  f"{' (--fast: dependencies borrowed)' if args.fast else ''}; CUDA/torch: {cuda or 'none'}")
            if not args.fast and mb >= SIZE_LIMIT_MB:
                print(f"install-check: the venv is over {SIZE_LIMIT_MB} MB", file=sys.stderr)
                status = 1
            if cuda:
                status = 1
    systemctl(["stop", "watchtower"]) if (root / "watchtower.pid").exists() else None
    if status == 0:
        print("\ninstall-check: docs/operations.md sections 1-9 work as written")
    if not args.keep:
        shutil.rmtree(root, ignore_errors=True)
    return status


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--pip":
        venv, rest = Path(sys.argv[2]), sys.argv[3:]
        if "-r" in rest or "--upgrade" in rest:
            sys.exit(0)  # --fast: the dependencies are borrowed
        target = [a for a in rest if not a.startswith("-") and a != "install"]
        sys.exit(subprocess.call([sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install",  # noqa: S603
                                  "-q", "--no-deps", "--no-index", "--no-build-isolation", "--force-reinstall",
                                  *target]))
    sys.exit(main())
