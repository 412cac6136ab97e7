//! Matching extracted facts against the gold annotations, component by component.
//!
//! Gold items carry text, not offsets: each is found in the article body after the
//! start of the previous item of its list (lists are in document order), which keeps the
//! annotation files readable and still pins repeated words (`Tuesday` twice) to the
//! right place. Matching is one-to-one and greedy in document order; the rules per
//! component are documented in `tests/gold/README.md`.

use dateline::eval::Score;
use dateline::extract::{Entity, Event, Facts, Figure, Person, Quote, Span, Timex};
use serde::Deserialize;

/// One annotation file (`tests/gold/<name>.gold.json`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gold {
    pub article: String,
    pub date: String,
    pub dateline: Option<String>,
    pub byline: Option<String>,
    pub summary: String,
    pub people: Vec<GoldPerson>,
    pub places: Vec<GoldEntity>,
    pub organizations: Vec<GoldEntity>,
    pub figures: Vec<GoldFigure>,
    pub quotes: Vec<GoldQuote>,
    pub timexes: Vec<GoldTimex>,
    pub events: Vec<GoldEvent>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldPerson {
    pub name: String,
    pub roles: Vec<String>,
    pub aliases: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldEntity {
    pub name: String,
    pub aliases: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldFigure {
    pub text: String,
    pub value: Option<f64>,
    pub unit: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldQuote {
    /// The first words of the quotation.
    pub text: String,
    pub speaker: Option<String>,
    pub indirect: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldTimex {
    pub text: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub value: String,
    #[serde(rename = "mod")]
    pub modifier: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldEvent {
    /// A word of the event's sentence, usually its time expression.
    pub text: String,
    pub date: String,
}

/// Finds each text in `body` as whole words, in order, each after the previous one's
/// start (`2 percent` is not found inside `2.2 percent`; a second `today` is the next
/// `today`).
pub fn resolve<'a>(body: &str, texts: impl Iterator<Item = &'a str>) -> Result<Vec<Span>, String> {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '.' || c == ',');
    let mut from = 0;
    let mut out = Vec::new();
    for t in texts {
        let mut search = from;
        let start = loop {
            let at = body[search..]
                .find(t)
                .map(|a| search + a)
                .ok_or_else(|| format!("`{t}` not found as words after byte {from}"))?;
            let before = body[..at].chars().next_back();
            let after = body[at + t.len()..].chars().next();
            let after_word = after.is_some_and(char::is_alphanumeric);
            let inner_joiner = word(before) && before != Some(',') && before != Some('.');
            let glued_decimal = matches!(before, Some('.' | ','))
                && body[..at - 1]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_ascii_digit());
            if !after_word && !inner_joiner && !glued_decimal {
                break at;
            }
            search = at + t.chars().next().map_or(1, char::len_utf8);
        };
        out.push([start, start + t.len()]);
        from = start + body[start..].chars().next().map_or(1, char::len_utf8);
    }
    Ok(out)
}

/// Case-, quote- and space-insensitive form of a name or text.
pub fn norm(s: &str) -> String {
    let lower = s.to_lowercase().replace(['’', '‘'], "'");
    let words: Vec<&str> = lower.split_whitespace().collect();
    let joined = words.join(" ");
    joined.strip_prefix("the ").unwrap_or(&joined).to_string()
}

fn overlaps(a: Span, b: Span) -> bool {
    a[0] < b[1] && b[0] < a[1]
}

/// Pairs predicted items with gold items: for each gold item in order, the first
/// unused prediction that `fits`. Returns `(gold index, predicted index)` pairs.
fn pair<G, P>(gold: &[G], pred: &[P], fits: impl Fn(&G, &P) -> bool) -> Vec<(usize, usize)> {
    let mut used = vec![false; pred.len()];
    let mut pairs = Vec::new();
    for (g, gi) in gold.iter().enumerate() {
        if let Some(p) = (0..pred.len()).find(|&p| !used[p] && fits(gi, &pred[p])) {
            used[p] = true;
            pairs.push((g, p));
        }
    }
    pairs
}

/// With `GOLD_VERBOSE=1`, prints the gold items and predictions left unpaired.
fn show_misses<G: std::fmt::Debug, P: std::fmt::Debug>(
    what: &str,
    gold: &[G],
    pred: &[P],
    pairs: &[(usize, usize)],
) {
    if std::env::var_os("GOLD_VERBOSE").is_none() {
        return;
    }
    for (g, item) in gold.iter().enumerate() {
        if !pairs.iter().any(|&(pg, _)| pg == g) {
            println!("  {what} missed: {item:?}");
        }
    }
    for (p, item) in pred.iter().enumerate() {
        if !pairs.iter().any(|&(_, pp)| pp == p) {
            println!("  {what} spurious: {item:?}");
        }
    }
}

/// Adds `tp` of `predicted` and `gold` to a score.
pub fn add(score: &mut Score, tp: usize, predicted: usize, gold: usize) {
    score.tp += tp as f64;
    score.predicted += predicted as f64;
    score.gold += gold as f64;
}

/// Every score the gold set reports, summed over articles.
#[derive(Debug, Default)]
pub struct Scores {
    pub people: Score,
    pub people_canonical: Score,
    pub roles: Score,
    pub places: Score,
    pub organizations: Score,
    pub figures: Score,
    pub figures_unit: Score,
    pub quotes: Score,
    pub speakers: Score,
    pub quote_kind: Score,
    pub timex_strict: Score,
    pub timex_relaxed: Score,
    pub timex_value: Score,
    pub timex_type: Score,
    pub timex_mod: Score,
    pub events: Score,
    pub event_dates: Score,
    pub dateline: Score,
    pub byline: Score,
    pub summary: Score,
}

/// The names an entity answers to, normalised.
fn forms(name: &str, aliases: &[String]) -> Vec<String> {
    std::iter::once(name)
        .chain(aliases.iter().map(String::as_str))
        .map(norm)
        .collect()
}

/// Scores one article's facts against its gold annotations.
pub fn score_article(gold: &Gold, body: &str, facts: &Facts, s: &mut Scores) -> Result<(), String> {
    score_people(gold, &facts.people, s);
    score_entities("place", &gold.places, &facts.places, &mut s.places);
    score_entities(
        "organization",
        &gold.organizations,
        &facts.organizations,
        &mut s.organizations,
    );
    score_figures(gold, body, &facts.figures.to_vec(), s)?;
    score_quotes(gold, body, &facts.quotes.to_vec(), s)?;
    score_timexes(gold, body, &facts.timexes, s)?;
    score_events(gold, body, &facts.events.to_vec(), s)?;
    let same =
        |a: &Option<String>, b: &Option<String>| a.as_deref().map(norm) == b.as_deref().map(norm);
    add(
        &mut s.dateline,
        usize::from(same(&gold.dateline, &facts.dateline)),
        1,
        1,
    );
    add(
        &mut s.byline,
        usize::from(same(&gold.byline, &facts.byline)),
        1,
        1,
    );
    add(
        &mut s.summary,
        usize::from(norm(&gold.summary) == norm(&facts.summary)),
        1,
        1,
    );
    Ok(())
}

fn score_people(gold: &Gold, pred: &[Person], s: &mut Scores) {
    let gold_forms: Vec<Vec<String>> = gold
        .people
        .iter()
        .map(|p| forms(&p.name, &p.aliases))
        .collect();
    let idx: Vec<usize> = (0..gold.people.len()).collect();
    let pairs = pair(&idx, pred, |&g, p| {
        forms(&p.name, &p.aliases)
            .iter()
            .any(|f| gold_forms[g].contains(f))
    });
    show_misses("person", &gold.people, pred, &pairs);
    add(&mut s.people, pairs.len(), pred.len(), gold.people.len());
    let canonical = pairs
        .iter()
        .filter(|&&(g, p)| norm(&pred[p].name) == norm(&gold.people[g].name))
        .count();
    add(&mut s.people_canonical, canonical, pairs.len(), pairs.len());
    for &(g, p) in &pairs {
        let gold_roles: Vec<String> = gold.people[g].roles.iter().map(|r| norm(r)).collect();
        let pred_roles: Vec<String> = pred[p].roles.iter().map(|r| norm(r)).collect();
        let tp = pair(&gold_roles, &pred_roles, |a, b| {
            a == b || a.contains(b.as_str()) || b.contains(a.as_str())
        })
        .len();
        add(&mut s.roles, tp, pred_roles.len(), gold_roles.len());
    }
}

fn score_entities(what: &str, gold: &[GoldEntity], pred: &[Entity], score: &mut Score) {
    let gold_forms: Vec<Vec<String>> = gold.iter().map(|e| forms(&e.name, &e.aliases)).collect();
    let idx: Vec<usize> = (0..gold.len()).collect();
    let pairs = pair(&idx, pred, |&g, p| {
        forms(&p.name, &p.aliases)
            .iter()
            .any(|f| gold_forms[g].contains(f))
    });
    show_misses(what, gold, pred, &pairs);
    add(score, pairs.len(), pred.len(), gold.len());
}

fn same_value(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => (x - y).abs() <= 1e-3 * y.abs().max(1.0),
        _ => false,
    }
}

fn score_figures(gold: &Gold, body: &str, pred: &[Figure], s: &mut Scores) -> Result<(), String> {
    let spans = resolve(body, gold.figures.iter().map(|f| f.text.as_str()))?;
    let items: Vec<(Span, &GoldFigure)> = spans.into_iter().zip(&gold.figures).collect();
    let by_value = pair(&items, pred, |(span, g), p| {
        overlaps(*span, p.span) && same_value(g.value, p.value)
    });
    add(&mut s.figures, by_value.len(), pred.len(), items.len());
    let with_unit = pair(&items, pred, |(span, g), p| {
        overlaps(*span, p.span)
            && same_value(g.value, p.value)
            && g.unit.as_deref().map(norm) == p.unit.as_deref().map(norm)
    });
    show_misses("figure", &items, pred, &with_unit);
    add(
        &mut s.figures_unit,
        with_unit.len(),
        pred.len(),
        items.len(),
    );
    Ok(())
}

/// The gold names a speaker answers to: the person's or organisation's forms.
fn speaker_forms(gold: &Gold, speaker: &str) -> Vec<String> {
    let n = norm(speaker);
    gold.people
        .iter()
        .map(|p| forms(&p.name, &p.aliases))
        .chain(
            gold.organizations
                .iter()
                .map(|o| forms(&o.name, &o.aliases)),
        )
        .find(|f| f.contains(&n))
        .unwrap_or_else(|| vec![n])
}

fn score_quotes(gold: &Gold, body: &str, pred: &[Quote], s: &mut Scores) -> Result<(), String> {
    let spans = resolve(body, gold.quotes.iter().map(|q| q.text.as_str()))?;
    let items: Vec<(Span, &GoldQuote)> = spans.into_iter().zip(&gold.quotes).collect();
    let pairs = pair(&items, pred, |(span, _), p| overlaps(*span, p.span));
    show_misses("quote", &items, pred, &pairs);
    add(&mut s.quotes, pairs.len(), pred.len(), items.len());
    let speakers = pairs
        .iter()
        .filter(|&&(g, p)| match (&items[g].1.speaker, &pred[p].speaker) {
            (None, None) => true,
            (Some(gs), Some(ps)) => speaker_forms(gold, gs).contains(&norm(ps)),
            _ => false,
        })
        .count();
    add(&mut s.speakers, speakers, pairs.len(), pairs.len());
    let kinds = pairs
        .iter()
        .filter(|&&(g, p)| items[g].1.indirect == pred[p].indirect)
        .count();
    add(&mut s.quote_kind, kinds, pairs.len(), pairs.len());
    Ok(())
}

fn score_timexes(gold: &Gold, body: &str, pred: &[Timex], s: &mut Scores) -> Result<(), String> {
    let spans = resolve(body, gold.timexes.iter().map(|t| t.text.as_str()))?;
    let items: Vec<(Span, &GoldTimex)> = spans.into_iter().zip(&gold.timexes).collect();
    let strict = pair(&items, pred, |(span, _), p| *span == p.span);
    add(&mut s.timex_strict, strict.len(), pred.len(), items.len());
    let relaxed = pair(&items, pred, |(span, _), p| overlaps(*span, p.span));
    show_misses("timex", &items, pred, &relaxed);
    add(&mut s.timex_relaxed, relaxed.len(), pred.len(), items.len());
    let value = relaxed
        .iter()
        .filter(|&&(g, p)| items[g].1.value == pred[p].value)
        .count();
    add(&mut s.timex_value, value, pred.len(), items.len());
    let kind = relaxed
        .iter()
        .filter(|&&(g, p)| {
            let k = serde_json::to_value(pred[p].kind).unwrap_or_default();
            k.as_str() == Some(items[g].1.kind.as_str())
        })
        .count();
    add(&mut s.timex_type, kind, relaxed.len(), relaxed.len());
    let modifier = relaxed
        .iter()
        .filter(|&&(g, p)| items[g].1.modifier == pred[p].modifier)
        .count();
    add(&mut s.timex_mod, modifier, relaxed.len(), relaxed.len());
    Ok(())
}

fn score_events(gold: &Gold, body: &str, pred: &[Event], s: &mut Scores) -> Result<(), String> {
    let spans = resolve(body, gold.events.iter().map(|e| e.text.as_str()))?;
    let items: Vec<(Span, &GoldEvent)> = spans.into_iter().zip(&gold.events).collect();
    let pairs = pair(&items, pred, |(span, g), p| {
        p.span[0] <= span[0] && span[1] <= p.span[1] && p.date == g.date
    });
    show_misses("event", &items, pred, &pairs);
    add(&mut s.events, pairs.len(), pred.len(), items.len());
    let dates = pair(&items, pred, |(_, g), p| p.date == g.date);
    add(&mut s.event_dates, dates.len(), pred.len(), items.len());
    Ok(())
}
