//! The deterministic generator of news sites for the benchmarks.
//!
//! `generate(dir, n, seed)` writes a site of `n` articles of about 700 words: 45 %
//! Markdown with TOML front matter, 25 % with YAML, 30 % wire text (`.txt`, the seed
//! format: a `date` header, a headline paragraph, quotes often without marks). Dates
//! spread over twenty years (2005–2024). Each article draws from its own random
//! stream (seed, index), so the same `n` and seed give byte-identical sites and a
//! smaller site is a prefix of a larger one. A `manifest.tsv` beside `content/`
//! lists each article's file and URL (the serve bench edits one and fetches it).

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{Duration, FixedOffset, NaiveDate, TimeZone, Utc};

use super::story::{Quotes, Story, capitalise};
use super::vocab::{self, CITIES, GIVEN, SUBHEADS, SURNAMES, TRAILERS};
use super::world::{Rng, mix};

/// Bumped whenever the generated text changes, so cached sites are remade.
const VERSION: u32 = 1;

/// One generated article.
#[derive(Clone, Debug)]
pub struct Entry {
    /// The file, relative to the site root (`content/2019/2019-05-27-….md`).
    pub path: PathBuf,
    /// The brief's site path (`/2019/05/27/…/`).
    pub url: String,
    pub markdown: bool,
}

/// Writes a site of `n` articles into `dir` (created; must not hold another site's
/// `content/`), and returns its manifest.
pub fn generate(dir: &Path, n: usize, seed: u64) -> io::Result<Vec<Entry>> {
    fs::create_dir_all(dir.join("content"))?;
    fs::write(
        dir.join("dateline.toml"),
        "title = \"The Bench Gazette\"\nbase_url = \"https://bench.example.org/\"\n\
         description = \"Generated news briefs for benchmarks\"\n",
    )?;
    let mut manifest = String::new();
    let mut entries = Vec::with_capacity(n);
    let mut made_years = std::collections::BTreeSet::new();
    let mut urls = std::collections::HashSet::with_capacity(n);
    for i in 0..n {
        // A wire story's URL comes from its headline: draw again on a clash.
        let (entry, text) = (0..)
            .map(|variant| article(seed, i, variant))
            .find(|(e, _)| !urls.contains(&e.url))
            .expect("a free URL");
        urls.insert(entry.url.clone());
        if let Some(parent) = entry.path.parent()
            && made_years.insert(parent.to_path_buf())
        {
            fs::create_dir_all(dir.join(parent))?;
        }
        fs::write(dir.join(&entry.path), text)?;
        let _ = writeln!(manifest, "{}\t{}", entry.path.display(), entry.url);
        entries.push(entry);
    }
    fs::write(dir.join("manifest.tsv"), manifest)?;
    fs::write(dir.join(".bench-site"), stamp(n, seed))?;
    Ok(entries)
}

/// A generated site at `dir`, made only if it is not already there. Another
/// generated site there is replaced; a folder with other content is refused.
pub fn ensure(dir: &Path, n: usize, seed: u64) -> io::Result<Vec<Entry>> {
    match fs::read_to_string(dir.join(".bench-site")) {
        Ok(s) if s == stamp(n, seed) => return read_manifest(dir),
        Ok(_) => fs::remove_dir_all(dir)?,
        Err(_) if dir.join("content").exists() => {
            return Err(io::Error::other(
                "holds a content folder that is not a generated site",
            ));
        }
        Err(_) => {}
    }
    generate(dir, n, seed)
}

fn stamp(n: usize, seed: u64) -> String {
    format!("dateline bench site v{VERSION} n={n} seed={seed}\n")
}

/// The manifest a generated site keeps.
pub fn read_manifest(dir: &Path) -> io::Result<Vec<Entry>> {
    let text = fs::read_to_string(dir.join("manifest.tsv"))?;
    Ok(text
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(p, u)| Entry {
            path: PathBuf::from(p),
            markdown: p.ends_with(".md"),
            url: u.to_string(),
        })
        .collect())
}

/// The format of one article file.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Toml,
    Yaml,
    Wire,
}

