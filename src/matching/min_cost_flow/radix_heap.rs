//! A monotone priority queue for Dijkstra's non-negative integer distances.

/// A monotone priority queue for non-negative integer keys (Dijkstra never pushes a key
/// below the last one popped): bucket `b` holds keys whose highest bit differing from the
/// last popped key is bit `b − 1`, so each entry moves down at most 64 times.
pub(super) struct RadixHeap {
    last: i64,
    buckets: Vec<Vec<(i64, u32)>>,
    len: usize,
}

impl RadixHeap {
    pub(super) fn new() -> RadixHeap {
        RadixHeap {
            last: 0,
            buckets: (0..65).map(|_| Vec::new()).collect(),
            len: 0,
        }
    }

    fn bucket(&self, key: i64) -> usize {
        64 - ((key ^ self.last) as u64).leading_zeros() as usize
    }

    /// Empties the queue, keeping its allocations for the next search.
    pub(super) fn clear(&mut self) {
        for b in &mut self.buckets {
            b.clear();
        }
        self.last = 0;
        self.len = 0;
    }

    pub(super) fn push(&mut self, key: i64, value: u32) {
        debug_assert!(key >= self.last, "keys must not go below the last popped");
        let b = self.bucket(key);
        self.buckets[b].push((key, value));
        self.len += 1;
    }

    pub(super) fn pop(&mut self) -> Option<(i64, u32)> {
        if self.len == 0 {
            return None;
        }
        if self.buckets[0].is_empty() {
            let i = (1..65).find(|&i| !self.buckets[i].is_empty())?;
            let moved = std::mem::take(&mut self.buckets[i]);
            self.last = moved.iter().map(|e| e.0).min().unwrap_or(self.last);
            for (key, value) in &moved {
                let b = self.bucket(*key);
                self.buckets[b].push((*key, *value));
            }
            // Keep the allocation for the next time this bucket fills.
            let mut moved = moved;
            moved.clear();
            if self.buckets[i].is_empty() {
                self.buckets[i] = moved;
            }
        }
        self.len -= 1;
        self.buckets[0].pop()
    }
}
