//! Reading with bounded memory: gzip streams member by member (a member whose first 8 KB
//! inflated hold a NUL byte is binary, and inflating stops there), and whole documents up to a
//! maximum size (reading stops just past it).

use flate2::bufread::GzDecoder;
use std::io::{self, BufRead, Read};

/// Bytes of each gzip member checked for NUL bytes: as many as [`super::binary_offset`] looks at.
const HEAD: u64 = 8192;

/// A gzip member whose inflated head holds a NUL byte: the error [`Members`] stops with.
#[derive(Debug)]
pub(crate) struct BinaryMember {
    /// Offset of the NUL byte in the inflated stream.
    pub(crate) offset: u64,
}

impl std::fmt::Display for BinaryMember {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "expected text, but found binary data (NUL byte at {} of the inflated stream); stopped there",
            self.offset
        )
    }
}

impl std::error::Error for BinaryMember {}

/// Inflates every gzip member of a stream, one after the other (as `MultiGzDecoder` does),
/// checking the head of each for NUL bytes when asked: a gzip of zeros stops after 8 KB
/// instead of inflating gigabytes.
pub(crate) struct Members<R: BufRead> {
    decoder: Option<GzDecoder<R>>,
    /// Whether a member's head may not hold NUL bytes (text; not web archives, whose records
    /// are often images).
    text: bool,
    /// Bytes inflated from the current member, and from the whole stream.
    member: u64,
    total: u64,
}

impl<R: BufRead> Members<R> {
    pub(crate) fn new(reader: R, text: bool) -> Members<R> {
        Members {
            decoder: Some(GzDecoder::new(reader)),
            text,
            member: 0,
            total: 0,
        }
    }
}

impl<R: BufRead> Read for Members<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            let Some(decoder) = self.decoder.as_mut() else {
                return Ok(0);
            };
            let n = decoder.read(buf)?;
            if n == 0 {
                if buf.is_empty() {
                    return Ok(0);
                }
                // The member ended: another one follows, or the stream ends.
                if let Some(mut reader) = self.decoder.take().map(GzDecoder::into_inner) {
                    if !reader.fill_buf()?.is_empty() {
                        self.decoder = Some(GzDecoder::new(reader));
                        self.member = 0;
                        continue;
                    }
                }
                return Ok(0);
            }
            if self.text && self.member < HEAD {
                let head = &buf[..n.min((HEAD - self.member) as usize)];
                if let Some(i) = memchr::memchr(0, head) {
                    let offset = self.total + i as u64;
                    self.decoder = None;
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        BinaryMember { offset },
                    ));
                }
            }
            self.member += n as u64;
            self.total += n as u64;
            return Ok(n);
        }
    }
}

/// The NUL byte's offset when `e` is [`Members`]' binary-member error.
pub(crate) fn binary_member(e: &io::Error) -> Option<u64> {
    e.get_ref()?
        .downcast_ref::<BinaryMember>()
        .map(|b| b.offset)
}

/// Pieces a document of unknown size is read in: the memory read beyond the maximum.
const CHUNK: usize = 8 << 20;

/// Bytes gathered in pieces of [`CHUNK`] once they outgrow one, and joined once at the end:
/// the peak is their size plus a piece, not twice their size as a doubling buffer's last
/// growth would make it (a 256 MB line had peaked at 400 MB).
#[derive(Debug, Default)]
pub(crate) struct Pieces {
    pieces: Vec<Vec<u8>>,
    len: usize,
}

