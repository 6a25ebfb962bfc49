"""The package as a school installs it: a built wheel, installed without ``-e`` into a fresh venv.

The editable install that ``make`` uses reads files from ``src/``, so a file the wheel leaves out (the dashboard's
``countdown.js`` once did) is invisible to every other test. Here the wheel is built once per session, installed
into a venv of its own (``--no-deps --no-index``: the dependencies come from the test venv's site-packages through
a ``.pth`` line, so nothing is downloaded), and the installed ``watchtower`` command is run from outside the source
tree with no ``PYTHONPATH``: every file the daemon, the dashboard and ``classify`` use must be in the wheel.
"""

from __future__ import annotations

import http.cookiejar
import json
import os
import re
import shutil
import site
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from school_toml import local_smtp, rss_source, school_toml

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "watchtower"
sys.path.insert(0, str(ROOT / "scripts"))
from soak import FLAGGED, FeedServer, MailServer, free_port, wait_until  # noqa: E402

PASSWORD = "correct horse battery staple"


@dataclass(frozen=True)
class Installed:
    venv: Path
    wheel: Path

    @property
    def watchtower(self) -> Path:
        return self.venv / "bin" / "watchtower"

    @property
    def site_packages(self) -> Path:
        return next((self.venv / "lib").glob("python3*/site-packages"))

    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "NOTIFY_SOCKET", "WATCHTOWER_CONFIG")}
        return {**env, **extra}

    def run(self, *args: str, cwd: Path, stdin: str = "", timeout: float = 120,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(self.watchtower), *args], input=stdin, capture_output=True, text=True,
                              cwd=cwd, env=env or self.env(), timeout=timeout)


def tracked_package_files() -> list[str]:
    """Every file of the package that the repository holds, relative to src/watchtower."""
    try:
        out = subprocess.run(["git", "ls-files", "-z", "src/watchtower"], cwd=ROOT, capture_output=True,
                             check=True).stdout.decode()
        files = [f for f in out.split("\0") if f]
    except (OSError, subprocess.CalledProcessError):
        files = [str(p.relative_to(ROOT)) for p in PACKAGE.rglob("*") if p.is_file()]
    return sorted(str(Path(f).relative_to("src/watchtower")) for f in files
                  if "__pycache__" not in f and not f.endswith(".pyc"))


@pytest.fixture(scope="session")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    base = tmp_path_factory.mktemp("wheel")
    # build from a copy, so the build leaves nothing (build/, *.egg-info) in the working tree
    tree = base / "tree"
    tree.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, tree / name)
    shutil.copytree(ROOT / "src", tree / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    dist = base / "dist"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-v", "--no-deps", "--no-index", "--no-build-isolation",
         "-w", str(dist), str(tree)],
        capture_output=True, text=True, timeout=300,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    # -v shows the build backend's own output: the old project.license table printed a deprecation three times
    warnings = [x for x in (build.stdout + build.stderr).splitlines() if "Deprecat" in x]
    assert warnings == [], "\n".join(warnings)
    [wheel] = dist.glob("watchtower-*.whl")
    venv = base / "venv"
    subprocess.run([getattr(sys, "_base_executable", sys.executable), "-m", "venv", "--without-pip",
                    str(venv)], check=True, timeout=120)
    inst = Installed(venv, wheel)
    # the dependencies: the test venv's site-packages, as plain path lines (its .pth files, the editable
    # install of src/ among them, are not processed from here)
    deps = [p for p in site.getsitepackages() if Path(p).is_dir()]
    (inst.site_packages / "_test_dependencies.pth").write_text("\n".join(deps) + "\n")
    pip = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install", "-q", "--no-deps",
         "--no-index", str(wheel)],
        capture_output=True, text=True, timeout=300,
    )
    assert pip.returncode == 0, pip.stdout + pip.stderr
    return inst


class TestTheWheel:
    def test_it_holds_every_file_of_the_package(self, installed: Installed) -> None:
        """Static assets, templates, the model, data files: whatever the repository has, the install has."""
        got = installed.site_packages / "watchtower"
        missing = [f for f in tracked_package_files() if not (got / f).is_file()]
        assert missing == [], f"left out of the wheel (pyproject.toml [tool.setuptools.package-data]): {missing}"

    def test_the_command_runs_the_installed_copy_not_src(self, installed: Installed, tmp_path: Path) -> None:
        res = subprocess.run(
            [str(installed.venv / "bin" / "python"), "-c", "import watchtower; print(watchtower.__file__)"],
            capture_output=True, text=True, cwd=tmp_path, env=installed.env(), timeout=60,
        )
        assert res.returncode == 0, res.stderr
        assert Path(res.stdout.strip()).is_relative_to(installed.venv), res.stdout
        assert installed.run("--version", cwd=tmp_path).stdout.startswith("watchtower ")

    def test_classify_runs_from_the_installed_package(self, installed: Installed, tmp_path: Path) -> None:
        lines = [{"id": "a", "text": "I'm going to bring a knife to school tomorrow and stab him"},
                 {"id": "b", "text": "Lovely concert last night, well done to the choir!"}]
        res = installed.run("classify", "--jsonl", "-", cwd=tmp_path,
                            stdin="".join(json.dumps(x) + "\n" for x in lines))
        assert res.returncode == 0, res.stderr
        out = [json.loads(x) for x in res.stdout.splitlines()]
        assert [o["id"] for o in out] == ["a", "b"]
        assert out[0]["severity"] == "critical" and out[1]["severity"] == "none"


