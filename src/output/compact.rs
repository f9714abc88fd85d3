//! One-line JSON from the pretty writers: [`Compact`] drops the whitespace between tokens of
//! the JSON written through it (never inside strings), which leaves the bytes serde_json's
//! compact writer gives, and keeps the line break that ends the document.

use std::io::{self, Write};

/// Bytes collected before they are passed on.
const BUFFER: usize = 64 * 1024;

/// A writer that turns pretty JSON into compact JSON on its way to `W`: whitespace outside
/// strings is dropped, except a line break after a complete top-level value.
///
/// ```
/// use std::io::Write;
/// let mut out = Vec::new();
/// let mut compact = embedscan::output::Compact::new(&mut out);
/// compact.write_all(b"{\n  \"a b\": [\n    1,\n    \"x \\\" y\"\n  ]\n}\n").unwrap();
/// compact.flush().unwrap();
/// drop(compact);
/// assert_eq!(out, b"{\"a b\":[1,\"x \\\" y\"]}\n");
/// ```
#[derive(Debug)]
pub struct Compact<W: Write> {
    inner: W,
    buffer: Vec<u8>,
    in_string: bool,
    escaped: bool,
    depth: usize,
}

impl<W: Write> Compact<W> {
    /// Compacts what is written into `inner`. Call `flush` at the end (dropping flushes too, but
    /// cannot report an error).
    pub fn new(inner: W) -> Compact<W> {
        Compact {
            inner,
            buffer: Vec::with_capacity(BUFFER),
            in_string: false,
            escaped: false,
            depth: 0,
        }
    }

    fn pass_on(&mut self) -> io::Result<()> {
        if !self.buffer.is_empty() {
            self.inner.write_all(&self.buffer)?;
            self.buffer.clear();
        }
        Ok(())
    }
}

impl<W: Write> Write for Compact<W> {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        let mut i = 0;
        while i < data.len() {
            if self.in_string {
                if self.escaped {
                    self.buffer.push(data[i]);
                    self.escaped = false;
                    i += 1;
                    continue;
                }
                // The string's plain run up to its next quote or backslash, at once.
                match memchr::memchr2(b'"', b'\\', &data[i..]) {
                    Some(k) => {
                        self.buffer.extend_from_slice(&data[i..=i + k]);
                        if data[i + k] == b'"' {
                            self.in_string = false;
                        } else {
                            self.escaped = true;
                        }
                        i += k + 1;
                    }
                    None => {
                        self.buffer.extend_from_slice(&data[i..]);
                        i = data.len();
                    }
                }
                continue;
            }
            let b = data[i];
            match b {
                b'\n' if self.depth == 0 => self.buffer.push(b),
                b' ' | b'\n' | b'\t' | b'\r' => {}
                b'"' => {
                    self.in_string = true;
                    self.buffer.push(b);
                }
                b'{' | b'[' => {
                    self.depth += 1;
                    self.buffer.push(b);
                }
                b'}' | b']' => {
                    self.depth = self.depth.saturating_sub(1);
                    self.buffer.push(b);
                }
                _ => self.buffer.push(b),
            }
            i += 1;
        }
        if self.buffer.len() >= BUFFER {
            self.pass_on()?;
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.pass_on()?;
        self.inner.flush()
    }
}

impl<W: Write> Drop for Compact<W> {
    fn drop(&mut self) {
        let _ = self.pass_on();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn compact(pretty: &[u8], piece: usize) -> Vec<u8> {
        let mut out = Vec::new();
        let mut c = Compact::new(&mut out);
        for chunk in pretty.chunks(piece) {
            c.write_all(chunk).unwrap();
        }
        c.flush().unwrap();
        drop(c);
        out
    }

    #[test]
    fn pretty_json_becomes_serde_jsons_compact_bytes() {
        let value = json!({
            "a": [1, 2.5, -3e10, true, false, null, [], {}],
            "b \" \\ c": "line\nbreak \t tab \\\" quote \u{2028} “curly” 日本",
            "nested": { "x": [ { "y": "  spaced  " } ] },
            "\\": "\\\\",
        });
        let mut pretty = serde_json::to_vec_pretty(&value).unwrap();
        pretty.push(b'\n');
        let mut want = serde_json::to_vec(&value).unwrap();
        want.push(b'\n');
        for piece in [1, 2, 3, 7, 1000] {
            assert_eq!(
                String::from_utf8(compact(&pretty, piece)).unwrap(),
                String::from_utf8(want.clone()).unwrap(),
                "written {piece} bytes at a time"
            );
        }
    }
}
