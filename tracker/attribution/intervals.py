"""``Intervals``: character intervals of an article, looked up by the characters they share with a span."""

import bisect


class Intervals:
    """Character intervals ``(start, end, owner)``: each lookup reads only the intervals that start within the
    longest one's length before the span, not all of them."""

    def __init__(self, intervals):
        self.intervals = sorted(intervals, key=lambda interval: interval[0])
        self.starts = [start for start, _, _ in self.intervals]
        self.longest = max((end - start for start, end, _ in self.intervals), default=0)

    def overlapping(self, start, end):
        """The owners of the intervals that share characters with ``start:end``, by start."""
        first = bisect.bisect_right(self.starts, start - self.longest)
        last = bisect.bisect_left(self.starts, end)
        return [owner for a, b, owner in self.intervals[first:last] if a < end and start < b]
