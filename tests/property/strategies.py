"""Random and adversarial article text for the property tests: the text the web actually sends."""

from hypothesis import strategies as st

HOSTILE_PIECES = (
    "Police said 40 people were killed in Lakeford on Tuesday.",
    "\"He said 'they told us “nothing” about «the attack»' yesterday,\" the mayor said.",
    "The ministry denied that 1,000,000,000 people were killed.",
    "At least 12 soldiers were arrested, according to Reuters.",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "]]>", "{{ 7*7 }}", "[red]x[/red]",
    "'; DROP TABLE documents; --",
    "مرحبا بالعالم، قالت الشرطة", "\u202eevil\u202c", "\u200f", "\u200b", "\u200d", "\ufeff",
    "👩\u200d👩\u200d👧 🔥💥", "e\u0301\u0301\u0301", "Ａ１２３", "\u2028", "\u2029", "\r\n", "\t",
    "\x00", "\x07", "\x1b[31m", "\ud7ff", "\U0010fffd",
    "a" * 3000, "1" * 400, "-" * 500, "." * 300,
    "Взрыв в Москве: пять погибших.", "25 March 2024, 21:48", "date 2024-03-25 Headline",
    "---\ntitle: x\n---", "Source: Wire", "Read more:", "• bullet", "*", "(", ")", "\"", "“", "”",
)
SEPARATORS = st.sampled_from(["", " ", "\n", "\n\n", " \n \n", "\n\n\n"])
PIECE = st.one_of(
    st.sampled_from(HOSTILE_PIECES),
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8", categories=["L", "M", "N", "P", "S", "Z", "Cf"]), max_size=80),
)


@st.composite
def article_text(draw) -> str:
    """A sequence of sentences, markup, control characters and other debris, joined by line breaks."""
    pieces = draw(st.lists(PIECE, min_size=1, max_size=12))
    return "".join(piece + draw(SEPARATORS) for piece in pieces)
