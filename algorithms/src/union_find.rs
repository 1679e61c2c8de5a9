//! Union–find by rank with path compression, counted: the graph family's components and Kruskal, and the
//! grid family's Kruskal maze, share it.

use serde::{Deserialize, Serialize};

/// Union–find by rank with path compression, counted: a parent read is a read, a parent written a write,
/// comparing two roots or two ranks a comparison.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct UnionFind {
    pub parent: Vec<usize>,
    pub rank: Vec<u32>,
}

impl UnionFind {
    pub fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n).collect(),
            rank: vec![0; n],
        }
    }

    pub fn find(&mut self, node: usize, c: &mut crate::snapshot::Counters) -> usize {
        let mut root = node;
        loop {
            c.reads += 1;
            let parent = self.parent[root];
            if parent == root {
                break;
            }
            root = parent;
        }
        let mut node = node;
        while node != root {
            let next = self.parent[node];
            if next != root {
                c.writes += 1;
                self.parent[node] = root;
            }
            node = next;
        }
        root
    }

    /// The root of `node`'s set, read without compressing or counting: for showing the sets.
    #[cfg(feature = "graphs")]
    pub fn root(&self, node: usize) -> usize {
        let mut root = node;
        while self.parent[root] != root {
            root = self.parent[root];
        }
        root
    }

    /// Joins the sets of two roots; returns false if they were one set already.
    pub fn union(&mut self, a: usize, b: usize, c: &mut crate::snapshot::Counters) -> bool {
        c.comparisons += 1;
        if a == b {
            return false;
        }
        c.comparisons += 1;
        let (low, high) = if self.rank[a] < self.rank[b] {
            (a, b)
        } else {
            (b, a)
        };
        c.writes += 1;
        self.parent[low] = high;
        if self.rank[low] == self.rank[high] {
            self.rank[high] += 1;
        }
        true
    }

    pub fn heap_bytes(&self) -> usize {
        self.parent.len() * 12
    }
}
