"""Step 2, Collect: reviews out as CSV or XLSX files, and in from such files or Word review forms."""

import streamlit as st

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
from wtfc_collect.ui import context
from wtfc_collect.ui.page import project_screen

UPLOAD_ROUND = "exchange.upload_round"  # a new uploader (empty) after each import
DONE = "exchange.done"

t, repo, project = project_screen("exchange")
actor = context.actor()

# --- export: the file is made (and the audit entry written) only when a button is pressed ---------------
st.header(t["export_heading"], anchor=False)
reviews, statements = export_counts(repo, project.id)
if reviews:
    st.markdown(t["export_help"].format(reviews=reviews, statements=statements))
else:
    st.info(t["nothing_to_export"])
for column, fmt in zip(st.columns(len(EXPORT_FORMATS)), EXPORT_FORMATS, strict=True):
    column.download_button(
        t[f"download_{fmt}"],
        data=lambda fmt=fmt: export_reviews(repo, project.id, fmt, actor=actor, now=context.now()),
        file_name=export_filename(project, fmt, context.now()),
        mime=MIME_TYPES[fmt],
        on_click="ignore",
        key=f"exchange.download_{fmt}",
        disabled=not reviews,
    )
st.caption(t["personal_data"])

# --- import: check and preview first; write only when nothing needs fixing ------------------------------
st.header(t["import_heading"], anchor=False)
st.markdown(t["import_help"])
done = st.session_state.pop(DONE, None)
if isinstance(done, ImportReport):
    st.success(f"{done.summary} {t['imported']}", icon="✅")
upload = st.file_uploader(
    t["upload_label"],
    type=["csv", "xlsx", "docx"],
    max_upload_size=5,
    key=f"exchange.upload.{st.session_state.get(UPLOAD_ROUND, 0)}",
)
if upload is None:
    st.stop()
data = upload.getvalue()
report = check_import(repo, project.id, upload.name, data, now=context.now())
if report.rejected:
    st.error(report.summary, icon="⚠️")
    st.subheader(t["problems_heading"], anchor=False)
    st.dataframe(
        [{t["where"]: p.place or t["whole_file"], t["what_to_fix"]: p.message} for p in report.rejected],
        hide_index=True,
        key="exchange.problems",
    )
else:
    st.info(report.summary)
if report.notes:
    st.subheader(t["notes_heading"], anchor=False)
    for note in report.notes:
        st.text(note)  # may quote the file's own words: shown as plain text
if report.ok and st.button(t["import_button"], type="primary", key="exchange.import"):
    result = import_reviews(repo, project.id, upload.name, data, actor=actor, now=context.now())
    if result.ok:
        st.session_state[DONE] = result
        st.session_state[UPLOAD_ROUND] = st.session_state.get(UPLOAD_ROUND, 0) + 1
        st.rerun()
    st.error(result.summary, icon="⚠️")  # someone imported the same reviews a moment ago
