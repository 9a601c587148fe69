"""Settings and store access for the views. A store is opened per use, never cached:
SQLite connections belong to the thread that made them, and Streamlit reruns in threads."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import streamlit as st

from flarewatch.config import ConfigError, Settings, load_settings
from flarewatch.store import Store


def config_path() -> Path:
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--config", default=None)
    args, _ = parser.parse_known_args(sys.argv[1:])
    return Path(args.config or os.environ.get("FLAREWATCH_CONFIG", "config/flarewatch.toml"))


def settings() -> Settings:
    return _settings_at(str(config_path()))


@st.cache_resource
def _settings_at(path: str) -> Settings:
    try:
        return load_settings(path)
    except ConfigError as exc:
        st.error("The configuration cannot be used:\n\n" + "\n".join(f"- {x}" for x in exc.lines))
        st.stop()
        raise


@contextmanager
def store() -> Iterator[Store]:
    opened = Store.open(settings().store.path)
    try:
        yield opened
    finally:
        opened.close()
