//! Evaluation metrics as pure functions: Pearson and Spearman correlation,
//! mean absolute error, precision/recall/F1 from counts, and the three-class
//! confusion matrix with accuracy, per-class figures and macro-F1.
//!
//! Conventions: a correlation is undefined (None) with fewer than two pairs
//! or a constant side; a precision or recall whose denominator is zero is 0
//! (scikit-learn's `zero_division=0`).

use serde::Serialize;

pub use crate::types::Class;

fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len() as f64
}

/// Pearson's correlation coefficient of paired values.
pub fn pearson(x: &[f64], y: &[f64]) -> Option<f64> {
    assert_eq!(x.len(), y.len(), "pearson: unpaired values");
    if x.len() < 2 {
        return None;
    }
    let (mx, my) = (mean(x), mean(y));
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        let (dx, dy) = (a - mx, b - my);
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    if sxx == 0.0 || syy == 0.0 {
        return None;
    }
    Some(sxy / (sxx * syy).sqrt())
}

/// Spearman's rank correlation: Pearson's r of the ranks (ties averaged).
pub fn spearman(x: &[f64], y: &[f64]) -> Option<f64> {
    pearson(&ranks(x), &ranks(y))
}

/// 1-based ranks; tied values share the mean of the ranks they span.
pub fn ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut ranks = vec![0.0; values.len()];
    let mut first = 0;
    while first < order.len() {
        let tied = order[first..]
            .iter()
            .take_while(|&&i| values[i] == values[order[first]])
            .count();
        let rank = first as f64 + (tied as f64 + 1.0) / 2.0;
        for &i in &order[first..first + tied] {
            ranks[i] = rank;
        }
        first += tied;
    }
    ranks
}

/// Mean absolute difference of paired values; None when there are none.
pub fn mean_absolute_error(x: &[f64], y: &[f64]) -> Option<f64> {
    assert_eq!(x.len(), y.len(), "mean_absolute_error: unpaired values");
    if x.is_empty() {
        return None;
    }
    let total: f64 = x.iter().zip(y).map(|(a, b)| (a - b).abs()).sum();
    Some(total / x.len() as f64)
}

/// `part / whole`, 0 when `whole` is 0.
pub fn ratio(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// The harmonic mean of precision and recall, 0 when both are 0.
pub fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    }
}

/// Counts of (gold, predicted) class pairs: `counts[gold][predicted]`, in
/// the order negative, neutral, positive.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Confusion {
    pub counts: [[u64; 3]; 3],
}

impl Confusion {
    pub fn from_pairs(pairs: impl IntoIterator<Item = (Class, Class)>) -> Confusion {
        let mut confusion = Confusion::default();
        for (gold, predicted) in pairs {
            confusion.counts[gold.index()][predicted.index()] += 1;
        }
        confusion
    }

    pub fn total(&self) -> u64 {
        self.counts.iter().flatten().sum()
    }

    /// Items whose gold class is `class`.
    pub fn gold(&self, class: Class) -> u64 {
        self.counts[class.index()].iter().sum()
    }

    /// Items predicted as `class`.
    pub fn predicted(&self, class: Class) -> u64 {
        self.counts.iter().map(|row| row[class.index()]).sum()
    }

    fn hits(&self, class: Class) -> u64 {
        self.counts[class.index()][class.index()]
    }

    /// Share of items classed correctly; None when there are none.
    pub fn accuracy(&self) -> Option<f64> {
        let correct: u64 = Class::ALL.iter().map(|&c| self.hits(c)).sum();
        (self.total() > 0).then(|| ratio(correct, self.total()))
    }

    pub fn precision(&self, class: Class) -> f64 {
        ratio(self.hits(class), self.predicted(class))
    }

    pub fn recall(&self, class: Class) -> f64 {
        ratio(self.hits(class), self.gold(class))
    }

    pub fn f1(&self, class: Class) -> f64 {
        f1(self.precision(class), self.recall(class))
    }

    /// Mean F1 over the classes that occur in the gold or the predictions;
    /// None when there are no items.
    pub fn macro_f1(&self) -> Option<f64> {
        let present: Vec<f64> = Class::ALL
            .iter()
            .filter(|&&c| self.gold(c) + self.predicted(c) > 0)
            .map(|&c| self.f1(c))
            .collect();
        (!present.is_empty()).then(|| mean(&present))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Class::{Negative as Neg, Neutral as Neu, Positive as Pos};

    fn close(a: Option<f64>, b: Option<f64>) -> bool {
        match (a, b) {
            (Some(a), Some(b)) => (a - b).abs() < 1e-9,
            (a, b) => a == b,
        }
    }

    #[test]
    fn pearson_by_hand() {
        // x = 1..4, y = 2,4,5,9: dx = -1.5,-0.5,0.5,1.5 and dy = -3,-1,0,4,
        // so sxy = 4.5 + 0.5 + 0 + 6 = 11, sxx = 5, syy = 26.
        let r = 11.0 / (5.0f64 * 26.0).sqrt();
        let cases: [(&[f64], &[f64], Option<f64>); 5] = [
            (&[1.0, 2.0, 3.0, 4.0], &[2.0, 4.0, 5.0, 9.0], Some(r)),
            (&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0], Some(-1.0)),
            (&[1.0, 2.0, 3.0], &[5.0, 5.0, 5.0], None),
            (&[1.0], &[2.0], None),
            (&[], &[], None),
        ];
        for (x, y, want) in cases {
            assert!(close(pearson(x, y), want), "{x:?} {y:?}");
        }
    }

