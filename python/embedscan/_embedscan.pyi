"""Type stubs of the native module (python/src/lib.rs). Use the package ``embedscan``, which
wraps it; these are its building blocks."""

from os import PathLike
from typing import Iterable, List, Optional, Tuple, Union

__version__: str
MAX_JOBS: int

#: ``(is_warning, message)`` for each problem, in the order the command prints them.
Problems = List[Tuple[bool, str]]

class Feed:
    """A scan's feed, held in Rust."""

    def to_json(self, format: str) -> str:
        """The feed as the command writes it in ``format`` (json, jsonl, jsonfeed)."""
    def write(self, path: Union[str, "PathLike[str]"], format: str) -> None:
        """Writes the feed to the file ``path`` in ``format``."""
    def part_json(self, part: str) -> str:
        """``documents``, ``posts`` or ``quotes`` as a JSON array."""
    def counts(self) -> Tuple[int, int, int]:
        """How many documents, posts and quotes the feed holds."""

def scan_paths(
    paths: List[Union[str, bytes, "PathLike[str]"]],
    *,
    jobs: Optional[int] = None,
    max_document_size: Optional[int] = None,
    text_field: Optional[str] = None,
    html_field: Optional[str] = None,
    id_field: Optional[str] = None,
    date_field: Optional[str] = None,
) -> Tuple[Feed, Problems]:
    """Scans files and folders (GIL released); returns the feed and the problems met."""

def scan_texts(
    texts: Iterable[Union[str, bytes, Tuple[object, Union[str, bytes]]]],
    *,
    names: Optional[Iterable[object]] = None,
    html: Optional[bool] = None,
    jobs: Optional[int] = None,
) -> Tuple[Feed, Problems]:
    """Scans documents given by their content (GIL released); returns the feed and the
    problems met."""
