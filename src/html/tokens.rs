//! A streaming HTML tokenizer: start tags with their attributes, end tags and text, each with
//! its byte span in the source; nothing is copied or allocated per token.
//!
//! ```text
//! <p class="x">a &amp; b</p><script>if (a<b) {}</script>
//! → start p [0..13] (class = "x") · text [13..22] · end p · start script · raw text · end script
//! ```
//!
//! The tokens are those `lol_html` (the tokenizer this replaces, kept as the reference in the
//! tests) gives for the same bytes: its state machine, ported state by state, including the
//! feedback a tree builder gives a tokenizer (`<script>`, `<style>`, `<title>` … switch the
//! text mode; `<svg>` and `<math>` are foreign content, where self-closing tags are honoured
//! and `<![CDATA[` opens a section), and its refusal of the few pages whose parsing context it
//! cannot know (a text-mode tag inside `<select>`, anything after `<frameset>`).
//!
//! # Complexity
//! Linear in the input: each byte is looked at a bounded number of times; text (its first
//! bytes eight at a time, [`find_byte`]), comments and quoted attribute values are skipped
//! with `memchr`.

use std::ops::{ControlFlow, Range};

/// How the text of a run is to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextType {
    /// Ordinary text.
    Data,
    /// `<title>` and `<textarea>` content: text, entities decoded, no tags.
    RcData,
    /// `<style>`, `<noscript>`, `<iframe>`, `<xmp>`, `<noembed>`, `<noframes>` content.
    RawText,
    /// `<script>` content.
    ScriptData,
    /// Everything after `<plaintext>`.
    PlainText,
    /// A `<![CDATA[` section in foreign content.
    CData,
}

impl TextType {
    /// Whether the text is never shown as prose (anything but data and RCDATA).
    pub fn is_raw(self) -> bool {
        !matches!(self, TextType::Data | TextType::RcData)
    }
}

/// An attribute: its name and its raw value (entities not decoded; empty without a value).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attr {
    /// The name's span.
    pub name: (usize, usize),
    /// The raw value's span.
    pub value: (usize, usize),
}

/// A start tag.
#[derive(Debug, Clone)]
pub struct StartTag<'t> {
    /// The name's span (as written; compare lowercased).
    pub name: Range<usize>,
    /// The attributes, in source order (duplicates kept).
    pub attrs: &'t [Attr],
    /// From `<` to past `>`.
    pub span: Range<usize>,
    /// The name's [`hash`] (equal for two names exactly when they are equal lowercased,
    /// unless it is [`EMPTY`]).
    pub hash: u64,
    /// Whether the element holds content until its end tag: not a void element in HTML, not
    /// self-closing in foreign content.
    pub held: bool,
}

/// What receives the tokens. Returning `ControlFlow::Break` stops the tokenizer.
pub trait Sink {
    /// A start tag.
    fn start_tag(&mut self, source: &str, tag: &StartTag) -> ControlFlow<()>;
    /// An end tag: its name's span, the name's [`hash`] and the tag's span.
    fn end_tag(
        &mut self,
        source: &str,
        name: Range<usize>,
        hash: u64,
        span: Range<usize>,
    ) -> ControlFlow<()>;
    /// A maximal run of text of one type.
    fn text(&mut self, source: &str, span: Range<usize>, kind: TextType) -> ControlFlow<()>;
    /// A tag cut off by the end of the input (no token).
    fn unfinished(&mut self, source: &str, span: Range<usize>);
}

/// How tokenizing ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The whole input was read.
    Done,
    /// The sink stopped it.
    Stopped,
    /// The page's parsing context is ambiguous (as `lol_html` in strict mode refuses it).
    Ambiguous,
}

/// Tokenizes `source` into `sink`.
pub fn tokenize(source: &str, sink: &mut impl Sink) -> Outcome {
    let mut t = Tokenizer {
        source,
        bytes: source.as_bytes(),
        sink,
        lexeme_start: 0,
        pending: None,
        text_type: TextType::Data,
        cdata_allowed: false,
        last_start: 0,
        ns: vec![Ns::Html],
        guard: Guard::Default,
        attrs: Vec::new(),
    };
    match t.run() {
        Ok(()) => {
            if t.flush().is_break() {
                return Outcome::Stopped;
            }
            Outcome::Done
        }
        Err(Stop::Sink) => Outcome::Stopped,
        Err(Stop::Ambiguous) => Outcome::Ambiguous,
    }
}

/// Why the tokenizer stopped early.
enum Stop {
    Sink,
    Ambiguous,
}

/// A namespace of the tree-builder simulation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ns {
    Html,
    Svg,
    MathMl,
}

/// `lol_html`'s ambiguity guard (strict mode).
#[derive(Debug, Clone, Copy)]
enum Guard {
    Default,
    InSelect,
    InTemplateInSelect(u64),
    InOrAfterFrameset,
}

/// The tokenizer states that are entered from elsewhere (the rest are inline loops).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Data,
    RcData,
    RawText,
    ScriptData,
    ScriptEscaped,
    ScriptEscapedDashDash,
    ScriptDoubleEscaped,
    ScriptDoubleEscapedDashDash,
    PlainText,
    CData,
}

