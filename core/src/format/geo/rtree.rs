//! A packed, static R-tree over points on the unit sphere: written once when
//! the index is built, read in place from the section's bytes at query time.
//! Opening it reads nothing but its length; there is no tree to build.
//!
//! The points are sorted along a Hilbert curve over (longitude, latitude) and
//! packed [`NODE_SIZE`] to a node, as flatbush and other packed Hilbert
//! R-trees do, but in three dimensions: on the unit sphere the straight-line
//! (chord) distance orders points exactly as great-circle distance does, and
//! the chord from a point to a node's box is the ordinary Euclidean
//! point-to-box distance, a lower bound for every point inside. There is no
//! antimeridian or pole to special-case.
//!
//! Layout (little-endian), for `n` points:
//!
//! ```text
//! entries  n × 28 bytes, in tree order: f64 x, y, z on the unit sphere, u32 service
//! nodes    24 bytes each: f32 min x, y, z, max x, y, z;
//!          level 1 (the entries' parents) first, then level 2, …, the root last
//! ```
//!
//! Level `k` has `ceil(len(k − 1) / NODE_SIZE)` nodes (level 0 being the
//! entries) up to a level of one node, the root; node `j` of level `k` covers
//! items `NODE_SIZE·j .. NODE_SIZE·(j + 1)` of level `k − 1`. Children are
//! implicit, never stored, so no byte of a damaged file can send a query
//! outside the section: damage can only give wrong answers (a box that misses
//! its points, a point moved), never a panic or a walk that does not end.
//! A service number beyond the index is skipped.
//!
//! The entries keep the unit-sphere coordinates in full (f64), computed once
//! from the stored f32 latitude and longitude, so distances are the same to
//! the last bit on every platform. Node boxes are f32, rounded outward, so a
//! box always contains its points: with IEEE arithmetic rounding monotonically
//! and the same order of operations, the squared distance computed to a box
//! is never above the one computed to a point inside it, and a radius or
//! nearest-first search never loses a point to rounding.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;
use std::ops::Range;

use tantivy::directory::OwnedBytes;

use crate::format::{read_f32, read_u32};

/// Children per node.
pub(crate) const NODE_SIZE: usize = 16;

/// Bytes per entry: three f64 coordinates and a u32 service.
pub(crate) const ENTRY_LEN: usize = 28;

/// Bytes per node: an f32 box.
pub(crate) const NODE_LEN: usize = 24;

/// Node levels of the tallest tree (u32::MAX points, 16 to a node), plus
/// level 0, the entries.
const MAX_LEVELS: usize = 9;

/// A point on the unit sphere and its service.
pub(crate) struct Entry {
    pub(crate) xyz: [f64; 3],
    pub(crate) service: u32,
}

/// The points' order in the tree: the indices of `points` (latitude,
/// longitude in degrees) sorted along a Hilbert curve over their bounding
/// box, ties by index.
pub(crate) fn order(points: &[(f64, f64)]) -> Vec<u32> {
    let (mut lat_min, mut lat_max) = (f64::INFINITY, f64::NEG_INFINITY);
    let (mut lon_min, mut lon_max) = (f64::INFINITY, f64::NEG_INFINITY);
    for &(lat, lon) in points {
        lat_min = lat_min.min(lat);
        lat_max = lat_max.max(lat);
        lon_min = lon_min.min(lon);
        lon_max = lon_max.max(lon);
    }
    let scale = |v: f64, min: f64, max: f64| {
        let span = max - min;
        if span > 0.0 {
            (((v - min) / span) * f64::from(HILBERT_SIDE - 1)) as u32
        } else {
            0
        }
    };
    let mut keyed: Vec<(u64, u32)> = points
        .iter()
        .enumerate()
        .map(|(i, &(lat, lon))| {
            let x = scale(lon, lon_min, lon_max);
            let y = scale(lat, lat_min, lat_max);
            (hilbert(x, y), i as u32)
        })
        .collect();
    keyed.sort_unstable();
    keyed.into_iter().map(|(_, i)| i).collect()
}

/// Cells along each side of the Hilbert curve's grid.
const HILBERT_SIDE: u32 = 1 << 16;

