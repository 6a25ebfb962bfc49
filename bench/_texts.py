"""Generated, realistic school social-media posts: mostly harmless, some queries and complaints, a few that must
reach a person at once (threats, safeguarding, harassment, personal data).

Deterministic for a given seed. ``urgent_post`` texts were checked to classify as high or critical with the
shipped classifier (``bench/run.py`` counts how many actually did and reports it).
"""

from __future__ import annotations

import random

_NAMES = ["Mr Patel", "Mrs Jones", "Miss Clarke", "Mr Okafor", "Ms Hughes", "Mr Reid", "Mrs Shah", "Mr Price"]
_EVENTS = ["sports day", "the Christmas fair", "the Year 6 play", "parents' evening", "the science week",
           "the charity bake sale", "the football tournament", "the summer concert", "the school trip to York"]
_YEARS = ["Year 3", "Year 4", "Year 5", "Year 6", "Year 7", "Year 9", "Year 11", "Reception"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]

_HARMLESS = [
    "Great {event} today, well done to {year}! Thanks to all the parents who came along.",
    "Huge thanks to {name} for organising {event}, the children loved it.",
    "Reminder: {event} is on {day}, doors open at 3.30pm. Everyone welcome.",
    "So proud of {year} for their work on {event} this week.",
    "Lovely photos from {event}, what a brilliant afternoon for {year}.",
    "Congratulations to the {year} team who won the district quiz on {day}!",
    "The library has new books for {year}, come and have a look after school on {day}.",
    "Lost property from {event} is in the main office until {day}.",
    "Brilliant assembly from {year} this morning about kindness and friendship.",
    "Thank you {name}, my daughter has really enjoyed {event} this term.",
    "The menu for next week is on the website, including a vegetarian option every {day}.",
    "Well done to everyone who took part in {event}; the photos are on the website.",
]
_NORMAL = [
    "What time does {event} finish on {day}? I need to arrange pick up.",
    "Is there any parking available for {event} on {day}?",
    "Really disappointed that nobody replied to my email about {event}, this school is a shambles.",
    "Can anyone tell me if {year} need PE kit on {day}?",
    "Complaint: the car park on {day} was dangerous again and nobody from the school was there.",
]
_URGENT = [
    "I will kill you tomorrow at the school gate {name}",
    "I am going to bring a knife to school on {day}",
    "{name} is a paedophile and I know where he lives",
    "you are a worthless idiot {name}, nobody at this school likes you",
    "I want to kill myself, nobody cares, not even at {event}",
    "Call {name} on 07700 900{num:03d} and tell them what you think",
]


class PostTexts:
    """Texts for posts; ``flagged_share`` of ``text()`` draws are urgent, ``normal_share`` queries/complaints."""

    def __init__(self, seed: int = 8, *, flagged_share: float = 0.05, normal_share: float = 0.08) -> None:
        self.rng = random.Random(seed)
        self.flagged_share = flagged_share
        self.normal_share = normal_share

    def _fill(self, template: str) -> str:
        r = self.rng
        return template.format(
            name=r.choice(_NAMES), event=r.choice(_EVENTS), year=r.choice(_YEARS), day=r.choice(_DAYS),
            num=r.randrange(1000),
        )

    def urgent(self) -> str:
        return self._fill(self.rng.choice(_URGENT))

    def harmless(self) -> str:
        return self._fill(self.rng.choice(_HARMLESS))

    def text(self) -> str:
        x = self.rng.random()
        if x < self.flagged_share:
            return self.urgent()
        if x < self.flagged_share + self.normal_share:
            return self._fill(self.rng.choice(_NORMAL))
        return self.harmless()
