"""docs/operations.md as a technician follows it: the reverse-proxy recipes pass their own syntax check before
certbot has made any certificate, and the guide says how to add dashboard users and installs from the runtime
lock. (The whole guide is walked by scripts/install_check.sh: `make install-check`.)"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GUIDE = (ROOT / "docs" / "operations.md").read_text(encoding="utf-8")
NGINX = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if Path(p).exists()), None)
APACHE = shutil.which("apache2") or next((p for p in ("/usr/sbin/apache2",) if Path(p).exists()), None)
APACHE_MODULES = Path("/usr/lib/apache2/modules")


def block(lang: str) -> str:
    found = re.findall(rf"```{lang}\n(.*?)```", GUIDE, re.S)
    assert len(found) == 1, f"docs/operations.md should have one ```{lang} block"
    return str(found[0])


class TestTheRecipesBeforeCertbot:
    @pytest.mark.parametrize("lang", ["nginx", "apache"])
    def test_they_name_no_certificate_that_does_not_exist_yet(self, lang: str) -> None:
        text = block(lang)
        for word in ("letsencrypt", "ssl_certificate", "SSLCertificate", "443"):
            assert word not in text, f"the {lang} recipe needs {word} before certbot has run"

    @pytest.mark.skipif(NGINX is None, reason="nginx is not installed here: `nginx -t` NOT run")
    def test_nginx_t_passes(self, tmp_path: Path) -> None:
        (tmp_path / "logs").mkdir()
        (tmp_path / "watchtower").write_text(block("nginx"))
        conf = tmp_path / "nginx.conf"
        conf.write_text(f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/logs/error.log;\nevents {{}}\n"
                        f"http {{\n  access_log off;\n  include {tmp_path}/watchtower;\n}}\n")
        assert NGINX is not None
        res = subprocess.run([NGINX, "-t", "-p", str(tmp_path), "-c", str(conf), "-e", str(tmp_path / "err.log")],
                             capture_output=True, text=True, timeout=60)
        assert res.returncode == 0, res.stderr

    @pytest.mark.skipif(APACHE is None or not APACHE_MODULES.is_dir(),
                        reason="apache2 is not installed here: `apachectl configtest` NOT run")
    def test_apache_t_passes(self, tmp_path: Path) -> None:
        (tmp_path / "watchtower.conf").write_text(block("apache"))
        mods = "".join(f"LoadModule {m}_module {APACHE_MODULES}/mod_{m}.so\n"
                       for m in ("mpm_event", "authz_core", "proxy", "proxy_http", "headers"))
        conf = tmp_path / "httpd.conf"
        conf.write_text(f"ServerRoot {tmp_path}\n{mods}PidFile {tmp_path}/httpd.pid\nErrorLog {tmp_path}/error.log\n"
                        f"Listen 127.0.0.1:80\nServerName localhost\nInclude {tmp_path}/watchtower.conf\n")
        assert APACHE is not None
        res = subprocess.run([APACHE, "-t", "-f", str(conf)], capture_output=True, text=True, timeout=60)
        assert res.returncode == 0, res.stdout + res.stderr


class TestTheGuide:
    def test_it_says_how_to_add_dashboard_users(self) -> None:
        assert re.search(r"user add \w+ --name \"[^\"]+\" .*--role \w+", GUIDE)
        assert "--password-stdin" in GUIDE

    def test_it_installs_the_runtime_lock_with_hashes_and_the_package_without_deps(self) -> None:
        assert "pip install --require-hashes -r /opt/watchtower/src/requirements/runtime.lock" in GUIDE
        assert "pip install --no-deps /opt/watchtower/src" in GUIDE
        assert "requirements.lock" not in GUIDE



class TestThePostgresqlSection:
    SECTION = GUIDE.split("## 12. PostgreSQL", 1)[1]

    def test_its_commands_are_what_the_program_takes(self) -> None:
        import shlex

        from watchtower.cli import build_parser
        from watchtower.config import StoreConfig

        [line] = re.findall(r"watchtower (migrate-store [^']+)'", self.SECTION)
        args = build_parser().parse_args(shlex.split(line))
        assert args.password_secret == "WATCHTOWER_DB_PASSWORD" and args.config == Path(
            "/etc/watchtower/watchtower.toml")
        StoreConfig(url=args.to, password_secret=args.password_secret)  # the URL the guide shows is accepted
        [toml] = re.findall(r"```toml\n(.*?)```", self.SECTION, re.S)
        import tomllib

        store = StoreConfig(**tomllib.loads(toml)["store"])
        assert store.url == args.to and store.password_secret == "WATCHTOWER_DB_PASSWORD"

    def test_it_says_when_to_choose_postgresql_and_how_to_back_it_up(self) -> None:
        for words in ("a trust with many schools", "a second server", "pg_dump", "pg_restore", "migrate-store",
                      "LoadCredential=WATCHTOWER_DB_PASSWORD"):
            assert words in self.SECTION, words
