"""Executes a notebook with nbclient and writes the executed copy.

    python run_notebook.py examples/notebooks/quarterly_report.ipynb out.ipynb
"""

from __future__ import annotations

import sys
from pathlib import Path


def execute(src: Path, dst: Path, timeout: int = 600) -> None:
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(src, as_version=4)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(src.parent)}})
    client.execute()
    dst.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, dst)


if __name__ == "__main__":
    execute(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"executed {sys.argv[1]} -> {sys.argv[2]}")
