"""A chapter reruns outside the book build, as the README says: from Jupyter,
with the data found from the notebook's own folder."""

import sys
from pathlib import Path

import jupytext
from nbclient import NotebookClient

from conftest import copy_book


def test_jupyterlab_and_jupytext_are_installed():
    bin_dir = Path(sys.executable).parent
    assert (bin_dir / "jupyter-lab").exists(), "the README's `.venv/bin/jupyter lab` needs jupyterlab"
    assert (bin_dir / "jupytext").exists()


def test_a_chapter_runs_standalone_from_its_folder(tmp_path):
    root = copy_book(tmp_path / "book")
    page = root / "chapters" / "halal.md"
    notebook = jupytext.read(page)
    NotebookClient(notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(page.parent)}}).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert any("S036" in str(o) for o in outputs), "the quoted sentences are in the outputs"
