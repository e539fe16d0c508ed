"""The built HTML opens in a real browser (Debian's headless Chromium) and shows
the introduction with its computed table and figure."""

import shutil
import subprocess
import tempfile

import pytest

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def chromium():
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    assert path, "chromium is missing: make test installs it (.ci/install-system-packages)"
    return path


@pytest.fixture(scope="module")
def intro_dom(built_book):
    url = (built_book.html / "chapters" / "intro.html").as_uri()
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run(
            [chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--virtual-time-budget=5000", "--dump-dom", url],
            capture_output=True, text=True, timeout=120,
        )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_browser_renders_the_introduction(intro_dom):
    assert "<h1>Introduction" in intro_dom
    assert 'id="tbl-glance"' in intro_dom and 'id="fig-timeline"' in intro_dom
    assert intro_dom.count('lang="kk"') >= 6


def test_browser_takes_a_screenshot(built_book, tmp_path):
    url = (built_book.html / "chapters" / "intro.html").as_uri()
    shot = tmp_path / "intro.png"
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--window-size=1280,2400", f"--screenshot={shot}", url],
            capture_output=True, timeout=120, check=True,
        )
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 50_000  # a blank page is a few kilobytes
