"""The Python package against the command: the same feed, the same messages; the GIL released
while scanning; pandas frames when pandas is there.

The command compared with is $EMBEDSCAN_BIN, else target/release/embedscan (under
$CARGO_TARGET_DIR when set); the tests that need it are skipped when there is none and
EMBEDSCAN_BIN is not set (.ci/run sets it).
"""

import datetime
import json
import os
import subprocess
import threading
import time
import warnings
from collections import Counter
from pathlib import Path

import pytest

import embedscan

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted(p.relative_to(ROOT) for p in (ROOT / "seeds").glob("*.txt"))
# A signature line the scan finds: one post per text that carries it.
EMBED = "Gates are open now: https://t.co/Zz11Yy22Xx — River Report (@RiverReport) June 1, 2021\n"


def command():
    path = os.environ.get("EMBEDSCAN_BIN")
    if path:
        assert Path(path).is_file(), f"EMBEDSCAN_BIN={path} does not exist"
        return path
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    candidate = target / "release" / "embedscan"
    if not candidate.is_file():
        pytest.skip("no embedscan command built (cargo build --release)")
    return str(candidate)


def run_command(*args):
    """The command's exit code, standard output and its `error:` / `warning:` messages."""
    done = subprocess.run(
        [command(), *map(str, args)], cwd=ROOT, capture_output=True, text=True
    )
    errors, warns = [], []
    for line in done.stderr.splitlines():
        if line.startswith("embedscan: error: "):
            errors.append(line[len("embedscan: error: "):])
        elif line.startswith("embedscan: warning: "):
            warns.append(line[len("embedscan: warning: "):])
    return done.returncode, done.stdout, errors, warns


@pytest.fixture(autouse=True)
def at_root(monkeypatch):
    # Document names are paths as given, relative to the repository as the command's are.
    monkeypatch.chdir(ROOT)


