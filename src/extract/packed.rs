//! The compact form of the facts' long lists (figures, quotes, events).
//!
//! An article has some twenty of each, and a site holds every article's facts for
//! the whole build. As `Vec<Quote>` a quote is a 72-byte record and two heap strings
//! (a header each, rounded up to the allocator's size class), scattered among the
//! extractor's short-lived allocations; at 100,000 articles that was the largest
//! part of the build's memory. [`Packed`] keeps a list as two allocations: the
//! items' text end to end in one string, and fixed-size items that point into it
//! with 32-bit offsets. Items are read as borrowed views ([`QuoteStr`], ...), which
//! serialise exactly as the owned types do, so the facts JSON and the build cache's
//! encoding are unchanged.
//!
//! A site's facts go further ([`share`]): an article's three lists share one text,
//! in which each string is placed once — a repeated date or speaker, an event's
//! summary inside the quote of the same sentence, a figure inside either are read
//! where they already are (a sixth of the text of a generated news article).

use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Event, Figure, Quote, Span};

/// A string in a list's text: offsets, or none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Str {
    start: u32,
    len: u32,
}

impl Str {
    const NONE: Str = Str {
        start: u32::MAX,
        len: 0,
    };

    fn read(self, text: &str) -> &str {
        let start = self.start as usize;
        text.get(start..start + self.len as usize).unwrap_or("")
    }

    fn read_opt(self, text: &str) -> Option<&str> {
        (self != Str::NONE).then(|| self.read(text))
    }
}

/// The text packed items point into, built as they are packed: a string already
/// placed is pointed at, not placed again — the same string anywhere, or a part of
/// a string placed for an item whose span overlaps (an event's summary in the quote
/// of its sentence), found without searching the whole text.
#[derive(Default)]
pub struct Text {
    text: String,
    /// Each string placed, with a hash of it and the span of its item when it is
    /// that item's sentence text (a quote, a summary, a figure; not a date or a
    /// name).
    placed: Vec<(u64, Str, Option<Span32>)>,
    /// Whether strings are looked for before they are placed: only for the text
    /// a site keeps ([`share`]); a list packed on its way to or from the cache
    /// just appends.
    find: bool,
}

impl Text {
    /// Places `s`, the text of an item at `span` when given.
    fn put(&mut self, s: &str, span: Option<Span>) -> Str {
        let len = u32::try_from(s.len()).unwrap_or(0);
        if !self.find {
            let start = u32::try_from(self.text.len()).unwrap_or(u32::MAX - 1);
            self.text.push_str(s);
            return Str { start, len };
        }
        let hash = xxhash_rust::xxh3::xxh3_64(s.as_bytes());
        for &(h, p, _) in &self.placed {
            if h == hash && p.read(&self.text) == s {
                return p;
            }
        }
        if let Some(span) = span.filter(|_| !s.is_empty()) {
            let span = Span32::of(span);
            for &(_, p, at) in &self.placed {
                let overlaps = at.is_some_and(|a| a.0[0] < span.0[1] && span.0[0] < a.0[1]);
                if overlaps
                    && p.len > len
                    && let Some(i) = super::find_bytes(p.read(&self.text).as_bytes(), s.as_bytes())
                {
                    return Str {
                        start: p.start + i as u32,
                        len,
                    };
                }
            }
        }
        let start = u32::try_from(self.text.len()).unwrap_or(u32::MAX - 1);
        self.text.push_str(s);
        let placed = Str { start, len };
        self.placed.push((hash, placed, span.map(Span32::of)));
        placed
    }

    fn put_opt(&mut self, s: Option<&str>) -> Str {
        s.map_or(Str::NONE, |s| self.put(s, None))
    }

    fn finish(self) -> Arc<str> {
        self.text.into()
    }
}

/// A span as two 32-bit offsets (articles are far below 4 GiB).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span32([u32; 2]);

impl Span32 {
    fn of(span: Span) -> Span32 {
        let c = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
        Span32([c(span[0]), c(span[1])])
    }
    fn span(self) -> Span {
        [self.0[0] as usize, self.0[1] as usize]
    }
}