impl Pieces {
    /// How many bytes are held.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Appends `bytes`.
    pub(crate) fn extend(&mut self, mut bytes: &[u8]) {
        self.len += bytes.len();
        while !bytes.is_empty() {
            let first = self.pieces.len() == 1;
            match self.pieces.last_mut() {
                // The first piece grows as a vector does, up to a piece's size.
                Some(last) if first && last.len() < CHUNK => {
                    let n = bytes.len().min(CHUNK - last.len());
                    last.extend_from_slice(&bytes[..n]);
                    bytes = &bytes[n..];
                }
                Some(last) if last.len() < last.capacity() => {
                    let n = bytes.len().min(last.capacity() - last.len());
                    last.extend_from_slice(&bytes[..n]);
                    bytes = &bytes[n..];
                }
                Some(_) => self.pieces.push(Vec::with_capacity(CHUNK)),
                None => self.pieces.push(Vec::new()),
            }
        }
    }

    /// The bytes as one vector, each piece freed as soon as it is copied.
    pub(crate) fn take(&mut self) -> Vec<u8> {
        self.len = 0;
        let mut pieces = std::mem::take(&mut self.pieces);
        if pieces.len() <= 1 {
            return pieces.pop().unwrap_or_default();
        }
        let mut whole = Vec::with_capacity(pieces.iter().map(Vec::len).sum());
        for piece in pieces {
            whole.extend_from_slice(&piece);
        }
        whole
    }
}

/// Reads `reader` to its end, or `None` as soon as it holds more than `max` bytes (having read
/// at most `max` plus one piece), in [`Pieces`].
pub(crate) fn read_capped(mut reader: impl Read, max: u64) -> io::Result<Option<Vec<u8>>> {
    let mut pieces = Pieces::default();
    let mut buf = vec![0; 1 << 16];
    loop {
        let n = match reader.read(&mut buf) {
            Ok(0) => return Ok(Some(pieces.take())),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if (pieces.len() + n) as u64 > max {
            return Ok(None);
        }
        pieces.extend(&buf[..n]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::write::GzEncoder;
    use std::io::Write;

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut e = GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    }

    fn inflate(gz: &[u8], text: bool) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        Members::new(gz, text).read_to_end(&mut out)?;
        Ok(out)
    }

    #[test]
    fn every_member_is_inflated() {
        let gz = [gzip(b"one\n"), gzip(b""), gzip(b"two\n")].concat();
        assert_eq!(inflate(&gz, true).unwrap(), b"one\ntwo\n");
    }

    #[test]
    fn a_member_with_nul_bytes_stops_the_stream() {
        let gz = [gzip(b"text\n"), gzip(&vec![0; 1 << 20])].concat();
        let err = inflate(&gz, true).unwrap_err();
        assert_eq!(binary_member(&err), Some(5));
        // Web archives carry images: no check there.
        assert_eq!(inflate(&gz, false).unwrap().len(), 5 + (1 << 20));
    }

    #[test]
    fn garbage_after_a_member_is_an_error() {
        let gz = [gzip(b"text\n"), b"not gzip".to_vec()].concat();
        assert!(inflate(&gz, true).is_err());
    }

    #[test]
    fn pieces_join_to_what_was_appended() {
        let mut pieces = Pieces::default();
        let mut want = Vec::new();
        for i in 0..40u32 {
            let bytes = vec![i as u8; 700_000 + i as usize];
            pieces.extend(&bytes);
            want.extend_from_slice(&bytes);
        }
        assert_eq!(pieces.len(), want.len());
        assert!(pieces.pieces.len() > 1);
        assert_eq!(pieces.take(), want);
        assert_eq!(pieces.len(), 0);
        pieces.extend(b"short");
        assert_eq!(pieces.take(), b"short");
    }

    #[test]
    fn reading_stops_past_the_maximum() {
        let big = vec![b'a'; CHUNK * 2 + 10];
        assert_eq!(
            read_capped(&big[..], big.len() as u64).unwrap().unwrap(),
            big
        );
        assert!(read_capped(&big[..], big.len() as u64 - 1)
            .unwrap()
            .is_none());
        assert!(read_capped(&big[..10], 9).unwrap().is_none());
        assert_eq!(
            read_capped(&big[..CHUNK], CHUNK as u64)
                .unwrap()
                .unwrap()
                .len(),
            CHUNK
        );
    }
}
