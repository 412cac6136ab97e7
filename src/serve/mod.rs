//! `dateline serve`: the site over HTTP from memory, rebuilt on every change, with
//! live reload.
//!
//! Nothing is written to `public/`: pages are rendered on request from the current
//! in-memory site and kept until the next change. A watcher (debounced file-system
//! events) hands changes to one rebuild thread; only when the new site is complete
//! does it replace the old one and tell browsers to reload (server-sent events), so
//! a reload never races the rebuild. A failed rebuild keeps the last good site
//! served and shows the error in the terminal and, as an overlay, in the browser.
//! Requests are looked up in the site's own map of paths — there is no file-system
//! path to traverse — and anything outside it is the site's 404 page.

pub mod workspace;

use std::collections::HashMap;
use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use anyhow::Context;
use axum::body::Body;
use axum::http::{HeaderValue, Request, Response, StatusCode, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use tokio::sync::broadcast;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::BroadcastStream;

use crate::output::files::SiteOutput;
use workspace::{Change, Filters, Workspace};

/// What `dateline serve` was asked to do.
#[derive(Clone, Debug)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub interface: IpAddr,
    pub port: u16,
    pub filters: Filters,
    /// How long file events are gathered before a rebuild.
    pub debounce: Duration,
}

/// The path of the live-reload script and of the event stream.
pub const RELOAD_JS: &str = "/__dateline/reload.js";
pub const EVENTS: &str = "/__dateline/events";

const RELOAD_SCRIPT: &str = include_str!("reload.js");

/// One complete site, with the pages rendered so far.
struct Generation {
    output: SiteOutput,
    pages: Mutex<HashMap<String, Arc<Vec<u8>>>>,
}

/// What the HTTP handlers share.
pub struct Shared {
    current: RwLock<Arc<Generation>>,
    /// The standing build error, shown by the reload script.
    error: RwLock<Option<String>>,
    events: broadcast::Sender<(String, String)>,
}

impl Shared {
    fn new(output: SiteOutput, error: Option<String>) -> Arc<Shared> {
        let (events, _) = broadcast::channel(64);
        Arc::new(Shared {
            current: RwLock::new(Arc::new(Generation {
                output,
                pages: Mutex::new(HashMap::new()),
            })),
            error: RwLock::new(error),
            events,
        })
    }

    /// Swaps in a new site and tells browsers to reload.
    fn publish(&self, output: SiteOutput, error: Option<String>) {
        let generation = Arc::new(Generation {
            output,
            pages: Mutex::new(HashMap::new()),
        });
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = generation;
        self.report(error);
        let _ = self.events.send(("reload".into(), String::new()));
    }

    /// Sets or clears the standing error and tells browsers.
    fn report(&self, error: Option<String>) {
        *self.error.write().unwrap_or_else(|e| e.into_inner()) = error.clone();
        let _ = match error {
            Some(e) => self.events.send(("build-error".into(), e)),
            None => self.events.send(("build-ok".into(), String::new())),
        };
    }
}

/// Turns a request path into a site path: percent-decoded, `/`-rooted, with no
/// `..`, `.`, backslash, NUL or empty segment. `None` for anything else.
pub fn clean_path(raw: &str) -> Option<String> {
    let decoded = percent_encoding::percent_decode_str(raw)
        .decode_utf8()
        .ok()?;
    // Decode twice-encoded input too (`%252e`): if it still holds escapes, refuse.
    if decoded.contains('%')
        && percent_encoding::percent_decode_str(&decoded)
            .decode_utf8()
            .ok()?
            != decoded
    {
        return None;
    }
    if !decoded.starts_with('/') || decoded.contains('\\') || decoded.contains('\0') {
        return None;
    }
    let segments: Vec<&str> = decoded[1..].split('/').collect();
    let last = segments.len() - 1;
    for (i, s) in segments.iter().enumerate() {
        if *s == ".." || *s == "." || (s.is_empty() && i != last) {
            return None;
        }
    }
    Some(decoded.into_owned())
}