/// An owned fact type with a packed item and a borrowed view.
pub trait Pack: Sized {
    type Item: Copy + fmt::Debug + PartialEq;
    type Ref<'a>: Serialize + fmt::Debug + Copy + PartialEq;
    fn pack(r: Self::Ref<'_>, text: &mut Text) -> Self::Item;
    /// The view of an owned value.
    fn as_ref(&self) -> Self::Ref<'_>;
    fn view<'a>(item: &Self::Item, text: &'a str) -> Self::Ref<'a>;
    /// The owned value a view reads.
    fn own(r: Self::Ref<'_>) -> Self;
}

/// A list of facts in two allocations (see the module's documentation).
pub struct Packed<T: Pack> {
    /// (Shared with the article's other lists: see [`share`].)
    text: Arc<str>,
    items: Box<[T::Item]>,
}

impl<T: Pack> Packed<T> {
    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn get(&self, i: usize) -> Option<T::Ref<'_>> {
        self.items.get(i).map(|item| T::view(item, &self.text))
    }

    /// Item `i`; panics past the end, as indexing a slice does.
    pub fn at(&self, i: usize) -> T::Ref<'_> {
        T::view(&self.items[i], &self.text)
    }

    pub fn iter(&self) -> Iter<'_, T> {
        Iter {
            text: &self.text,
            items: self.items.iter(),
        }
    }

    /// The items as owned values.
    pub fn to_vec(&self) -> Vec<T> {
        self.iter().map(T::own).collect()
    }

    /// Packs owned items, in order.
    pub fn from_items<'x>(items: impl IntoIterator<Item = &'x T>) -> Packed<T>
    where
        T: 'x,
    {
        let mut text = Text::default();
        let items: Vec<T::Item> = items
            .into_iter()
            .map(|x| T::pack(x.as_ref(), &mut text))
            .collect();
        Packed {
            text: text.finish(),
            items: items.into_boxed_slice(),
        }
    }
}

/// Packs an article's quotes, events and figures again into one shared text (see
/// [`Text`]); the lists read as before.
pub fn share(quotes: &mut Packed<Quote>, events: &mut Packed<Event>, figures: &mut Packed<Figure>) {
    let mut text = Text {
        find: true,
        ..Text::default()
    };
    let q: Box<[QuoteItem]> = quotes.iter().map(|r| Quote::pack(r, &mut text)).collect();
    let e: Box<[EventItem]> = events.iter().map(|r| Event::pack(r, &mut text)).collect();
    let f: Box<[FigureItem]> = figures.iter().map(|r| Figure::pack(r, &mut text)).collect();
    let text = text.finish();
    *quotes = Packed {
        text: text.clone(),
        items: q,
    };
    *events = Packed {
        text: text.clone(),
        items: e,
    };
    *figures = Packed { text, items: f };
}

impl<T: Pack> Default for Packed<T> {
    fn default() -> Self {
        Packed {
            text: Arc::default(),
            items: Box::default(),
        }
    }
}

impl<T: Pack> Clone for Packed<T> {
    fn clone(&self) -> Self {
        Packed {
            text: self.text.clone(),
            items: self.items.clone(),
        }
    }
}

/// Equal when their items read alike (two equal lists' texts differ when one
/// shares its text with other lists).
impl<T: Pack> PartialEq for Packed<T> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl<T: Pack> fmt::Debug for Packed<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<'p, T: Pack> IntoIterator for &'p Packed<T> {
    type Item = T::Ref<'p>;
    type IntoIter = Iter<'p, T>;
    fn into_iter(self) -> Iter<'p, T> {
        self.iter()
    }
}

/// The items of a [`Packed`] list, read in order.
pub struct Iter<'p, T: Pack> {
    text: &'p str,
    items: std::slice::Iter<'p, T::Item>,
}

impl<T: Pack> Clone for Iter<'_, T> {
    fn clone(&self) -> Self {
        Iter {
            text: self.text,
            items: self.items.clone(),
        }
    }
}

impl<'p, T: Pack> Iterator for Iter<'p, T> {
    type Item = T::Ref<'p>;
    fn next(&mut self) -> Option<T::Ref<'p>> {
        self.items.next().map(|item| T::view(item, self.text))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.items.size_hint()
    }
}

impl<T: Pack> DoubleEndedIterator for Iter<'_, T> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.items.next_back().map(|item| T::view(item, self.text))
    }
}

impl<T: Pack> ExactSizeIterator for Iter<'_, T> {}