/// The tag name hash of `lol_html` (5 bits a character, letters and the digits 1–6; any other
/// byte, or too long a name, gives [`EMPTY`]). Letters count without their case; a name that
/// starts with a letter loses no bits, so two such names have the same hash, unless it is
/// [`EMPTY`], exactly when they are equal lowercased.
const fn hash_update(h: u64, c: u8) -> u64 {
    if h >> (64 - 5) != 0 {
        return EMPTY;
    }
    match c {
        b'a'..=b'z' | b'A'..=b'Z' => (h << 5) | ((c as u64 & 0x1F) + 5),
        b'1'..=b'6' => (h << 5) | ((c as u64 & 0x0F) - 1),
        _ => EMPTY,
    }
}

/// The hash of a name no hash represents.
pub const EMPTY: u64 = !0;

/// The hash of `name`.
pub const fn hash(name: &[u8]) -> u64 {
    let mut h = 0;
    let mut i = 0;
    while i < name.len() {
        h = hash_update(h, name[i]);
        i += 1;
    }
    h
}

/// A set of tag-name [`hash`]es with a filter of their low six bits (a name's last letter and a
/// bit of the one before): a hash outside the filter, as most names asked about are, is turned
/// away by one test before the list is searched.
#[derive(Debug, Clone, Copy)]
pub struct HashSet<const N: usize> {
    filter: u64,
    list: [u64; N],
}

impl<const N: usize> HashSet<N> {
    /// The set of the hashes in `list`.
    pub const fn new(list: [u64; N]) -> HashSet<N> {
        let mut filter = 0;
        let mut i = 0;
        while i < N {
            filter |= 1 << (list[i] & 63);
            i += 1;
        }
        HashSet { filter, list }
    }

    /// Whether `h` is in the set.
    #[inline]
    pub fn contains(&self, h: u64) -> bool {
        self.filter >> (h & 63) & 1 == 1 && self.list.contains(&h)
    }
}

/// Hashes of the tag names the tree-builder simulation knows.
mod tag {
    use super::{hash, HashSet};
    macro_rules! tags {
        ($($id:ident = $name:literal),* $(,)?) => { $(pub const $id: u64 = hash($name);)* };
    }
    tags!(
        TEXTAREA = b"textarea",
        TITLE = b"title",
        PLAINTEXT = b"plaintext",
        SCRIPT = b"script",
        STYLE = b"style",
        IFRAME = b"iframe",
        XMP = b"xmp",
        NOEMBED = b"noembed",
        NOFRAMES = b"noframes",
        NOSCRIPT = b"noscript",
        SELECT = b"select",
        FRAMESET = b"frameset",
        INPUT = b"input",
        KEYGEN = b"keygen",
        TEMPLATE = b"template",
        SVG = b"svg",
        MATH = b"math",
        FONT = b"font",
        MI = b"mi",
        MO = b"mo",
        MN = b"mn",
        MS = b"ms",
        MTEXT = b"mtext",
        DESC = b"desc",
        FOREIGN_OBJECT = b"foreignObject",
        P = b"p",
        BR = b"br",
    );
    /// Start tags that leave foreign content.
    pub const FOREIGN_EXIT: HashSet<44> = HashSet::new([
        hash(b"b"),
        hash(b"big"),
        hash(b"blockquote"),
        hash(b"body"),
        hash(b"br"),
        hash(b"center"),
        hash(b"code"),
        hash(b"dd"),
        hash(b"div"),
        hash(b"dl"),
        hash(b"dt"),
        hash(b"em"),
        hash(b"embed"),
        hash(b"h1"),
        hash(b"h2"),
        hash(b"h3"),
        hash(b"h4"),
        hash(b"h5"),
        hash(b"h6"),
        hash(b"head"),
        hash(b"hr"),
        hash(b"i"),
        hash(b"img"),
        hash(b"li"),
        hash(b"listing"),
        hash(b"menu"),
        hash(b"meta"),
        hash(b"nobr"),
        hash(b"ol"),
        hash(b"p"),
        hash(b"pre"),
        hash(b"ruby"),
        hash(b"s"),
        hash(b"small"),
        hash(b"span"),
        hash(b"strong"),
        hash(b"strike"),
        hash(b"sub"),
        hash(b"sup"),
        hash(b"table"),
        hash(b"tt"),
        hash(b"u"),
        hash(b"ul"),
        hash(b"var"),
    ]);
    /// Void elements (no content in HTML).
    pub const VOID: HashSet<17> = HashSet::new([
        hash(b"area"),
        hash(b"base"),
        hash(b"basefont"),
        hash(b"bgsound"),
        hash(b"br"),
        hash(b"col"),
        hash(b"embed"),
        hash(b"hr"),
        hash(b"img"),
        hash(b"input"),
        hash(b"keygen"),
        hash(b"link"),
        hash(b"meta"),
        hash(b"param"),
        hash(b"source"),
        hash(b"track"),
        hash(b"wbr"),
    ]);
}

/// How many bytes [`find_byte`] reads itself before it hands the rest to `memchr`.
const SHORT_SCAN: usize = 32;