fn content_type(path: &str) -> HeaderValue {
    let p = if path.ends_with('/') {
        "index.html"
    } else {
        path
    };
    let mime = mime_guess::from_path(p).first_or_octet_stream();
    let text = mime.type_() == "text"
        || mime.subtype() == "javascript"
        || mime.subtype() == "json"
        || mime.subtype() == "xml"
        || mime.subtype() == "svg";
    let value = if text {
        format!("{mime}; charset=utf-8")
    } else {
        mime.to_string()
    };
    HeaderValue::from_str(&value).unwrap_or(HeaderValue::from_static("application/octet-stream"))
}

/// Adds the reload script to an HTML page (before `</body>`, or at the end).
fn inject_reload(html: &[u8]) -> Vec<u8> {
    let tag = format!("<script src=\"{RELOAD_JS}\" defer></script>");
    let text = String::from_utf8_lossy(html);
    if text.contains(RELOAD_JS) {
        return html.to_vec();
    }
    match text.rfind("</body>") {
        Some(i) => format!("{}{tag}{}", &text[..i], &text[i..]).into_bytes(),
        None => format!("{text}{tag}").into_bytes(),
    }
}

fn response(status: StatusCode, ctype: HeaderValue, body: Vec<u8>) -> Response<Body> {
    let mut r = Response::new(Body::from(body));
    *r.status_mut() = status;
    r.headers_mut().insert(header::CONTENT_TYPE, ctype);
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r.headers_mut().insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    r
}

fn error_page(status: StatusCode, message: &str) -> Response<Body> {
    let mut html = String::from(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Dateline: error</title></head>\
         <body><h1>Dateline could not render this page</h1><pre>",
    );
    crate::content::markdown::escape_into(&mut html, message);
    html.push_str("</pre></body></html>");
    response(
        status,
        HeaderValue::from_static("text/html; charset=utf-8"),
        inject_reload(html.as_bytes()),
    )
}

/// Looks a site path up in the current generation, rendering it if needed.
fn lookup(generation: &Generation, path: &str) -> Option<anyhow::Result<Arc<Vec<u8>>>> {
    if let Some(hit) = generation
        .pages
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get(path)
    {
        return Some(Ok(hit.clone()));
    }
    let result = generation.output.get(path)?;
    Some(result.map(|bytes| {
        let bytes = Arc::new(bytes);
        generation
            .pages
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path.to_string(), bytes.clone());
        bytes
    }))
}

/// Answers one request.
pub async fn handle(shared: Arc<Shared>, req: Request<Body>) -> Response<Body> {
    if req.method() != axum::http::Method::GET && req.method() != axum::http::Method::HEAD {
        return response(
            StatusCode::METHOD_NOT_ALLOWED,
            HeaderValue::from_static("text/plain"),
            b"GET only\n".to_vec(),
        );
    }
    let raw = req.uri().path().to_string();
    if raw == RELOAD_JS {
        return response(
            StatusCode::OK,
            HeaderValue::from_static("text/javascript; charset=utf-8"),
            RELOAD_SCRIPT.into(),
        );
    }
    if raw == EVENTS {
        return events(shared);
    }
    let generation = shared
        .current
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    let not_found = |generation: Arc<Generation>| async move {
        let page = tokio::task::spawn_blocking(move || lookup(&generation, "/404.html"))
            .await
            .ok()
            .flatten();
        let body = match page {
            Some(Ok(b)) => inject_reload(&b),
            _ => b"<!doctype html><title>Not found</title><h1>Not found</h1>".to_vec(),
        };
        response(
            StatusCode::NOT_FOUND,
            HeaderValue::from_static("text/html; charset=utf-8"),
            body,
        )
    };
    let Some(path) = clean_path(&raw) else {
        return not_found(generation).await;
    };
    let g = generation.clone();
    let p = path.clone();
    let found = tokio::task::spawn_blocking(move || lookup(&g, &p))
        .await
        .ok()
        .flatten();
    match found {
        Some(Ok(bytes)) => {
            let ctype = content_type(&path);
            let body = if ctype.to_str().is_ok_and(|c| c.starts_with("text/html")) {
                inject_reload(&bytes)
            } else {
                bytes.to_vec()
            };
            response(StatusCode::OK, ctype, body)
        }
        Some(Err(e)) => error_page(StatusCode::INTERNAL_SERVER_ERROR, &format!("{e:#}")),
        None => {
            // `/a/b` → `/a/b/` when that is a page.
            let dir = format!("{path}/");
            if !path.ends_with('/') && generation.output.pass.render_url(&dir).is_some() {
                let mut r = response(
                    StatusCode::MOVED_PERMANENTLY,
                    HeaderValue::from_static("text/plain"),
                    Vec::new(),
                );
                if let Ok(v) = HeaderValue::from_str(&dir) {
                    r.headers_mut().insert(header::LOCATION, v);
                }
                return r;
            }
            not_found(generation).await
        }
    }
}