impl<T: Pack> From<Vec<T>> for Packed<T> {
    fn from(items: Vec<T>) -> Self {
        Packed::from_items(&items)
    }
}

impl<T: Pack> FromIterator<T> for Packed<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let items: Vec<T> = iter.into_iter().collect();
        Packed::from_items(&items)
    }
}

impl<T: Pack> Serialize for Packed<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl<'de, T: Pack + Deserialize<'de>> Deserialize<'de> for Packed<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let items: Vec<T> = Vec::deserialize(d)?;
        Ok(Packed::from_items(&items))
    }
}

/// A packed [`Quote`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct QuoteItem {
    text: Str,
    speaker: Str,
    span: Span32,
    indirect: bool,
}

/// A quote read from a [`Packed`] list; serialises as [`Quote`] does.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct QuoteStr<'a> {
    pub text: &'a str,
    pub speaker: Option<&'a str>,
    pub indirect: bool,
    pub span: Span,
}

impl Pack for Quote {
    type Item = QuoteItem;
    type Ref<'a> = QuoteStr<'a>;
    fn own(r: QuoteStr<'_>) -> Quote {
        Quote {
            text: r.text.to_string(),
            speaker: r.speaker.map(str::to_string),
            indirect: r.indirect,
            span: r.span,
        }
    }
    fn pack(r: QuoteStr<'_>, text: &mut Text) -> QuoteItem {
        QuoteItem {
            text: text.put(r.text, Some(r.span)),
            speaker: text.put_opt(r.speaker),
            span: Span32::of(r.span),
            indirect: r.indirect,
        }
    }
    fn as_ref(&self) -> QuoteStr<'_> {
        QuoteStr {
            text: &self.text,
            speaker: self.speaker.as_deref(),
            indirect: self.indirect,
            span: self.span,
        }
    }
    fn view<'a>(item: &QuoteItem, text: &'a str) -> QuoteStr<'a> {
        QuoteStr {
            text: item.text.read(text),
            speaker: item.speaker.read_opt(text),
            indirect: item.indirect,
            span: item.span.span(),
        }
    }
}

/// A packed [`Event`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EventItem {
    date: Str,
    summary: Str,
    span: Span32,
}

/// An event read from a [`Packed`] list; serialises as [`Event`] does.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct EventStr<'a> {
    pub date: &'a str,
    pub summary: &'a str,
    pub span: Span,
}

impl Pack for Event {
    type Item = EventItem;
    type Ref<'a> = EventStr<'a>;
    fn own(r: EventStr<'_>) -> Event {
        Event {
            date: r.date.to_string(),
            summary: r.summary.to_string(),
            span: r.span,
        }
    }
    fn pack(r: EventStr<'_>, text: &mut Text) -> EventItem {
        EventItem {
            date: text.put(r.date, None),
            summary: text.put(r.summary, Some(r.span)),
            span: Span32::of(r.span),
        }
    }
    fn as_ref(&self) -> EventStr<'_> {
        EventStr {
            date: &self.date,
            summary: &self.summary,
            span: self.span,
        }
    }
    fn view<'a>(item: &EventItem, text: &'a str) -> EventStr<'a> {
        EventStr {
            date: item.date.read(text),
            summary: item.summary.read(text),
            span: item.span.span(),
        }
    }
}

/// A packed [`Figure`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FigureItem {
    value: Option<f64>,
    text: Str,
    unit: Str,
    span: Span32,
}

/// A figure read from a [`Packed`] list; serialises as [`Figure`] does.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct FigureStr<'a> {
    pub value: Option<f64>,
    pub text: &'a str,
    pub unit: Option<&'a str>,
    pub span: Span,
}