/// The first `needle` in `hay` (`memchr::memchr`), for searches that mostly end within a few
/// bytes (the `<` after a run of indentation, the `-`s of a class list), where `memchr`'s
/// set-up costs more than the search: the first [`SHORT_SCAN`] bytes are read eight at a time
/// here, and only a longer haystack goes on to `memchr`. (Quoted attribute values and text
/// nodes are longer as often as not: `memchr` alone is faster there.)
pub(super) fn find_byte(needle: u8, hay: &[u8]) -> Option<usize> {
    let head = hay.get(..SHORT_SCAN).unwrap_or(hay);
    let spread = u64::from_le_bytes([needle; 8]);
    let mut chunks = head.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        // The bytes equal to the needle become zero; the lowest flagged byte is the first
        // zero byte (flags above a zero byte may be false, those below it are not).
        let x = u64::from_le_bytes(word) ^ spread;
        let zero = x.wrapping_sub(0x0101_0101_0101_0101) & !x & 0x8080_8080_8080_8080;
        if zero != 0 {
            return Some(at + (zero.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    if let Some(p) = chunks.remainder().iter().position(|&b| b == needle) {
        return Some(at + p);
    }
    let rest = hay.get(head.len()..).unwrap_or(&[]);
    memchr::memchr(needle, rest).map(|p| head.len() + p)
}

/// White space as the tokenizer knows it.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b'\x0c')
}

/// For each byte, whether it ends an attribute name: white space, `=`, `/` and `>`. Names
/// are read a byte and one table look-up at a time.
static ENDS_ATTRIBUTE_NAME: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = matches!(
            b as u8,
            b' ' | b'\n' | b'\r' | b'\t' | b'\x0c' | b'=' | b'/' | b'>'
        );
        b += 1;
    }
    t
};

/// Where the attribute name that goes on at byte `i` of `bytes` ends (see
/// [`ENDS_ATTRIBUTE_NAME`]), or the end of the bytes.
#[inline]
fn attribute_name_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(&b) = bytes.get(i) {
        if ENDS_ATTRIBUTE_NAME[usize::from(b)] {
            break;
        }
        i += 1;
    }
    i
}

/// What the tag being read is.
struct Tag {
    start: usize,
    name: Range<usize>,
    hash: u64,
    end_tag: bool,
    self_closing: bool,
}

struct Tokenizer<'s, 'k, K: Sink> {
    source: &'s str,
    bytes: &'s [u8],
    sink: &'k mut K,
    /// Where the next lexeme starts (the end of the last one).
    lexeme_start: usize,
    /// Text not yet given to the sink: contiguous runs of one type are joined.
    pending: Option<(Range<usize>, TextType)>,
    text_type: TextType,
    cdata_allowed: bool,
    /// Hash of the last start tag's name (for "appropriate" end tags of raw text).
    last_start: u64,
    ns: Vec<Ns>,
    guard: Guard,
    attrs: Vec<Attr>,
}

type Step = Result<(), Stop>;

impl<K: Sink> Tokenizer<'_, '_, K> {
    fn byte(&self, i: usize) -> Option<u8> {
        self.bytes.get(i).copied()
    }

    /// Gives pending text to the sink.
    fn flush(&mut self) -> ControlFlow<()> {
        match self.pending.take() {
            Some((span, kind)) => self.sink.text(self.source, span, kind),
            None => ControlFlow::Continue(()),
        }
    }

    /// Text from the last lexeme's end up to `end` (exclusive).
    fn emit_text(&mut self, end: usize) -> Step {
        if end > self.lexeme_start {
            let span = self.lexeme_start..end;
            match &mut self.pending {
                Some((p, kind)) if p.end == span.start && *kind == self.text_type => p.end = end,
                _ => {
                    if self.flush().is_break() {
                        return Err(Stop::Sink);
                    }
                    self.pending = Some((span, self.text_type));
                }
            }
            self.lexeme_start = end;
        }
        Ok(())
    }

    /// A lexeme that is no token (a comment, a doctype, `</>`, CDATA brackets) ends at `end`.
    fn skip_to(&mut self, end: usize) {
        self.lexeme_start = end;
    }

    fn run(&mut self) -> Step {
        let mut next = Some((State::Data, 0));
        let len = self.bytes.len();
        while let Some((state, at)) = next {
            next = match state {
                State::Data => self.data(at)?,
                State::RcData | State::RawText => self.raw_like(at)?,
                State::ScriptData => self.script(at)?,
                State::ScriptEscaped => self.script_escaped(at, false)?,
                State::ScriptEscapedDashDash => self.script_escaped_dash_dash(at, false)?,
                State::ScriptDoubleEscaped => self.script_escaped(at, true)?,
                State::ScriptDoubleEscapedDashDash => self.script_escaped_dash_dash(at, true)?,
                State::PlainText => {
                    self.emit_text(len)?;
                    None
                }
                State::CData => self.cdata(at)?,
            };
        }
        Ok(())
    }

    /// The state after a tag: the text type's.
    fn text_state(&self) -> State {
        match self.text_type {
            TextType::Data => State::Data,
            TextType::RcData => State::RcData,
            TextType::RawText => State::RawText,
            TextType::ScriptData => State::ScriptData,
            TextType::PlainText => State::PlainText,
            TextType::CData => State::CData,
        }
    }

    /// The state after a token ending at `end`, and where it starts.
    fn after(&self, end: usize) -> Next {
        Some((State::Data, end))
    }

