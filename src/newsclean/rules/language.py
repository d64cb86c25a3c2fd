"""Language (NC7xx): the document's language, and paragraphs left in the source language.

Translation pipelines sometimes skip a paragraph (a quotation, a caption, a block the engine
timed out on), and scraped feeds mix in articles that were never translated. NC701 records the
document's language in ``metadata["language"]``, so that English-only rules stand down on a
document that is not English; NC702 reports paragraphs of an English document that are still
in another language (detect only: there is nothing to repair, the text must be translated).

langdetect costs about 2 ms a paragraph, far more than every other rule together, so it runs
only where a cheap check fails: a paragraph whose share of common English words
(``english_common_words.txt``) is high is English, and langdetect never sees it. It runs on
words only (punctuation and spacing do not change its answer), with its own seeded factory
(deterministic, thread-safe, loaded once on first use), and only on text long enough for it to
be reliable. A paragraph is reported only when langdetect is confident *and* the paragraph
confirms it: enough of the detected language's common words (``source_language_words.txt``),
or mostly letters of another script (Cyrillic, Greek, Arabic ...).

Options (``Config(options={"NC7": {...}})``):
    min_words: shortest paragraph (in words) judged at all (default 8).
    min_letters: fewest letters in a paragraph judged at all (default 40).
    english_share: share of common English words from which text is English (default 0.2).
    min_probability: langdetect probability needed (default 0.9).
    source_share: share of the detected language's common words needed (default 0.15).
    source_words: ``{code: [words]}`` added to the source-language tables.
"""

from __future__ import annotations

import threading
import zlib
from collections import Counter
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import Any, NamedTuple

from ..edits import Change, Meta
from ..registry import Context, Option, Rule
from ..resources import (
    compiled_patterns,
    compiled_re_patterns,
    derived,
    load_table,
    simple_tokens,
    single_token,
    wordfreq_key,
    zipf_frequency,
)
from .fused import chunk_around

#: A word: a run of letters (with combining marks) and inner apostrophes.
#: A line with its end (paragraph candidates; blank lines separate nothing we need)
#: (LINE_RE). Letters of the Latin script (LATIN_RE). (Kept compiled in the cache folder:
#: see :func:`newsclean.resources.compiled_patterns`.)
WORD_RE, LINE_RE, LATIN_RE = compiled_patterns(
    "language",
    (r"\p{L}[\p{L}\p{M}]*(?:['’]\p{L}[\p{L}\p{M}]*)*", r"[^\n]+", r"\p{Script=Latin}"),
)
#: A word for the cheap checks: two or more characters that are not spaces, punctuation,
#: symbols or digits (apostrophes split words; the standard library engine is faster here).
FAST_WORD_RE = compiled_re_patterns(
    "language", (r"[^\s\"'“”‘’„«»‹›()\[\]{}<>.,;:!?…*#@/\\|\-–—_=+~^%$€£&0-9]{2,}",)
)[0]

LANGUAGE_NAMES = {
    "en": "English",
    "it": "Italian",
    "es": "Spanish",
    "fr": "French",
    "de": "German",
    "pl": "Polish",
    "pt": "Portuguese",
    "nl": "Dutch",
    "ro": "Romanian",
    "ru": "Russian",
    "uk": "Ukrainian",
    "bg": "Bulgarian",
    "be": "Belarusian",
    "cs": "Czech",
    "el": "Greek",
    "ar": "Arabic",
    "tr": "Turkish",
}

#: Source-language words at least this frequent in English (zipf) are not distinctive.
ENGLISH_ZIPF = 5.1
#: Share of words with a language's characteristic letters that confirms it.
LETTER_SHARE = 0.2
#: Paragraphs with a larger share of capitalised words are lists of names or title-case
#: headlines, not prose: they are never judged.
MAX_CAPITALISED = 0.6

#: The start of a document the fast English check reads.
FAST_PATH_CHARS = 4000
#: Fewest words for a whole-document verdict when no paragraph could be judged on its own.
FALLBACK_MIN_WORDS = 20

#: Text langdetect sees at most (it samples n-grams; more text costs time, not accuracy).
MAX_DETECT_CHARS = 2000


