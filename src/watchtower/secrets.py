"""Secrets (API tokens, SMTP password) come from systemd credentials or the environment, never the config file.

The config names a secret (``token_secret = "FACEBOOK_PAGE_TOKEN"``); its value is read from
``$CREDENTIALS_DIRECTORY/FACEBOOK_PAGE_TOKEN`` (systemd ``LoadCredential=``) or else the environment variable of
that name.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator

from watchtower.exceptions import SecretMissing

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")


def valid_secret_name(name: str) -> bool:
    return bool(_NAME.match(name))


def check_secret_name(value: str) -> str:
    """``value`` if it is a secret's NAME; else a ValueError (not repeating it: it may be a pasted secret)."""
    if not valid_secret_name(value):
        raise ValueError("this is not a secret NAME: give the name of an environment variable or systemd credential "
                         "(letters, digits, _ . -), never the secret itself")
    return value


SecretName = Annotated[str, AfterValidator(check_secret_name)]
"""A config key that names a secret (``*_secret``): validated, so that no secret's value is pasted in."""


def get_secret(name: str, *, environ: Mapping[str, str] | None = None) -> str:
    """The secret's value, from systemd credentials first, then the environment.

    Raises ``SecretMissing`` naming both places to put it.
    """
    env = os.environ if environ is None else environ
    cred_dir = env.get("CREDENTIALS_DIRECTORY")
    if cred_dir:
        path = Path(cred_dir) / name
        if path.is_file():
            return path.read_text(encoding="utf-8").strip()
    value = env.get(name)
    if value:
        return value.strip()
    raise SecretMissing(
        f"secret {name!r} is not set: put it in the environment variable {name} or, under systemd, "
        f"a credential file named {name} (LoadCredential={name}:/etc/watchtower/credentials/{name})"
    )


def has_secret(name: str, *, environ: Mapping[str, str] | None = None) -> bool:
    try:
        get_secret(name, environ=environ)
    except SecretMissing:
        return False
    return True