    /// Data state from `i`: text up to a `<` and what it opens.
    fn data(&mut self, mut i: usize) -> Result<Next, Stop> {
        let len = self.bytes.len();
        loop {
            let Some(lt) = find_byte(b'<', self.bytes.get(i..).unwrap_or(&[])).map(|o| i + o)
            else {
                self.emit_text(len)?;
                return Ok(None);
            };
            self.emit_text(lt)?;
            // tag_open_state
            match self.byte(lt + 1) {
                None => {
                    self.emit_text(len)?;
                    return Ok(None);
                }
                Some(c) if c.is_ascii_alphabetic() => return self.tag(lt, lt + 1, false),
                Some(b'!') => return self.markup_declaration(lt + 2),
                Some(b'/') => match self.byte(lt + 2) {
                    None => {
                        self.emit_text(len)?;
                        return Ok(None);
                    }
                    Some(c) if c.is_ascii_alphabetic() => return self.tag(lt, lt + 2, true),
                    Some(b'>') => {
                        self.skip_to(lt + 3);
                        return Ok(self.after(lt + 3));
                    }
                    Some(_) => return self.bogus_comment(lt + 2),
                },
                Some(b'?') => return self.bogus_comment(lt + 1),
                Some(_) => i = lt + 1,
            }
        }
    }

    /// Reads a tag whose name starts at `name_start` (the `<` at `start`), its attributes, and
    /// emits it.
    fn tag(&mut self, start: usize, name_start: usize, end_tag: bool) -> Result<Next, Stop> {
        let len = self.bytes.len();
        let mut i = name_start;
        let mut h = 0u64;
        while i < len && !is_space(self.bytes[i]) && self.bytes[i] != b'/' && self.bytes[i] != b'>'
        {
            h = hash_update(h, self.bytes[i]);
            i += 1;
        }
        let tag = Tag {
            start,
            name: name_start..i,
            hash: h,
            end_tag,
            self_closing: false,
        };
        self.attributes(tag, i)
    }

    /// The attributes of a tag from `i` (just past its name), then the tag.
    fn attributes(&mut self, mut tag: Tag, mut i: usize) -> Result<Next, Stop> {
        let len = self.bytes.len();
        self.attrs.clear();
        // before_attribute_name_state, entered with the byte at `i`.
        loop {
            let Some(c) = self.byte(i) else {
                return self.unfinished(tag.start);
            };
            match c {
                _ if is_space(c) => i += 1,
                b'/' => {
                    // self_closing_start_tag_state
                    match self.byte(i + 1) {
                        None => return self.unfinished(tag.start),
                        Some(b'>') => {
                            tag.self_closing = true;
                            return self.emit_tag(tag, i + 2, true);
                        }
                        Some(_) => i += 1,
                    }
                }
                b'>' => return self.emit_tag(tag, i + 1, true),
                _ => {
                    // attribute_name_state: the first byte is part of the name, whatever it is.
                    let name_start = i;
                    i = attribute_name_end(self.bytes, i + 1);
                    let name = (name_start, i);
                    let Some(mut c) = self.byte(i) else {
                        return self.unfinished(tag.start);
                    };
                    if is_space(c) {
                        // after_attribute_name_state
                        while self.byte(i).is_some_and(is_space) {
                            i += 1;
                        }
                        let Some(n) = self.byte(i) else {
                            return self.unfinished(tag.start);
                        };
                        c = n;
                        if c != b'=' {
                            self.attrs.push(Attr {
                                name,
                                value: (i, i),
                            });
                            if c == b'/' || c == b'>' {
                                continue;
                            }
                            // A new attribute starts here (its first byte taken whatever it is).
                            continue;
                        }
                    }
                    match c {
                        b'/' | b'>' => {
                            self.attrs.push(Attr {
                                name,
                                value: (i, i),
                            });
                            continue;
                        }
                        _ => {}
                    }
                    // c == '=': before_attribute_value_state
                    i += 1;
                    while self.byte(i).is_some_and(is_space) {
                        i += 1;
                    }
                    match self.byte(i) {
                        None => return self.unfinished(tag.start),
                        Some(q @ (b'"' | b'\'')) => {
                            let rest = self.bytes.get(i + 1..).unwrap_or(&[]);
                            let Some(close) = memchr::memchr(q, rest).map(|o| i + 1 + o) else {
                                return self.unfinished(tag.start);
                            };
                            self.attrs.push(Attr {
                                name,
                                value: (i + 1, close),
                            });
                            i = close + 1;
                        }
                        Some(b'>') => {
                            self.attrs.push(Attr {
                                name,
                                value: (i, i),
                            });
                            // Emitted, but the next state is data whatever the text type.
                            return self.emit_tag(tag, i + 1, false);
                        }
                        Some(_) => {
                            let value_start = i;
                            while i < len && !is_space(self.bytes[i]) && self.bytes[i] != b'>' {
                                i += 1;
                            }
                            if i >= len {
                                return self.unfinished(tag.start);
                            }
                            self.attrs.push(Attr {
                                name,
                                value: (value_start, i),
                            });
                        }
                    }
                }
            }
        }
    }

    /// A tag cut off by the end of the input: no token, and the end.
    fn unfinished(&mut self, start: usize) -> Result<Next, Stop> {
        let len = self.bytes.len();
        if self.flush().is_break() {
            return Err(Stop::Sink);
        }
        self.sink.unfinished(self.source, start..len);
        self.lexeme_start = len;
        Ok(None)
    }

