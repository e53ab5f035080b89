"""Pieces that need no browser: cleaning pasted links, the icon/tracker rule, script names."""

from __future__ import annotations

import pytest

from evidencekit.capture.glyphs import group_by_script, script_of, warning_for
from evidencekit.capture.media import icon_or_tracker
from evidencekit.capture.sharelinks import BY_SITE, is_share_parameter, site_of
from evidencekit.capture.urls import as_prepared, mask_credentials, prepare_url
from evidencekit.errors import BadUrl


@pytest.mark.parametrize(
    ("pasted", "loaded", "removed"),
    [
        ("https://www.instagram.com/p/Cx1/?igsh=MTc4bXQ&img_index=2",
         "https://www.instagram.com/p/Cx1/?img_index=2", ["igsh"]),
        ("https://www.tiktok.com/@a/video/7?_t=8k&_r=1&u_code=d9&share_app_id=1233"
         "&sender_device=pc&is_from_webapp=1&lang=sq",
         "https://www.tiktok.com/@a/video/7?lang=sq",
         ["_t", "_r", "u_code", "share_app_id", "sender_device", "is_from_webapp"]),
        ("https://youtu.be/dQw4?si=AbC&t=42", "https://youtu.be/dQw4?t=42", ["si"]),
        ("https://m.youtube.com/watch?v=dQw4&si=AbC", "https://m.youtube.com/watch?v=dQw4", ["si"]),
        ("https://m.facebook.com/story.php?story_fbid=9&id=4&mibextid=Nif5oz&fbclid=IwAR",
         "https://m.facebook.com/story.php?story_fbid=9&id=4", ["mibextid", "fbclid"]),
        ("https://x.com/someone/status/1790?s=20&t=Yk3", "https://x.com/someone/status/1790",
         ["s", "t"]),
        ("https://example.org/a?utm_source=ig&utm_medium=share&q=1", "https://example.org/a?q=1",
         ["utm_source", "utm_medium"]),
        ("https://example.org/a?b=1#c", "https://example.org/a?b=1#c", []),
    ],
)  # fmt: skip
def test_share_parameters_are_removed_by_name(pasted: str, loaded: str, removed: list[str]):
    link = prepare_url(pasted)
    assert link.url == loaded
    assert list(link.removed_parameters) == removed
    assert not link.removed_credentials
    # Only names are recorded, never the values.
    assert all(value not in link.summary() for value in ("MTc4bXQ", "8k", "AbC", "Nif5oz", "Yk3"))


def test_the_same_names_mean_something_else_off_the_post_pages():
    assert prepare_url("https://x.com/search?q=a&s=1&t=2").url == "https://x.com/search?q=a&s=1&t=2"
    assert prepare_url("https://example.org/?si=1&_t=2").url == "https://example.org/?si=1&_t=2"


def test_credentials_are_always_removed_and_never_recorded():
    link = prepare_url("http://user:secret@127.0.0.1:8080/p?igsh=XYZ&id=5")
    assert link.url == "http://127.0.0.1:8080/p?id=5"
    assert link.removed_credentials
    text = repr(link.as_json()) + link.summary()
    assert "secret" not in text and "user" not in text.replace("a user name", "")
    assert "XYZ" not in text and "igsh" in text
    kept = prepare_url("http://user:secret@host/p?igsh=XYZ", keep_share_parameters=True)
    assert kept.url == "http://host/p?igsh=XYZ" and kept.kept_parameters == ("igsh",)


def test_bad_addresses_never_echo_a_password():
    with pytest.raises(BadUrl) as caught:
        prepare_url("ftp://user:hunter2@example.org/x")
    assert "hunter2" not in str(caught.value)
    assert mask_credentials("https://u:p@h/x") == "https://…@h/x"


def test_engine_keeps_what_the_front_end_chose():
    chosen = prepare_url("https://www.instagram.com/p/keep/?igsh=abc", keep_share_parameters=True)
    # she chose to keep it: the engine's default (drop) does not override her
    assert as_prepared(chosen, keep_share_parameters=False) is chosen
    dropped = prepare_url("https://www.instagram.com/p/drop/?igsh=abc&utm_source=x")
    kept = as_prepared(dropped, keep_share_parameters=True)  # the record of what went stands
    assert kept.url == dropped.url and kept.removed_parameters == ("igsh", "utm_source")
    raw = as_prepared("https://www.instagram.com/p/raw/?igsh=abc", keep_share_parameters=False)
    assert raw.url == "https://www.instagram.com/p/raw/" and raw.removed_parameters == ("igsh",)


def test_the_table_is_per_site():
    assert site_of("vm.tiktok.com") == "tiktok.com" and site_of("eviltiktok.com") is None
    assert is_share_parameter("www.tiktok.com", "/@a/video/1", "u_code")
    assert not is_share_parameter("example.org", "/", "u_code")
    assert all(isinstance(names, frozenset) for names in BY_SITE.values())


@pytest.mark.parametrize(
    ("natural", "rendered", "kept"),
    [
        ((1, 1), (1, 1), False),  # tracker
        ((1, 1), None, False),  # tracker loaded by a script
        ((16, 16), (16, 16), False),  # icon
        ((32, 32), (16, 16), False),  # retina icon
        ((16, 16), None, False),  # icon not in the layout
        ((24, 24), (200, 200), True),  # small file shown large: evidence
        ((400, 300), (16, 16), True),  # a real picture shown as a thumbnail
        ((33, 33), (33, 33), True),
        ((200, 150), (400, 300), True),  # a flat PNG of a few hundred bytes
        (None, (20, 20), True),  # size unknown (an SVG without one): kept
        (None, None, True),
    ],
)
def test_icon_or_tracker_by_what_the_page_shows(natural, rendered, kept):
    assert (icon_or_tracker(natural, rendered, 32) is None) is kept


def test_scripts_are_named_plainly():
    assert script_of("中") == "Chinese (Han)" and script_of("ë") == "Latin"
    assert script_of("Ж") == "Cyrillic" and script_of("ع") == "Arabic"
    assert script_of("\U00010570") == "Vithkuqi" and script_of("\ue000").startswith("private-use")
    assert group_by_script(["中", "文", "ë"]) == {"Chinese (Han)": ["中", "文"], "Latin": ["ë"]}
    assert warning_for("Chinese (Han)", 2).startswith(
        "2 characters in Chinese (Han) script could not be shown: the computer has no font for "
        "them; the screenshot shows boxes there"
    )
