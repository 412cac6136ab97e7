//! Evaluation on the polnear corpus.

use std::path::Path;

use crate::extract::Knowledge;

/// Runs the evaluation over the corpus at `path` and returns the printed report.
pub fn run(_path: &Path, _kb: &Knowledge) -> anyhow::Result<String> {
    anyhow::bail!("the polnear evaluation is not written yet")
}