impl Pack for Figure {
    type Item = FigureItem;
    type Ref<'a> = FigureStr<'a>;
    fn own(r: FigureStr<'_>) -> Figure {
        Figure {
            value: r.value,
            text: r.text.to_string(),
            unit: r.unit.map(str::to_string),
            span: r.span,
        }
    }
    fn pack(r: FigureStr<'_>, text: &mut Text) -> FigureItem {
        FigureItem {
            value: r.value,
            text: text.put(r.text, Some(r.span)),
            unit: text.put_opt(r.unit),
            span: Span32::of(r.span),
        }
    }
    fn as_ref(&self) -> FigureStr<'_> {
        FigureStr {
            value: self.value,
            text: &self.text,
            unit: self.unit.as_deref(),
            span: self.span,
        }
    }
    fn view<'a>(item: &FigureItem, text: &'a str) -> FigureStr<'a> {
        FigureStr {
            value: item.value,
            text: item.text.read(text),
            unit: item.unit.read_opt(text),
            span: item.span.span(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes() -> Vec<Quote> {
        vec![
            Quote {
                text: "We will rebuild".into(),
                speaker: Some("Ana Okri".into()),
                indirect: false,
                span: [10, 25],
            },
            Quote {
                text: String::new(),
                speaker: Some(String::new()),
                indirect: true,
                span: [0, 0],
            },
            Quote {
                text: "the plan was sound".into(),
                speaker: None,
                indirect: true,
                span: [40, 58],
            },
        ]
    }

    #[test]
    fn items_read_back_as_they_went_in() {
        let q = quotes();
        let p = Packed::from_items(&q);
        assert_eq!(p.len(), 3);
        let back: Vec<Quote> = p.to_vec();
        assert_eq!(
            back, q,
            "an empty speaker stays Some(\"\"), a missing one None"
        );
        assert_eq!(p.get(3), None);
        assert_eq!(p.at(2).text, "the plan was sound");
        let e = vec![Event {
            date: "2014-06".into(),
            summary: "The dam opened.".into(),
            span: [3, 9],
        }];
        let pe: Packed<Event> = e.clone().into();
        assert_eq!(Event::own(pe.at(0)), e[0]);
        let f = vec![Figure {
            value: Some(2.5),
            text: "2.5 percent".into(),
            unit: None,
            span: [1, 12],
        }];
        let pf: Packed<Figure> = f.clone().into();
        assert_eq!(Figure::own(pf.at(0)), f[0]);
    }

    #[test]
    fn shared_lists_place_each_string_once_and_read_as_before() {
        // "Ana Okri said the dam would cost 2.5 billion euros." at 0..51.
        let q = vec![Quote {
            text: "the dam would cost 2.5 billion euros.".into(),
            speaker: Some("Ana Okri".into()),
            indirect: true,
            span: [14, 51],
        }];
        let e = vec![
            Event {
                date: "2014".into(),
                summary: "the dam would cost 2.5 billion euros".into(),
                span: [0, 51],
            },
            Event {
                date: "2014".into(),
                summary: "the dam".into(),
                // Elsewhere in the article: not looked for in the quote.
                span: [60, 90],
            },
        ];
        let f = vec![Figure {
            value: Some(2.5e9),
            text: "2.5 billion euros".into(),
            unit: Some("EUR".into()),
            span: [33, 50],
        }];
        let (mut pq, mut pe, mut pf) = (
            Packed::from_items(&q),
            Packed::from_items(&e),
            Packed::from_items(&f),
        );
        let apart = pq.text.len() + pe.text.len() + pf.text.len();
        share(&mut pq, &mut pe, &mut pf);
        assert_eq!(
            (pq.to_vec(), pe.to_vec(), pf.to_vec()),
            (q.clone(), e.clone(), f.clone())
        );
        assert!(Arc::ptr_eq(&pq.text, &pe.text) && Arc::ptr_eq(&pe.text, &pf.text));
        // The quote, its speaker, one "2014", the second event's "the dam" and the unit.
        let placed = q[0].text.len() + "Ana Okri".len() + 4 + "the dam".len() + 3;
        assert_eq!(
            &*pq.text,
            "the dam would cost 2.5 billion euros.Ana Okri2014the damEUR"
        );
        assert_eq!(pq.text.len(), placed);
        assert!(apart > placed + 50, "{apart}");
        // Equal lists compare equal whether their text is shared or not.
        assert_eq!(pe, Packed::from_items(&e));
    }

    #[test]
    fn serialises_as_the_owned_list() {
        let q = quotes();
        let p = Packed::from_items(&q);
        assert_eq!(
            serde_json::to_string(&p).unwrap(),
            serde_json::to_string(&q).unwrap()
        );
        let bytes = postcard::to_stdvec(&p).unwrap();
        assert_eq!(bytes, postcard::to_stdvec(&q).unwrap());
        let back: Packed<Quote> = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(back, p);
    }
}
