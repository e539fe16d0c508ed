"""Two clean builds from the same sources give byte-identical HTML and PDF
(SOURCE_DATE_EPOCH pins the dates)."""

from pathlib import Path

from oicbook.core.editions import LANGUAGES, pdf_name
from conftest import Background, background_build, copy_book, tree_digest


@background_build
def start_second_build(base: Path) -> Background:
    return Background(copy_book(base / "again"))  # another folder, so no path leaks into the output either


def test_two_clean_builds_are_identical(built_book, background_builds):
    again = background_builds[__name__]
    result, root = again.wait(), again.root
    assert result.returncode == 0, result.stderr[-3000:]
    first, second = tree_digest(built_book.html), tree_digest(root / "_build" / "html")
    assert first.keys() == second.keys()
    differing = sorted(name for name in first if first[name] != second[name])
    assert not differing, differing[:20]
    assert all((root / "_build" / "latex" / pdf_name(lang)).read_bytes() == built_book.edition_pdf(lang).read_bytes() for lang in LANGUAGES)