    /// Emits the tag ending (exclusively) at `end`, with the tree builder's feedback; `dynamic`
    /// is false where `lol_html` goes back to the data state whatever the text type.
    fn emit_tag(&mut self, tag: Tag, end: usize, dynamic: bool) -> Result<Next, Stop> {
        let self_closing = tag.self_closing;
        if tag.end_tag {
            self.end_tag_feedback(&tag);
        } else {
            self.guard_start(tag.hash)?;
            self.text_type = TextType::Data;
            self.start_tag_feedback(&tag);
            self.last_start = tag.hash;
        }
        if self.flush().is_break() {
            return Err(Stop::Sink);
        }
        let span = tag.start..end;
        let flow = if tag.end_tag {
            self.sink.end_tag(self.source, tag.name, tag.hash, span)
        } else {
            let held = if self.current_ns() == Ns::Html {
                !tag::VOID.contains(tag.hash)
            } else {
                !self_closing
            };
            let start = StartTag {
                name: tag.name,
                attrs: &self.attrs,
                span,
                hash: tag.hash,
                held,
            };
            self.sink.start_tag(self.source, &start)
        };
        if flow.is_break() {
            return Err(Stop::Sink);
        }
        self.lexeme_start = end;
        let state = if dynamic {
            self.text_state()
        } else {
            State::Data
        };
        Ok(Some((state, end)))
    }

    fn current_ns(&self) -> Ns {
        self.ns.last().copied().unwrap_or(Ns::Html)
    }

    fn enter_ns(&mut self, ns: Ns) {
        self.ns.push(ns);
        self.cdata_allowed = ns != Ns::Html;
    }

    fn leave_ns(&mut self) {
        if self.ns.len() > 1 {
            self.ns.pop();
        }
        self.cdata_allowed = self.current_ns() != Ns::Html;
    }

    /// `lol_html`'s ambiguity guard for a start tag.
    fn guard_start(&mut self, h: u64) -> Step {
        const SWITCHES: HashSet<10> = HashSet::new([
            tag::TEXTAREA,
            tag::TITLE,
            tag::PLAINTEXT,
            tag::SCRIPT,
            tag::STYLE,
            tag::IFRAME,
            tag::XMP,
            tag::NOEMBED,
            tag::NOFRAMES,
            tag::NOSCRIPT,
        ]);
        let ambiguous = SWITCHES.contains(h);
        match self.guard {
            Guard::Default => {
                if h == tag::SELECT {
                    self.guard = Guard::InSelect;
                } else if h == tag::FRAMESET {
                    self.guard = Guard::InOrAfterFrameset;
                }
            }
            Guard::InSelect => {
                if [tag::SELECT, tag::TEXTAREA, tag::INPUT, tag::KEYGEN].contains(&h) {
                    self.guard = Guard::Default;
                } else if h == tag::TEMPLATE {
                    self.guard = Guard::InTemplateInSelect(1);
                } else if h != tag::SCRIPT && ambiguous {
                    return Err(Stop::Ambiguous);
                }
            }
            Guard::InTemplateInSelect(depth) => {
                if h == tag::TEMPLATE {
                    self.guard = Guard::InTemplateInSelect(depth + 1);
                } else if ambiguous {
                    return Err(Stop::Ambiguous);
                }
            }
            Guard::InOrAfterFrameset => {
                if h != tag::NOFRAMES && ambiguous {
                    return Err(Stop::Ambiguous);
                }
            }
        }
        Ok(())
    }

    /// The tree builder's feedback on a start tag: namespaces and the text type.
    fn start_tag_feedback(&mut self, tag: &Tag) {
        let h = tag.hash;
        if h == tag::SVG {
            self.enter_ns(Ns::Svg);
            return;
        }
        if h == tag::MATH {
            self.enter_ns(Ns::MathMl);
            return;
        }
        let ns = self.current_ns();
        if ns != Ns::Html {
            if tag::FOREIGN_EXIT.contains(h) {
                self.leave_ns();
            } else if ns == Ns::Svg && [tag::DESC, tag::TITLE, tag::FOREIGN_OBJECT].contains(&h)
                || ns == Ns::MathMl && [tag::MI, tag::MO, tag::MN, tag::MS, tag::MTEXT].contains(&h)
            {
                if !tag.self_closing {
                    self.enter_ns(Ns::Html);
                }
            } else if h == tag::FONT {
                let font_exit = self.attrs.iter().any(|a| {
                    let n = self.part(a.name);
                    ["color", "size", "face"]
                        .iter()
                        .any(|x| n.eq_ignore_ascii_case(x.as_bytes()))
                });
                if font_exit {
                    self.leave_ns();
                }
            } else if h == EMPTY
                && ns == Ns::MathMl
                && !tag.self_closing
                && self.name_is(tag, b"annotation-xml")
            {
                let html = self.attrs.iter().any(|a| {
                    let v = self.part(a.value);
                    self.part(a.name).eq_ignore_ascii_case(b"encoding")
                        && (v.eq_ignore_ascii_case(b"text/html")
                            || v.eq_ignore_ascii_case(b"application/xhtml+xml"))
                });
                if html {
                    self.enter_ns(Ns::Html);
                }
            }
            return;
        }
        self.text_type = if h == tag::TEXTAREA || h == tag::TITLE {
            TextType::RcData
        } else if h == tag::PLAINTEXT {
            TextType::PlainText
        } else if h == tag::SCRIPT {
            TextType::ScriptData
        } else if [
            tag::STYLE,
            tag::IFRAME,
            tag::XMP,
            tag::NOEMBED,
            tag::NOFRAMES,
            tag::NOSCRIPT,
        ]
        .contains(&h)
        {
            TextType::RawText
        } else {
            TextType::Data
        };
    }

