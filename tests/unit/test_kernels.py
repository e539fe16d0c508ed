"""The book's kernels run on socket files of their own (oicbook.sphinx.kernels)."""

from __future__ import annotations

import json

import jupyter_cache.executors.utils as cache_executor
import nbformat
import pytest

from oicbook.sphinx import kernels

ASK_CONNECTION = "import ipykernel.connect as c; print(c.get_connection_info())"


@pytest.fixture
def book_executor(monkeypatch):
    monkeypatch.setattr(cache_executor, "executenb", cache_executor.executenb)
    kernels.setup(app=None)


def connection_seen_by_a_kernel(tmp_path) -> dict:
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(ASK_CONNECTION)])
    notebook.metadata.kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    result = cache_executor.single_nb_execution(notebook, cwd=str(tmp_path), timeout=60, allow_errors=False)
    assert result.err is None
    return json.loads(notebook.cells[0].outputs[0]["text"])


def test_the_notebooks_kernels_use_socket_files_each_under_its_own_name(book_executor, tmp_path):
    first, second = connection_seen_by_a_kernel(tmp_path), connection_seen_by_a_kernel(tmp_path)
    assert first["transport"] == second["transport"] == "ipc"
    # absolute, so not a name shared by every kernel started in one folder
    assert first["ip"].startswith("/") and first["ip"] != second["ip"]
    # and nothing left in the notebook's folder
    assert list(tmp_path.iterdir()) == []
