"""ui.messages explains errors from a table keyed by error class, looked up along the MRO;
every error of evidencekit.errors is either in the table or deliberately left generic."""

from __future__ import annotations

import errno
import xml.etree.ElementTree as ET
from collections.abc import Iterable

from evidencekit import errors
from tests.gui.conftest import TRANSLATIONS
from ui.messages import BY_ERROR_CLASS, DELIBERATELY_GENERIC, explain


def all_subclasses(root: type) -> list[type]:
    found: list[type] = []
    for sub in root.__subclasses__():
        found += [sub, *all_subclasses(sub)]
    return found


def _mapped(cls: type) -> bool:
    return any(base in BY_ERROR_CLASS for base in cls.__mro__)


def unaccounted(classes: Iterable[type]) -> list[str]:
    """The classes neither mapped (themselves or a base) nor listed as deliberately generic."""
    return sorted(c.__name__ for c in classes if not _mapped(c) and c not in DELIBERATELY_GENERIC)


def _core_errors() -> list[type]:
    classes = [errors.EvidenceKitError, *all_subclasses(errors.EvidenceKitError)]
    return [c for c in classes if c.__module__ == errors.__name__]


def test_every_core_error_is_mapped_or_deliberately_generic() -> None:
    assert len(_core_errors()) > 30
    assert unaccounted(_core_errors()) == []


def test_the_check_reports_a_new_error_nobody_mapped() -> None:
    """Control: an error class added without words is reported; one under a mapped class is
    not (it is explained by that class), and neither is one listed as generic."""

    class FreshError(errors.EvidenceKitError):
        pass

    class FreshUsage(errors.UsageError):  # generic is not inherited: each one is decided
        pass

    class FreshDisk(errors.DiskFull):
        pass

    assert FreshError in all_subclasses(errors.EvidenceKitError)
    assert unaccounted([FreshError, FreshUsage, FreshDisk]) == ["FreshError", "FreshUsage"]
    assert explain(FreshDisk()).headline == explain(errors.DiskFull()).headline


def test_the_generic_list_is_honest() -> None:
    for cls, reason in DELIBERATELY_GENERIC.items():
        assert cls.__module__ == errors.__name__
        assert not _mapped(cls), f"{cls.__name__} has words; drop it from DELIBERATELY_GENERIC"
        assert reason.strip() and "\n" not in reason
        assert explain(cls()).headline == "Something went wrong."


def test_the_most_specific_class_wins() -> None:
    offline = errors.Offline.__new__(errors.Offline)
    Exception.__init__(offline, "offline")
    assert explain(offline).headline == "The site could not be found."  # via HostNotFound
    assert (
        explain(errors.TimestampUnavailable()).headline
        == explain(errors.TimestampFailed()).headline
    )
    refused = explain(PermissionError(errno.EACCES, "no"))
    assert refused.headline == "EvidenceKit is not allowed to use that file or folder."
    assert explain(FileNotFoundError("gone")).headline == (
        "The computer could not read or write a file."
    )
    assert explain(ValueError("odd")).headline == "Something went wrong."
    assert explain(errors.DiskFull(detail="/media/usb")).details.endswith("\n/media/usb")


def test_every_text_in_the_table_is_translated() -> None:
    """The table's words are made at call time by literal translate("Messages", …) calls, so
    lupdate found them: each is in the Albanian .ts, in the Messages context."""
    sources = {
        message.findtext("source")
        for context in ET.parse(TRANSLATIONS / "evidencekit_sq.ts").getroot().iter("context")
        if context.findtext("name") == "Messages"
        for message in context.iter("message")
    }
    texts = {text for cls, make in BY_ERROR_CLASS.items() for text in make(Exception())}
    assert len(texts) > 50
    assert texts - sources == set()