/// Article `i` of the site of `seed` (its `variant`-th draw): its manifest entry and
/// file text.
pub fn article(seed: u64, i: usize, variant: u64) -> (Entry, String) {
    let mut rng = Rng::new(seed, i as u64 + (variant << 40));
    let day = NaiveDate::from_ymd_opt(2005, 1, 1).expect("a date")
        + Duration::days(rng.below(7305) as i64);
    let kind = match rng.below(100) {
        0..45 => Kind::Toml,
        45..70 => Kind::Yaml,
        _ => Kind::Wire,
    };
    let quotes = match (kind, rng.below(100)) {
        (Kind::Wire, 0..60) | (_, 0..5) => Quotes::Markless,
        (Kind::Wire, 60..80) | (_, 5..35) => Quotes::Straight,
        _ => Quotes::Curly,
    };
    let hour = rng.range(6, 21) as u32;
    let minute = rng.below(60) as u32;
    let offset_hours = *rng.pick(&[0i32, 1, 2, 3, -5]);
    let words_wanted = rng.range(640, 760);
    let authors: Vec<String> = (0..rng.range(1, 2)).map(|_| journalist(&mut rng)).collect();
    let trailer_names = (journalist(&mut rng), journalist(&mut rng));
    let subhead_at = if kind != Kind::Wire && rng.chance(35) {
        rng.range(4, 7)
    } else {
        0
    };
    let list_at = if kind != Kind::Wire && rng.chance(15) {
        rng.range(3, 8)
    } else {
        0
    };
    let byline = rng.chance(30);

    let mut story = Story::cast(&mut rng, day, quotes);
    let headline = story.headline();
    let mut tags: Vec<String> = Vec::new();
    let topic = vocab::topic(story.field);
    for _ in 0..story.rng.range(1, 2) {
        let t = story.rng.pick(topic.tags).to_string();
        if !tags.contains(&t) {
            tags.push(t);
        }
    }
    let country = CITIES[story.city].1;
    if story.rng.chance(40) {
        tags.push(country.to_lowercase().replace(' ', "-"));
    }
    let location = CITIES[story.city].0;

    // The body: lede, then paragraphs until the story is long enough.
    let mut paras: Vec<String> = Vec::new();
    if byline && kind != Kind::Wire {
        paras.push(format!("By {}", authors[0]));
    }
    paras.push(story.lede());
    let mut words: usize = paras.iter().map(|p| p.split_whitespace().count()).sum();
    let mut k = 0;
    while words < words_wanted {
        k += 1;
        if k == subhead_at {
            paras.push(format!("## {}", story.rng.pick(SUBHEADS)));
        }
        let p = if k == list_at {
            let items: Vec<String> = (0..3)
                .map(|_| format!("- {}", capitalise(&story.paragraph())))
                .collect();
            items.join("\n")
        } else {
            story.paragraph()
        };
        words += p.split_whitespace().count();
        paras.push(p);
    }
    let apostrophe = if quotes == Quotes::Curly { "’" } else { "'" };
    let body = paras.join("\n\n").replace('\'', apostrophe);

    let slug = match kind {
        Kind::Wire => dateline::content::slug_from_words(&headline),
        _ => format!("{}-{i}", slugify(&headline, 6)),
    };
    let stamp_date = day.format("%Y-%m-%d").to_string();
    let (ext, text, url_day) = match kind {
        Kind::Wire => {
            let trailer = TRAILERS[i % TRAILERS.len()]
                .replace("{a}", &trailer_names.0)
                .replace("{b}", &trailer_names.1);
            let text = format!(" date {stamp_date} \n\n\n\n{headline}\n\n{body}\n\n{trailer}\n");
            ("txt", text, day)
        }
        Kind::Toml | Kind::Yaml => {
            let offset = FixedOffset::east_opt(offset_hours * 3600).expect("an offset");
            let local = day.and_hms_opt(hour, minute, 0).expect("a time");
            let at = offset
                .from_local_datetime(&local)
                .single()
                .expect("a fixed offset");
            let date_only = kind == Kind::Yaml && story.rng.chance(20);
            let date_text = if date_only {
                stamp_date.clone()
            } else {
                at.to_rfc3339()
            };
            let url_day = if date_only {
                day
            } else {
                at.with_timezone(&Utc).date_naive()
            };
            let fm = if kind == Kind::Toml {
                toml_front_matter(&headline, &date_text, &authors, &tags, location)
            } else {
                yaml_front_matter(&headline, &date_text, &authors, &tags, location)
            };
            ("md", format!("{fm}\n{body}\n"), url_day)
        }
    };
    let path = PathBuf::from(format!(
        "content/{}/{stamp_date}-{slug}.{ext}",
        &stamp_date[..4]
    ));
    let url = format!("/{}/{slug}/", url_day.format("%Y/%m/%d"));
    (
        Entry {
            path,
            url,
            markdown: kind != Kind::Wire,
        },
        text,
    )
}

fn toml_front_matter(
    title: &str,
    date: &str,
    authors: &[String],
    tags: &[String],
    location: &str,
) -> String {
    let list = |xs: &[String]| xs.iter().map(|x| quoted(x)).collect::<Vec<_>>().join(", ");
    let who = if authors.len() == 1 {
        format!("author = {}", quoted(&authors[0]))
    } else {
        format!("authors = [{}]", list(authors))
    };
    format!(
        "+++\ntitle = {}\ndate = {date}\n{who}\ntags = [{}]\nlocation = {}\n+++\n",
        quoted(title),
        list(tags),
        quoted(location)
    )
}

fn yaml_front_matter(
    title: &str,
    date: &str,
    authors: &[String],
    tags: &[String],
    location: &str,
) -> String {
    let mut s = format!("---\ntitle: {}\ndate: {date}\nauthors:\n", quoted(title));
    for a in authors {
        let _ = writeln!(s, "  - {}", quoted(a));
    }
    s.push_str("tags:\n");
    for t in tags {
        let _ = writeln!(s, "  - {t}");
    }
    let _ = writeln!(s, "location: {}\n---", quoted(location));
    s
}

/// A double-quoted string, valid in TOML and YAML.
fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// A reporter's name, from a small pool (Zipf), for bylines and authors.
fn journalist(rng: &mut Rng) -> String {
    let h = mix(rng.zipf(80) as u64 ^ 0xB1);
    format!(
        "{} {}",
        GIVEN[h as usize % GIVEN.len()],
        SURNAMES[(h >> 20) as usize % SURNAMES.len()]
    )
}

/// The first `words` words of `text` as an ASCII slug.
pub fn slugify(text: &str, words: usize) -> String {
    let mut out = String::new();
    for w in text.split_whitespace().take(words) {
        let part: String = w
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if !part.is_empty() {
            if !out.is_empty() {
                out.push('-');
            }
            out.push_str(&part);
        }
    }
    if out.is_empty() { "story".into() } else { out }
}