    /// The tree builder's feedback on an end tag: leaving namespaces.
    fn end_tag_feedback(&mut self, tag: &Tag) {
        let h = tag.hash;
        self.text_type = TextType::Data;
        if let Guard::InSelect = self.guard {
            if h == tag::SELECT {
                self.guard = Guard::Default;
            }
        } else if let Guard::InTemplateInSelect(depth) = self.guard {
            if h == tag::TEMPLATE {
                self.guard = if depth == 1 {
                    Guard::InSelect
                } else {
                    Guard::InTemplateInSelect(depth - 1)
                };
            }
        }
        let ns = self.current_ns();
        if ns == Ns::Html {
            let n = self.ns.len();
            if n < 2 {
                return;
            }
            let prev = self.ns[n - 2];
            let integration_point = prev == Ns::MathMl
                && [tag::MI, tag::MO, tag::MN, tag::MS, tag::MTEXT].contains(&h)
                || prev == Ns::Svg && [tag::DESC, tag::TITLE, tag::FOREIGN_OBJECT].contains(&h);
            let annotation =
                h == EMPTY && prev == Ns::MathMl && self.name_is(tag, b"annotation-xml");
            if integration_point || annotation {
                self.leave_ns();
            }
        } else if ns == Ns::Svg && h == tag::SVG
            || ns == Ns::MathMl && h == tag::MATH
            || h == tag::P
            || h == tag::BR
        {
            self.leave_ns();
        }
    }

    fn part(&self, (a, b): (usize, usize)) -> &[u8] {
        self.bytes.get(a..b).unwrap_or(&[])
    }

    fn name_is(&self, tag: &Tag, name: &[u8]) -> bool {
        self.bytes
            .get(tag.name.clone())
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
    }

    /// `<!` at `i - 2`: a comment, a doctype, a CDATA section, or a bogus comment.
    fn markup_declaration(&mut self, i: usize) -> Result<Next, Stop> {
        let rest = self.bytes.get(i..).unwrap_or(&[]);
        if rest.starts_with(b"--") {
            return self.comment(i + 2);
        }
        if rest.len() >= 7 && rest[..7].eq_ignore_ascii_case(b"DOCTYPE") {
            let end = memchr::memchr(b'>', &rest[7..]).map_or(self.bytes.len(), |o| i + 7 + o + 1);
            self.skip_to(end);
            return Ok(self.after(end));
        }
        if rest.starts_with(b"[CDATA[") && self.cdata_allowed {
            self.skip_to(i + 7);
            self.text_type = TextType::CData;
            return Ok(Some((State::CData, i + 7)));
        }
        self.bogus_comment(i)
    }

    /// A bogus comment from `i`: up to the next `>`.
    fn bogus_comment(&mut self, i: usize) -> Result<Next, Stop> {
        let rest = self.bytes.get(i..).unwrap_or(&[]);
        let end = memchr::memchr(b'>', rest).map_or(self.bytes.len(), |o| i + o + 1);
        self.skip_to(end);
        Ok(self.after(end))
    }

    /// A comment whose text starts at `i` (just past `<!--`).
    fn comment(&mut self, i: usize) -> Result<Next, Stop> {
        #[derive(Clone, Copy)]
        enum C {
            Start,
            StartDash,
            Body,
            EndDash,
            End,
            Lt,
            LtBang,
            LtBangDash,
            LtBangDashDash,
            EndBang,
        }
        let len = self.bytes.len();
        let mut s = C::Start;
        let mut j = i;
        loop {
            let c = self.byte(j);
            // Some states reconsume the byte in another state.
            let (next, consume, done) = match (s, c) {
                (C::LtBangDashDash, _) => (C::End, false, false),
                (_, None) => {
                    self.skip_to(len);
                    return Ok(None);
                }
                (C::Start, Some(b'-')) => (C::StartDash, true, false),
                (C::Start | C::StartDash, Some(b'>')) => (C::Body, true, true),
                (C::Start, _) => (C::Body, false, false),
                (C::StartDash, Some(b'-')) => (C::End, true, false),
                (C::StartDash, _) => (C::Body, false, false),
                (C::Body, Some(b'-')) => (C::EndDash, true, false),
                (C::Body, Some(b'<')) => (C::Lt, true, false),
                (C::Body, _) => {
                    // Fast path to the next '-' or '<'.
                    let rest = self.bytes.get(j..).unwrap_or(&[]);
                    match memchr::memchr2(b'-', b'<', rest) {
                        Some(o) => {
                            j += o;
                            continue;
                        }
                        None => {
                            self.skip_to(len);
                            return Ok(None);
                        }
                    }
                }
                (C::EndDash, Some(b'-')) => (C::End, true, false),
                (C::EndDash, _) => (C::Body, false, false),
                (C::End, Some(b'>')) => (C::Body, true, true),
                (C::End, Some(b'!')) => (C::EndBang, true, false),
                (C::End, Some(b'-')) => (C::End, true, false),
                (C::End, _) => (C::Body, false, false),
                (C::Lt, Some(b'!')) => (C::LtBang, true, false),
                (C::Lt, Some(b'<')) => (C::Lt, true, false),
                (C::Lt, _) => (C::Body, false, false),
                (C::LtBang, Some(b'-')) => (C::LtBangDash, true, false),
                (C::LtBang, _) => (C::Body, false, false),
                (C::LtBangDash, Some(b'-')) => (C::LtBangDashDash, true, false),
                (C::LtBangDash, _) => (C::EndDash, false, false),
                (C::EndBang, Some(b'-')) => (C::EndDash, true, false),
                (C::EndBang, Some(b'>')) => (C::Body, true, true),
                (C::EndBang, _) => (C::Body, false, false),
            };
            if consume {
                j += 1;
            }
            if done {
                self.skip_to(j);
                return Ok(self.after(j));
            }
            s = next;
        }
    }

