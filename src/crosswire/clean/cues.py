"""What page furniture looks like: the cue tables the furniture rules read.

Each table pairs a reason slug (it ends up in `Removed.reason`) with a pattern. Patterns are
matched against one stripped block of text, case-insensitively.
"""

import re

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?"
_DATE = (
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}[./]\d{1,2}[./]\d{2,4})"
)
_TIME = r"\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*\(?[a-z]{2,5}\)?)?"

# A line that is only a date and/or a time: a dateline at the top, a story's timestamp in a sidebar.
TIMESTAMP = re.compile(
    rf"(?:(?:published|updated|posted)(?:\s+on)?:?\s+)?(?:{_WEEKDAY}\s+)?"
    rf"(?:{_DATE}(?:\s*(?:,|at|\||-|–|—|T)?\s*{_TIME})?|{_TIME})",
    re.IGNORECASE,
)

# A heading that opens a list of links; the run of short lines after it goes with it.
HEADINGS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(rf"(?:{alternatives})\s*[:»>›\-–—]*", re.IGNORECASE))
    for reason, alternatives in (
        (
            "navigation",
            r"all news|news archive|archive|latest news|news feed|main menu|menu|navigation|sections|home",
        ),
        (
            "headline-list",
            r"read more|read also|also read|see also|related(?: news| stories| articles| posts| coverage)?"
            r"|most (?:read|popular|viewed|shared)|more (?:news|stories|on this(?: story| topic)?)"
            r"|recommended(?: for you)?|you (?:may|might) also (?:like|be interested in)"
            r"|popular(?: now| stories)?|trending(?: now)?|top stories|editor'?s picks|further reading"
            r"|in other news",
        ),
    )
)

# Cues that remove a block wherever it is. `body=True` rules are specific enough to remove even a
# block that reads like a body paragraph; the others only take short lines.
LINE_CUES: tuple[tuple[str, re.Pattern[str], bool], ...] = tuple(
    (reason, re.compile(pattern, re.IGNORECASE), body)
    for reason, pattern, body in (
        ("caption", r"^(?:photo|image|picture|caption|screenshot|illustration|video|footage)s?(?: credit)?\s*(?:[:|]|by\b)", True),
        ("caption", r"\((?:[\w.]+\s+)?(?:photo|image|picture)\s*/[^)]*\)$", True),
        ("caption", r"(?:getty images|shutterstock)\)?$|^©", True),
        # Explains an asterisk in the text ("the Group X*"); furniture only if the text uses one.
        ("legal-footnote", r"^\*+\s*\S", True),
        ("publication-note", r"^this (?:article|story|material|report|piece) (?:was|is|has been) "
         r"(?:originally |first )?(?:published|posted) (?:on|in|by|at)\b", True),
        ("publication-note", r"^(?:originally|first) (?:published|posted|appeared) (?:on|in|by|at)\b", False),
        ("click-here", r"\bclick\s+here\b|\bshare this (?:article|story|post|page)\b"
         r"|\b(?:subscribe|sign up)\b.{0,40}\b(?:newsletter|channel|updates|alerts)\b", True),
        ("click-here", r"^\W*(?:subscribe|sign up|sign in|log in)\b", False),
        # Paywall appeals: "... needs your support. Subscribe to X from just 2 crowns a month."
        ("subscription-appeal", r"\b(?:needs?|relies on|depends on) (?:your|reader) support\b"
         r"|\bsubscribe (?:to|for)\b.{0,60}\b(?:from|for) (?:just|only)\b", True),
        ("headline-list", r"^(?:read (?:more|also)|also read|see also|related)\s*[:\-–—]\s*\S", True),
        ("source-line", r"^sources?\s*:\s*\S+(?:\s+\S+){0,8}$", False),
        ("advertisement", r"^(?:advertisement|advertising|sponsored(?: content)?|ad)$", False),
    )
)

# A top line with one of these describes a picture rather than the story.
CAPTION_HINT = re.compile(
    r"\b(?:screenshots?|photo(?:graph)?s?|images?|pictures?|pictured|footage|still|courtesy|credit"
    r"|illustration)\b|©|/\s*(?:ap|afp|reuters|epa|tass)\b",
    re.IGNORECASE,
)

# A line made only of these words is a row of share buttons; it needs one of SHARE_TARGETS.
SHARE_TARGETS = frozenset(
    "share tweet facebook twitter whatsapp telegram email e-mail print linkedin reddit vk pinterest "
    "messenger viber".split()
)
SHARE_FILLER = frozenset("x on via this article story link copy ok".split())

BULLET = re.compile(r"^[•·▪►‣◦–—*-]\s*\S")
# Asterisk after a word or closing quote, as in `the “Group X”*`.
ASTERISK_MARK = re.compile(r"[^\s*]\*")