    #[test]
    fn ranks_average_ties() {
        let cases: [(&[f64], &[f64]); 4] = [
            (&[10.0, 30.0, 20.0], &[1.0, 3.0, 2.0]),
            (&[5.0, 1.0, 5.0, 0.0], &[3.5, 2.0, 3.5, 1.0]),
            (&[2.0, 2.0, 2.0], &[2.0, 2.0, 2.0]),
            (&[], &[]),
        ];
        for (values, want) in cases {
            assert_eq!(ranks(values), want, "{values:?}");
        }
    }

    #[test]
    fn spearman_by_hand() {
        // Ranks x = 1,2,3,4; y = 10,30,20,20 -> 1,4,2.5,2.5: means 2.5;
        // sxy = (-1.5)(-1.5) + (-0.5)(1.5) + 0 + 0 = 1.5; sxx = 5; syy = 4.5.
        let rho = 1.5 / (5.0f64 * 4.5).sqrt();
        let cases: [(&[f64], &[f64], Option<f64>); 3] = [
            (&[1.0, 2.0, 3.0, 4.0], &[10.0, 30.0, 20.0, 20.0], Some(rho)),
            (&[1.0, 2.0, 3.0], &[1.0, 8.0, 27.0], Some(1.0)),
            (&[1.0, 2.0], &[4.0, 4.0], None),
        ];
        for (x, y, want) in cases {
            assert!(close(spearman(x, y), want), "{x:?} {y:?}");
        }
    }

    #[test]
    fn mae_by_hand() {
        let cases: [(&[f64], &[f64], Option<f64>); 2] = [
            (&[0.5, -0.5, 0.0], &[0.25, 0.5, 0.0], Some(1.25 / 3.0)),
            (&[], &[], None),
        ];
        for (x, y, want) in cases {
            assert!(close(mean_absolute_error(x, y), want));
        }
    }

    #[test]
    fn classes_by_band() {
        let cases = [
            (0.05, 0.05, Neu),
            (0.0501, 0.05, Pos),
            (-0.05, 0.05, Neu),
            (-0.2, 0.05, Neg),
            (0.0, 0.0, Neu),
            (0.001, 0.0, Pos),
        ];
        for (value, band, want) in cases {
            assert_eq!(Class::of(value, band), want, "{value} {band}");
        }
    }

    #[test]
    fn class_names() {
        let cases = [
            ("negative", Some(Neg)),
            (" Positive ", Some(Pos)),
            ("NEU", Some(Neu)),
            ("mixed", None),
            ("", None),
        ];
        for (label, want) in cases {
            assert_eq!(Class::parse(label), want, "{label}");
        }
    }

    #[test]
    fn confusion_by_hand() {
        // gold neg: 2 right, 1 as neu; gold neu: 1 right, 1 as pos; gold pos: 3 right.
        let pairs = [
            (Neg, Neg),
            (Neg, Neg),
            (Neg, Neu),
            (Neu, Neu),
            (Neu, Pos),
            (Pos, Pos),
            (Pos, Pos),
            (Pos, Pos),
        ];
        let c = Confusion::from_pairs(pairs);
        assert_eq!(c.counts, [[2, 1, 0], [0, 1, 1], [0, 0, 3]]);
        assert!(close(c.accuracy(), Some(6.0 / 8.0)));
        // neg: p 2/2, r 2/3, f1 0.8; neu: p 1/2, r 1/2, f1 0.5; pos: p 3/4, r 1, f1 6/7.
        let cases = [
            (Neg, 1.0, 2.0 / 3.0, 0.8),
            (Neu, 0.5, 0.5, 0.5),
            (Pos, 0.75, 1.0, 6.0 / 7.0),
        ];
        for (class, p, r, f) in cases {
            assert!((c.precision(class) - p).abs() < 1e-12, "{class:?}");
            assert!((c.recall(class) - r).abs() < 1e-12, "{class:?}");
            assert!((c.f1(class) - f).abs() < 1e-12, "{class:?}");
        }
        assert!(close(c.macro_f1(), Some((0.8 + 0.5 + 6.0 / 7.0) / 3.0)));
    }

    #[test]
    fn macro_f1_skips_absent_classes() {
        // No neutral anywhere: the mean is over negative and positive only.
        let c = Confusion::from_pairs([(Neg, Neg), (Pos, Neg), (Pos, Pos)]);
        // neg: p 1/2, r 1, f1 2/3; pos: p 1, r 1/2, f1 2/3.
        assert!(close(c.macro_f1(), Some(2.0 / 3.0)));
        assert_eq!(Confusion::default().macro_f1(), None);
        assert_eq!(Confusion::default().accuracy(), None);
    }

    #[test]
    fn ratios_and_f1() {
        let cases = [(1, 4, 0.25), (0, 0, 0.0), (3, 3, 1.0)];
        for (part, whole, want) in cases {
            assert_eq!(ratio(part, whole), want);
        }
        assert_eq!(f1(0.0, 0.0), 0.0);
        assert!((f1(0.5, 1.0) - 2.0 / 3.0).abs() < 1e-12);
    }
}