_LINK = re.compile(r'(?:href|src)="([^"#]+)"')
_CSRF = re.compile(r'name="csrf" value="([^"]+)"')


class Browser:
    """A cookie-keeping HTTP client for the installed dashboard (no redirects followed for POSTs)."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path: str) -> tuple[int, str, str]:
        try:
            with self.opener.open(self.base + path, timeout=20) as r:
                return r.status, r.headers.get("Content-Type", ""), r.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as e:
            return e.code, e.headers.get("Content-Type", ""), e.read().decode("utf-8", "replace")

    def login(self, username: str) -> None:
        status, _, page = self.get("/login")
        assert status == 200, page
        m = _CSRF.search(page)
        assert m, page
        body = urllib.parse.urlencode({"username": username, "password": PASSWORD, "csrf": m.group(1)}).encode()
        with self.opener.open(self.base + "/login", data=body, timeout=20) as r:
            assert r.status == 200 and "/login" not in r.url, r.url

    def crawl(self, start: str = "/", limit: int = 200) -> dict[str, int]:
        """GET every same-site page and asset reachable from ``start``: {path: status}."""
        seen: dict[str, int] = {}
        todo = [start]
        while todo and len(seen) < limit:
            path = todo.pop()
            if path in seen:
                continue
            status, ctype, body = self.get(path)
            seen[path] = status
            if "text/html" in ctype:
                for link in _LINK.findall(body):
                    url = urllib.parse.urlsplit(link.replace("&amp;", "&"))
                    if url.scheme or url.netloc or not url.path.startswith("/"):
                        continue  # the post on its platform, mailto: ...
                    todo.append(url.path + (f"?{url.query}" if url.query else ""))
        return seen


@pytest.fixture
def installed_daemon(installed: Installed, tmp_path: Path) -> Iterator[tuple[Installed, Path, str, FeedServer]]:
    feed = FeedServer(seed=5, flagged_share=0.0).start()
    feed.add(2)
    feed.add(1, text=FLAGGED[0])  # a critical item: its page shows the most (reasons, deadline, actions)
    mail = MailServer().start()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    cfg = tmp_path / "watchtower.toml"
    cfg.write_text(school_toml(
        tmp_path / "watchtower.db", sources=[rss_source(feed.url)], smtp=local_smtp(mail.port),
        dashboard={"port": port, "public_url": base},
    ))
    env = installed.env(WATCHTOWER_LINK_KEY="k" * 40)
    for user, role in (("ben", "admin"), ("fatima", "dsl"), ("amy", "moderator")):
        res = installed.run("user", "add", user, "--name", user.title(), "--role", role, "--password-stdin",
                            "--config", str(cfg), cwd=tmp_path, stdin=PASSWORD + "\n", env=env)
        assert res.returncode == 0, res.stderr
    log = (tmp_path / "daemon.log").open("wb")
    proc = subprocess.Popen([str(installed.watchtower), "run", "--config", str(cfg)],
                            cwd=tmp_path, env=env, stdout=log, stderr=subprocess.STDOUT)
    log.close()
    try:
        ready = wait_until(lambda: '"daemon_ready"' in (tmp_path / "daemon.log").read_text(errors="replace")
                           or proc.poll() is not None, 90)
        assert ready and proc.poll() is None, (tmp_path / "daemon.log").read_text(errors="replace")[-3000:]
        yield installed, tmp_path, base, feed
    finally:
        proc.terminate()
        try:
            proc.wait(60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        feed.stop()
        mail.stop()


class TestTheInstalledDaemon:
    def test_every_page_and_asset_the_dashboard_links_to_is_served(
        self, installed_daemon: tuple[Installed, Path, str, FeedServer]
    ) -> None:
        _, tmp_path, base, _ = installed_daemon
        db = tmp_path / "watchtower.db"

        def classified() -> int:
            import sqlite3

            conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
            try:
                return int(conn.execute("SELECT COUNT(*) FROM items WHERE classified_at IS NOT NULL").fetchone()[0])
            finally:
                conn.close()

        assert wait_until(lambda: classified() == 3, 60)
        statuses: dict[str, int] = {}
        for user in ("ben", "fatima", "amy"):
            browser = Browser(base)
            browser.login(user)
            statuses.update(browser.crawl())
        assert "/static/countdown.js" in statuses and "/static/style.css" in statuses
        assert any(p.startswith("/items/") for p in statuses), statuses
        bad = {p: s for p, s in statuses.items() if s >= 400}
        assert bad == {}, f"the installed dashboard fails these links: {bad}"
        status, ctype, body = Browser(base).get("/static/countdown.js")
        assert status == 200 and "javascript" in ctype and body.strip()
