"""What a post means: normalize, tokenize, stage, signals, severity. Pure: no I/O but model loading.

    from detector import Detector, PostInput
    det = Detector.load()              # trained model, or the rules if none is trained
    det.detect(PostInput(text="再不退款我就去12315投诉你们")).stage   # "threat"
"""

from detector._version import __version__
from detector.base import Detector
from detector.rules import RuleDetector
from detector.severity import SeverityWeights
from detector.types import STAGES, Detection, PostInput, Signal

__all__ = [
    "STAGES",
    "Detection",
    "Detector",
    "PostInput",
    "RuleDetector",
    "SeverityWeights",
    "Signal",
    "__version__",
]
