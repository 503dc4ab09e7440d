"""The organisation's own words: what the office, its units and its head are called.

The catalogue (:mod:`lkjip_xl.messages`) speaks of a Kemenkumham regional office:
"Kantor Wilayah" ("Kanwil"), its "Divisi" and the "Kepala Kantor Wilayah".  Any
other agency declares its own words in the master's sheet Info (Sebutan Instansi,
Sebutan Singkat, Sebutan Unit Kerja, Sebutan Pimpinan: :func:`words_from_info`),
e.g. "Dinas", "Dinas", "Bidang", "Kepala Dinas".  They travel with the master
(:attr:`lkjip_xl.model.Master.words`) and, in the locked content of every form of a
master with its own words (:func:`words_payload`, :func:`words_from_payload`), to
whoever reads the form without the master.

Every run that writes for one organisation says the catalogue in its words with
:func:`lkjip_xl.messages.use_words`; ``msg()`` and ``label()`` then replace the
catalogue's words (whole words, longest first, keeping case) in the catalogue's
texts, never in the data filled into them.  The default words change nothing:
every workbook of a Kemenkumham master stays byte for byte what it was.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, fields
from typing import Any

from ._values import blank
from .messages import LABELS, label, msg, translated
from .xlsx import SHEET_NAME_MAX, utf16_length


@dataclass(frozen=True)
class Words:
    """What the organisation calls itself, its units and its head (default: the catalogue's words)."""

    office: str = LABELS["word_office"]  #: "Kantor Wilayah"; "Dinas", "Badan", "Sekretariat Daerah"
    office_short: str = LABELS["word_office_short"]  #: "Kanwil"; the short form, often the same as ``office``
    unit: str = LABELS["word_unit"]  #: "Divisi"; "Bidang", "Bagian", "Seksi", "Subbag", "UPT"
    head: str = LABELS["word_head"]  #: "Kepala Kantor Wilayah"; "Kepala Dinas"

    @property
    def is_default(self) -> bool:
        """The catalogue's own words: nothing is replaced."""
        return self == DEFAULT_WORDS

    def replacements(self) -> tuple[tuple[str, str], ...]:
        """(catalogue word, own word) of every word that differs from the catalogue's; with its own short
        word, also the catalogue's :data:`REGION` alone ("NILAI SMART WILAYAH" → "NILAI SMART DINAS")."""
        own = tuple((getattr(DEFAULT_WORDS, key), getattr(self, key)) for key in WORD_KEYS
                    if getattr(self, key) != getattr(DEFAULT_WORDS, key))
        return own + ((REGION, self.office_short),) if self.office_short != DEFAULT_WORDS.office_short else own


DEFAULT_WORDS = Words()
#: The catalogue's word for the whole office alone, as the Kanwil's reports say it ("NILAI SMART WILAYAH":
#: the mean over its satker): an organisation with its own words says its short word instead.
REGION = LABELS["word_region"]
#: The keys of the words, in the order of the master's sheet Info (and of a form's locked content).
WORD_KEYS: tuple[str, ...] = tuple(f.name for f in fields(Words))
#: The key of each word among the fields of the master's sheet Info (:data:`lkjip_xl.master_layout.INFO_FIELDS`).
INFO_KEYS = {key: f"words_{key}" for key in WORD_KEYS}


def make_words(office: str = "", office_short: str = "", unit: str = "", head: str = "") -> Words:
    """:class:`Words` from what a master declares, blanks completed: a blank short form is the office
    when that is given; a blank head is the catalogue's head said in the office's words ("Kepala Dinas")."""
    office = office or DEFAULT_WORDS.office
    short = office_short or (office if office != DEFAULT_WORDS.office else DEFAULT_WORDS.office_short)
    head = head or translated(DEFAULT_WORDS.head, Words(office=office, office_short=short))
    return Words(office, short, unit or DEFAULT_WORDS.unit, head)


#: A word: letters and digits, with spaces and . , - ' & ( ) inside.
_WORD = re.compile(r"[^\W_](?:[\w .,'&()-]*[^\W_])?")
#: Longest word, in characters.
WORD_MAX = 40


def _limit(key: str) -> int:
    """:data:`WORD_MAX`, less where a catalogue sheet name holds the word: it must stay a legal sheet name."""
    default = getattr(DEFAULT_WORDS, key)
    marked = Words(**{key: "#"})
    rooms = [SHEET_NAME_MAX - utf16_length(text) + utf16_length(default) for code, text in LABELS.items()
             if code.startswith("sheet_") and translated(text, marked) != text]
    return min([WORD_MAX, *rooms])


#: How long each word may be.
WORD_LIMITS = {key: _limit(key) for key in WORD_KEYS}


def word_problem(key: str, text: str) -> str | None:
    """Why ``text`` cannot be the word ``key`` (in Indonesian); ``None`` when it can."""
    if "_" in text or not _WORD.fullmatch(text):
        return msg("detail_word_chars")
    if utf16_length(text) > WORD_LIMITS[key]:
        return msg("detail_word_length", limit=WORD_LIMITS[key])
    return None


def words_from_info(values: Mapping[str, object], bad: Callable[[str, str], None]) -> Words:
    """The words a master's sheet Info declares: ``values`` maps each field's key (:data:`INFO_KEYS`) to
    its cell value (blank or absent: the default).  ``bad(field key, detail)`` is told of each word refused."""
    given: dict[str, str] = {}
    for key, field_key in INFO_KEYS.items():
        value = values.get(field_key)
        if blank(value):
            continue
        text = str(int(value) if isinstance(value, float) and value.is_integer() else value).strip()
        detail = word_problem(key, text)
        if detail is None:
            given[key] = text
        else:
            bad(field_key, detail)
    return make_words(**given)


def words_payload(words: Words) -> dict[str, str]:
    """The words as a form's locked content holds them."""
    return asdict(words)


def words_from_payload(data: Any) -> Words:
    """The words of a form's locked content (absent: the default); ``ValueError`` when damaged or
    when a word is one a master would refuse (a forged stamp gets no more than the master would)."""
    if data is None:
        return DEFAULT_WORDS
    if not isinstance(data, dict) or set(data) != set(WORD_KEYS) or not all(isinstance(v, str) for v in data.values()):
        raise ValueError("words")
    if any(word_problem(key, data[key]) for key in WORD_KEYS):
        raise ValueError("words")
    return Words(**data)


def common_words(found: Iterable[Words]) -> Words:
    """The words every one of ``found`` has (forms of one organisation); the default when they differ."""
    unique = set(found)
    return unique.pop() if len(unique) == 1 else DEFAULT_WORDS


def unshared(found: Iterable[tuple[str, Words]]) -> list[tuple[str, Words]]:
    """The (file, words) of ``found`` a run in :func:`common_words` does not speak: none when all share
    their words, else every file whose words are not the default (to name them, the fallback said)."""
    found = list(found)
    common = common_words(words for _, words in found)
    return [(name, words) for name, words in found if words != common]


def divisi_label(name: str) -> str:
    """A unit as the group row of Tabel 3.1 names it, in the active words: "Divisi Administrasi", "Bidang
    Perencanaan" (no double "Divisi" for a name that already starts with the word)."""
    return name if name.casefold().startswith(label("col_divisi").casefold()) else msg("divisi_label", name=name)
