"""A clinic's opening hours: when the waiting-room screen shows the loop, and when it may sleep.
Parsed from the configuration file's [hours] table (kiosk_config.py). No Qt."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from sepsis_viewer.record import Record

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # datetime.weekday() order
_TIME = re.compile(r"([0-9]{1,2}):([0-9]{2})")


class OpeningHours(Record):
    """When the clinic is open: for each weekday (Monday first), its (start, end) minutes after
    midnight, sorted and not overlapping; end may be 1440 (24:00)."""

    days: tuple[tuple[tuple[int, int], ...], ...]

    def _spans(self, moment: datetime) -> list[tuple[datetime, datetime]]:
        """The open spans from the day before `moment` to eight days after, touching ones joined."""
        midnight = moment.replace(hour=0, minute=0, second=0, microsecond=0)
        spans: list[tuple[datetime, datetime]] = []
        for offset in range(-1, 9):
            day = midnight + timedelta(days=offset)
            for start, end in self.days[day.weekday()]:
                begin, finish = day + timedelta(minutes=start), day + timedelta(minutes=end)
                if spans and spans[-1][1] == begin:
                    spans[-1] = (spans[-1][0], finish)  # 20:00-24:00 then 00:00-06:00: one night
                else:
                    spans.append((begin, finish))
        return spans

    def is_open(self, moment: datetime) -> bool:
        return any(begin <= moment < end for begin, end in self._spans(moment))

    def next_change(self, moment: datetime) -> datetime | None:
        """The next opening or closing after `moment`; None if it never changes (open all week)."""
        midnight = moment.replace(hour=0, minute=0, second=0, microsecond=0)
        # The ends of the days looked at are no change: a week has one within seven days, if any.
        window = (midnight - timedelta(days=1), midnight + timedelta(days=9))
        edges = [edge for span in self._spans(moment) for edge in span if edge > moment and edge not in window]
        return min(edges) if edges else None

    def next_opening(self, moment: datetime) -> datetime | None:
        openings = [begin for begin, _end in self._spans(moment) if begin > moment]
        return min(openings) if openings else None


def day_range(key: str) -> list[int] | None:
    """The weekday indexes of "mon", "mon-fri" or "sun-thu" (a range may go round the week's end)."""
    names = key.strip().lower().split("-")
    if not 1 <= len(names) <= 2 or any(name not in DAYS for name in names):
        return None
    first, last = DAYS.index(names[0]), DAYS.index(names[-1])
    return [(first + step) % 7 for step in range((last - first) % 7 + 1)]


def _minutes(text: str, end: bool) -> int | None:
    match = _TIME.fullmatch(text.strip())
    if not match:
        return None
    hour, minute = int(match[1]), int(match[2])
    if (hour, minute) == (24, 0) and end:
        return 24 * 60
    return hour * 60 + minute if hour < 24 and minute < 60 else None


def span(text: str) -> tuple[int, int] | str:
    """(start, end) minutes of "08:00-18:00", or what is wrong with it."""
    ends = text.split("-")
    if len(ends) != 2:
        return f"{text!r} is not opening times such as \"08:00-18:00\" (or \"closed\")"
    start, end = _minutes(ends[0], end=False), _minutes(ends[1], end=True)
    if start is None or end is None:
        return f"{text!r}: times are 24-hour HH:MM, from 00:00 to 24:00"
    if end <= start:
        return (f"{text!r} ends before it starts; for a night, give two days, e.g. fri = \"20:00-24:00\" and "
                "sat = \"00:00-08:00\"")
    return start, end


def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
