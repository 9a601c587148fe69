"""Incident queue: open incidents ranked by severity, colored by level, with their posts."""

from __future__ import annotations

import html
from datetime import datetime
from zoneinfo import ZoneInfo

import streamlit as st

from dashboard.state import settings, store
from flarewatch.store import Incident, QueuedPost

LEVEL_COLORS = {"red": "#c62828", "orange": "#ef6c00", "yellow": "#f9a825", "blue": "#1565c0"}
LEVEL_NAMES = {"red": "红 red", "orange": "橙 orange", "yellow": "黄 yellow", "blue": "蓝 blue"}
STAGE_NAMES = {"none": "无 none", "complaint": "投诉 complaint", "threat": "威胁 threat",
               "public": "公开 public"}

st.title("Incident queue")


def _local(iso: str | None) -> str:
    if not iso:
        return "—"
    zone = ZoneInfo(settings().timezone)
    return datetime.fromisoformat(iso).astimezone(zone).strftime("%m-%d %H:%M")


def _badge(level: str, text: str) -> str:
    color = LEVEL_COLORS.get(level, "#607d8b")
    return (f"<span style='background:{color};color:white;padding:2px 8px;border-radius:4px;"
            f"font-weight:600'>{html.escape(text)}</span>")


def _render_post(item: QueuedPost) -> None:
    post = item.post
    who = html.escape(post.author_name or post.author_id or "unknown")
    followers = f"{post.author_followers:,}" if post.author_followers is not None else "?"
    stage = STAGE_NAMES.get(item.stage, item.stage)
    head = (f"{_badge(item.level, str(item.severity))} **{stage}**"
            f"{' · ⚠️ extortion' if item.extortion else ''} · {post.platform} · {who} "
            f"({followers} followers) · {_local(post.created_at)}")
    st.markdown(head, unsafe_allow_html=True)
    st.write(post.text)
    counts = " · ".join(f"{n} {v}" for n, v in
                        (("reposts", post.reposts), ("comments", post.comments),
                         ("likes", post.likes)) if v is not None)
    cues = ", ".join(f"{s['name']}「{s['span']}」" for s in item.signals)
    st.caption(" | ".join(x for x in (counts, f"signals: {cues}" if cues else "",
                                       _breakdown(item.breakdown)) if x))
    if post.url:
        st.caption(f"[open on {post.platform}]({post.url})")


def _breakdown(parts: dict[str, float]) -> str:
    shown = sorted(((k, v) for k, v in parts.items() if abs(v) >= 0.5), key=lambda kv: -kv[1])
    return "severity: " + " + ".join(f"{k} {v:.0f}" for k, v in shown) if shown else ""


def _render_incident(incident: Incident, expanded: bool) -> None:
    title = (f":{_streamlit_color(incident.level)}-background[{incident.severity}] "
             f"**{incident.brand or 'no brand'}** — {incident.title} "
             f"({incident.post_count} posts, {incident.status}, updated "
             f"{_local(incident.updated_at)})")
    with st.expander(title, expanded=expanded):
        st.markdown(f"{_badge(incident.level, LEVEL_NAMES[incident.level])} "
                    f"incident #{incident.id} · opened {_local(incident.opened_at)}",
                    unsafe_allow_html=True)
        _actions(incident)
        with store() as s:
            posts = s.incident_posts(incident.id)
        for item in sorted(posts, key=lambda p: p.post.created_at or ""):
            _render_post(item)
            st.divider()


def _actions(incident: Incident) -> None:
    """Acknowledge or resolve; each change is written to the audit log."""
    ack, resolve, _ = st.columns([1.3, 1, 5])
    if incident.status == "open" and ack.button("Acknowledge", key=f"ack-{incident.id}"):
        _set_status(incident.id, "acknowledged")
    if resolve.button("Resolve", key=f"resolve-{incident.id}"):
        _set_status(incident.id, "resolved")


def _set_status(incident_id: int, status: str) -> None:
    with store() as s:
        s.set_incident_status(incident_id, status, actor="dashboard")
    st.rerun()


def _streamlit_color(level: str) -> str:
    return {"red": "red", "orange": "orange", "yellow": "yellow", "blue": "blue"}.get(level,
                                                                                      "gray")


@st.fragment(run_every="5s")
def queue() -> None:
    with store() as s:
        incidents = s.ranked_incidents(limit=200)
        posts, scored = s.count_posts(), len(s.outbox())
    levels = [i.level for i in incidents]
    cols = st.columns(5)
    cols[0].metric("open incidents", len(incidents))
    for col, level in zip(cols[1:], ("red", "orange", "yellow", "blue"), strict=True):
        col.metric(LEVEL_NAMES[level], levels.count(level))
    st.caption(f"{posts} posts stored · {scored} notifications queued · refreshes every 5 s")
    if not incidents:
        st.info("No open incidents yet. Flagged posts appear here as sources are polled.")
        return
    focus = st.query_params.get("incident")
    for incident in incidents:
        _render_incident(incident, expanded=str(incident.id) == focus)


queue()
