"""Find the social posts embedded in news articles (tweets above all) and the quotations
that re-quote them, deduplicated across documents.

    >>> import embedscan
    >>> feed = embedscan.scan_paths("seeds/")          # files, folders, .jsonl, .warc, .gz
    >>> feed = embedscan.scan(df["text"], names=df["id"])  # or texts from memory
    >>> feed.posts[0]["author"]["handle"], len(feed.quotes)
    >>> posts, quotes, documents = feed.to_pandas()

The scan is the ``embedscan`` command's, run in-process by the Rust library on all cores
(with the GIL released); its results are the command's, record for record and byte for byte
(``Feed.to_json``). The records are plain dicts with the keys of the JSON schema
(docs/SCHEMA.md), their dates as :class:`datetime.date` / :class:`datetime.datetime`.

Problems with an input are reported as the command reports them: warnings through
:func:`warnings.warn` (:class:`EmbedscanWarning`), errors by raising :class:`ScanError`
(which still carries the feed of the other inputs) once the scan is done.
"""

from __future__ import annotations

import datetime as _dt
import importlib as _importlib
import json as _json
import os as _os
import warnings as _warnings
from typing import (
    Any,
    Dict,
    Iterable,
    List,
    NamedTuple,
    Optional,
    Sequence,
    Tuple,
    TypedDict,
    Union,
    cast,
)

from . import _embedscan

__all__ = [
    "scan",
    "scan_paths",
    "Feed",
    "Frames",
    "Post",
    "Quote",
    "Document",
    "Author",
    "Appearance",
    "EmbedscanError",
    "ScanError",
    "EmbedscanWarning",
    "FORMATS",
    "MAX_JOBS",
]

__version__: str = _embedscan.__version__

#: The output formats of :meth:`Feed.to_json` and :meth:`Feed.write` (``--format``).
FORMATS = ("json", "jsonl", "jsonfeed")
#: The most scanning threads ``jobs`` accepts (as ``--jobs``).
MAX_JOBS: int = _embedscan.MAX_JOBS

PathLike = Union[str, "_os.PathLike[str]"]


class Author(TypedDict):
    """Who wrote a post, as the document shows it."""

    name: Optional[str]
    handle: Optional[str]


class Appearance(TypedDict):
    """One place where a post is shown (``embed``, ``card``, ``html``, ``link``) or re-quoted
    (``quote``)."""

    document: str
    kind: str
    line: int
    start: int
    end: int
    similarity: float


class Post(TypedDict, total=False):
    """One unique post (docs/SCHEMA.md); ``created_at`` and ``versions`` only where known."""

    id: str
    platform: str
    author: Author
    date: Optional[_dt.date]
    text: str
    lang: Optional[str]
    hashtags: List[str]
    mentions: List[str]
    urls: List[str]
    media: List[str]
    reply_to: Optional[str]
    quoted_post: Optional[str]
    status_id: Optional[str]
    status_url: Optional[str]
    created_at: _dt.datetime
    versions: List[Dict[str, Any]]
    appearances: List[Appearance]


class Quote(TypedDict):
    """One quotation in article prose; ``post`` is the id of the post it re-quotes."""

    id: str
    document: str
    line: int
    start: int
    end: int
    text: str
    speaker: Optional[str]
    speaker_mention: Optional[str]
    cue: Optional[str]
    post: Optional[str]


class Document(TypedDict):
    """A scanned document: its name, its own date where it states one, its size."""

    name: str
    date: Optional[_dt.date]
    bytes: int


Record = Dict[str, Any]


class EmbedscanError(Exception):
    """Base class of this package's exceptions."""