@cache
def english_words() -> frozenset[str]:
    """The common English words of the cheap check."""
    return frozenset(load_table("english_common_words.txt"))


@cache
def source_words() -> dict[str, frozenset[str]]:
    """Common words per source language, from ``source_language_words.txt``.

    >>> "della" in source_words()["it"]
    True

    Kept in the cache folder (:func:`newsclean.resources.derived`, stamped with both tables,
    :data:`ENGLISH_ZIPF` and the installed wordfreq): later processes read it instead of
    looking up every word's frequency (loading the frequency table) before the first text.
    """
    lines = load_table("source_language_words.txt")
    try:
        key = "|".join(
            (
                wordfreq_key(),
                repr(ENGLISH_ZIPF),
                f"{zlib.crc32(chr(10).join(lines).encode()):08x}",
                f"{zlib.crc32(chr(10).join(load_table('english_common_words.txt')).encode()):08x}",
            )
        )
    except ImportError:  # no wordfreq to stamp it with: built here, and not kept
        return _source_words()
    return derived(
        "language-source-words",
        key,
        _source_words,
        uses=(distinctive, zipf_frequency, simple_tokens, single_token),
    )


def _source_words() -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for line in load_table("source_language_words.txt"):
        code, _, words = line.partition(":")
        out[code.strip()] = distinctive(words.split())
    return out


def distinctive(words: Iterable[str]) -> frozenset[str]:
    """The lower-cased ``words`` that are not also frequent English words.

    Words such as "in", "a", "to", "die" or "come" say nothing about a paragraph's language.

    >>> sorted(distinctive(["in", "della", "Come", "sono"]))
    ['della', 'sono']
    """
    return frozenset(
        w
        for w in (str(word).lower() for word in words)
        if w not in english_words() and zipf_frequency(w) < ENGLISH_ZIPF
    )


def words_of(text: str) -> list[str]:
    """The lower-cased words of ``text`` (two letters or more; apostrophes split words).

    >>> words_of("Kyiv's “plan”, 2022: OK (Photo: EFE/EPA) a")
    ['kyiv', 'plan', 'ok', 'photo', 'efe', 'epa']
    """
    return FAST_WORD_RE.findall(text.lower())


def english_share(words: list[str]) -> float:
    """Share of ``words`` that are common English words (the cheap check).

    >>> english_share("the minister said that the talks will go on".split())
    0.6666666666666666
    >>> english_share("il governo ha detto che la situazione è grave".split())
    0.0
    """
    if not words:
        return 0.0
    return sum(map(english_words().__contains__, words)) / len(words)


def plainly_english(text: str) -> bool:
    """The cheapest check: "the", "of" and "and" make up more than 1 word in 16.

    Other languages score near 0 unless they quote English. On bbc_clean this settles 95% of
    the documents (first 4,000 characters) and 79% of the paragraphs of 40 characters or more
    with three substring counts at C speed, before anything is split into words.

    >>> plainly_english("The head of the Kremlin and the chancellor met in Moscow on Tuesday.")
    True
    >>> plainly_english("Il capo del Cremlino e il cancelliere si sono incontrati a Mosca.")
    False
    """
    # The counts only add up: stop as soon as they are enough (most English text: one).
    words = text.count(" ") + 1
    hits = text.count(" the ")
    if hits * 16 > words:
        return True
    hits += text.count(" of ")
    if hits * 16 > words:
        return True
    hits += text.count(" and ") + text.startswith(("The ", "Of ", "And "))
    return hits * 16 > words


def share_in(words: list[str], vocabulary: frozenset[str]) -> float:
    """Share of ``words`` found in ``vocabulary``.

    >>> share_in(["la", "casa", "di"], frozenset({"la", "di"}))
    0.6666666666666666
    """
    if not words:
        return 0.0
    return sum(map(vocabulary.__contains__, words)) / len(words)


def latin_share(text: str) -> float:
    """Share of the letters of ``text`` that are Latin.

    >>> latin_share("Kyiv Київ")
    0.5
    >>> latin_share("123")
    1.0
    """
    if text.isascii():  # ASCII letters are all Latin: no walk over the characters
        return 1.0
    letters = sum(map(str.isalpha, text))
    if not letters:
        return 1.0
    return len(LATIN_RE.findall(text)) / letters


