"""The names of the built-in rules that flag 'offensive', 'harassment' or 'hate' without the model.

A name is what follows ``rule:`` in a reason. `watchtower thresholds` reads them (``RULE_CATEGORY`` in this
package) to tell a rule's decision from the model's, and a school's list entry may not take one as its id
(``lists.py``). Kept apart from the package's ``__init__`` so that ``lists.py`` can import it while the package
is loading.
"""

from __future__ import annotations

from watchtower.classify.rules.harassment import _HARASSMENT_RULES
from watchtower.classify.rules.hate import _HATE_PHRASES

#: 'profanity' and 'hate_aimed_at_person' are given by _classifier.py from rules of this package.
BUILTIN_RULE_CATEGORY: dict[str, str] = {
    **{name: "harassment" for name, _ in _HARASSMENT_RULES},
    **{name: "hate" for name, _ in _HATE_PHRASES},
    "slur_lexicon": "hate",
    "hate_aimed_at_person": "harassment",
    "profanity": "offensive",
}
