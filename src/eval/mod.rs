//! Extraction quality against public gold corpora (`dateline eval`).
//!
//! The corpora stay outside the repository; these readers take their paths, run the
//! extractor over every document and print precision, recall and F1. They do I/O, so
//! they live apart from `extract`, which never does.

pub mod conll;
pub mod polnear;
pub mod timebank;

/// Precision, recall and F1 from true positives, predicted and gold counts.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Score {
    pub tp: f64,
    pub predicted: f64,
    pub gold: f64,
}

impl Score {
    pub fn precision(&self) -> f64 {
        if self.predicted == 0.0 {
            0.0
        } else {
            self.tp / self.predicted
        }
    }
    pub fn recall(&self) -> f64 {
        if self.gold == 0.0 {
            0.0
        } else {
            self.tp / self.gold
        }
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    /// `P 91.2  R 88.0  F1 89.6` (percentages).
    pub fn line(&self) -> String {
        format!(
            "P {:5.1}  R {:5.1}  F1 {:5.1}  (tp {}, predicted {}, gold {})",
            100.0 * self.precision(),
            100.0 * self.recall(),
            100.0 * self.f1(),
            self.tp,
            self.predicted,
            self.gold
        )
    }
}
