"""Administration: the audit log — who did what and when, never what people said."""

import streamlit as st

from accessibility.texts import screen
from wtfc_collect.domain import AuditAction
from wtfc_collect.services.admin.audit_log import audit_actors, audit_entries
from wtfc_collect.ui import context
from wtfc_collect.ui.tables import table

t = screen("audit_log")
repo = context.repository()
st.title(t["title"], anchor=False)
st.markdown(t["help"])
LIMIT = 500

who_column, what_column, since_column, until_column = st.columns(4)
who = who_column.selectbox(t["who_label"], [t["anyone"], *audit_actors(repo)], key="audit_log.who")
what = what_column.multiselect(
    t["what_label"], list(AuditAction), format_func=lambda a: a.value.replace("_", " "), key="audit_log.what"
)
since = since_column.date_input(t["from_label"], value=None, key="audit_log.since", format="DD/MM/YYYY")
until = until_column.date_input(t["to_label"], value=None, key="audit_log.until", format="DD/MM/YYYY")
rows = audit_entries(
    repo,
    actor=None if who == t["anyone"] else who,
    actions=what,
    since=since if not isinstance(since, tuple) else None,
    until=until if not isinstance(until, tuple) else None,
    limit=LIMIT,
)
if not rows:
    st.info(t["none"])
    st.stop()
st.caption(t["shown"].format(count=len(rows)))
table(
    [
        {
            t["col_when"]: f"{e.at:%d/%m/%Y %H:%M:%S}",
            t["col_who"]: e.actor,
            t["col_what"]: e.action.value.replace("_", " "),
            t["col_record"]: e.record_kind,
            t["col_record_id"]: e.record_id,
            t["col_reason"]: e.reason,
        }
        for e in rows
    ],
    scroll_label=t["title"],
)
