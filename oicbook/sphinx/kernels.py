"""The notebooks' kernels talk to the build over socket files, not TCP ports.

jupyter_client picks a kernel's five TCP ports by binding and releasing them,
and the kernel binds them again as it starts. The two editions build at the
same time, so between the two steps the other edition's kernel can take a
port, and the kernel dies ("Kernel died before replying to kernel_info",
jupyter/jupyter_client#154). A socket file of the kernel's own, under a name
no other kernel has, cannot be taken.
"""

from __future__ import annotations

import os
import tempfile
import uuid

import jupyter_cache.executors.utils as cache_executor
import nbclient
from jupyter_client import AsyncKernelManager
from traitlets import default


class SocketFileKernelManager(AsyncKernelManager):
    @default("transport")
    def _socket_files(self) -> str:
        return "ipc"

    @default("ip")
    def _own_socket_name(self) -> str:
        # jupyter_client's own default is a relative "kernel-ipc", shared by every
        # kernel started in one folder; the port numbers are appended to this
        return os.path.join(tempfile.gettempdir(), f"oicbook-kernel-{uuid.uuid4().hex}")


def execute(notebook, **options):
    """nbclient's ``execute``, with the kernel on socket files."""
    return nbclient.execute(notebook, kernel_manager_class=SocketFileKernelManager, **options)


def setup(app):
    # jupyter-cache, through which myst-nb runs every notebook, passes no kernel
    # manager of its own: this is the one call that starts the book's kernels
    cache_executor.executenb = execute