/// The distance along a Hilbert curve of the cell `(x, y)` of a
/// [`HILBERT_SIDE`]² grid.
fn hilbert(mut x: u32, mut y: u32) -> u64 {
    let mut d = 0u64;
    let mut s = HILBERT_SIDE / 2;
    while s > 0 {
        let rx = u32::from(x & s > 0);
        let ry = u32::from(y & s > 0);
        d += u64::from(s) * u64::from(s) * u64::from((3 * rx) ^ ry);
        // Rotate the quadrant so that the curve inside it runs the right way.
        if ry == 0 {
            if rx == 1 {
                x = HILBERT_SIDE - 1 - x;
                y = HILBERT_SIDE - 1 - y;
            }
            std::mem::swap(&mut x, &mut y);
        }
        s /= 2;
    }
    d
}

/// The tree's shape for `len` points: items per level (level 0: the
/// entries) and the number of levels above the entries (0 when empty).
fn shape(len: usize) -> ([usize; MAX_LEVELS], usize) {
    let mut counts = [0; MAX_LEVELS];
    counts[0] = len;
    let mut top = 0;
    while len > 0 && (top == 0 || counts[top] > 1) && top + 1 < MAX_LEVELS {
        counts[top + 1] = counts[top].div_ceil(NODE_SIZE);
        top += 1;
    }
    (counts, top)
}

/// The bytes of the entries and of the nodes of a tree over `len` points.
pub(crate) fn byte_lens(len: usize) -> (usize, usize) {
    let (counts, top) = shape(len);
    let nodes: usize = counts[1..=top].iter().sum();
    (len * ENTRY_LEN, nodes * NODE_LEN)
}