class _Detector:
    """langdetect with its own seeded factory, loaded once on first use (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._factory: Any = None

    def _load(self) -> Any:
        factory = self._factory
        if factory is not None:
            return factory
        with self._lock:
            if self._factory is None:
                from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

                fresh = DetectorFactory()
                fresh.load_profile(PROFILES_DIRECTORY)
                fresh.set_seed(0)
                self._factory = fresh
            return self._factory

    def __call__(self, text: str) -> list[tuple[str, float]]:
        """(language, probability) pairs for ``text``, most probable first; [] on failure."""
        from langdetect.lang_detect_exception import LangDetectException

        detector = self._load().create()
        detector.set_max_text_length(MAX_DETECT_CHARS)
        detector.append(text)
        try:
            return [(str(p.lang), float(p.prob)) for p in detector.get_probabilities()]
        except LangDetectException:
            return []


#: The process-wide detector (read-only after loading; each call builds its own Detector).
detect_languages = _Detector()


class Settings(NamedTuple):
    """The NC7 options in one place (see the module documentation). Hashable."""

    min_words: int = 8
    min_letters: int = 40
    english_share: float = 0.2
    min_probability: float = 0.9
    source_share: float = 0.15
    #: (code, words) pairs; empty means the built-in tables.
    source_words: tuple[tuple[str, frozenset[str]], ...] = ()

    @property
    def tables(self) -> dict[str, frozenset[str]]:
        """Common words per source language."""
        return dict(self.source_words) if self.source_words else source_words()

    @classmethod
    def of(cls, ctx: Context) -> Settings:
        """The settings a rule's options ask for (built once per distinct options)."""
        if not ctx.config.options:
            return _DEFAULT_SETTINGS
        return _settings(
            int(ctx.option("min_words", _DEFAULT_SETTINGS.min_words)),
            int(ctx.option("min_letters", _DEFAULT_SETTINGS.min_letters)),
            float(ctx.option("english_share", _DEFAULT_SETTINGS.english_share)),
            float(ctx.option("min_probability", _DEFAULT_SETTINGS.min_probability)),
            float(ctx.option("source_share", _DEFAULT_SETTINGS.source_share)),
            ctx.option("source_words", ()),
        )


@lru_cache(maxsize=64)
def _settings(
    min_words: int,
    min_letters: int,
    english: float,
    min_probability: float,
    source: float,
    extra: Any,
) -> Settings:
    tables = dict(source_words())
    for code, words in dict(extra).items():
        if isinstance(words, str):
            words = words.split()
        tables[str(code)] = tables.get(str(code), frozenset()) | distinctive(words)
    pairs = tuple(sorted(tables.items())) if extra else ()
    return Settings(min_words, min_letters, english, min_probability, source, pairs)


#: The settings of a configuration without options (the common case: no option look-ups).
_DEFAULT_SETTINGS = Settings()


def _confirmed(
    words: list[str], latin: bool, lang: str, settings: Settings, *, unlisted_probability: float
) -> bool:
    """Whether a paragraph's own words back langdetect's answer ``lang``."""
    letters = source_letters().get(lang)
    if letters is not None and letter_share(words, letters) >= LETTER_SHARE:
        return True
    vocabulary = settings.tables.get(lang)
    if vocabulary is not None:
        return share_in(words, vocabulary) >= settings.source_share
    return not latin or unlisted_probability >= 0.99


def _may_confirm(words: list[str], settings: Settings) -> bool:
    """Whether any language could confirm a Latin-script text (else langdetect is not run)."""
    if any(share_in(words, v) >= settings.source_share for v in settings.tables.values()):
        return True
    return any(letter_share(words, v) >= LETTER_SHARE for v in source_letters().values())


@cache
def source_letters() -> dict[str, frozenset[str]]:
    """Letters characteristic of a source language, from ``source_language_letters.txt``.

    >>> "ł" in source_letters()["pl"]
    True
    """
    out: dict[str, frozenset[str]] = {}
    for line in load_table("source_language_letters.txt"):
        code, _, letters = line.partition(":")
        out[code.strip()] = frozenset(letters.split())
    return out


