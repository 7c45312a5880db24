"""Lines a site prints around every article, known by how they open: a prompt to stay with
the site ("Don't miss ...", "Stay updated with ...", "Follow us on ...", "Get the latest news
on ..."), the site's own footer ("This Information System is provided by ..."), a contact line
("Press Office: +1 202 ...") and a photo's record ("Date: 12 May 2025 Description: ...").

A prompt speaks to the reader: a sentence that reports what someone said ("..., the minister
told negotiators") is the article's, however it opens.
"""

from __future__ import annotations

import re

from briefings.reading.linekind import LineKind

_PROMO = re.compile(
    r"^(?:don[’']?t miss|do not miss|never miss|stay (?:updated|informed|tuned|connected|"
    r"up[- ]to[- ]date)\b|keep up(?:[- ]to[- ]date)? with|follow us\b|"
    r"get (?:the )?(?:latest|breaking|top) (?:news|updates|headlines|stories)\b)",
    re.IGNORECASE,
)
_REPORTED = re.compile(r"\b(?:said|says|told|tells|added|according|asked|urged)\b")
_PROMO_MAX_WORDS = 30
_FOOTER = re.compile(
    r"^this (?:information system|(?:web)?site|portal|service|platform|page) is "
    r"(?:provided|operated|maintained|managed|run|owned|hosted|funded) by\b",
    re.IGNORECASE,
)
_CONTACT_LABEL = re.compile(
    r"^(?:press (?:office|officer|contact|desk|enquiries|inquiries)|media (?:contacts?|office|"
    r"enquiries|inquiries|relations)|contacts?|tel(?:ephone)?|phone|fax|mobile|e-?mail|"
    r"newsroom)\b[^:]{0,30}:\s*",
    re.IGNORECASE,
)
_PHONE_OR_MAIL = re.compile(r"\+?\(?\d[\d ()./-]{6,}\d|[\w.+-]+@[\w-]+\.[\w.]+")
_CONTACT_MAX_WORDS = 25
_PHOTO_RECORD = re.compile(r"^Date:\s*[^:]{4,40}?\bDescription:", re.IGNORECASE)
# The first three letters these lines open with (case-folded): the cheap test before any
# pattern runs.
_OPENINGS = frozenset(
    (
        "dat", "don", "do ", "nev", "sta", "kee", "fol", "get", "thi", "tel", "pre", "pho",
        "fax", "mob", "med", "con", "e-m", "ema", "new",
    )
)  # fmt: skip


def site_line_kind(text: str, count: int) -> LineKind | None:
    """The kind of ``text`` (stripped, of ``count`` words) when it is one of the site's own
    lines, else None."""
    if text[:3].casefold() not in _OPENINGS:
        return None
    if _PHOTO_RECORD.match(text):
        return LineKind.CAPTION
    if count <= _PROMO_MAX_WORDS and _PROMO.match(text) and not _REPORTED.search(text):
        return LineKind.PROMPT
    if _FOOTER.match(text):
        return LineKind.PROMPT
    label = _CONTACT_LABEL.match(text) if count <= _CONTACT_MAX_WORDS else None
    if label is not None and _PHONE_OR_MAIL.search(text, label.end()):
        return LineKind.LABEL  # "Press Office: +1 202 ...", "Contact: press@example.gov"
    return None
