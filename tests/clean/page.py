"""A news page in the shape the clean stage meets: caption, dateline, headline, body, then furniture."""

HEADLINE = "Second account of harbour blast points to the “Group X”*"

BODY = (
    "Officials in the port city of Veltmar said on Monday that the blast at the harbour warehouse "
    "was caused by a device planted by members of the “Group X”*, a claim the group has not confirmed.",
    "The harbour authority reported that four workers were injured and one was missing after the "
    "explosion, which shattered windows along the quay and halted shipping for most of the day.",
    "A spokesperson for the regional police told reporters that two suspects had been detained near "
    "the railway station. “We are checking every lead,” she said.",
    "Earlier, the “Group X”* posted a statement online claiming responsibility for a similar attack "
    "in the inland town of Marrow last year, in which twelve people were killed.",
    "Analysts at the Institute for Coastal Security noted that the methods used in both attacks "
    "were alike, including the timing and the choice of a crowded public place.",
    "The government of Country Y has promised to compensate the families of the injured and to "
    "rebuild the damaged warehouse by the end of the year.",
)

FURNITURE_TOP = (
    ("Smoke over the harbour district. Photo taken by a local resident and shared on a messaging channel", "caption"),
    ("25 March 2024, 21:48", "dateline"),
)

FURNITURE_BOTTOM = (
    ("*The organization is banned in Country Y by court.", "legal-footnote"),
    (
        "This article was originally published on the partner page\xa0of the Some Knot agency on "
        "March 22, 2024 at 05:02 am. To access the full text of the article, click\xa0here.",
        "publication-note",
    ),
    ("Source: Some Knot", "source-line"),
    ("All news", "navigation"),
    ("May 30, 2024 15:15", "dated-headline-run"),
    ("May 29, 2024 21:06", "dated-headline-run"),
    ("  • Court refuses to release two harbour workers on bail", "dated-headline-run"),
    (
        "    The district court in Veltmar has turned down requests from two harbour workers, held "
        "since April, to be released on bail while the investigation continues. Their lawyers said "
        "they would appeal.",
        "dated-headline-run",
    ),
    ("May 29, 2024 18:49", "dated-headline-run"),
    ("May 28, 2024 22:58", "dated-headline-run"),
    ("News archive", "navigation"),
)

PAGE = "\n\n".join(
    [line for line, _ in FURNITURE_TOP] + [HEADLINE, *BODY] + [line for line, _ in FURNITURE_BOTTOM]
)
ARTICLE = "\n\n".join([HEADLINE, *BODY])