fn events(shared: Arc<Shared>) -> Response<Body> {
    use axum::response::IntoResponse;
    let standing = shared
        .error
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    let first = tokio_stream::iter(
        standing.map(|e| Ok::<_, Infallible>(Event::default().event("build-error").data(e))),
    );
    let rest = BroadcastStream::new(shared.events.subscribe())
        .filter_map(|m| m.ok())
        .map(|(kind, data)| Ok::<_, Infallible>(Event::default().event(kind).data(data)));
    Sse::new(first.chain(rest))
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
        .into_response()
}

/// Binds `interface:port`, or the next free port up to 20 above it.
async fn bind(interface: IpAddr, port: u16) -> anyhow::Result<tokio::net::TcpListener> {
    let mut last = None;
    for p in port..=port.saturating_add(20) {
        match tokio::net::TcpListener::bind(SocketAddr::new(interface, p)).await {
            Ok(l) => return Ok(l),
            Err(e) => last = Some(e),
        }
    }
    Err(last.map_or_else(|| anyhow::anyhow!("no port"), anyhow::Error::from)).with_context(|| {
        format!(
            "no free port on {interface} from {port} to {}",
            port.saturating_add(20)
        )
    })
}

/// A running server: its address, and the handle to stop it.
pub struct Running {
    pub addr: SocketAddr,
    pub shared: Arc<Shared>,
}

/// Builds the site, binds, starts watching, and serves until the process ends.
pub fn serve(opts: ServeOptions, on_ready: impl FnOnce(&Running)) -> anyhow::Result<()> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    rt.block_on(async move {
        let root = opts.root.clone();
        let filters = opts.filters;
        let (ws, first) = tokio::task::spawn_blocking(move || -> anyhow::Result<_> {
            let mut ws = Workspace::open(&root, filters)?;
            let first = ws.site_output(std::time::Instant::now(), None)?;
            Ok((ws, first))
        })
        .await??;
        let error = (!first.errors.is_empty()).then(|| first.errors.join("\n"));
        if let Some(e) = &error {
            eprintln!("{e}");
        }
        let shared = Shared::new(first.output, error);
        let listener = bind(opts.interface, opts.port).await?;
        let addr = listener.local_addr()?;
        let running = Running {
            addr,
            shared: shared.clone(),
        };
        let _watcher = watch(&opts.root, ws, shared.clone(), opts.debounce)?;
        on_ready(&running);
        let app = axum::Router::new().fallback({
            let shared = shared.clone();
            move |req: Request<Body>| handle(shared.clone(), req)
        });
        axum::serve(listener, app)
            .await
            .context("the server stopped")?;
        Ok(())
    })
}

/// Watches the site's inputs; a thread applies each debounced batch of changes.
fn watch(
    root: &Path,
    mut ws: Workspace,
    shared: Arc<Shared>,
    debounce: Duration,
) -> anyhow::Result<
    notify_debouncer_full::Debouncer<
        notify_debouncer_full::notify::RecommendedWatcher,
        notify_debouncer_full::RecommendedCache,
    >,
