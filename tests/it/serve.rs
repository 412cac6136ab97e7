//! `dateline serve`: pages from memory, live reload after edits, no escape.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{fixture, write};

/// A running `dateline serve`, killed when dropped.
struct Server {
    child: Child,
    addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(root: &std::path::Path) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["serve", "--port", "0", "--root"])
        .arg(root)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|s| s.split('/').next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    Server { child, addr }
}

/// GET `path`; returns (status, body).
fn get(addr: &str, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).unwrap();
    let text = String::from_utf8_lossy(&buf).into_owned();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

/// Subscribes to the reload events.
fn events(addr: &str) -> BufReader<TcpStream> {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(s, "GET /__dateline/events HTTP/1.1\r\nHost: {addr}\r\n\r\n").unwrap();
    let mut r = BufReader::new(s);
    let mut line = String::new();
    while r.read_line(&mut line).unwrap() > 0 && line != "\r\n" {
        line.clear();
    }
    r
}

/// Waits for an event line `event: <kind>`; returns its data.
fn wait_for(r: &mut BufReader<TcpStream>, kind: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut line = String::new();
    let mut current = String::new();
    while Instant::now() < deadline {
        line.clear();
        if r.read_line(&mut line).unwrap_or(0) == 0 {
            break;
        }
        let l = line.trim_end();
        if let Some(k) = l.strip_prefix("event: ") {
            current = k.to_string();
        } else if let Some(d) = l.strip_prefix("data: ") {
            if current == kind {
                return d.to_string();
            }
        } else if l.is_empty() && current == kind {
            return String::new();
        }
    }
    panic!("no `{kind}` event");
}

const SEAGRASS: &str = "content/2023-06-02-estuary-seagrass.md";
const SEAGRASS_URL: &str = "/2023/06/02/estuary-seagrass/";

#[test]
fn serves_pages_from_memory_with_the_reload_script() {
    let site = fixture("basic");
    let server = start(site.path());
    let (status, body) = get(&server.addr, SEAGRASS_URL);
    assert_eq!(status, 200);
    assert!(body.contains("Seagrass returns"));
    assert!(
        body.contains("/__dateline/reload.js"),
        "script injected when serving"
    );
    assert_eq!(get(&server.addr, "/style.css").0, 200);
    assert_eq!(get(&server.addr, "/sitemap.xml").0, 200);
    assert_eq!(
        get(&server.addr, "/2020/08/20/2020-08-harbour-wall/wall.svg").0,
        200
    );
    assert_eq!(get(&server.addr, "/2023/06/02/estuary-seagrass").0, 301);
    let (status, body) = get(&server.addr, "/no/such/page/");
    assert_eq!(status, 404);
    assert!(body.contains("Page not found"), "the site's own 404 page");
    assert!(
        !site.path().join("public").exists(),
        "serving never writes public/"
    );
}

#[test]
fn an_edit_is_shown_after_the_reload_event() {
    let site = fixture("basic");
    let server = start(site.path());
    let mut ev = events(&server.addr);
    let path = site.path().join(SEAGRASS);
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("120 hectares", "155 hectares");
    std::fs::write(&path, text).unwrap();
    wait_for(&mut ev, "reload");
    let (_, body) = get(&server.addr, SEAGRASS_URL);
    assert!(body.contains("155 hectares"), "{body}");
}

#[test]
fn a_new_article_and_a_template_change_show() {
    let site = fixture("basic");
    let server = start(site.path());
    let mut ev = events(&server.addr);
    write(
        site.path(),
        "content/2024-01-05-new-pier.md",
        "+++\ntitle = \"New pier opens\"\ndate = 2024-01-05\n+++\nA pier.\n",
    );
    wait_for(&mut ev, "reload");
    assert!(get(&server.addr, "/").1.contains("New pier opens"));
    write(
        site.path(),
        "templates/404.html",
        "{% extends \"base.html\" %}{% block content %}<p>Adrift</p>{% endblock content %}",
    );
    wait_for(&mut ev, "reload");
    assert!(get(&server.addr, "/missing/").1.contains("Adrift"));
}

#[test]
fn a_broken_edit_keeps_the_last_good_site_and_reports() {
    let site = fixture("basic");
    let server = start(site.path());
    let mut ev = events(&server.addr);
    let path = site.path().join(SEAGRASS);
    let good = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, "---\ntitle: [unclosed\n---\n").unwrap();
    let message = wait_for(&mut ev, "build-error");
    assert!(message.contains("estuary-seagrass.md"), "{message}");
    let (status, body) = get(&server.addr, SEAGRASS_URL);
    assert_eq!(status, 200);
    assert!(
        body.contains("Seagrass returns"),
        "last good version served"
    );
    std::fs::write(&path, good.replace("120 hectares", "130 hectares")).unwrap();
    wait_for(&mut ev, "build-ok");
    assert!(get(&server.addr, SEAGRASS_URL).1.contains("130 hectares"));
}

#[test]
fn traversal_attempts_get_404() {
    let site = fixture("basic");
    write(site.path(), "secret.txt", "do not serve");
    let server = start(site.path());
    for path in [
        "/../secret.txt",
        "/..%2fsecret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/%252e%252e/secret.txt",
        "/static/../../secret.txt",
        "/..\\secret.txt",
        "/dateline.toml",
        "/content/2023-06-02-estuary-seagrass.md",
        "//etc/passwd",
    ] {
        let (status, body) = get(&server.addr, path);
        assert_eq!(status, 404, "{path}");
        assert!(!body.contains("do not serve"), "{path}");
    }
}

#[test]
fn listens_on_loopback_by_default() {
    let site = fixture("basic");
    let server = start(site.path());
    assert!(server.addr.starts_with("127.0.0.1:"), "{}", server.addr);
}

#[test]
fn a_flood_of_connections_keeps_it_serving() {
    let site = fixture("basic");
    let server = start(site.path());
    let addr = server.addr.clone();
    // Connections that say nothing, or half a request, and stay open…
    let mut idle = Vec::new();
    for i in 0..96 {
        let mut s = TcpStream::connect(&addr).unwrap();
        if i % 3 == 0 {
            write!(s, "GET / HTTP/1.1\r\nHost: {addr}\r\nX-Slow: ").unwrap();
        }
        idle.push(s);
    }
    // …live-reload subscribers…
    let subscribers: Vec<_> = (0..16).map(|_| events(&addr)).collect();
    // …and a burst of requests from many threads at once.
    let workers: Vec<_> = (0..24)
        .map(|t| {
            let addr = addr.clone();
            std::thread::spawn(move || {
                let paths = ["/", SEAGRASS_URL, "/timeline/", "/style.css", "/nope/"];
                (0..40)
                    .map(|i| get(&addr, paths[(t + i) % paths.len()]).0)
                    .collect::<Vec<u16>>()
            })
        })
        .collect();
    let mut statuses = Vec::new();
    for w in workers {
        statuses.extend(w.join().unwrap());
    }
    assert_eq!(statuses.len(), 24 * 40);
    assert!(
        statuses.iter().all(|&s| s == 200 || s == 404),
        "{:?}",
        statuses
            .iter()
            .filter(|&&s| s != 200 && s != 404)
            .collect::<Vec<_>>()
    );
    assert_eq!(statuses.iter().filter(|&&s| s == 404).count(), 24 * 40 / 5);
    // With all of that still open, a reader is served at once.
    let start = Instant::now();
    let (status, body) = get(&addr, SEAGRASS_URL);
    assert_eq!(status, 200);
    assert!(body.contains("seagrass"), "{body}");
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
    drop((idle, subscribers));
}
