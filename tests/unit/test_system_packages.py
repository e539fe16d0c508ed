"""The PDF is never skipped silently: without root or sudo, the install step
stops and prints the exact apt-get line."""

import os
import stat
import subprocess

from conftest import REPO

SCRIPT = REPO / ".ci" / "install-system-packages"


def fake_bin(folder, name, body):
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)


def test_without_root_or_sudo_it_stops_with_the_exact_command(tmp_path):
    fake_bin(tmp_path, "dpkg-query", "exit 1")  # nothing installed
    fake_bin(tmp_path, "id", "echo 1000")  # not root
    fake_bin(tmp_path, "sudo", "exit 1")  # no password-less sudo
    fake_bin(tmp_path, "apt-get", "echo apt-get must not run >&2; exit 99")
    env = {**os.environ, "PATH": f"{tmp_path}:{os.environ['PATH']}"}
    result = subprocess.run(["bash", str(SCRIPT)], capture_output=True, text=True, env=env)
    assert result.returncode == 1
    assert "sudo apt-get update && sudo apt-get install -y --no-install-recommends texlive-xetex latexmk" in result.stderr
    assert "apt-get must not run" not in result.stderr


def test_with_everything_installed_it_does_nothing(tmp_path):
    fake_bin(tmp_path, "dpkg-query", "printf 'install ok installed'")
    fake_bin(tmp_path, "apt-get", "echo apt-get must not run >&2; exit 99")
    env = {**os.environ, "PATH": f"{tmp_path}:{os.environ['PATH']}"}
    result = subprocess.run(["bash", str(SCRIPT)], capture_output=True, text=True, env=env)
    assert result.returncode == 0 and result.stderr == ""
