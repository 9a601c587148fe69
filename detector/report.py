"""The evaluation report: Markdown tables and a precision–recall plot (PNG)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from sklearn.metrics import precision_recall_curve

from detector.types import STAGES

_TARGETS = (("macro-F1 ≥ 0.85", "macro"), ("escalation recall ≥ 0.90 at precision ≥ 0.85", "esc"),
            ("beats keywords by ≥ 0.15 macro-F1", "margin"))


def _plot(path: Path, truth: Sequence[str], probs: np.ndarray, esc_true: np.ndarray,
          esc_score: np.ndarray, report: object) -> None:
    import matplotlib

    matplotlib.use("Agg")  # files only; never needs a display
    import matplotlib.pyplot as plt

    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.5))
    precision, recall, _ = precision_recall_curve(esc_true, esc_score)
    left.plot(recall, precision, label="model (p(threat)+p(public))")
    m, b = report.model, report.baseline  # type: ignore[attr-defined]
    left.scatter([m.escalation_recall], [m.escalation_precision], marker="o", color="C0",
                 label="model, chosen stage")
    left.scatter([b.escalation_recall], [b.escalation_precision], marker="x", color="C3", s=60,
                 label="keyword baseline")
    left.axhline(0.85, color="grey", lw=0.8, ls="--")
    left.axvline(0.90, color="grey", lw=0.8, ls="--")
    left.set(title="Escalation (threat + public)", xlabel="recall", ylabel="precision",
             xlim=(0, 1.02), ylim=(0, 1.02))
    left.legend(loc="lower left", fontsize=8)
    for i, stage in enumerate(STAGES):
        p, r, _ = precision_recall_curve(np.asarray(truth) == stage, probs[:, i])
        right.plot(r, p, label=stage)
    right.set(title="Per stage (one vs rest)", xlabel="recall", ylabel="precision",
              xlim=(0, 1.02), ylim=(0, 1.02))
    right.legend(loc="lower left", fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _stage_table(metrics: object) -> list[str]:
    rows = ["| stage | precision | recall | F1 | support |", "|---|---|---|---|---|"]
    for s in STAGES:
        v = metrics.per_stage[s]  # type: ignore[attr-defined]
        rows.append(f"| {s} | {v['precision']:.3f} | {v['recall']:.3f} | {v['f1']:.3f} | "
                    f"{v['support']} |")
    return rows


def _confusion(metrics: object) -> list[str]:
    rows = ["| true \\ predicted | " + " | ".join(STAGES) + " |",
            "|---|" + "---|" * len(STAGES)]
    for s, counts in zip(STAGES, metrics.confusion, strict=True):  # type: ignore[attr-defined]
        rows.append(f"| {s} | " + " | ".join(str(c) for c in counts) + " |")
    return rows


def markdown(report: object, plot_name: str) -> str:
    r = report
    met = {"macro": r.model.macro_f1 >= 0.85,  # type: ignore[attr-defined]
           "esc": r.recall_at_precision >= 0.90,  # type: ignore[attr-defined]
           "margin": r.margin_over_baseline >= 0.15}  # type: ignore[attr-defined]
    lines = ["# Detector evaluation", "", "```", r.text(), "```", "",  # type: ignore[attr-defined]
             "## Targets (issue 3)", ""]
    lines += [f"- [{'x' if met[key] else ' '}] {label}" for label, key in _TARGETS]
    lines += ["", "## Model, held-out", "", *_stage_table(r.model), "",  # type: ignore[attr-defined]
              *_confusion(r.model), "", "## Keyword baseline, same posts", "",  # type: ignore[attr-defined]
              *_stage_table(r.baseline), "", *_confusion(r.baseline), "",  # type: ignore[attr-defined]
              "## Precision–recall", "", f"![precision-recall]({plot_name})", ""]
    if r.suspects:  # type: ignore[attr-defined]
        lines += ["## Labels to re-check (out-of-fold p(label) < 0.1)", "",
                  "| id | label | model says | p(label) |", "|---|---|---|---|"]
        lines += [f"| {i} | {lab} | {pred} | {p:.3f} |" for i, lab, pred, p in r.suspects]  # type: ignore[attr-defined]
    return "\n".join(lines) + "\n"


def write_report(report: object, path: Path, truth: Sequence[str], probs: np.ndarray,
                 esc_true: np.ndarray, esc_score: np.ndarray) -> object:
    """Write `path` (Markdown) and `<path stem>.png`; returns the report with both paths."""
    path.parent.mkdir(parents=True, exist_ok=True)
    plot = path.with_suffix(".png")
    _plot(plot, truth, probs, esc_true, esc_score, report)
    path.write_text(markdown(report, plot.name), "utf-8")
    return dataclasses.replace(report, report_path=path, plot_path=plot)  # type: ignore[type-var]
