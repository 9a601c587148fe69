"""Sources: each source's health in words a PR lead understands."""

from __future__ import annotations

import streamlit as st

from dashboard.state import settings, store
from flarewatch.health_report import source_rows

st.title("Sources")


@st.fragment(run_every="10s")
def sources() -> None:
    with store() as s:
        rows = source_rows(settings(), s)
    if not rows:
        st.info("No sources configured. Add [[sources]] to the configuration file.")
        return
    st.dataframe(rows, hide_index=True, use_container_width=True)


sources()
