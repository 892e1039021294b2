"""Render a .docx through LibreOffice to PDF and read it back with poppler (page count and text)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass(frozen=True)
class Rendered:
    pages: int
    text: str
    pdf: Path


def soffice_or_skip() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        message = "LibreOffice is not installed: apt-get install libreoffice-writer-nogui poppler-utils"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


def render(docx: bytes, folder: Path) -> Rendered:
    """Convert with a profile of its own (two conversions sharing one profile fail silently)."""
    soffice = soffice_or_skip()
    source = folder / "document.docx"
    source.write_bytes(docx)
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(folder),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
    pdf = folder / "document.pdf"
    assert pdf.is_file(), "LibreOffice did not write a PDF"
    info = subprocess.run(
        ["pdfinfo", str(pdf)], check=True, capture_output=True, text=True, timeout=60
    ).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    text = subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], check=True, capture_output=True, text=True, timeout=60
    ).stdout
    return Rendered(pages=pages, text=text, pdf=pdf)