/// Appends the tree over `entries`, already in tree order (see [`order`]).
///
/// # Panics
/// If there are more than `u32::MAX` entries.
pub(crate) fn write(entries: &[Entry], out: &mut Vec<u8>) {
    assert!(u32::try_from(entries.len()).is_ok(), "too many points");
    for entry in entries {
        for v in entry.xyz {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&entry.service.to_le_bytes());
    }
    // Level 1 from the entries, rounded outward; each level above from the
    // one below (f32 min and max are exact).
    let mut level: Vec<[f32; 6]> = entries
        .chunks(NODE_SIZE)
        .map(|chunk| {
            let mut lo = [f64::INFINITY; 3];
            let mut hi = [f64::NEG_INFINITY; 3];
            for entry in chunk {
                for axis in 0..3 {
                    lo[axis] = lo[axis].min(entry.xyz[axis]);
                    hi[axis] = hi[axis].max(entry.xyz[axis]);
                }
            }
            let mut node = [0f32; 6];
            for axis in 0..3 {
                node[axis] = round_down(lo[axis]);
                node[axis + 3] = round_up(hi[axis]);
            }
            node
        })
        .collect();
    loop {
        for node in &level {
            for v in node {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        if level.len() <= 1 {
            break;
        }
        level = level
            .chunks(NODE_SIZE)
            .map(|chunk| {
                let mut node = [
                    f32::INFINITY,
                    f32::INFINITY,
                    f32::INFINITY,
                    f32::NEG_INFINITY,
                    f32::NEG_INFINITY,
                    f32::NEG_INFINITY,
                ];
                for child in chunk {
                    for axis in 0..3 {
                        node[axis] = node[axis].min(child[axis]);
                        node[axis + 3] = node[axis + 3].max(child[axis + 3]);
                    }
                }
                node
            })
            .collect();
    }
}

/// The largest f32 at or below `v`.
fn round_down(v: f64) -> f32 {
    let f = v as f32;
    if f64::from(f) > v {
        -next_up(-f)
    } else {
        f
    }
}

/// The smallest f32 at or above `v`.
fn round_up(v: f64) -> f32 {
    let f = v as f32;
    if f64::from(f) < v {
        next_up(f)
    } else {
        f
    }
}

/// The next f32 above a finite `f` (`f32::next_up` needs Rust 1.86).
fn next_up(f: f32) -> f32 {
    if f == 0.0 {
        f32::from_bits(1)
    } else if f > 0.0 {
        f32::from_bits(f.to_bits() + 1)
    } else {
        f32::from_bits(f.to_bits() - 1)
    }
}

/// The squared chord between two points, summed in the same order as the
/// box distance in [`box_d2`].
pub(crate) fn d2(a: [f64; 3], b: [f64; 3]) -> f64 {
    let mut sum = 0.0;
    for axis in 0..3 {
        let d = b[axis] - a[axis];
        sum += d * d;
    }
    sum
}

/// The squared Euclidean distance from `origin` to the box `[min x, y, z,
/// max x, y, z]`: at most [`d2`] from `origin` to any point in the box, as
/// computed (see the module docs).
fn box_d2(origin: [f64; 3], node: [f32; 6]) -> f64 {
    let mut sum = 0.0;
    for axis in 0..3 {
        let (lo, hi, o) = (
            f64::from(node[axis]),
            f64::from(node[axis + 3]),
            origin[axis],
        );
        let d = if o < lo {
            lo - o
        } else if o > hi {
            o - hi
        } else {
            0.0
        };
        sum += d * d;
    }
    sum
}

/// A packed tree, read in place.
pub(crate) struct PackedTree {
    entries: OwnedBytes,
    nodes: OwnedBytes,
    /// Items per level; level 0 holds the entries.
    counts: [usize; MAX_LEVELS],
    /// The first node of each level among the nodes (level 0 unused).
    starts: [usize; MAX_LEVELS],
    /// The root's level; 0 for an empty tree.
    top: usize,
    /// Services are numbered below this; entries beyond it are skipped.
    services: u32,
}

impl PackedTree {
    /// The tree over `len` points in `entries` and `nodes`, whose lengths
    /// must be [`byte_lens`]`(len)`: the only check, and all that keeps a
    /// query inside the bytes.
    ///
    /// # Panics
    /// If the lengths do not match (the caller checks them).
    pub(crate) fn new(
        entries: OwnedBytes,
        nodes: OwnedBytes,
        len: usize,
        services: usize,
    ) -> PackedTree {
        assert_eq!((entries.len(), nodes.len()), byte_lens(len), "tree lengths");
        let (counts, top) = shape(len);
        let mut starts = [0; MAX_LEVELS];
        for level in 2..=top {
            starts[level] = starts[level - 1] + counts[level - 1];
        }
        PackedTree {
            entries,
            nodes,
            counts,
            starts,
            top,
            services: u32::try_from(services).unwrap_or(u32::MAX),
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.counts[0]
    }

    /// The unit-sphere coordinates of entry `at`, if there is one.
    pub(crate) fn point(&self, at: usize) -> Option<[f64; 3]> {
        if at >= self.len() {
            return None;
        }
        let bytes = &self.entries.as_slice()[at * ENTRY_LEN..(at + 1) * ENTRY_LEN];
        let coordinate = |axis: usize| {
            f64::from_le_bytes(bytes[axis * 8..axis * 8 + 8].try_into().expect("8 bytes"))
        };
        Some([coordinate(0), coordinate(1), coordinate(2)])
    }

    /// Entry `at` (below [`len`](Self::len)) with its squared chord from
    /// `origin`; `None` if its service is out of range or its distance is
    /// not a number (damage).
    fn entry(&self, at: usize, origin: [f64; 3]) -> Option<(u32, f64)> {
        let xyz = self.point(at)?;
        let service = read_u32(self.entries.as_slice(), at * ENTRY_LEN + 24);
        let d2 = d2(origin, xyz);
        (service < self.services && !d2.is_nan()).then_some((service, d2))
    }

    /// The box of node `index` of `level` (≥ 1).
    fn node(&self, level: usize, index: usize) -> [f32; 6] {
        let at = (self.starts[level] + index) * NODE_LEN;
        let bytes = self.nodes.as_slice();
        std::array::from_fn(|i| read_f32(bytes, at + i * 4))
    }

    /// The items of level `level − 1` under node `index` of `level`.
    fn children(&self, level: usize, index: usize) -> Range<usize> {
        let start = index * NODE_SIZE;
        start..(start + NODE_SIZE).min(self.counts[level - 1])
    }

    /// Calls `f(service, d2)` for every point whose squared chord `d2` from
    /// `origin` is at most `max_d2`, in tree order.
    pub(crate) fn within(&self, origin: [f64; 3], max_d2: f64, mut f: impl FnMut(u32, f64)) {
        if self.top > 0 && box_d2(origin, self.node(self.top, 0)) <= max_d2 {
            self.visit(self.top, 0, origin, max_d2, &mut f);
        }
    }

    /// [`within`](Self::within) under one node whose box is in range. The
    /// recursion is as deep as the tree (at most 8 levels).
    fn visit(
        &self,
        level: usize,
        index: usize,
        origin: [f64; 3],
        max_d2: f64,
        f: &mut impl FnMut(u32, f64),
    ) {
        if level == 1 {
            for at in self.children(level, index) {
                if let Some((service, d2)) = self.entry(at, origin) {
                    if d2 <= max_d2 {
                        f(service, d2);
                    }
                }
            }
            return;
        }
        for child in self.children(level, index) {
            if box_d2(origin, self.node(level - 1, child)) <= max_d2 {
                self.visit(level - 1, child, origin, max_d2, f);
            }
        }
    }

    /// Calls `f(service, d2)` for every point, nearest to `origin` first
    /// (by squared chord `d2`; ties in tree order), until `f` returns `false`.
    ///
    /// Best first: a heap of nodes and points keyed by their distance, a
    /// node's being a lower bound of its points'. Each node and point enters
    /// the heap at most once, so the walk ends.
    // `dyn`: one copy of the walk for every caller (the WASM build is
    // sized), at the cost of an indirect call per point.
    pub(crate) fn nearest_walk(&self, origin: [f64; 3], f: &mut dyn FnMut(u32, f64) -> bool) {
        if self.top == 0 {
            return;
        }
        let mut heap = BinaryHeap::with_capacity(4 * NODE_SIZE);
        heap.push(Reverse(Item {
            d2: box_d2(origin, self.node(self.top, 0)),
            level: self.top,
            index: 0,
        }));
        while let Some(Reverse(item)) = heap.pop() {
            match item.level {
                0 => {
                    let service = read_u32(self.entries.as_slice(), item.index * ENTRY_LEN + 24);
                    if !f(service, item.d2) {
                        return;
                    }
                }
                1 => {
                    for at in self.children(1, item.index) {
                        if let Some((_, d2)) = self.entry(at, origin) {
                            heap.push(Reverse(Item {
                                d2,
                                level: 0,
                                index: at,
                            }));
                        }
                    }
                }
                level => {
                    for child in self.children(level, item.index) {
                        let d2 = box_d2(origin, self.node(level - 1, child));
                        heap.push(Reverse(Item {
                            d2,
                            level: level - 1,
                            index: child,
                        }));
                    }
                }
            }
        }
    }
}

/// A node or (level 0) a point waiting in the nearest-first heap.
struct Item {
    d2: f64,
    level: usize,
    index: usize,
}

impl Ord for Item {
    /// Nearer first; at one distance points before nodes, then in tree order.
    fn cmp(&self, other: &Self) -> Ordering {
        self.d2
            .total_cmp(&other.d2)
            .then(self.level.cmp(&other.level))
            .then(self.index.cmp(&other.index))
    }
}

impl PartialOrd for Item {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Item {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Item {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hilbert_visits_every_cell_of_a_small_grid_once() {
        // The top 2 bits of each coordinate: a 4 × 4 grid of quadrants.
        let mut seen: Vec<u64> = (0..4u32)
            .flat_map(|x| (0..4u32).map(move |y| hilbert(x << 14, y << 14) >> 28))
            .collect();
        seen.sort_unstable();
        assert_eq!(seen, (0..16).collect::<Vec<_>>());
        // Neighbours along the curve are neighbouring cells.
        let mut cells: Vec<(u64, (i64, i64))> = (0..4u32)
            .flat_map(|x| (0..4u32).map(move |y| (hilbert(x << 14, y << 14), (x as i64, y as i64))))
            .collect();
        cells.sort_unstable();
        for pair in cells.windows(2) {
            let ((_, a), (_, b)) = (pair[0], pair[1]);
            assert_eq!((a.0 - b.0).abs() + (a.1 - b.1).abs(), 1, "{a:?} {b:?}");
        }
    }

    #[test]
    fn boxes_round_outward() {
        for v in [0.1, -0.1, 1.0 / 3.0, -2.0 / 3.0, 0.0, 1.0, -1.0, 1e-40] {
            assert!(f64::from(round_down(v)) <= v, "{v}");
            assert!(f64::from(round_up(v)) >= v, "{v}");
            assert!(
                f64::from(round_up(v)) - f64::from(round_down(v))
                    <= 2.0 * (v.abs() * 1e-7).max(1e-44)
            );
        }
    }

    #[test]
    fn shapes() {
        assert_eq!(shape(0).1, 0);
        assert_eq!(shape(1), ([1, 1, 0, 0, 0, 0, 0, 0, 0], 1));
        assert_eq!(shape(16).1, 1);
        assert_eq!(shape(17), ([17, 2, 1, 0, 0, 0, 0, 0, 0], 2));
        assert_eq!(shape(u32::MAX as usize).1, 8);
        assert_eq!(byte_lens(17), (17 * ENTRY_LEN, 3 * NODE_LEN));
    }
}
