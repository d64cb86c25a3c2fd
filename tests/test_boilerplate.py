"""Boilerplate (NC4xx): seeds, injected boilerplate, user tables, removed-block offsets."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsclean
from newsclean import Config
from newsclean.config import ConfigError

from .strategies import CLEAN_SENTENCES

NC4 = Config(select=["NC4"])

#: What the issue lists as boilerplate in the seeds, by seed file.
SEED_BOILERPLATE = {
    "003_8937a4383ec06688.txt": [
        "(c) 2022, The Washington Post · Robyn Dixon, Rachel Pannett, Loveday Morris {Matzav.com}",
        "See?! President Biden scared the living daylights out of the pipsqueak Putin.",
    ],
    "004_c5c7fe9300333a23.txt": [
        "Photo: EFE/EPA/OLEG PETRASYUK",
        "INTERNATIONAL WRITING",
        "*With information from AFP and EFE",
    ],
}


def _removed(text: str, config: Config = NC4) -> list[dict[str, object]]:
    blocks: list[dict[str, object]] = newsclean.fix_and_explain(text, config).metadata.get(
        "removed", []
    )
    return blocks


def test_seeds_every_item_found_nothing_else(seeds: list[tuple[str, str]]) -> None:
    for name, text in seeds:
        result = newsclean.fix_and_explain(text, NC4)
        blocks = result.metadata.get("removed", [])
        expected = SEED_BOILERPLATE.get(name, [])
        removed_text = "".join(str(b["text"]) for b in blocks)
        for item in expected:
            assert item in removed_text, (name, item)
            assert item not in result.text, (name, item)
        # Nothing else: every removed block, stripped of whitespace, is one of the items
        # (or, for the comment, the comment paragraph that starts with the listed sentence).
        for block in blocks:
            body = str(block["text"]).strip()
            assert any(body == item or body.startswith(item) for item in expected), (name, body)
        # The caption whose credit was cut stays.
        if name.startswith("004"):
            assert "carried out exercises and military maneuvers this weekend." in result.text


def test_seed_removed_blocks_are_disjoint_and_rebuild(seeds: list[tuple[str, str]]) -> None:
    for name, text in seeds:
        blocks = sorted(_removed(text), key=lambda b: int(str(b["start"])))
        last = 0
        kept = []
        for b in blocks:
            start, end = int(str(b["start"])), int(str(b["end"]))
            assert start >= last, (name, b)
            kept.append(text[last:start])
            last = end
        kept.append(text[last:])
        assert "".join(kept) == newsclean.fix(text, NC4), name


def test_detect_lists_what_would_be_removed() -> None:
    text = "Talks went on.\n\nINTERNATIONAL WRITING\n\n*With information from AFP and EFE"
    found = newsclean.detect(text, NC4)
    # Touching removals become one edit (the engine composes them); its message names both.
    covered = "".join(f.original for f in found)
    assert "INTERNATIONAL WRITING" in covered
    assert "*With information from AFP and EFE" in covered
    assert "Talks went on." not in covered
    messages = " ".join(f.message for f in found)
    assert "desk byline" in messages and "wire-agency credit" in messages
    # Apart, each is listed under its own rule.
    apart = "Talks went on.\n\nINTERNATIONAL WRITING\n\nMore talks.\n\nSource: PAP, Reuters"
    assert [f.rule for f in newsclean.detect(apart, NC4)] == ["NC404", "NC403"]


def test_touching_removals_are_reported_apart() -> None:
    text = "Talks went on.\n\nINTERNATIONAL WRITING\n\n*With information from AFP and EFE"
    blocks = _removed(text)
    assert [str(b["text"]).strip() for b in blocks] == [
        "*With information from AFP and EFE",
        "INTERNATIONAL WRITING",
    ]


def test_long_trailing_block_is_reported_not_removed() -> None:
    # The trailing block is shorter than the article but more than half of it.
    article = "Talks went on in Brussels, officials said on Tuesday. " * 20
    after = "This is the next article, much longer than a comment would be. " * 10
    text = f"{article}\n(c) 2022, The Washington Post {{Site.com}}\n\n{after}"
    result = newsclean.fix_and_explain(text, NC4)
    assert after.strip() in result.text
    reports = [f for f in newsclean.detect(text, NC4) if f.rule == "NC407"]
    assert len(reports) == 1 and not reports[0].fixable
    # The limits are options.
    loose = Config(select=["NC4"], options={"NC407": {"comments_max_share": 5.0}})
    assert after.strip() not in newsclean.fix(text, loose)


def test_copyright_at_the_top_is_not_a_closing_tag() -> None:
    body = "Talks went on in Brussels, officials said on Tuesday.\n\n" * 4
    text = "© 2022 Reuters\n\n" + body
    assert newsclean.fix(text, NC4) == body
    assert [f.rule for f in newsclean.detect(text, NC4)] == ["NC408"]


def test_users_extend_the_tables() -> None:
    text = (
        "Troops left.\n\nMembers only\n\nMore from us: NATO ministers meet\n\n"
        "Talks went on.\n\nAcme/ts"
    )
    assert newsclean.fix(text, NC4) == text
    extended = Config(
        select=["NC4"],
        options={
            "NC4": {
                "notices": ["members only"],
                "teaser_labels": ["More from us"],
                "agencies": ["Acme"],
            }
        },
    )
    assert newsclean.fix(text, extended) == "Troops left.\n\nTalks went on."


# Boilerplate lines in the shapes scrapers leave, with names drawn by hypothesis.
_name = st.sampled_from(["Oleg Petrasyuk", "Robyn Dixon", "Sky Revolutions", "EFE/EPA", "AFP"])
_line = st.one_of(
    st.builds(lambda lab, n: lab + n, st.sampled_from(["Photo: ", "Photo by ", "Video: "]), _name),
    st.builds(lambda n: f"*With information from {n}", _name),
    st.sampled_from(["INTERNATIONAL WRITING", "Reserved for our subscribers", "ADVERTISEMENT"]),
    st.builds(
        lambda lab, s: lab + s.rstrip("."),
        st.sampled_from(["READ ALSO: ", "Also read: ", "See also: "]),
        st.sampled_from(CLEAN_SENTENCES),
    ),
)
_paragraph = st.lists(st.sampled_from(CLEAN_SENTENCES), min_size=1, max_size=3).map(" ".join)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    paragraphs=st.lists(_paragraph, min_size=2, max_size=5),
    inserts=st.lists(st.tuples(st.integers(1, 5), _line), max_size=4),
    sep=st.sampled_from(["\n\n", "\n"]),
)
def test_injected_lines_are_removed_exactly(
    paragraphs: list[str], inserts: list[tuple[int, str]], sep: str
) -> None:
    dirty = list(paragraphs)
    for pos, line in sorted(inserts, reverse=True):
        dirty.insert(min(pos, len(dirty)), line)
    text = sep.join(dirty)
    result = newsclean.fix_and_explain(text, NC4)
    assert result.text == sep.join(paragraphs)
    removed = "".join(str(b["text"]) for b in result.metadata.get("removed", []))
    for _, line in inserts:
        assert line in removed
    assert newsclean.fix(result.text, NC4) == result.text


def test_a_bad_user_pattern_is_a_config_error_that_names_it() -> None:
    options = {"NC4": {"notices": ["Subscribe now", "Sale (50% off"]}}
    with pytest.raises(ConfigError) as caught:
        newsclean.fix("Talks went on.", Config(options=options))
    message = str(caught.value)
    # The user's entry and a position in it, not one inside the shipped patterns.
    assert "NC4.notices[1] 'Sale (50% off'" in message and "position 13" in message


# --------------------------------------------------------------------------------------------
# The speed gates (line heads, caption heads, copyright marks) only skip work: with every gate
# forced open the finders must give exactly the same changes.

#: Pieces a line may be made of: labels in odd cases, credits, notices, bullets, sentence
#: ends, characters outside ASCII (some fold to ASCII: the Kelvin sign, the long s).
_PIECES = [
    "Photo",
    "PHOTO",
    "pHoTo",
    "Image source",
    "Main image",
    "Video",
    "Read also",
    "READ ALSO",
    "Related",
    "Also read",
    "More on this story",
    "With information from",
    "Source",
    "Sources",
    "Agencies",
    "Reporting by",
    "Reserved for our subscribers",
    "ADVERTISEMENT",
    "Advertising",
    "5 minutes ago",
    "Follow us on Twitter",
    "INTERNATIONAL WRITING",
    "NEWSROOM",
    "EFE/EPA/OLEG PETRASYUK",
    "dpa/AFP/ts",
    "(AFP)",
    "— Reuters",
    "Reuters",
    "AFP via Getty Images",
    "(c) 2022, The Post",
    "© Reuters",
    "Copyright 2021 AP",
    "{Site.com}",
    "All rights reserved",
    "REPRODUCTION RESERVED",
    "Comments",
    "2 comments",
    "Leave a comment",
    "Juan P. ",
    "15/02/2022 10:45",
    "3 hours ago",
    "Reply",
    "EFE Photo",
    "Talks went on",
    "the ministry said",
    "He said",
    ":",
    ": ",
    ". ",
    "! ",
    '" ',
    ") ",
    "… ",
    "” ",
    "» ",
    "\t",
    "  ",
    " ",
    "* ",
    "• ",
    "(",
    "[",
    "-",
    "/",
    "\u212a",  # Kelvin sign, folds to "k"
    "\u017f",  # long s, folds to "s"
    "ß",
    "İ",
    "é",
    "\u00a0",
    "\r",
]
_RANDOM_LINES = st.lists(st.sampled_from(_PIECES), min_size=0, max_size=6).map("".join)
#: Caption lines: a sentence, its end, spaces, maybe a bracket, a label, a separator, a credit.
_CAPTION_LINES = st.tuples(
    st.sampled_from(["Guardsmen held drills", "He took a photo", ""]),
    st.sampled_from([".", "!", "?", "…", '"', "”", "»", ")", ""]),
    st.sampled_from([" ", "  ", "\t", " \t", ""]),
    st.sampled_from(["", "(", "["]),
    st.sampled_from(["Photo", "PHOTO", "pHOTO", "Image", "Main photo", "Foto", "\u212aphoto"]),
    st.sampled_from([": ", " by ", " credit: ", " – ", ", ", " "]),
    st.sampled_from(["EFE/EPA/OLEG PETRASYUK", "AFP", "the view from the hotel", "Reuters)"]),
).map("".join)
_LINES = st.one_of(_RANDOM_LINES, _CAPTION_LINES)
_TEXTS = st.lists(_LINES, min_size=1, max_size=8).map("\n".join)


def _changes(text: str) -> list[tuple[str, int, int, str | None, str, bool]]:
    from newsclean.edits import Change
    from newsclean.registry import Context
    from newsclean.rules import boilerplate

    out = []
    for rule in boilerplate.RULES:
        ctx = Context(config=NC4, code=rule.code, metadata={})
        for c in rule.find(text, ctx):
            assert isinstance(c, Change)
            out.append((rule.code, c.start, c.end, c.replacement, c.message, c.removed))
    return out


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS)
def test_gates_change_nothing(text: str) -> None:
    from newsclean.rules import boilerplate

    gated = _changes(text)
    every = boilerplate._Scan(True, True, True, True, True)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(boilerplate, "_scan", lambda text, t: every)
        mp.setattr(boilerplate, "_caption_possible", lambda text, t: True)
        mp.setattr(boilerplate, "_copyright_marked", lambda text: True)
        mp.setattr(boilerplate, "_comment_marked", lambda text: True)
        open_gates = _changes(text)
    assert gated == open_gates


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_scan_is_a_superset_of_the_line_tests(text: str) -> None:
    """Every line the finders would test (``_candidate``; for notices, every notice) is
    allowed by the scan."""
    from newsclean.rules import boilerplate as b

    t = b.tables()
    scan = b._scan(text, t)
    lines, prefixes = b._lines_of(text)
    for line, prefix in zip(lines, prefixes, strict=True):
        if not line.text:
            continue
        for test in ("media", "source", "teaser", "desk"):
            if b._candidate(line.text, prefix, t, test):
                assert getattr(scan, test), (test, line.text)
        if b.notice(line.text, t):
            assert scan.notice, line.text
        if b.caption_credit(text[line.start : line.content_end], t) is not None:
            assert b._caption_possible(text, t), line.text
    marked = any(mark in text for mark in b.COPYRIGHT_GATE)
    assert b._copyright_marked(text) == marked


def test_notice_heads_come_from_the_patterns() -> None:
    """The notice heads are worked out from the patterns themselves, user patterns too."""
    from newsclean.rules import boilerplate as b

    heads = b.tables().notice_heads
    assert heads is not None
    assert {"adv", "ADV", "Res", "5 m", "fol"} <= heads
    assert "the" not in heads and "The" not in heads
    extended = Config(select=["NC4"], options={"NC4": {"notices": ["zz top only"]}})
    assert newsclean.fix("Talks went on.\n\nZZ TOP ONLY\n\nMore talks.", extended) == (
        "Talks went on.\n\nMore talks."
    )


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["INTERNATIONAL ", "WRIT", "WRITING", "desk", "DESK", "NEWSROOM", "x\n"]),
        max_size=8,
    ).map("".join)
)
def test_desk_word_search_is_the_word_checks(text: str) -> None:
    # One search for any desk word answers as one substring check per word.
    from newsclean.rules import boilerplate as b

    t = b.tables()
    assert t.desk_words_re is not None
    found = t.desk_words_re.search(text) is not None
    assert found == any(word in text for word in t.desk_words)


@pytest.mark.parametrize("credit", ["© Getty Images", "(c) 2024 Reuters", "© AFP"])
def test_a_picture_credit_inside_the_article_is_no_closing_tag(credit: str) -> None:
    """A bare copyright credit is what every picture leaves in a scraped article: the article
    text after it is not reader comments (only the credit line itself goes)."""
    article = (
        "The government announced a new housing plan on Monday, promising 300,000 homes a "
        "year by 2030 and a reform of planning rules.\n\n"
        "Ministers said the plan would be funded by a mix of public borrowing and private "
        "investment.\n\n"
        "Critics said the target had been missed by every government since the 1970s.\n\n"
    )
    last = "The housing minister will present the details to Parliament on Wednesday."
    text = f"{article}{credit}\n\n{last}"
    result = newsclean.fix_and_explain(text)
    assert result.text == article + last
    assert [e.rule for e in result.edits] == ["NC408"]
    assert not [f for f in newsclean.detect(text) if f.rule == "NC407"]


# --------------------------------------------------------------------------------------------
# Reader-comment sections (NC409)

_READERS = st.sampled_from(["Juan P.", "Maria", "@kyiv_watcher", "J. Smith", "Anna K."])
_STAMPS = st.sampled_from(
    ["15/02/2022 10:45", "2022-02-15 09:30", "3 hours ago", "10:45", "yesterday at 21:15"]
)
_HEADINGS = st.sampled_from(
    ["Comments", "Comments (2)", "3 comments", "Reader comments", "Leave a comment", "COMMENTS"]
)
_COMMENT = st.tuples(
    _READERS,
    st.sampled_from([" ", " | ", " · ", ", "]),
    _STAMPS,
    st.sampled_from(CLEAN_SENTENCES),
    st.sampled_from(["", "\nReply", "\nLike · Reply · 3"]),
).map(lambda c: f"{c[0]}{c[1]}{c[2]}\n{c[3]}{c[4]}")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    paragraphs=st.lists(_paragraph, min_size=3, max_size=5),
    heading=_HEADINGS,
    comments=st.lists(_COMMENT, min_size=1, max_size=2),
    sep=st.sampled_from(["\n\n", "\n"]),
)
def test_a_comment_section_at_the_end_is_removed_whole(
    paragraphs: list[str], heading: str, comments: list[str], sep: str
) -> None:
    article = sep.join(paragraphs)
    section = heading + "\n" + "\n".join(comments)
    result = newsclean.fix_and_explain(article + sep + section, NC4)
    # Signs of comments: each reader's name and stamp, each row of buttons. One alone may be
    # a liveblog's entry or a press release's contact line, except under a heading that
    # counts or names readers, over one short comment.
    signs = len(comments) + sum("Reply" in c for c in comments)
    counted = heading in ("Comments (2)", "3 comments", "Reader comments")
    one_short = len(comments) == 1 and "Reply" not in comments[0]
    if signs < 2 and not (counted and one_short):
        assert result.text == article + sep + section
    elif len(section.replace("\n", "")) <= len(article.replace(sep, "")):
        assert result.text == article
        assert [b["text"] for b in result.metadata["removed"]] == [sep + section]
    else:  # longer than the article: reported, not removed
        assert result.text == article + sep + section
        assert [f.rule for f in newsclean.detect(article + sep + section, NC4)] == ["NC409"]


@settings(max_examples=80, deadline=None)
@given(
    paragraphs=st.lists(_paragraph, min_size=1, max_size=3),
    heading=_HEADINGS,
    after=st.lists(st.sampled_from(CLEAN_SENTENCES), min_size=1, max_size=3),
)
def test_a_comments_heading_over_prose_is_left(
    paragraphs: list[str], heading: str, after: list[str]
) -> None:
    """A subheading that reads like a comment label, with article prose under it (no
    reader's name and time stamp), is the article's own."""
    text = "\n\n".join(paragraphs) + "\n\n" + heading + "\n" + "\n".join(after)
    assert newsclean.fix(text, NC4) == text


@pytest.mark.parametrize(
    "heading",
    [
        "Comments",
        "COMMENTS (12)",
        "3 comments",
        "Reader comments",
        "Leave a comment",
        "Add your comment",
        "Show all 40 comments",
        "Join the discussion",
        "JOIN THE DISCUSSION",
        "Comment on this article",
    ],
)
def test_every_shipped_heading_passes_the_gate(heading: str) -> None:
    from newsclean.rules import boilerplate as b

    assert b.comment_label(heading)
    assert b._comment_marked(heading)


_CAPTION_PARTS = st.sampled_from(
    [
        "Drills went on. ",
        "He spoke in Kyiv on Monday.",
        " Photo: EFE/EPA",
        " (PHOTO: Reuters)",
        " Foto: AFP",
        " Image: Getty Images",
        " REUTERS/Valentyn Ogirenko",
        " and/or ",
        "ß",
        "İ",
        "ſ",
        "K",
        "PHOTOß",
        "\u0130MAGE",
        "ﬁ",
        "\n",
        "\n\n",
        " ",
        "(AP Photo/Efrem Lukatsky)",
    ]
)


def _caption_changes_every_word(text: str) -> list[tuple[int, int]]:
    """The caption finder as it was: every media word tried on every line's tail."""
    from newsclean.rules import boilerplate as b

    t = b.tables()
    if "/" not in text and not any(w in text.casefold() for w in t.media_words):
        return []
    out = []
    for line in b._lines_of(text)[0]:
        if line.blank or len(line.text) < 12:
            continue
        tail = line.text[-b.CREDIT_MAX_CHARS - 24 :].casefold()
        media = any(word in tail for word in t.media_words)
        if not media and "/" not in tail:
            continue
        raw = text[line.start : line.content_end]
        span = b.caption_credit(raw, t) if media else b._caption_slug(raw, t)
        if span is not None:
            out.append((line.start + span[0], line.start + span[1]))
    return out


@settings(max_examples=400, deadline=None)
@given(st.lists(_CAPTION_PARTS, min_size=1, max_size=12).map("".join))
def test_caption_finder_tries_only_the_texts_media_words(text: str) -> None:
    """The words tried on each line are those of the whole folded text: the same spans as
    trying every media word (casefolding maps each character alone)."""
    from newsclean.rules import boilerplate as b

    found = [(c.start, c.end) for c in b._caption_changes(text, b.tables())]
    assert found == _caption_changes_every_word(text)


#: Texts the first NC409 removed in part (outside review 5): a liveblog's entries, a
#: dateline, a press release, numbered remarks, a year, a comment-count widget.
_BODY = (
    "Russian forces shelled the outskirts of Kharkiv overnight, regional officials said on "
    "Tuesday, as talks between the two delegations resumed in Belarus. "
) * 4
NOT_COMMENTS = [
    "Ukraine war live: talks resume\n\n09:30 GMT\n" + _BODY + "\n\nComment\n10:15 GMT\n"
    "Our diplomatic correspondent writes that neither side expects a breakthrough.\n\n"
    "10:45 GMT\nThe Kremlin said the talks were difficult.\n\n11:02 GMT\nSirens sounded.",
    _BODY + "\n\nComments\nKyiv, 10:45\nThe mayor said the metro would stay open as a shelter.",
    _BODY + "\n\nComments\nChief Executive John Smith, 15.02.2022\n"
    '"We are delighted with the results," he said.',
    _BODY
    + "\n\nComments\n1\nThe committee notes that the budget was late.\n2\nIt asks for an audit.",
    _BODY + "\n\nComments\n2021\nRevenue rose to $4bn from $3.2bn.",
    "Kharkiv shelled as talks resume\n" + _BODY + "\nComments (12)\nShare\n" + _BODY,
]


@pytest.mark.parametrize("text", NOT_COMMENTS)
def test_article_text_under_a_comments_label_is_kept(text: str) -> None:
    assert newsclean.detect(text, Config(select=["NC409"])) == []


@pytest.mark.parametrize(
    "closing",
    ["Getty Images. All rights reserved.", "(ANSA). All rights reserved.", "Reproduction reserved"],
)
def test_a_rights_phrase_without_a_copyright_mark_closes_nothing(closing: str) -> None:
    """A bare rights phrase ends each item of an agency's digest: the article after it is
    not reader comments (outside review 5)."""
    last = "NAPLES - Napoli beat Lazio 2-1 on Sunday to go top of Serie A, the club said."
    text = _BODY + "\n" + closing + "\n" + last + "\n"
    result = newsclean.fix_and_explain(text, NC4)
    assert last in result.text
    assert "NC407" not in {e.rule for e in result.edits}