def letter_share(words: list[str], letters: frozenset[str]) -> float:
    """Share of ``words`` that contain one of ``letters``.

    >>> letter_share(["wycofanie", "wojsk", "będą", "już"], frozenset("ąęł"))
    0.25
    """
    if not words:
        return 0.0
    return (len(words) - sum(map(letters.isdisjoint, words))) / len(words)


def judge(text: str, settings: Settings | None = None) -> tuple[str, float] | None:
    """The language of a paragraph when it is confidently not English, else ``None``.

    ``None`` means English, too short to judge, or not confident. langdetect runs only when
    the cheap checks fail. Results are cached per distinct paragraph (NC701 and NC702 judge
    the same paragraphs).

    >>> judge("Il ministro degli Esteri ha detto che la situazione al confine è ancora grave.")
    ('it', 1.0)
    >>> judge("The foreign minister said the situation on the border was still grave.") is None
    True
    >>> judge("Photo: EFE/EPA/OLEG PETRASYUK") is None
    True
    >>> judge("Perugini, Intoppa, Del Fava, Dal Maso, Griffen, Pozzebon, Robertson, Masi.") is None
    True
    """
    return _judge(text, settings or Settings())


@lru_cache(maxsize=4096)
def _judge(text: str, settings: Settings) -> tuple[str, float] | None:
    if len(text) < settings.min_letters or plainly_english(text):
        return None
    words = words_of(text)
    if len(words) < settings.min_words or sum(map(len, words)) < settings.min_letters:
        return None
    if english_share(words) >= settings.english_share:
        return None
    latin = latin_share(text) >= 0.5
    if latin:
        # Only a paragraph that could be confirmed below is worth langdetect's time.
        if not _may_confirm(words, settings):
            return None
        if capitalised_share(text) > MAX_CAPITALISED:
            return None
    ranked = detect_languages(" ".join(words))
    if not ranked:
        return None
    lang, prob = ranked[0]
    if lang == "en" or prob < settings.min_probability:
        return None
    if not _confirmed(words, latin, lang, settings, unlisted_probability=0.0):
        return None
    return lang, round(prob, 2)


def capitalised_share(text: str) -> float:
    """Share of the words of ``text`` that start with a capital letter.

    >>> capitalised_share("Perugini, Intoppa, Del Fava, Dal Maso, Griffen, and others")
    0.7777777777777778
    """
    found = WORD_RE.findall(text)
    if not found:
        return 0.0
    return sum(1 for w in found if w[0].isupper()) / len(found)


#: The language of a text that is not English but too short to name (ISO 639-2 "und").
UNDETERMINED = "und"


def reads_foreign(text: str, settings: Settings | None = None) -> bool:
    """Whether a short text reads as one source language: its distinct lower-case words (name
    particles such as "Del" or "La" are capitalised) hold three or more of that language's
    distinctive common words (``source_language_words.txt``), and more of them than words
    that are only English (frequent in English, Zipf >= 4, and in no source table).

    >>> reads_foreign("Il governo ha detto che la crisi è grave.")
    True
    >>> reads_foreign("He said c’est la vie."), reads_foreign("Kuleba, Peskov")
    (False, False)
    >>> reads_foreign("NATO defence ministers met in Brussels on Wednesday.")
    False
    >>> reads_foreign("Perugini, Intoppa, Del Fava, Dal Maso, Griffen, Pozzebon.")
    False
    """
    words = {w.lower() for w in FAST_WORD_RE.findall(text) if w[0].islower()}
    tables = (settings or _DEFAULT_SETTINGS).tables
    best = max((len(words & vocabulary) for vocabulary in tables.values()), default=0)
    if best < 3:
        return False
    listed = frozenset().union(*tables.values())
    english = sum(1 for w in words - listed if zipf_frequency(w) >= 4.0)
    return best > english


