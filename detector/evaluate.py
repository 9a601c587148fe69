"""Evaluation: held-out split, cross-validation, keyword baseline, report with PR plot.

`evaluate(corpus_dir, report_path)` trains on a stratified 80 % and scores the other
20 %, runs stratified k-fold cross-validation over everything, scores the keyword
baseline on the same held-out posts, and writes a Markdown report with a
precision–recall plot (PNG next to it). Escalation means stage threat or public.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.metrics import (
    confusion_matrix,
    precision_recall_curve,
    precision_recall_fscore_support,
)
from sklearn.model_selection import StratifiedKFold, train_test_split

from detector.baseline import KeywordBaseline
from detector.corpus import Example
from detector.model import decide, predict
from detector.tokenize import read_userdict
from detector.train import DEFAULT_USERDICT, REPO_DATA, fit_model, gather
from detector.types import STAGES

ESCALATION = ("threat", "public")
DEFAULT_BASELINE = REPO_DATA / "lexicon" / "keyword_baseline.toml"
TARGET_PRECISION = 0.85


@dataclass(frozen=True)
class StageMetrics:
    """Per-stage precision/recall/F1, macro-F1, confusion matrix, escalation P/R."""

    per_stage: dict[str, dict[str, float]]
    macro_f1: float
    confusion: list[list[int]]  # rows: true stage, columns: predicted, in STAGES order
    escalation_precision: float
    escalation_recall: float
    extortion: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class EvaluationReport:
    n_train: int
    n_test: int
    model: StageMetrics
    baseline: StageMetrics
    cv_macro_f1: list[float]
    cv_escalation_recall: list[float]
    recall_at_precision: float  # best escalation recall with precision ≥ TARGET_PRECISION
    report_path: Path | None = None
    plot_path: Path | None = None
    suspects: list[tuple[str, str, str, float]] = field(default_factory=list)

    @property
    def margin_over_baseline(self) -> float:
        return self.model.macro_f1 - self.baseline.macro_f1

    def text(self) -> str:
        """A short plain-text summary for the terminal."""
        m, b = self.model, self.baseline
        cv = np.asarray(self.cv_macro_f1)
        lines = [
            f"held-out {self.n_test} posts (trained on {self.n_train})",
            f"model    macro-F1 {m.macro_f1:.3f}  escalation P {m.escalation_precision:.3f} "
            f"R {m.escalation_recall:.3f}  extortion F1 {m.extortion.get('f1', 0):.3f}",
            f"keywords macro-F1 {b.macro_f1:.3f}  escalation P {b.escalation_precision:.3f} "
            f"R {b.escalation_recall:.3f}",
            f"margin over keywords {self.margin_over_baseline:+.3f} macro-F1",
            f"escalation recall at precision >= {TARGET_PRECISION}: {self.recall_at_precision:.3f}",
            f"{len(cv)}-fold CV macro-F1 {cv.mean():.3f} ± {cv.std():.3f}",
            "per stage: " + ", ".join(
                f"{s} P {m.per_stage[s]['precision']:.2f} R {m.per_stage[s]['recall']:.2f} "
                f"F1 {m.per_stage[s]['f1']:.2f}" for s in STAGES),
        ]
        if self.report_path:
            lines.append(f"report: {self.report_path}")
        return "\n".join(lines)


def score(y_true: Sequence[str], y_pred: Sequence[str],
          ext_true: Sequence[bool] | None = None,
          ext_pred: Sequence[bool] | None = None) -> StageMetrics:
    p, r, f, support = precision_recall_fscore_support(
        y_true, y_pred, labels=list(STAGES), zero_division=0)
    per_stage = {s: {"precision": float(p[i]), "recall": float(r[i]), "f1": float(f[i]),
                     "support": int(support[i])} for i, s in enumerate(STAGES)}
    esc_true = np.isin(y_true, ESCALATION)
    esc_pred = np.isin(y_pred, ESCALATION)
    tp = float(np.sum(esc_true & esc_pred))
    extortion = {}
    if ext_true is not None and ext_pred is not None:
        ep, er, ef, _ = precision_recall_fscore_support(
            ext_true, ext_pred, average="binary", zero_division=0)
        extortion = {"precision": float(ep), "recall": float(er), "f1": float(ef)}
    return StageMetrics(
        per_stage=per_stage,
        macro_f1=float(np.mean(f)),
        confusion=confusion_matrix(y_true, y_pred, labels=list(STAGES)).tolist(),
        escalation_precision=tp / max(1.0, float(esc_pred.sum())),
        escalation_recall=tp / max(1.0, float(esc_true.sum())),
        extortion=extortion,
    )


def split(examples: Sequence[Example], test_size: float = 0.2,
          seed: int = 0) -> tuple[list[Example], list[Example]]:
    """Stratified on stage and extortion together, so the rare flag is in both parts."""
    strata = [f"{e.stage}/{e.extortion}" for e in examples]
    train, test = train_test_split(list(examples), test_size=test_size, random_state=seed,
                                   stratify=strata)
    return train, test


def _run(train: Sequence[Example], test: Sequence[Example], words: Sequence[str],
         params: Mapping[str, Any] | None) -> tuple[StageMetrics, np.ndarray, list[str]]:
    model = fit_model(train, words, params)
    _, stage_p, ext_p = predict(model, [e.text for e in test])
    stages, flags = decide(stage_p, ext_p)
    metrics = score([e.stage for e in test], stages, [e.extortion for e in test], flags)
    return metrics, stage_p, stages


def holdout_scores(examples: Sequence[Example], words: Sequence[str] = (),
                   params: Mapping[str, Any] | None = None) -> dict[str, float]:
    """The headline figures on the standard 80/20 split (for artifact metadata)."""
    train, test = split(examples)
    m, _, _ = _run(train, test, words, params)
    return {"macro_f1": m.macro_f1, "escalation_precision": m.escalation_precision,
            "escalation_recall": m.escalation_recall,
            "extortion_f1": m.extortion.get("f1", 0.0)}


def recall_at_precision(esc_true: np.ndarray, esc_score: np.ndarray,
                        target: float = TARGET_PRECISION) -> float:
    precision, recall, _ = precision_recall_curve(esc_true, esc_score)
    ok = recall[precision >= target]
    return float(ok.max()) if ok.size else 0.0


def cross_validate(examples: Sequence[Example], words: Sequence[str],
                   params: Mapping[str, Any] | None, folds: int,
                   seed: int = 0) -> tuple[list[float], list[float], np.ndarray]:
    """Per-fold macro-F1 and escalation recall, and out-of-fold stage probabilities."""
    stages = np.asarray([e.stage for e in examples])
    oof = np.zeros((len(examples), len(STAGES)))
    f1s, recalls = [], []
    skf = StratifiedKFold(folds, shuffle=True, random_state=seed)
    for tr, te in skf.split(np.zeros(len(stages)), stages):
        m, probs, _ = _run([examples[i] for i in tr], [examples[i] for i in te], words, params)
        oof[te] = probs
        f1s.append(m.macro_f1)
        recalls.append(m.escalation_recall)
    return f1s, recalls, oof


def suspect_labels(examples: Sequence[Example], oof: np.ndarray,
                   limit: int = 30) -> list[tuple[str, str, str, float]]:
    """Labels the out-of-fold model finds least likely: candidates for a second look."""
    rows = []
    for ex, probs in zip(examples, oof, strict=True):
        p_label = probs[STAGES.index(ex.stage)]
        rows.append((ex.id, ex.stage, STAGES[int(np.argmax(probs))], float(p_label)))
    return sorted((r for r in rows if r[3] < 0.1), key=lambda r: r[3])[:limit]


def evaluate(
    corpus_dir: Path,
    report_path: Path | None = None,
    extra_labels: Iterable[Mapping[str, object]] | None = None,
    userdict: Path = DEFAULT_USERDICT,
    baseline_words: Path = DEFAULT_BASELINE,
    params: Mapping[str, Any] | None = None,
    cv_folds: int = 5,
    test_size: float = 0.2,
    seed: int = 0,
) -> EvaluationReport:
    """Score the model and the keyword baseline; write the report if a path is given."""
    examples = gather(Path(corpus_dir), extra_labels)
    words = read_userdict(userdict)
    train, test = split(examples, test_size, seed)
    model_metrics, probs, _ = _run(train, test, words, params)
    truth = [e.stage for e in test]
    baseline = KeywordBaseline.from_toml(baseline_words)
    base_pred = baseline.predict([e.text for e in test])
    base_metrics = score(truth, base_pred)
    esc_true = np.isin(truth, ESCALATION)
    esc_score = probs[:, 2] + probs[:, 3]
    cv_f1, cv_recall, oof = cross_validate(examples, words, params, cv_folds, seed)
    report = EvaluationReport(
        n_train=len(train), n_test=len(test), model=model_metrics, baseline=base_metrics,
        cv_macro_f1=cv_f1, cv_escalation_recall=cv_recall,
        recall_at_precision=recall_at_precision(esc_true, esc_score),
        suspects=suspect_labels(examples, oof),
    )
    if report_path is None:
        return report
    from detector.report import write_report

    return write_report(report, Path(report_path), truth, probs, esc_true, esc_score)