class ScanError(EmbedscanError):
    """An input could not be read (or nothing could): the command's ``error:`` lines.

    ``errors`` holds each message; ``feed`` the feed of everything that was read (as the
    command still writes it), ``None`` when no document could be read.
    """

    def __init__(self, errors: List[str], feed: Optional["Feed"]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors
        self.feed = feed


class EmbedscanWarning(UserWarning):
    """A problem the scan went past: the command's ``warning:`` lines (a document decoded
    with replacement characters, an empty one, a record repaired, a path given twice...)."""


class Frames(NamedTuple):
    """The three tables of a feed as pandas DataFrames (:meth:`Feed.to_pandas`)."""

    posts: Any
    quotes: Any
    documents: Any


def _date(value: Optional[str]) -> Optional[_dt.date]:
    return _dt.date.fromisoformat(value[:10]) if value else None


def _datetime(value: Optional[str]) -> Optional[_dt.datetime]:
    if not value:
        return None
    # fromisoformat reads a trailing Z only from Python 3.11 on.
    return _dt.datetime.fromisoformat(value[:-1] + "+00:00" if value.endswith("Z") else value)


def _post(post: Record) -> Record:
    post["date"] = _date(post["date"])
    if "created_at" in post:
        post["created_at"] = _datetime(post["created_at"])
    return post


def _document(document: Record) -> Record:
    document["date"] = _date(document["date"])
    return document


class Feed:
    """What a scan found: its documents, posts and quotes, as the command's JSON holds them.

    The records are converted to Python when first asked for, then kept.
    """

    __slots__ = ("_feed", "_parts")

    def __init__(self, feed: "_embedscan.Feed") -> None:
        self._feed = feed
        self._parts: Dict[str, List[Record]] = {}

    def _part(self, name: str, convert: Any = None) -> Any:
        part = self._parts.get(name)
        if part is None:
            part = _json.loads(self._feed.part_json(name))
            if convert is not None:
                part = [convert(record) for record in part]
            self._parts[name] = part
        return part

    @property
    def documents(self) -> List[Document]:
        """Every document scanned, in input order: ``name``, ``date`` (a ``date`` or None),
        ``bytes``."""
        return cast(List[Document], self._part("documents", _document))

    @property
    def posts(self) -> List[Post]:
        """The unique posts in order of first appearance (``id``, ``platform``, ``author``,
        ``date``, ``text``, ..., ``appearances``); ``date`` is a ``date``, ``created_at`` (where
        known) a UTC ``datetime``."""
        return cast(List[Post], self._part("posts", _post))

    @property
    def quotes(self) -> List[Quote]:
        """The quotations in document order (``text``, ``speaker``, ``cue``, ``post``: the id of
        the post they re-quote, ...)."""
        return cast(List[Quote], self._part("quotes"))

    def to_json(self, format: str = "json") -> str:
        """The feed as the command writes it with ``--format FORMAT`` (``json``, ``jsonl`` or
        ``jsonfeed``): the same bytes."""
        return self._feed.to_json(format)

    def write(self, path: PathLike, format: str = "json") -> None:
        """Writes :meth:`to_json` to the file ``path`` (``embedscan -o PATH``)."""
        self._feed.write(_os.fspath(path), format)

    def to_pandas(self) -> Frames:
        """The posts, quotes and documents as pandas DataFrames (pandas must be installed:
        ``pip install pandas``). Posts get ``author_name`` and ``author_handle`` columns in place
        of ``author``; dates are pandas timestamps."""
        try:
            pd: Any = _importlib.import_module("pandas")
        except ImportError as e:  # pragma: no cover - depends on the environment
            raise ImportError(
                "Feed.to_pandas needs pandas: pip install pandas (or embedscan[pandas])"
            ) from e
        post_columns = [
            "id", "platform", "author_name", "author_handle", "date", "text", "lang",
            "hashtags", "mentions", "urls", "media", "reply_to", "quoted_post", "status_id",
            "status_url", "created_at", "versions", "appearances",
        ]
        rows = []
        for post in self.posts:
            row: Dict[str, Any] = dict(post)
            author = row.pop("author")
            row["author_name"] = author["name"]
            row["author_handle"] = author["handle"]
            row.setdefault("created_at", None)
            row.setdefault("versions", [])
            rows.append(row)
        posts = pd.DataFrame(rows, columns=post_columns)
        quote_columns = [
            "id", "document", "line", "start", "end", "text", "speaker", "speaker_mention",
            "cue", "post",
        ]
        quotes = pd.DataFrame(self.quotes, columns=quote_columns)
        documents = pd.DataFrame(self.documents, columns=["name", "date", "bytes"])
        posts["date"] = pd.to_datetime(posts["date"])
        posts["created_at"] = pd.to_datetime(posts["created_at"], utc=True)
        documents["date"] = pd.to_datetime(documents["date"])
        return Frames(posts, quotes, documents)

    def __repr__(self) -> str:
        documents, posts, quotes = self._feed.counts()
        return f"<embedscan.Feed: {documents} documents, {posts} posts, {quotes} quotes>"


def _finish(result: Tuple["_embedscan.Feed", List[Tuple[bool, str]]], errors: str) -> Feed:
    native, problems = result
    feed = Feed(native)
    failures = []
    for is_warning, message in problems:
        if is_warning or errors == "warn":
            _warnings.warn(message, EmbedscanWarning, stacklevel=3)
        else:
            failures.append(message)
    if failures:
        scanned = native.counts()[0] > 0
        raise ScanError(failures, feed if scanned else None)
    return feed


def _check_errors(errors: str) -> None:
    if errors not in ("raise", "warn"):
        raise ValueError(f"expected errors='raise' or 'warn', but found {errors!r}")


def scan(
    texts: Iterable[Union[str, bytes, Tuple[str, Union[str, bytes]]]],
    *,
    names: Optional[Iterable[Any]] = None,
    html: Optional[bool] = None,
    jobs: Optional[int] = None,
    errors: str = "raise",
) -> Feed:
    """Scans documents given as strings: any iterable (a list, a pandas Series, a generator)
    of ``str`` (or ``bytes``, decoded as a file's would be), or of ``(name, text)`` pairs.

    ``names`` names the documents given without one, in order (by default their position:
    ``"0"``, ``"1"``, ...); names appear in ``documents``, ``appearances`` and ``quotes``.
    ``html`` says whether the texts are HTML pages; by default each is taken as a file of its
    name would be (``*.html``, or a text opening with ``<!doctype html`` or ``<html``).
    ``jobs`` is the number of scanning threads (default: all cores; the output is the same).
    The iterable is consumed on a thread of its own while earlier documents are scanned.

    Raises :class:`ScanError` when a text could not be used (or there was none), after the
    scan; with ``errors="warn"`` such problems are warnings too. Ctrl-C stops the scan.
    """
    _check_errors(errors)
    if isinstance(texts, (str, bytes)):
        texts = [texts]
    return _finish(_embedscan.scan_texts(texts, names=names, html=html, jobs=jobs), errors)


def scan_paths(
    paths: Union[PathLike, Sequence[PathLike]],
    *,
    jobs: Optional[int] = None,
    max_document_size: Optional[int] = None,
    text_field: Optional[str] = None,
    html_field: Optional[str] = None,
    id_field: Optional[str] = None,
    date_field: Optional[str] = None,
    errors: str = "raise",
) -> Feed:
    """Scans files and folders as the command does: ``*.txt``, ``*.text``, ``*.html``,
    ``*.htm``, JSON Lines articles (``*.jsonl``, ``*.ndjson``), web archives (``*.warc``), each
    optionally ``.gz``; folders recursively, in sorted order.

    ``jobs`` is the number of scanning threads (default: all cores); ``max_document_size``
    skips, with a warning, a document of more bytes (default 256 MiB); the ``*_field``
    arguments name the fields of JSON Lines records (``--text-field`` and the others).

    Raises :class:`ScanError` with the command's messages when an input could not be read
    (``err.feed`` holds the others' feed), after the scan; with ``errors="warn"`` they are
    warnings instead. Warnings go through :func:`warnings.warn`. Ctrl-C stops the scan.
    """
    _check_errors(errors)
    if isinstance(paths, (str, bytes, _os.PathLike)):
        paths = [paths]
    result = _embedscan.scan_paths(
        [_os.fspath(p) for p in paths],
        jobs=jobs,
        max_document_size=max_document_size,
        text_field=text_field,
        html_field=html_field,
        id_field=id_field,
        date_field=date_field,
    )
    return _finish(result, errors)