    /// RCDATA or RAWTEXT from `i`: text up to the appropriate end tag.
    fn raw_like(&mut self, mut i: usize) -> Result<Next, Stop> {
        let len = self.bytes.len();
        loop {
            let Some(lt) = find_byte(b'<', self.bytes.get(i..).unwrap_or(&[])).map(|o| i + o)
            else {
                self.emit_text(len)?;
                return Ok(None);
            };
            match self.end_tag_candidate(lt)? {
                Candidate::Tag(next) => return Ok(next),
                Candidate::Eof => return Ok(None),
                Candidate::Text(resume) => i = resume,
            }
        }
    }

    /// At a `<` in raw text, RCDATA or script data: an appropriate end tag (`</script>` after
    /// `<script>`) is emitted; anything else stays text, resumed at the returned byte.
    fn end_tag_candidate(&mut self, lt: usize) -> Result<Candidate, Stop> {
        let len = self.bytes.len();
        match self.byte(lt + 1) {
            None => {
                self.emit_text(len)?;
                return Ok(Candidate::Eof);
            }
            Some(b'/') => {}
            Some(_) => return Ok(Candidate::Text(lt + 1)),
        }
        match self.byte(lt + 2) {
            None => {
                self.emit_text(len)?;
                return Ok(Candidate::Eof);
            }
            Some(c) if c.is_ascii_alphabetic() => {}
            Some(_) => return Ok(Candidate::Text(lt + 2)),
        }
        let mut j = lt + 2;
        let mut h = 0u64;
        while let Some(c) = self.byte(j).filter(u8::is_ascii_alphabetic) {
            h = hash_update(h, c);
            j += 1;
        }
        let Some(c) = self.byte(j) else {
            self.emit_text(len)?;
            return Ok(Candidate::Eof);
        };
        if !(is_space(c) || c == b'/' || c == b'>') || h != self.last_start {
            return Ok(Candidate::Text(j));
        }
        self.emit_text(lt)?;
        let tag = Tag {
            start: lt,
            name: lt + 2..j,
            hash: h,
            end_tag: true,
            self_closing: false,
        };
        Ok(Candidate::Tag(self.attributes(tag, j)?))
    }

    /// Script data from `i`.
    fn script(&mut self, mut i: usize) -> Result<Next, Stop> {
        let len = self.bytes.len();
        loop {
            let Some(lt) = find_byte(b'<', self.bytes.get(i..).unwrap_or(&[])).map(|o| i + o)
            else {
                self.emit_text(len)?;
                return Ok(None);
            };
            if self.byte(lt + 1) == Some(b'!') {
                // script_data_escape_start_state
                match self.byte(lt + 2) {
                    None => {
                        self.emit_text(len)?;
                        return Ok(None);
                    }
                    Some(b'-') if self.byte(lt + 3) == Some(b'-') => {
                        return Ok(Some((State::ScriptEscapedDashDash, lt + 4)));
                    }
                    Some(_) => {
                        i = lt + 2;
                        continue;
                    }
                }
            }
            match self.end_tag_candidate(lt)? {
                Candidate::Tag(next) => return Ok(next),
                Candidate::Eof => return Ok(None),
                Candidate::Text(resume) => i = resume,
            }
        }
    }

    /// Script data escaped (after `<!--`), or double escaped (after `<!--<script`), from `i`.
    fn script_escaped(&mut self, i: usize, double: bool) -> Result<Next, Stop> {
        let len = self.bytes.len();
        let mut j = i;
        loop {
            let rest = self.bytes.get(j..).unwrap_or(&[]);
            let Some(o) = memchr::memchr2(b'-', b'<', rest) else {
                self.emit_text(len)?;
                return Ok(None);
            };
            let k = j + o;
            if self.bytes[k] == b'-' {
                match self.byte(k + 1) {
                    Some(b'-') => return Ok(Some((dash_dash(double), k + 2))),
                    None => {
                        self.emit_text(len)?;
                        return Ok(None);
                    }
                    Some(_) => j = k + 1,
                }
                continue;
            }
            match self.escaped_lt(k, double)? {
                Esc::Next(next) => return Ok(next),
                Esc::Stay(at) => j = at,
            }
        }
    }