> {
    use notify_debouncer_full::notify::RecursiveMode;
    let (tx, rx) = std::sync::mpsc::channel();
    let mut debouncer = notify_debouncer_full::new_debouncer(debounce, None, tx)?;
    let root = std::fs::canonicalize(root)
        .with_context(|| format!("failed to read `{}`", root.display()))?;
    for dir in ["content", "templates", "static", "data"] {
        let p = root.join(dir);
        if p.is_dir() {
            debouncer.watch(&p, RecursiveMode::Recursive)?;
        }
    }
    // The root itself, for dateline.toml and for folders created later.
    debouncer.watch(&root, RecursiveMode::NonRecursive)?;
    std::thread::spawn(move || {
        for batch in rx {
            let Ok(events) = batch else { continue };
            // Reading files (ours included) raises access events: only writes count.
            use notify_debouncer_full::notify::EventKind;
            use notify_debouncer_full::notify::event::ModifyKind;
            let mut paths: Vec<PathBuf> = events
                .iter()
                .filter(|e| match e.kind {
                    EventKind::Create(_) | EventKind::Remove(_) => true,
                    EventKind::Modify(ModifyKind::Metadata(_)) => false,
                    EventKind::Modify(_) => true,
                    _ => false,
                })
                .flat_map(|e| e.paths.iter().cloned())
                .collect();
            paths.sort();
            paths.dedup();
            let change = Change::classify(ws.root(), &root, &paths, ws.articles());
            if change.is_empty() {
                continue;
            }
            if std::env::var_os("DATELINE_DEBUG_WATCH").is_some() {
                eprintln!("changed: {paths:?} → {change:?}");
            }
            // The site being served: what the change leaves alone is taken from it.
            let current = shared
                .current
                .read()
                .unwrap_or_else(|e| e.into_inner())
                .clone();
            match ws.apply(&change, Some(&current.output)) {
                Ok(rebuilt) => {
                    let error = (!rebuilt.errors.is_empty()).then(|| rebuilt.errors.join("\n"));
                    match &error {
                        Some(e) => eprintln!("{e}"),
                        None => eprintln!("rebuilt in {:.1} ms", rebuilt.millis),
                    }
                    shared.publish(rebuilt.output, error);
                }
                Err(e) => {
                    let msg = format!("{e:#}");
                    eprintln!("Error: {msg}");
                    shared.report(Some(msg));
                }
            }
        }
    });
    Ok(debouncer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_paths_refuse_traversal_in_every_encoding() {
        for bad in [
            "/../etc/passwd",
            "/a/../../b",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2Fetc%2Fpasswd",
            "/%252e%252e/etc",
            "/a%5c..%5cb",
            "/a\\b",
            "/./a",
            "//etc/passwd",
            "/a%00b",
            "/%c0%ae%c0%ae/",
        ] {
            assert_eq!(clean_path(bad), None, "{bad}");
        }
        assert_eq!(
            clean_path("/2023/03/08/a/").as_deref(),
            Some("/2023/03/08/a/")
        );
        assert_eq!(
            clean_path("/people/jos%C3%A9/").as_deref(),
            Some("/people/josé/")
        );
        assert_eq!(clean_path("/").as_deref(), Some("/"));
    }

    #[test]
    fn reload_script_goes_before_the_body_end() {
        let out = String::from_utf8(inject_reload(b"<html><body><p>x</p></body></html>")).unwrap();
        assert!(
            out.ends_with(&format!(
                "<script src=\"{RELOAD_JS}\" defer></script></body></html>"
            )),
            "{out}"
        );
        assert_eq!(inject_reload(out.as_bytes()), out.as_bytes(), "not twice");
    }

    #[test]
    fn content_types_carry_charsets() {
        assert_eq!(content_type("/a/"), "text/html; charset=utf-8");
        assert_eq!(content_type("/style.css"), "text/css; charset=utf-8");
        assert_eq!(content_type("/img/a.png"), "image/png");
        assert_eq!(
            content_type("/feed.json"),
            "application/json; charset=utf-8"
        );
    }
}
