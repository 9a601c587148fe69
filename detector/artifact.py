"""Model artifacts on disk: one directory per version, `current` pointing at the newest.

    var/models/
      20261125T163000-ab12cd34/   model.joblib, metadata.json
      current -> 20261125T163000-ab12cd34

`current` is a symlink where the file system allows one, else a copy of the directory.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

MODEL_FILE = "model.joblib"
METADATA_FILE = "metadata.json"


def artifact_dir(path: Path) -> Path:
    """The artifact directory for `path`, which may also name its model file."""
    return path.parent if path.name == MODEL_FILE else path


def artifact_exists(path: Path) -> bool:
    return (artifact_dir(path) / MODEL_FILE).is_file()


def load_artifact(path: Path) -> tuple[Any, dict[str, Any]]:
    """(model, metadata) from an artifact directory; FileNotFoundError if there is none."""
    import joblib

    folder = artifact_dir(Path(path))
    if not artifact_exists(folder):
        raise FileNotFoundError(f"no model artifact at {folder} (expected {MODEL_FILE})")
    meta_path = folder / METADATA_FILE
    metadata = json.loads(meta_path.read_text("utf-8")) if meta_path.is_file() else {}
    return joblib.load(folder / MODEL_FILE), metadata


def save_artifact(model: Any, metadata: dict[str, Any], models_dir: Path) -> Path:
    """Write a new version directory and point `current` at it; returns the directory."""
    import joblib

    folder = Path(models_dir) / str(metadata["version"])
    folder.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, folder / MODEL_FILE, compress=3)
    (folder / METADATA_FILE).write_text(
        json.dumps(metadata, ensure_ascii=False, indent=2), "utf-8"
    )
    _point_current(folder)
    return folder


def _point_current(folder: Path) -> None:
    current = folder.parent / "current"
    tmp = folder.parent / ".current.tmp"
    if tmp.is_symlink() or tmp.is_file():
        tmp.unlink()
    elif tmp.is_dir():
        shutil.rmtree(tmp)
    try:
        tmp.symlink_to(folder.name, target_is_directory=True)
    except OSError:  # no symlinks (some Windows setups): copy instead
        shutil.copytree(folder, tmp)
    if current.is_dir() and not current.is_symlink():
        shutil.rmtree(current)
    os.replace(tmp, current)  # atomic: readers see the old or the new version, never none
