//! The best `k` candidates seen so far, how many services matched, and the
//! score a newcomer must beat: what lets a search skip services that cannot
//! enter the top.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::plan::Candidate;

/// Matches are counted one by one up to this many; past it the search may
/// skip services that cannot enter the top, and `total` becomes a lower
/// bound (as Lucene's and Elasticsearch's hit counts do).
pub(crate) const COUNT_EXACTLY_UP_TO: usize = 1000;

/// Heap order: better score first, then lower service position (id order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Rank(OrderedScore, Reverse<u32>);

impl Rank {
    fn of(score: f32, service: u32) -> Rank {
        Rank(OrderedScore(score), Reverse(service))
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct OrderedScore(f32);
impl Eq for OrderedScore {}
impl PartialOrd for OrderedScore {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for OrderedScore {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// The best `k` candidates seen, and how many services matched.
pub(crate) struct TopK {
    k: usize,
    /// Matching services counted.
    pub(crate) total: usize,
    /// Whether `total` counts every match (else it is a lower bound).
    pub(crate) exact: bool,
    /// The matches counted, up to [`COUNT_EXACTLY_UP_TO`], each with its
    /// distance when the loop that counted it knew it: what facets count.
    pub(crate) counted: Vec<(u32, Option<f64>)>,
    heap: BinaryHeap<Reverse<(Rank, usize)>>,
    slots: Vec<Candidate>,
}

impl TopK {
    pub(crate) fn new(k: usize) -> TopK {
        TopK {
            k,
            total: 0,
            exact: true,
            counted: Vec::new(),
            heap: BinaryHeap::with_capacity(k + 1),
            slots: Vec::with_capacity(k + 1),
        }
    }

    /// Whether a candidate scoring `score` would enter now.
    pub(crate) fn may_enter(&self, score: f32, service: u32) -> bool {
        match self.heap.peek() {
            Some(Reverse((worst, _))) if self.heap.len() >= self.k => {
                Rank::of(score, service) > *worst
            }
            _ => true,
        }
    }

    /// Keeps `candidate` if it is among the best `k`.
    pub(crate) fn push(&mut self, candidate: Candidate) {
        let rank = Rank::of(candidate.score, candidate.service);
        if self.heap.len() < self.k {
            self.slots.push(candidate);
            self.heap.push(Reverse((rank, self.slots.len() - 1)));
        } else if let Some(Reverse((worst, slot))) = self.heap.peek().copied() {
            if rank > worst {
                self.heap.pop();
                self.slots[slot] = candidate;
                self.heap.push(Reverse((rank, slot)));
            }
        }
    }

    /// The score a candidate must reach to enter, once `k` are kept.
    pub(crate) fn threshold(&self) -> Option<f32> {
        if self.heap.len() < self.k {
            return None;
        }
        self.heap.peek().map(|Reverse((worst, _))| worst.0 .0)
    }

    /// The bound below which an evaluator may skip services: none while
    /// matches are still counted, else a hair under the `k`-th best score
    /// (a service that ties it may still enter on its id, and an
    /// evaluator's sums may differ from the exact ones in the last bits).
    /// Handing one out makes `total` a lower bound.
    pub(crate) fn skip_below(&mut self) -> f32 {
        if self.total < COUNT_EXACTLY_UP_TO {
            return f32::NEG_INFINITY;
        }
        match self.threshold() {
            Some(threshold) => {
                self.exact = false;
                threshold * (1.0 - 1e-5)
            }
            None => f32::NEG_INFINITY,
        }
    }

    /// Counts one matching service, `km` from the query's place when known.
    pub(crate) fn count_one(&mut self, service: u32, km: Option<f64>) {
        self.total += 1;
        if self.counted.len() < COUNT_EXACTLY_UP_TO {
            self.counted.push((service, km));
        }
    }

    /// Forgets the matches counted so far, to count them again.
    pub(crate) fn recount(&mut self) {
        self.total = 0;
        self.counted.clear();
    }

    /// Adds to `total` the `services` that `matches` accepts, until
    /// [`COUNT_EXACTLY_UP_TO`]; past it `total` is a lower bound.
    pub(crate) fn count(
        &mut self,
        services: impl Iterator<Item = u32>,
        matches: impl Fn(u32) -> bool,
    ) {
        for service in services {
            if self.total >= COUNT_EXACTLY_UP_TO {
                break;
            }
            if matches(service) {
                self.count_one(service, None);
            }
        }
        self.exact = self.total < COUNT_EXACTLY_UP_TO;
    }

    /// The kept candidates, best first.
    pub(crate) fn into_sorted(self) -> Vec<Candidate> {
        let mut ranked: Vec<(Rank, usize)> = self.heap.into_iter().map(|Reverse(r)| r).collect();
        ranked.sort_by_key(|&(rank, _)| Reverse(rank));
        ranked
            .into_iter()
            .map(|(_, slot)| self.slots[slot])
            .collect()
    }
}

/// A set of services, one bit each.
pub(crate) struct Services(Vec<u64>);

impl Services {
    pub(crate) fn new(services: usize) -> Services {
        Services(vec![0; services.div_ceil(64)])
    }

    /// The set of bit `s % 64` of word `s / 64` for each service `s`.
    pub(crate) fn from_words(words: Vec<u64>) -> Services {
        Services(words)
    }

    /// The set's words (see [`Services::from_words`]).
    pub(crate) fn words(&self) -> &[u64] {
        &self.0
    }

    /// Adds `service`; whether it was new.
    pub(crate) fn insert(&mut self, service: u32) -> bool {
        let (word, bit) = (service as usize / 64, 1u64 << (service % 64));
        let new = self.0[word] & bit == 0;
        self.0[word] |= bit;
        new
    }

    pub(crate) fn contains(&self, service: u32) -> bool {
        self.0[service as usize / 64] & (1 << (service % 64)) != 0
    }

    /// The services in the set, in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.0.iter().enumerate().flat_map(|(word, &bits)| {
            let mut bits = bits;
            std::iter::from_fn(move || {
                (bits != 0).then(|| {
                    let bit = bits.trailing_zeros();
                    bits &= bits - 1;
                    (word * 64) as u32 + bit
                })
            })
        })
    }

    /// How many services the set holds.
    pub(crate) fn len(&self) -> usize {
        self.0.iter().map(|bits| bits.count_ones() as usize).sum()
    }

    /// The services in `self` but not in `other`, in order.
    pub(crate) fn difference<'a>(&'a self, other: &'a Services) -> impl Iterator<Item = u32> + 'a {
        self.0
            .iter()
            .zip(&other.0)
            .enumerate()
            .flat_map(|(word, (&mine, &theirs))| {
                let mut bits = mine & !theirs;
                std::iter::from_fn(move || {
                    (bits != 0).then(|| {
                        let bit = bits.trailing_zeros();
                        bits &= bits - 1;
                        (word * 64) as u32 + bit
                    })
                })
            })
    }
}
