//! A set of byte ranges of the normalised text that answers "is this range inside one of
//! them?" quickly: exceptions ("不管" around "不"), bank phrases around a negation character.
//! Lookups stay logarithmic even for a megabyte of "不不不…", because a range can only
//! contain another if it starts at most `max_len` bytes before it.

use super::matcher::{Hit, Role};

#[derive(Debug, Default)]
pub struct Ranges {
    /// Sorted by start.
    ranges: Vec<(usize, usize)>,
    max_len: usize,
}

impl Ranges {
    pub fn new(mut ranges: Vec<(usize, usize)>) -> Self {
        ranges.sort_unstable();
        let max_len = ranges.iter().map(|&(s, e)| e - s).max().unwrap_or(0);
        Ranges { ranges, max_len }
    }

    /// The ranges of the `hits` whose role `keep` accepts. Room for every hit is made at
    /// once: an answer has a few hundred hits, and growing the list as it fills cost more.
    pub fn of_hits(hits: &[Hit], keep: impl Fn(Role) -> bool) -> Self {
        let mut ranges = Vec::with_capacity(hits.len());
        ranges.extend(
            hits.iter()
                .filter(|h| keep(h.role))
                .map(|h| (h.start, h.end)),
        );
        Ranges::new(ranges)
    }

    /// The ranges that start from `start - max_len` up to `limit`: the only ones that can
    /// reach `start`.
    fn near(&self, start: usize, limit: impl Fn(usize) -> bool) -> &[(usize, usize)] {
        let upto = self.ranges.partition_point(|&(s, _)| limit(s));
        let from = self
            .ranges
            .partition_point(|&(s, _)| s < start.saturating_sub(self.max_len));
        self.ranges.get(from..upto).unwrap_or_default()
    }

    /// Whether some range other than `[start, end)` itself contains `[start, end)`; a
    /// range equal to it counts as containing it only when `allow_equal`.
    pub fn contains(&self, start: usize, end: usize, allow_equal: bool) -> bool {
        self.near(start, |s| s <= start)
            .iter()
            .any(|&(s, e)| s <= start && e >= end && (allow_equal || (s, e) != (start, end)))
    }

    /// Whether some range shares at least one byte with `[start, end)`.
    pub fn overlaps(&self, start: usize, end: usize) -> bool {
        self.near(start, |s| s < end)
            .iter()
            .any(|&(_, e)| e > start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn containment() {
        let r = Ranges::new(vec![(10, 20), (0, 3)]);
        assert!(r.contains(12, 15, false));
        assert!(r.contains(0, 3, true));
        assert!(!r.contains(0, 3, false));
        assert!(!r.contains(18, 22, true));
        assert!(!r.contains(5, 6, true));
        assert!(r.overlaps(18, 22));
        assert!(r.overlaps(2, 5));
        assert!(!r.overlaps(3, 10));
        assert!(!r.overlaps(20, 30));
    }
}
