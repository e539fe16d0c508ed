"""Make jupyter-cache data-aware.

jupyter-cache hashes only the code cells (and their metadata) of a notebook,
so an edited CSV would leave stale outputs. This reader, registered with
myst-nb as the reader of ``.md`` notebooks, stamps into the first code cell's
metadata a digest of everything the notebook reads: the data files named in
its ``load("...")`` calls, the files those reach through foreign keys, their
descriptors, the seed and the bibliography when it reads them, and the
``oicbook`` code the notebooks run (the package without this extension). A
notebook re-executes when one of those changes, and only then.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import nbformat
from myst_nb.core.read import read_myst_markdown_notebook

from ..core import paths

ROOT: Path | None = None  # set by the Sphinx extension to the book being built
METADATA_KEY = "oicbook_inputs"
_LOAD = re.compile(r"""\bload\(\s*["']([A-Za-z0-9_]+)["']""")
# Files a notebook reads outside the data package, by the call that reads them.
_OTHER_INPUTS = {
    "seed": (re.compile(r"\bseed_text\("), paths.seed_path),
    "references.bib": (re.compile(r"\bbib_keys(?:_by_url)?\("), lambda root: root / "references.bib"),
    "CITATION.cff": (re.compile(r"\bbook_citation\("), lambda root: root / "CITATION.cff"),
}
PACKAGE_DIR = Path(__file__).resolve().parents[1]
# The code a notebook runs is the package without this Sphinx extension: an
# edit here changes how pages are built, not what a notebook computes.
NOT_RUN_BY_NOTEBOOKS = {"sphinx"}


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "missing"


def resources_read(code: str, descriptor: dict) -> list[str]:
    """Resource names the code loads, closed over foreign-key references."""
    by_name = {r["name"]: r for r in descriptor.get("resources", [])}
    todo, seen = list(_LOAD.findall(code)), set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        for fk in by_name.get(name, {}).get("schema", {}).get("foreignKeys", []):
            todo.append(fk["reference"]["resource"])
    return sorted(seen)


def package_digest() -> str:
    h = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*")):
        if path.suffix in {".py", ".yml"} and path.relative_to(PACKAGE_DIR).parts[0] not in NOT_RUN_BY_NOTEBOOKS:
            h.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def inputs_digest(code: str, root: Path) -> dict[str, str]:
    descriptor_path = paths.data_dir(root) / "datapackage.json"
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    by_name = {r["name"]: r for r in descriptor.get("resources", [])}
    digest = {"oicbook": package_digest()}
    for name in resources_read(code, descriptor):
        resource = by_name.get(name)
        if resource is None:  # the loader reports the unknown name when the notebook runs
            digest[name] = "unknown resource"
            continue
        meta = json.dumps(resource, sort_keys=True, ensure_ascii=False).encode()
        digest[name] = hashlib.sha256(meta).hexdigest()[:16] + ":" + _sha(paths.data_dir(root) / resource["path"])
    for name, (call, path_of) in _OTHER_INPUTS.items():
        if call.search(code):
            digest[name] = _sha(path_of(root))
    return digest


def read(text: str, path: str | None = None) -> nbformat.NotebookNode:
    """The reader myst-nb calls for ``.md``: a MyST notebook, stamped with its inputs."""
    notebook = read_myst_markdown_notebook(text, add_source_map=True, path=path)
    code_cells = [c for c in notebook.cells if c.cell_type == "code"]
    if code_cells:
        code = "\n".join(c.source for c in code_cells)
        code_cells[0].metadata[METADATA_KEY] = inputs_digest(code, ROOT or paths.book_root())
    return notebook


def digest_of_page(path: Path) -> str:
    """One hash of everything the page at ``path`` reads, for Sphinx's outdated check."""
    notebook = read(path.read_text(encoding="utf-8"))
    code_cells = [c for c in notebook.cells if c.cell_type == "code"]
    stamp = code_cells[0].metadata.get(METADATA_KEY, {}) if code_cells else {}
    return hashlib.sha256(json.dumps(stamp, sort_keys=True).encode()).hexdigest()