def plain(value):
    """A record as JSON has it: days back to strings."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


# --- the same feed as the command ---


@pytest.mark.parametrize("inputs", [["seeds"], ["fixtures/realworld/docs"], ["seeds", "fixtures/html"]])
@pytest.mark.parametrize("format", embedscan.FORMATS)
def test_paths_give_the_commands_output(inputs, format):
    code, out, errors, _ = run_command("--format", format, *inputs)
    assert code == 0 and not errors
    feed = embedscan.scan_paths(inputs)
    assert feed.to_json(format) == out


def test_records_are_the_commands_json():
    _, out, _, _ = run_command("seeds", "fixtures/realworld/docs")
    expected = json.loads(out)
    feed = embedscan.scan_paths(["seeds", "fixtures/realworld/docs"])
    # The command's records with their dates read as the package reads them.
    assert feed.posts == [embedscan._post(p) for p in expected["posts"]]
    assert feed.quotes == expected["quotes"]
    assert plain(feed.documents) == expected["documents"]
    assert len(feed.posts) > 5 and any(q["post"] for q in feed.quotes)


def test_texts_in_memory_give_the_files_feed():
    # Texts named as the files are give the feed of the files.
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    by_names = embedscan.scan(texts, names=[str(p) for p in SEEDS])
    by_pairs = embedscan.scan((str(p), t) for p, t in zip(SEEDS, texts))
    files = embedscan.scan_paths(SEEDS)
    assert by_names.to_json() == files.to_json() == by_pairs.to_json()


def test_jobs_do_not_change_the_output():
    one = embedscan.scan_paths("fixtures/realworld/docs", jobs=1).to_json("jsonl")
    two = embedscan.scan_paths("fixtures/realworld/docs", jobs=2).to_json("jsonl")
    assert one == two


def test_dates_are_datetimes():
    feed = embedscan.scan_paths(["seeds", "fixtures/realworld/docs"])
    dated = [p for p in feed.posts if p["date"] is not None]
    assert dated and all(type(p["date"]) is datetime.date for p in dated)
    created = [p["created_at"] for p in feed.posts if "created_at" in p]
    assert created and all(c.tzinfo is not None for c in created)
    assert any(isinstance(d["date"], datetime.date) for d in feed.documents)


def test_a_text_is_named_by_its_position_and_read_as_its_kind():
    feed = embedscan.scan(["no post here\n", EMBED])
    assert [d["name"] for d in feed.documents] == ["0", "1"]
    assert feed.posts[0]["author"]["handle"] == "RiverReport"
    assert feed.posts[0]["appearances"][0]["document"] == "1"
    page = (ROOT / "fixtures/html").glob("*.html").__next__().read_text(encoding="utf-8")
    assert embedscan.scan([page], html=True).to_json() == embedscan.scan([page]).to_json()


def test_write_writes_what_to_json_gives(tmp_path):
    feed = embedscan.scan([EMBED])
    for format in embedscan.FORMATS:
        feed.write(tmp_path / f"feed.{format}", format=format)
        assert (tmp_path / f"feed.{format}").read_text(encoding="utf-8") == feed.to_json(format)
    with pytest.raises(OSError, match="no-such-dir"):
        feed.write(tmp_path / "no-such-dir" / "feed.json")
    assert "1 posts" in repr(feed) or "1 post" in repr(feed)


# --- bad input raises and warns as the command does ---


def test_a_missing_path_raises_the_commands_error():
    code, _, errors, _ = run_command("missing.txt")
    assert code == 2
    with pytest.raises(embedscan.ScanError) as raised:
        embedscan.scan_paths("missing.txt")
    assert raised.value.errors == errors == ["missing.txt: no such file or directory", "no documents to scan"]
    assert raised.value.feed is None


def test_an_error_keeps_the_feed_of_the_other_inputs():
    _, out, errors, _ = run_command("seeds", "missing.txt")
    with pytest.raises(embedscan.ScanError, match="missing.txt: no such file") as raised:
        embedscan.scan_paths(["seeds", "missing.txt"])
    assert raised.value.errors == errors
    assert raised.value.feed.to_json() == out
    with pytest.warns(embedscan.EmbedscanWarning, match="missing.txt"):
        feed = embedscan.scan_paths(["seeds", "missing.txt"], errors="warn")
    assert feed.to_json() == out


def test_warnings_are_the_commands(tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Caf\xe9 ".encode("latin-1") + EMBED.encode())
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    inputs = [bad, empty, bad]
    _, out, errors, warns = run_command(*inputs)
    assert not errors and len(warns) == 3
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        feed = embedscan.scan_paths(inputs)
    assert [str(w.message) for w in caught] == warns
    assert all(w.category is embedscan.EmbedscanWarning for w in caught)
    assert feed.to_json() == out


def test_binary_and_empty_texts():
    with pytest.warns(embedscan.EmbedscanWarning, match="0: empty document"):
        embedscan.scan(["", EMBED])
    with pytest.raises(embedscan.ScanError, match="binary data"):
        embedscan.scan([b"\x00\x01\x02 binary", EMBED])
    with pytest.raises(embedscan.ScanError, match="^no documents to scan$"):
        embedscan.scan([])


def test_an_empty_folder_raises_as_the_command_does(tmp_path):
    _, _, errors, _ = run_command(tmp_path)
    with pytest.raises(embedscan.ScanError) as raised:
        embedscan.scan_paths(tmp_path)
    assert raised.value.errors == errors
    assert "expected documents" in errors[0]


def test_bad_arguments_raise():
    with pytest.raises(TypeError, match=r"texts\[1\]: expected str, bytes or a \(name, text\) pair, but found int"):
        embedscan.scan([EMBED, 5])
    with pytest.raises(ValueError, match="fewer names than texts"):
        embedscan.scan([EMBED, EMBED], names=["a"])
    with pytest.raises(ValueError, match="at most 1024 threads"):
        embedscan.scan([EMBED], jobs=5000)
    with pytest.raises(ValueError, match="json, jsonl or jsonfeed"):
        embedscan.scan([EMBED]).to_json("xml")
    with pytest.raises(ValueError, match="errors="):
        embedscan.scan([EMBED], errors="ignore")

    def failing():
        yield EMBED
        raise RuntimeError("the source broke")

    with pytest.raises(RuntimeError, match="the source broke"):
        embedscan.scan(failing())


# --- the GIL is released while scanning ---


def big_texts(megabytes):
    """Texts of about `megabytes` MB: the seeds, renamed, over and over."""
    seeds = [p.read_text(encoding="utf-8") for p in SEEDS]
    size = sum(len(s) for s in seeds)
    return [seeds[i % len(seeds)] for i in range(len(seeds) * max(1, megabytes * 2**20 // size))]


def test_two_threads_scanning_overlap():
    # A long scan on one thread; short scans on another. Were the GIL held during a scan,
    # no short scan could start and end while the long one runs.
    texts = big_texts(24)
    spans = {"long": None, "short": []}
    started = threading.Event()

    def long_scan():
        started.set()
        begin = time.perf_counter()
        embedscan.scan(texts, jobs=1)
        spans["long"] = (begin, time.perf_counter())

    def short_scans():
        started.wait()
        while spans["long"] is None:
            begin = time.perf_counter()
            embedscan.scan([EMBED], jobs=1)
            spans["short"].append((begin, time.perf_counter()))

    threads = [threading.Thread(target=long_scan), threading.Thread(target=short_scans)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    begin, end = spans["long"]
    inside = [s for s in spans["short"] if begin < s[0] and s[1] < end]
    assert end - begin > 0.2, "the long scan is long enough to tell"
    assert len(inside) >= 3, f"{len(inside)} short scans ran during the long one"


def test_ctrl_c_stops_a_scan():
    texts = big_texts(32)
    begin = time.perf_counter()
    embedscan.scan(texts[: len(texts) // 4], jobs=1)
    quarter = time.perf_counter() - begin
    import _thread

    timer = threading.Timer(0.05, _thread.interrupt_main)
    timer.start()
    begin = time.perf_counter()
    with pytest.raises(KeyboardInterrupt):
        embedscan.scan(texts, jobs=1)
    timer.join()
    # Stopped after a batch or two, not at the end of the whole scan (four quarters).
    assert time.perf_counter() - begin < 2 * quarter + 0.5


# --- pandas ---


def test_pandas_frames():
    pd = pytest.importorskip("pandas")
    feed = embedscan.scan_paths(["seeds", "fixtures/realworld/docs"])
    posts, quotes, documents = feed.to_pandas()
    assert isinstance(posts, pd.DataFrame)
    assert len(posts) == len(feed.posts) and len(quotes) == len(feed.quotes)
    assert len(documents) == len(feed.documents)
    handles = posts["author_handle"].astype(object)
    assert handles.where(handles.notna(), None).tolist() == [p["author"]["handle"] for p in feed.posts]
    assert dict(posts["platform"].value_counts()) == dict(Counter(p["platform"] for p in feed.posts))
    assert pd.api.types.is_datetime64_any_dtype(posts["date"])
    assert set(quotes["post"].dropna()) <= set(posts["id"])
