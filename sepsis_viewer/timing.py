"""Timings of the unattended modes, scaled by SEPSIS_VIEWER_TIME_SCALE for tests and soak runs."""

from __future__ import annotations

import logging
import math
import os

_log = logging.getLogger(__name__)
ENV = "SEPSIS_VIEWER_TIME_SCALE"


def time_scale() -> float:
    """The factor every timing is multiplied by (1 unless the environment says otherwise)."""
    raw = os.environ.get(ENV, "").strip()
    if not raw:
        return 1.0
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value <= 0:
        _log.warning("%s=%r is not a positive number; using 1", ENV, raw)
        return 1.0
    return value


def scaled_ms(seconds: float) -> int:
    """A duration in seconds as scaled milliseconds for a QTimer (at least 1 ms)."""
    return max(1, round(seconds * 1000 * time_scale()))
