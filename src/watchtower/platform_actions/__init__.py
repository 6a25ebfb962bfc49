"""Acting on the platform from Watchtower (issue 17): hide, unhide, delete, reply and ban with the school's own tokens.

- ``model``: what each platform allows (``CAPABILITIES``) and how an attempt fails.
- ``clients``: one moderation client per platform over the connectors' HTTP layer.
- ``service.request_action``: the rules (roles, safeguarding, own accounts), the evidence snapshot, the row.
- ``worker``: does each row once, retries transient failures with backoff, records the platform's answer.
"""

from watchtower.platform_actions.model import CAPABILITIES, CEOP_URL, KINDS, NotPossible

__all__ = ["CAPABILITIES", "CEOP_URL", "KINDS", "NotPossible"]