def document_language(text: str, settings: Settings | None = None) -> str | None:
    """The language of a whole document: ``"en"``, a langdetect code, or ``None`` (unknown).

    A document whose words are common English words often enough is English at once.
    Otherwise its paragraphs are judged one by one (:func:`judge`): the document is in a
    foreign language when paragraphs in that language hold most of its letters. When no
    paragraph can be judged, langdetect reads the document once, if the same cheap checks as
    for a paragraph allow it (another script, or a source language's common words).

    >>> document_language("The minister said on Tuesday that the talks would go on.")
    'en'
    >>> document_language("Il ministro ha detto martedì che i colloqui con la Russia "
    ...                   "andranno avanti nonostante le tensioni al confine.")
    'it'
    >>> document_language("Kuleba, Peskov") is None
    True

    A text too short for a verdict that reads as a source language (:func:`reads_foreign`)
    is ``"und"``: not English, language undetermined.

    >>> document_language("Il governo ha detto che la crisi è grave.")
    'und'
    """
    settings = settings or Settings()
    if plainly_english(text[:FAST_PATH_CHARS]):
        return "en"
    first = words_of(text[:FAST_PATH_CHARS])
    if len(first) >= 3 and english_share(first) >= settings.english_share:
        return "en"
    words = words_of(text) if len(text) > FAST_PATH_CHARS else first
    if len(words) < 3:
        return UNDETERMINED if reads_foreign(text, settings) else None
    if english_share(words) >= settings.english_share:
        return "en"
    letters = sum(map(len, words))
    foreign: Counter[str] = Counter()
    for m in LINE_RE.finditer(text):
        verdict = _judge(m.group().strip(), settings)
        if verdict is not None:
            foreign[verdict[0]] += sum(map(len, words_of(m.group())))
    if foreign:
        if 2 * sum(foreign.values()) > letters:
            return foreign.most_common(1)[0][0]
        return "en"
    # Short texts and lists of names flip between languages: no verdict, unless the words
    # are plainly a source language's.
    if len(words) < FALLBACK_MIN_WORDS or letters < settings.min_letters:
        return UNDETERMINED if reads_foreign(text, settings) else None
    sample = words[: MAX_DETECT_CHARS // 4]
    head = text[: MAX_DETECT_CHARS * 4]
    latin = latin_share(head) >= 0.5
    if latin and (capitalised_share(head) > MAX_CAPITALISED or not _may_confirm(sample, settings)):
        # Latin script, no source language's words: English that is light on common words
        # (sports reports, lists), or a language we have no table for.
        return "en" if english_share(words) >= settings.english_share / 2 else None
    ranked = detect_languages(" ".join(sample))
    if not ranked or ranked[0][1] < settings.min_probability:
        return None
    lang, prob = ranked[0]
    if lang == "en":
        return "en"
    return lang if _confirmed(sample, latin, lang, settings, unlisted_probability=prob) else None


#: NC701's answer for an English document (made once: the common case).
_ENGLISH = (Meta("language", "en"),)


def find_document_language(text: str, ctx: Context) -> tuple[Change | Meta, ...]:
    language = document_language(text, Settings.of(ctx))
    if language is None:
        return ()
    if language == "en":
        return _ENGLISH
    if language == UNDETERMINED:
        what = "text reads as another language but is too short to name it"
    else:
        what = f"document is in {LANGUAGE_NAMES.get(language, language)} ({language}), not English"
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    return (
        Meta("language", language),
        Change(start, end, None, f"{what}: English-only rules stand down"),
    )


def untranslated_paragraphs(
    text: str, settings: Settings | None = None
) -> list[tuple[int, int, str, float]]:
    """Spans of lines still in another language; adjacent lines in one language merge.

    >>> doc = ("The talks went on in Brussels on Tuesday, the ministers said.\\n\\n"
    ...        "Il governo italiano ha chiesto alla Russia di ritirare le truppe dal confine.")
    >>> untranslated_paragraphs(doc)
    [(63, 140, 'it', 1.0)]
    """
    settings = settings or Settings()
    if not may_be_untranslated(text, settings):
        return []
    found: list[tuple[int, int, str, float]] = []
    for m in LINE_RE.finditer(text):
        line = m.group()
        stripped = line.strip()
        if not stripped:
            continue
        verdict = judge(stripped, settings)
        if verdict is None:
            continue
        start = m.start() + (len(line) - len(line.lstrip()))
        end = start + len(stripped)
        lang, prob = verdict
        if found and found[-1][2] == lang and text[found[-1][1] : start].strip() == "":
            prev = found[-1]
            found[-1] = (prev[0], end, lang, min(prev[3], prob))
        else:
            found.append((start, end, lang, prob))
    return found


def may_be_untranslated(text: str, settings: Settings | None = None) -> bool:
    """Whether any line of ``text`` is judged not English (the cheap whole-document pass).

    Lines are taken as :func:`untranslated_paragraphs` takes them, but without offsets, and
    the cheapest checks of :func:`judge` run inline before its cached judgement.

    >>> may_be_untranslated("The talks went on in Brussels on Tuesday, the ministers said.")
    False
    >>> may_be_untranslated("Il governo italiano ha chiesto alla Russia di ritirare le truppe.")
    True
    """
    settings = settings or Settings()
    shortest = settings.min_letters
    for line in text.split("\n"):
        if len(line) < shortest:
            continue
        stripped = line.strip()
        if len(stripped) < shortest or plainly_english(stripped):
            continue
        if _judge(stripped, settings) is not None:
            return True
    return False


def find_untranslated(text: str, ctx: Context) -> list[Change]:
    return [
        Change(
            start,
            end,
            None,
            f"paragraph still in {LANGUAGE_NAMES.get(lang, lang)} ({lang}, p={prob:.2f}): "
            "not translated",
        )
        for start, end, lang, prob in untranslated_paragraphs(text, Settings.of(ctx))
    ]


#: The letters of scripts other than Latin that translation from the source languages leaves
#: behind; a run of them may span words ("Диалог.иа", "В. K. Arsenyev", "+22 ° С").
FOREIGN_SCRIPT = (
    r"[\p{Cyrillic}\p{Greek}\p{Arabic}\p{Hebrew}\p{Georgian}\p{Armenian}\p{Han}"
    r"\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}\p{Devanagari}]"
)
(FOREIGN_RUN_RE,) = compiled_patterns(
    "language-script",
    (FOREIGN_SCRIPT + r"++(?:[ \t.,'’-]++" + FOREIGN_SCRIPT + r"++)*+",),
)
#: A chunk that is an address: a URL, an e-mail, a domain ("премияарсеньева.рф"), a handle
#: or a hashtag.
ADDRESS_MARKS = ("://", "@", "www.", "#")


def foreign_script_runs(text: str) -> list[tuple[int, int]]:
    """Spans of letters of another script than Latin (Cyrillic, Greek, Arabic ...) in
    ``text``, outside addresses and glosses in brackets: what translation left untranslated
    or a keyboard slipped in (a Cyrillic "С" for the Latin "C" of degrees Celsius).

    >>> t = "he quotes Диалог.иа and it will be + 22 ° С; see https://премия.рф/ now"
    >>> [t[s:e] for s, e in foreign_script_runs(t)]
    ['Диалог.иа', 'С']
    >>> foreign_script_runs("Kyiv, Zürich, Łódź and São Paulo; the Kremlin (Кремль)")
    []
    """
    first = first_outside_cp1252(text)
    if first is None:
        return []
    out = []
    for m in FOREIGN_RUN_RE.finditer(text, first):
        chunk = chunk_around(text, m.start(), m.end())
        if any(mark in chunk for mark in ADDRESS_MARKS):
            continue
        if text[m.start() - 1 : m.start()] == "(" and text[m.end() : m.end() + 1] == ")":
            continue  # a gloss: "the Kremlin (Кремль)"
        if symbol_or_gloss(text, m.start(), m.end()):
            continue
        out.append((m.start(), m.end()))
    return out


#: Greek capitals and small letters that look like Latin ones: alone, one of them is more
#: likely a Latin letter typed on a Greek keyboard than a symbol.
GREEK_LOOKALIKES = frozenset("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧο")
#: Units written with a Greek letter: micro- ("5 μm") and the ohm ("10 kΩ").
GREEK_UNITS = frozenset(
    {"μm", "μg", "μs", "μl", "μL", "μM", "μV", "μA", "μW", "μHz", "μmol", "μSv", "kΩ", "MΩ", "GΩ"}
)
#: Letters of words, and the end of a quotation after a quoted phrase ("Слава Україні!”").
_LETTERS_RE, _QUOTE_END_RE, _LATIN_GLOSS_RE = compiled_patterns(
    "language-gloss",
    (
        r"\p{L}+",
        r"[!?.,…]*+[”\"’'»“]",
        # A transliteration in brackets after the word: "мир (mir)".
        r"[ \t\u00a0]*+\((?=\p{Script=Latin})[\p{Script=Latin} '’-]{1,40}\)",
    ),
)
QUOTES_BEFORE = "“\"‘'«„"


@cache
def _named_language_re() -> Any:
    """A language's name at the end of the text before a word: "in Ukrainian is ", "the
    Russian word ", "Russian for peace, ", "(Russian: " (``data/gloss_language_names.txt``).
    """
    import regex

    names = "|".join(sorted(load_table("gloss_language_names.txt"), key=lambda n: -len(n)))
    return regex.compile(
        r"(?<!\p{L})(?:" + names + r")"
        r"(?:[ \t\u00a0]++(?:words?|names?|term|spelling|slogan|for[ \t\u00a0]++[\p{L}-]++)){0,2}"
        r"(?:[ \t\u00a0]++(?:is|was|as|means|reads))?"
        r"[ \t\u00a0]*+[,:]?[ \t\u00a0]*+[“\"‘'«„]?$"
    )


def symbol_or_gloss(text: str, start: int, end: int) -> bool:
    """Whether the run of another script at ``text[start:end]`` is meant: Greek letters
    used as symbols or units ("π is about 3.14", "α = 0.05", "the μ-opioid receptor", "5 μm"),
    or a gloss of a word ("мир (mir)", "his name in Ukrainian is Зеленський", the Russian
    word ..., a quoted phrase: "“Слава Україні!”").

    >>> t = "The letter π is 3.14, α = 0.05, the μ-opioid receptor, 5 μm and 10 kΩ."
    >>> [t[m.start() : m.end()] for m in FOREIGN_RUN_RE.finditer(t)
    ...  if symbol_or_gloss(t, m.start(), m.end())]
    ['π', 'α', 'μ', 'μ', 'Ω']
    >>> t = "peace, мир (mir), is; in Ukrainian is Зеленський; they chanted “Слава Україні!”"
    >>> [t[m.start() : m.end()] for m in FOREIGN_RUN_RE.finditer(t)
    ...  if symbol_or_gloss(t, m.start(), m.end())]
    ['мир', 'Зеленський', 'Слава Україні']

    Left in English prose, a word or a lookalike letter is no gloss:

    >>> t = "he quotes Диалог.иа and “Коммерсант”; + 22 ° С; Αthens; Α man; В. K.; 01։23"
    >>> [t[m.start() : m.end()] for m in FOREIGN_RUN_RE.finditer(t)
    ...  if not symbol_or_gloss(t, m.start(), m.end())]
    ['Диалог.иа', 'Коммерсант', 'С', 'Α', 'Α', 'В', '։']
    """
    run = text[start:end]
    letters = _LETTERS_RE.findall(run)
    # Letters that stand alone as words: Greek symbols (never a lookalike of a Latin letter).
    if (
        letters
        and not text[start - 1 : start].isalpha()
        and not text[end : end + 1].isalpha()
        and all(len(w) == 1 and "\u0370" <= w <= "\u03ff" for w in letters)
        and not any(w in GREEK_LOOKALIKES for w in letters)
    ):
        return True
    # A unit: the whole word around the run ("μm", "kΩ").
    if len(run) == 1:
        left, right = start, end
        while left > 0 and text[left - 1].isalpha() and start - left < 2:
            left -= 1
        while right < len(text) and text[right].isalpha() and right - end < 3:
            right += 1
        word_start = left == 0 or not text[left - 1].isalpha()
        word_end = right == len(text) or not text[right].isalpha()
        if word_start and word_end and text[left:right] in GREEK_UNITS:
            return True
    # A transliteration in brackets after it: "мир (mir)".
    # (Each pattern reads a short slice: ``match(text, pos)`` on a long text costs more.)
    if _LATIN_GLOSS_RE.match(text[end : end + 48]):
        return True
    # A quoted phrase of two words or more: a slogan, a title.
    if (
        len(letters) > 1
        and text[start - 1 : start] in QUOTES_BEFORE
        and start > 0
        and _QUOTE_END_RE.match(text[end : end + 8])
    ):
        return True
    # After the name of its language: "in Ukrainian is Зеленський", "the Russian word мир".
    return _named_language_re().search(text[max(0, start - 40) : start]) is not None


def first_outside_cp1252(text: str) -> int | None:
    """Where the first character that Windows-1252 cannot encode stands, or None: the gate
    of :func:`foreign_script_runs`, in C (English text with accents, curly quotes, dashes
    and "€" leaves here; no letter of :data:`FOREIGN_SCRIPT` is in Windows-1252).

    >>> first_outside_cp1252("Zürich’s “talks” cost €5"), first_outside_cp1252("a Київ")
    (None, 2)
    """
    if text.isascii():
        return None
    try:
        text.encode("cp1252")
    except UnicodeEncodeError as exc:
        return exc.start
    return None


def find_foreign_script(text: str, ctx: Context) -> list[Change]:
    runs = foreign_script_runs(text)
    if not runs:
        return []
    # A paragraph NC702 reports as untranslated is reported there, whole.
    whole = untranslated_paragraphs(text, Settings.of(ctx))
    return [
        Change(start, end, None, f"letters of {script_name(text[start:end])} left in English text")
        for start, end in runs
        if not any(s <= start and end <= e for s, e, _, _ in whole)
    ]


def script_name(run: str) -> str:
    """The script of the first letter of ``run``, as Unicode names it, for messages.

    >>> script_name("Диалог"), script_name("Ωμέγα"), script_name("東京")
    ('the Cyrillic script', 'the Greek script', 'the CJK script')
    """
    import unicodedata

    first = next((ch for ch in run if ch.isalpha()), run[:1])
    word = unicodedata.name(first, "OTHER").split()[0]
    return f"the {word if word.isupper() and len(word) <= 3 else word.capitalize()} script"


#: The options of the language rules (``Config(options={"NC7": {...}})``).
OPTIONS = (
    Option("min_words", "int", "fewest words in a paragraph that is judged (8)"),
    Option("min_letters", "int", "fewest letters in a paragraph that is judged (40)"),
    Option("english_share", "number", "share of common English words that makes English (0.2)"),
    Option("min_probability", "number", "least langdetect probability taken (0.9)"),
    Option("source_share", "number", "share of a source language's words that confirms it"),
    Option("source_words", "table", "more common words per language: {'it': ['della', ...]}"),
)

RULES = (
    Rule(
        code="NC701",
        name="document-language",
        family="language",
        summary="Record the document's language in metadata['language'] (langdetect, gated).",
        find=find_document_language,
        fixes=False,
        before="Il ministro ha detto che i colloqui andranno avanti nonostante le tensioni.",
        after="Il ministro ha detto che i colloqui andranno avanti nonostante le tensioni.",
        why="Feeds mix untranslated articles into translated ones; rules written for English "
        "must not run on them (they stand down and are listed in metadata['skipped_rules']).",
    ),
    Rule(
        code="NC702",
        name="untranslated-paragraph",
        family="language",
        summary="Report paragraphs of an English document still in the source language.",
        find=find_untranslated,
        fixes=False,
        english_only=True,
        before="The talks went on, the ministers said on Tuesday in Brussels.\n\n"
        "Il governo italiano ha chiesto alla Russia di ritirare le truppe dal confine.",
        after="The talks went on, the ministers said on Tuesday in Brussels.\n\n"
        "Il governo italiano ha chiesto alla Russia di ritirare le truppe dal confine.",
        why="Translation engines skip blocks (quotations, captions, text past a length limit) "
        "and leave them in the source language; only a translator can repair them.",
    ),
    Rule(
        code="NC703",
        name="foreign-script",
        family="language",
        summary="Report letters of another script (Cyrillic, Greek, Arabic ...) left in English.",
        find=find_foreign_script,
        fixes=False,
        english_only=True,
        before="The capital will be from +22 °С to +24 °С, he quotes Диалог.иа.",
        after="The capital will be from +22 °С to +24 °С, he quotes Диалог.иа.",
        why="Translation leaves names of outlets and quoted words in the source script, and "
        "a source-language keyboard writes a Cyrillic С for the C of degrees Celsius; which "
        "Latin spelling is right needs a person (addresses are left alone).",
    ),
)