    /// `--` seen in escaped (or double escaped) script data; `j` is past it.
    fn script_escaped_dash_dash(&mut self, mut j: usize, double: bool) -> Result<Next, Stop> {
        let len = self.bytes.len();
        let escaped = if double {
            State::ScriptDoubleEscaped
        } else {
            State::ScriptEscaped
        };
        loop {
            match self.byte(j) {
                None => {
                    self.emit_text(len)?;
                    return Ok(None);
                }
                Some(b'-') => j += 1,
                Some(b'<') => {
                    return Ok(match self.escaped_lt(j, double)? {
                        Esc::Next(next) => next,
                        Esc::Stay(at) => Some((escaped, at)),
                    })
                }
                Some(b'>') => return Ok(Some((State::ScriptData, j + 1))),
                Some(_) => return Ok(Some((escaped, j + 1))),
            }
        }
    }

    /// A `<` at `lt` in escaped (or double escaped) script data.
    fn escaped_lt(&mut self, lt: usize, double: bool) -> Result<Esc, Stop> {
        let len = self.bytes.len();
        let Some(c) = self.byte(lt + 1) else {
            self.emit_text(len)?;
            return Ok(Esc::Next(None));
        };
        let script_at = |t: &Self, at: usize| {
            t.bytes
                .get(at..at + 6)
                .is_some_and(|s| s.eq_ignore_ascii_case(b"script"))
        };
        let ends_name = |b: u8| is_space(b) || b == b'/' || b == b'>';
        if double {
            // script_data_double_escaped_less_than_sign_state
            if c != b'/' {
                return Ok(Esc::Stay(lt + 1));
            }
            if !script_at(self, lt + 2) {
                if self.byte(lt + 2).is_none() {
                    self.emit_text(len)?;
                    return Ok(Esc::Next(None));
                }
                return Ok(Esc::Stay(lt + 2));
            }
            // script_data_double_escaped_end_state
            match self.byte(lt + 8) {
                None => {
                    self.emit_text(len)?;
                    Ok(Esc::Next(None))
                }
                Some(b) if ends_name(b) => Ok(Esc::Next(Some((State::ScriptEscaped, lt + 9)))),
                Some(_) => Ok(Esc::Stay(lt + 8)),
            }
        } else if script_at(self, lt + 1) {
            // script_data_double_escaped_start_state
            match self.byte(lt + 7) {
                None => {
                    self.emit_text(len)?;
                    Ok(Esc::Next(None))
                }
                Some(b) if ends_name(b) => {
                    Ok(Esc::Next(Some((State::ScriptDoubleEscaped, lt + 8))))
                }
                Some(_) => Ok(Esc::Stay(lt + 7)),
            }
        } else if c == b'/' {
            match self.end_tag_candidate(lt)? {
                Candidate::Tag(next) => Ok(Esc::Next(next)),
                Candidate::Eof => Ok(Esc::Next(None)),
                Candidate::Text(resume) => Ok(Esc::Stay(resume)),
            }
        } else {
            Ok(Esc::Stay(lt + 1))
        }
    }

    /// A CDATA section from `i`, up to `]]>`.
    fn cdata(&mut self, mut i: usize) -> Result<Next, Stop> {
        let len = self.bytes.len();
        loop {
            let rest = self.bytes.get(i..).unwrap_or(&[]);
            let Some(o) = memchr::memchr(b']', rest) else {
                self.emit_text(len)?;
                return Ok(None);
            };
            let k = i + o;
            match self.byte(k + 1) {
                None => {
                    self.emit_text(len)?;
                    return Ok(None);
                }
                Some(b']') if self.byte(k + 2) == Some(b'>') => {
                    self.emit_text(k)?;
                    self.skip_to(k + 3);
                    self.text_type = TextType::Data;
                    return Ok(self.after(k + 3));
                }
                Some(_) => i = k + 1,
            }
        }
    }
}

/// What a `<` in raw text turned out to be.
enum Candidate {
    /// An end tag, emitted; the state after it.
    Tag(Next),
    /// The input ended.
    Eof,
    /// Text: resume at this byte.
    Text(usize),
}

/// What a `<` in escaped script data turned out to be.
enum Esc {
    /// Go on in another state (or stop at the input's end).
    Next(Next),
    /// Stay in the current state, at this byte.
    Stay(usize),
}

/// The state after the `--` of escaped (or double escaped) script data.
fn dash_dash(double: bool) -> State {
    if double {
        State::ScriptDoubleEscapedDashDash
    } else {
        State::ScriptEscapedDashDash
    }
}

/// The next state and the byte it starts at; `None` at the input's end.
type Next = Option<(State, usize)>;

#[cfg(test)]
mod tests {
    use super::find_byte;

    /// [`find_byte`] answers as `memchr` does, for every length around its short scan, every
    /// position of the needle, and needles next to bytes that differ from them by one.
    #[test]
    fn find_byte_is_memchr() {
        for len in 0..80 {
            for at in 0..=len {
                for fill in [b'a', b'<' - 1, b'<' + 1, 0xff, 0] {
                    let mut hay = vec![fill; len];
                    if let Some(b) = hay.get_mut(at) {
                        *b = b'<';
                    }
                    if let Some(b) = hay.get_mut(at + 3) {
                        *b = b'<';
                    }
                    assert_eq!(
                        find_byte(b'<', &hay),
                        memchr::memchr(b'<', &hay),
                        "{len} {at} {fill}"
                    );
                }
            }
        }
    }
}
