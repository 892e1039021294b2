"""The Import and export reviews screen (Step 2): reviews out as CSV or XLSX files, and in from such files or
Word review forms, checked first and written all or nothing. Owns the session-state keys starting with
``exchange.``."""

from __future__ import annotations

import hashlib
from typing import cast

import streamlit as st

from wtfc_collect.domain import Project
from wtfc_collect.exchange import MIME_TYPES
from wtfc_collect.services.collect.exchange import (
    EXPORT_FORMATS,
    ImportReport,
    check_import,
    export_counts,
    export_filename,
    export_reviews,
    import_reviews,
)
from wtfc_collect.storage.port import Repository
from wtfc_collect.ui import context
from wtfc_collect.ui.feedback import ICON, remember, run_action, show, use_case
from wtfc_collect.ui.tables import table

PREFIX = "exchange."
UPLOAD_ROUND = PREFIX + "upload_round"  # a new uploader (empty) after each import
IMPORT = PREFIX + "import"
CHECKED = PREFIX + "checked"  # (what was checked, its report): a file is checked once


def draw(t: dict[str, str], repo: Repository, project: Project) -> None:
    """The whole screen below its title: export, then import."""
    export_section(t, repo, project)
    import_section(t, repo, project)


def export_section(t: dict[str, str], repo: Repository, project: Project) -> None:
    """The file is made (and the audit entry written) only when a button is pressed."""
    st.header(t["export_heading"], anchor=False)
    reviews, statements = export_counts(repo, project.id)
    if reviews:
        st.markdown(t["export_help"].format(reviews=reviews, statements=statements))
    else:
        st.info(t["nothing_to_export"])
    for column, fmt in zip(st.columns(len(EXPORT_FORMATS)), EXPORT_FORMATS, strict=True):
        column.download_button(
            t[f"download_{fmt}"],
            data=use_case(export_reviews, project.id, fmt),
            file_name=export_filename(project, fmt, context.now()),
            mime=MIME_TYPES[fmt],
            on_click="ignore",
            key=f"{PREFIX}download_{fmt}",
            disabled=not reviews,
        )
    st.caption(t["personal_data"])


def import_section(t: dict[str, str], repo: Repository, project: Project) -> None:
    """Check and preview first; write only when nothing needs fixing."""
    st.header(t["import_heading"], anchor=False)
    st.markdown(t["import_help"])
    show(IMPORT, once=True)
    upload = st.file_uploader(
        t["upload_label"],
        type=["csv", "xlsx", "docx"],
        max_upload_size=5,
        key=f"{PREFIX}upload.{st.session_state.get(UPLOAD_ROUND, 0)}",
    )
    if upload is None:
        return
    data = upload.getvalue()
    report = _checked(repo, project.id, upload.name, data)
    if report.rejected:
        st.error(report.summary, icon=ICON)
        st.subheader(t["problems_heading"], anchor=False)
        table(
            [{t["where"]: p.place or t["whole_file"], t["what_to_fix"]: p.message} for p in report.rejected],
            scroll_label=t["problems_heading"],
        )
    else:
        st.info(report.summary)
    preview_section(t, report)
    if report.notes:
        st.subheader(t["notes_heading"], anchor=False)
        for note in report.notes:
            st.text(note)  # may quote the file's own words: shown as plain text
    if report.ok and st.button(t["import_button"], type="primary", key=IMPORT):
        _import(t, upload.name, data, project.id)


def _checked(repo: Repository, project_id: str, name: str, data: bytes) -> ImportReport:
    """The check of this file, made once: it is kept for the session until the file, the project or
    anything in the store changes (a big file is not unpacked and read again on every click)."""
    key = (project_id, name, hashlib.sha256(data).hexdigest(), repo.version())
    found = st.session_state.get(CHECKED)
    if isinstance(found, tuple) and found[0] == key:
        return cast(ImportReport, found[1])
    report = check_import(repo, project_id, name, data, now=context.now())
    st.session_state[CHECKED] = (key, report)
    return report


def preview_section(t: dict[str, str], report: ImportReport) -> None:
    """Every line as it was read, before anything is saved: the statements with their question, who
    said them and the person's choice, then the lines left out and why. Shown as plain text."""
    statements = [line for line in report.preview if not line.left_out]
    left_out = [line for line in report.preview if line.left_out]
    if not report.preview:
        return
    st.subheader(t["preview_heading"], anchor=False)
    st.markdown(t["preview_help"])
    if statements:
        table(
            [
                {
                    t["where"]: line.where,
                    t["question"]: line.question.label if line.question else "",
                    t["said_by"]: line.said_by.label if line.said_by else "",
                    t["choice"]: t[f"choice_{line.priority}"] if line.priority else "",
                    t["words"]: line.text,
                }
                for line in statements
            ],
            scroll_label=t["preview_heading"],
        )
    else:
        st.caption(t["no_statements_read"])
    if left_out:
        st.subheader(t["left_out_heading"], anchor=False)
        table(
            [{t["where"]: line.where, t["words"]: line.text, t["why"]: line.left_out} for line in left_out],
            scroll_label=t["left_out_heading"],
        )


def _import(t: dict[str, str], name: str, data: bytes, project_id: str) -> None:
    results: list[ImportReport] = []
    if not run_action(IMPORT, lambda: results.append(use_case(import_reviews, project_id, name, data)())):
        st.rerun()
    result = results[0]
    if result.ok:
        remember(IMPORT, done=f"{result.summary} {t['imported']}")
        st.session_state[UPLOAD_ROUND] = st.session_state.get(UPLOAD_ROUND, 0) + 1
        st.rerun()
    st.error(result.summary, icon=ICON)  # someone imported the same reviews a moment ago
