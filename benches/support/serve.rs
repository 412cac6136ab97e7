//! The live-reload bench: `dateline serve` on a generated site, one article edited
//! at a time, and the time from the write to the `reload` server-sent event and to
//! the edited page being served with the change.
//!
//! Plain `std::net` HTTP/1.1 on purpose: the bench should measure the server, not
//! a client library, and needs nothing beyond reading an event stream line by line
//! (chunked transfer decoded by hand) and one GET per check.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::sitegen::Entry;

/// The measured latencies of one edit, in milliseconds.
pub struct Edit {
    pub to_reload: f64,
    pub to_page: f64,
}

/// Starts `dateline serve` on `root` at a free port and returns it with its address
/// once it prints that it is serving, and how long the first build took.
pub fn start(bin: &Path, root: &Path) -> Result<(Child, SocketAddr, Duration), String> {
    let start = Instant::now();
    let mut child = Command::new(bin)
        .args(["serve", "--port", "0", "--root"])
        .arg(root)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("failed to start {}: {e}", bin.display()))?;
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let mut lines = BufReader::new(stdout).lines();
    let addr = loop {
        match lines.next() {
            Some(Ok(l)) => {
                if let Some(rest) = l.strip_prefix("Serving at http://") {
                    let a = rest.split('/').next().unwrap_or_default();
                    break a.parse::<SocketAddr>().map_err(|e| format!("`{l}`: {e}"))?;
                }
            }
            _ => return Err("dateline serve stopped before serving".into()),
        }
    };
    let first = start.elapsed();
    // Keep draining stdout so the server never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    Ok((child, addr, first))
}

/// Subscribes to the event stream; each `reload` event is sent on the channel with
/// the instant it arrived.
pub fn subscribe(addr: SocketAddr) -> Result<mpsc::Receiver<Instant>, String> {
    let mut s = TcpStream::connect(addr).map_err(|e| format!("connect {addr}: {e}"))?;
    s.set_nodelay(true).ok();
    write!(
        s,
        "GET /__dateline/events HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n"
    )
    .map_err(|e| e.to_string())?;
    let mut r = BufReader::new(s);
    let mut head = String::new();
    let mut chunked = false;
    loop {
        head.clear();
        r.read_line(&mut head).map_err(|e| e.to_string())?;
        let h = head.trim().to_ascii_lowercase();
        if h.is_empty() {
            break;
        }
        chunked |= h == "transfer-encoding: chunked";
    }
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut pending = String::new();
        loop {
            let data = if chunked {
                read_chunk(&mut r)
            } else {
                read_some(&mut r)
            };
            let Some(data) = data else { return };
            pending.push_str(&String::from_utf8_lossy(&data));
            while let Some(nl) = pending.find('\n') {
                let line: String = pending.drain(..=nl).collect();
                if line.trim() == "event: reload" && tx.send(Instant::now()).is_err() {
                    return;
                }
            }
        }
    });
    Ok(rx)
}

fn read_chunk(r: &mut BufReader<TcpStream>) -> Option<Vec<u8>> {
    let mut size = String::new();
    r.read_line(&mut size).ok()?;
    let n = usize::from_str_radix(size.trim().split(';').next()?, 16).ok()?;
    if n == 0 {
        return None;
    }
    let mut buf = vec![0; n + 2];
    r.read_exact(&mut buf).ok()?;
    buf.truncate(n);
    Some(buf)
}

fn read_some(r: &mut BufReader<TcpStream>) -> Option<Vec<u8>> {
    let mut buf = vec![0; 4096];
    match r.read(&mut buf) {
        Ok(0) | Err(_) => None,
        Ok(n) => {
            buf.truncate(n);
            Some(buf)
        }
    }
}

/// GETs `path` and returns the whole response (head and body).
pub fn get(addr: SocketAddr, path: &str) -> Result<Vec<u8>, String> {
    let mut s = TcpStream::connect(addr).map_err(|e| format!("connect {addr}: {e}"))?;
    s.set_nodelay(true).ok();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    s.read_to_end(&mut out).map_err(|e| e.to_string())?;
    Ok(out)
}

/// What an edit adds to the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditKind {
    /// A sentence that names no one and dates nothing (a reporter's fix).
    Sentence,
    /// A sentence naming a new person and a dated event: the entity index and
    /// the timeline change.
    Names,
}

/// Edits `entry` `edits` times (appending a paragraph with a fresh marker word)
/// and measures each; the file is restored afterwards.
pub fn edit_loop(
    addr: SocketAddr,
    root: &Path,
    entry: &Entry,
    events: &mpsc::Receiver<Instant>,
    edits: usize,
    kind: EditKind,
) -> Result<Vec<Edit>, String> {
    let path = root.join(&entry.path);
    let original =
        std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let page = get(addr, &entry.url)?;
    if !page.starts_with(b"HTTP/1.1 200") {
        return Err(format!(
            "{} is not served: {}",
            entry.url,
            String::from_utf8_lossy(&page[..page.len().min(80)])
        ));
    }
    let mut out = Vec::new();
    let result = (|| {
        for k in 0..edits {
            std::thread::sleep(Duration::from_millis(400));
            while events.try_recv().is_ok() {}
            let marker = format!("benchedit{k}x{}", std::process::id());
            let text = match kind {
                EditKind::Sentence => {
                    format!("{original}\nThe council said the review was ongoing ({marker}).\n")
                }
                EditKind::Names => format!(
                    "{original}\nMayor Zelda Quorn{k} of Harwick said on March 3, 2011 that the \
                     council had approved the plan ({marker}).\n"
                ),
            };
            let t0 = Instant::now();
            std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
            let reload = events
                .recv_timeout(Duration::from_secs(60))
                .map_err(|_| "no reload event within 60 s".to_string())?;
            let page_at = loop {
                let body = get(addr, &entry.url)?;
                if contains(&body, marker.as_bytes()) {
                    break Instant::now();
                }
                if t0.elapsed() > Duration::from_secs(60) {
                    return Err(format!("{} never showed the edit", entry.url));
                }
                std::thread::sleep(Duration::from_millis(1));
            };
            out.push(Edit {
                to_reload: (reload - t0).as_secs_f64() * 1000.0,
                to_page: (page_at - t0).as_secs_f64() * 1000.0,
            });
        }
        Ok(())
    })();
    std::fs::write(&path, &original).map_err(|e| format!("{}: {e}", path.display()))?;
    result.map(|()| out)
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}
