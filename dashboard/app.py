"""Flarewatch dashboard: `streamlit run dashboard/app.py -- --config config/flarewatch.toml`."""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

# Streamlit runs this file as a script; make the project importable when not installed.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

st.set_page_config(page_title="Flarewatch", page_icon="🔥", layout="wide")

pages = {
    "Triage": [
        st.Page("views/queue.py", title="Incident queue", icon="🚨", default=True),
        st.Page("views/sources.py", title="Sources", icon="📡"),
    ],
}
st.navigation(pages).run()
