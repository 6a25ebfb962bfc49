"""Values of ``/login?next=`` that try to send a user off-site, shared by the HTTP and the browser tests.

Each is the *raw query-string text* after ``next=`` (already percent-encoded where the attacker would encode it), with
``{host}`` standing for the other site. The issue's three live ones are ``/%09/``, ``/%0D/`` and ``/%0A/``.
"""

from __future__ import annotations

from urllib.parse import quote

_RAW = [
    # TAB, CR, LF and friends: yarl and browsers drop TAB/CR/LF, turning "/\t/host" into "//host"
    "/%09/{host}", "/%0D/{host}", "/%0A/{host}", "/%0D%0A/{host}", "%09//{host}", "/%09%09/{host}", "/%0B/{host}",
    "/%0C/{host}", "/%00/{host}", "/%1F/{host}", "/%20/{host}", "%20//{host}", "/%7F/{host}", "/%E3%80%80/{host}",
    "/%C2%A0/{host}", "/%09%5C{host}",
    # protocol-relative and backslashes (browsers read \ as / in http URLs)
    "//{host}", "///{host}", "////{host}", "/%2F{host}", "%2F%2F{host}", "/\\{host}", "/%5C{host}", "%5C%5C{host}",
    "/\\/{host}", "\\/{host}", "%5C/{host}", "/%5C/{host}", "\\\\{host}",
    # schemes, userinfo, no leading slash
    "http://{host}/", "https://{host}/", "HTTP://{host}", "http:{host}", "https:/{host}", "http:/%09/{host}",
    "//user:pw@{host}", "http://127.0.0.1@{host}/", "{host}", "@{host}", "javascript:alert(1)",
    "JaVaScRiPt%3Aalert(1)", "data:text/html,<script>alert(1)</script>", "%09javascript:alert(1)",
    "/%2509/{host}", "%252F%252F{host}",
]


def variants(host: str) -> list[str]:
    return [r.replace("{host}", host) for r in _RAW]


def raw_query(raw: str) -> str:
    """``raw`` as it would sit in a URL (characters a URL cannot carry as they are, such as ``\\`` and ``<``, are
    percent-encoded the way a browser's address bar would; ``%`` escapes are left as the attacker wrote them)."""
    return quote(raw, safe="%/:@!$&'()*+,;=?~-._")


#: ``next`` values that are ordinary pages on this site: they must still work
LOCAL = ["/", "/items/5", "/items/5?done=ack#result", "/?status=all&q=a%20b", "/review", "/%2F%2Fstill-a-path"]
