"""What can be done on which platform, and how an attempt can fail.

The moderator's vocabulary is the same everywhere (hide, unhide, delete, reply, ban); each platform's client says
what that means there in ``plan`` (the exact call, shown in the confirmation and kept in the row). What a platform
does not allow is simply not offered (``CAPABILITIES``); connectors/<platform>.md says why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

KINDS: tuple[str, ...] = ("hide", "unhide", "delete", "reply", "ban")

#: per platform: kind -> what it does there, in words a moderator reads before confirming
CAPABILITIES: dict[str, dict[str, str]] = {
    "facebook": {
        "hide": "hide the comment (the author and their friends still see it; nobody else does)",
        "unhide": "make the hidden comment public again",
        "delete": "delete the comment from the Page for good",
        "reply": "reply to the comment as the Page",
        "ban": "ban the author from the Page (they can no longer comment, react or message it)",
    },
    "instagram": {
        "hide": "hide the comment (only its author still sees it)",
        "unhide": "make the hidden comment public again",
        "delete": "delete the comment for good",
        "reply": "reply to the comment as the school's account",
    },
    "youtube": {
        "hide": "hold the comment for review (setModerationStatus heldForReview: hidden until published)",
        "unhide": "publish the held comment again (setModerationStatus published)",
        "delete": "reject the comment (setModerationStatus rejected: removed from the channel, replies hidden)",
        "reply": "reply to the comment as the channel",
        "ban": "reject the comment and ban its author from the channel (rejected with banAuthor=true)",
    },
    "x": {
        "hide": "hide the reply to the school's post (still reachable behind 'View hidden replies')",
        "unhide": "show the hidden reply again",
        "reply": "reply to the post as the school's account",
    },
    "mastodon": {
        "reply": "reply to the post as the school's account",
        "ban": "block the author's account (they cannot see or reply to the school's posts)",
    },
    "bluesky": {
        "reply": "reply to the post as the school's account",
        "ban": "block the author's account (a public block record; their replies are hidden)",
    },
}

#: before these, an evidence snapshot is taken and kept with the row (hiding too: the author may delete it next)
EVIDENCE_FIRST = frozenset({"hide", "delete", "ban"})
#: on a safeguarding item only these roles may delete (design.md, "Acting on an item")
SAFEGUARDING_DELETERS = frozenset({"dsl", "headteacher"})
#: who may act on a platform at all (the dashboard's "act" permission; admins run the system, not the pages)
ACTORS = frozenset({"moderator", "dsl", "deputy_dsl", "aht", "headteacher"})
#: the only kinds that may be done on a public mention (someone else's space): a reply from the school's account
MENTION_KINDS = frozenset({"reply"})
#: replies that are safe to resend after a stop mid-call: Mastodon dedups by Idempotency-Key; a Bluesky post has a
#: record key fixed by the action, so a second create is refused
IDEMPOTENT_REPLY_PLATFORMS = frozenset({"mastodon", "bluesky"})

CEOP_URL = "https://www.ceop.police.uk/Safety-Centre/"


@dataclass(frozen=True)
class ActionSpec:
    """One action as the client needs it: taken from the row and its item."""

    action_id: int
    kind: str
    platform: str
    source_name: str
    target_id: str
    dedup_key: str
    text: str | None = None
    author_handle: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


class ActionError(Exception):
    """An attempt failed; ``answer`` is what the platform said (kept in the audit log)."""

    def __init__(self, message: str, *, answer: Any = None) -> None:
        super().__init__(message)
        self.answer = answer


class ActionTransient(ActionError):
    """429, 5xx, a timeout, an outage page: try again later (``retry_after`` seconds when the platform said)."""

    def __init__(self, message: str, *, retry_after: float | None = None, answer: Any = None) -> None:
        super().__init__(message, answer=answer)
        self.retry_after = retry_after


class ActionForbidden(ActionError):
    """The token lacks a permission, expired, or the platform refuses this account: fail now, say which."""


class ActionRefused(ActionError):
    """The platform refused this request for good (bad id, not allowed on this object): fail now."""


class ActionGone(ActionError):
    """The comment or post is already gone (deleted by its author or someone else)."""


class NotPossible(Exception):
    """The request itself is refused before any row is written (wrong role, platform cannot, no text)."""
