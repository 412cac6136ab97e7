//! Property tests: whatever a front matter says, a slug is one safe path segment
//! or an error, and a brief's page lands inside the output folder.

use std::path::{Component, Path};

use chrono::{DateTime, FixedOffset, TimeZone};
use dateline::config::Config;
use dateline::content::{checked_slug, slug_from_words};
use dateline::site::permalink::{output_file, permalink};
use proptest::prelude::*;

/// One path segment that cannot climb, hide a separator, end a C string or
/// exceed a file-name limit.
fn assert_safe_segment(slug: &str) -> Result<(), TestCaseError> {
    prop_assert!(!slug.is_empty());
    prop_assert!(slug.len() <= 255, "{} bytes", slug.len());
    prop_assert!(!slug.contains(['/', '\\', '\0']), "{slug:?}");
    prop_assert!(!slug.contains(".."), "{slug:?}");
    prop_assert!(slug != ".", "{slug:?}");
    prop_assert!(!slug.chars().any(char::is_control), "{slug:?}");
    Ok(())
}

/// Text meant to be unkind to slugs: separators, dots, NUL and other controls,
/// combining marks, right-to-left text and long runs, mixed with anything.
fn nasty_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("/".to_string()),
        Just("\\".to_string()),
        Just("..".to_string()),
        Just(".".to_string()),
        Just("\0".to_string()),
        Just("%2e%2e%2f".to_string()),
        Just("\u{202e}".to_string()),
        Just("e\u{301}".to_string()),
        Just("Ωμέγα".to_string()),
        Just("北京".to_string()),
        Just(" ".to_string()),
        "[a-zA-Z0-9 _-]{1,12}",
        any::<char>().prop_map(String::from),
        "\\PC{1,80}",
        "x{200,300}",
    ];
    prop::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

/// Any instant from year 1 to 9999 (what front matter and wire headers can say),
/// at any whole-minute offset.
fn any_date() -> impl Strategy<Value = DateTime<FixedOffset>> {
    (
        -62_135_596_800i64..253_402_300_799,
        -(23 * 60 + 59)..=(23 * 60 + 59i32),
    )
        .prop_map(|(secs, offset_min)| {
            FixedOffset::east_opt(offset_min * 60)
                .unwrap()
                .timestamp_opt(secs, 0)
                .unwrap()
        })
}

fn any_zone() -> impl Strategy<Value = chrono_tz::Tz> {
    prop::sample::select(vec![
        chrono_tz::UTC,
        chrono_tz::Asia::Baghdad,
        chrono_tz::Pacific::Kiritimati,
        chrono_tz::Pacific::Pago_Pago,
        chrono_tz::America::St_Johns,
        chrono_tz::Asia::Kathmandu,
    ])
}

/// Permalink patterns made of placeholders and arbitrary literal segments; the
/// ones the configuration accepts are the ones a site can use.
fn any_pattern() -> impl Strategy<Value = String> {
    let segment = prop_oneof![
        3 => Just("{year}".to_string()),
        3 => Just("{month}".to_string()),
        3 => Just("{day}".to_string()),
        1 => Just("{slug}".to_string()),
        1 => Just("..".to_string()),
        1 => Just(".".to_string()),
        1 => Just("\0".to_string()),
        2 => Just("".to_string()),
        2 => Just("news-{year}".to_string()),
        2 => Just("...".to_string()),
        8 => "[^/{}\\\\\\p{Cc}]{0,8}",
    ];
    let slug = prop_oneof![
        Just("{slug}".to_string()),
        Just("{slug}.html".to_string()),
        Just("a-{slug}-{day}".to_string()),
    ];
    (
        prop::collection::vec(segment.clone(), 0..4),
        slug,
        prop::collection::vec(segment, 0..2),
        prop::bool::weighted(0.9),
    )
        .prop_map(|(before, slug, after, trailing)| {
            let mut p = format!("/{}", before.join("/"));
            if !before.is_empty() {
                p.push('/');
            }
            p.push_str(&slug);
            for seg in after {
                p.push('/');
                p.push_str(&seg);
            }
            if trailing {
                p.push('/');
            }
            p
        })
}

proptest! {
    // A quarter of the generated permalink patterns are ones the configuration
    // refuses (on purpose: `..`, NUL); more cases need more rejects.
    #![proptest_config(ProptestConfig {
        max_global_rejects: 1_000_000,
        ..ProptestConfig::default()
    })]

    #[test]
    fn checked_slug_is_one_safe_segment_or_an_error(s in nasty_text()) {
        if let Ok(slug) = checked_slug(&s) {
            assert_safe_segment(&slug)?;
        }
    }

    #[test]
    fn slug_from_words_is_always_one_safe_segment(s in nasty_text()) {
        assert_safe_segment(&slug_from_words(&s))?;
    }

    #[test]
    fn brief_pages_stay_inside_the_output_folder(
        s in nasty_text(),
        date in any_date(),
        tz in any_zone(),
        pattern in any_pattern(),
    ) {
        let slug = match checked_slug(&s) {
            Ok(slug) => slug,
            Err(_) => slug_from_words(&s),
        };
        let config = Config { permalink: pattern.clone(), ..Config::default() };
        prop_assume!(config.validate(Path::new("dateline.toml")).is_ok());
        let url = permalink(&pattern, &date, tz, &slug);
        let file = output_file(&url);
        prop_assert!(!file.contains('\0'), "{file:?}");
        let path = Path::new(&file);
        prop_assert!(path.components().count() > 0, "{file:?}");
        for c in path.components() {
            prop_assert!(matches!(c, Component::Normal(_)), "{pattern} → {file:?}");
        }
        prop_assert!(dateline::output::check_relative(&file).is_ok(), "{file:?}");
        prop_assert!(Path::new("/srv/public").join(path).starts_with("/srv/public"));
    }
}

#[test]
fn the_default_pattern_gives_dated_folders() {
    let date = FixedOffset::east_opt(0)
        .unwrap()
        .with_ymd_and_hms(2023, 3, 8, 12, 0, 0)
        .unwrap();
    let url = permalink(&Config::default().permalink, &date, chrono_tz::UTC, "talks");
    assert_eq!(output_file(&url), "2023/03/08/talks/index.html");
}
