"""A notebook's worth of embedscan: load a folder of articles, count the posts per platform,
and list the quotations linked to each post.

    python python/examples/notebook.py [FOLDER]      (default: seeds/)

Runs with the package alone (pip install ./python); with pandas installed it also shows the
same counts as a DataFrame.
"""

import sys
from collections import Counter, defaultdict

import embedscan

folder = sys.argv[1] if len(sys.argv) > 1 else "seeds/"

# 1. Scan a folder: every *.txt, *.html, *.jsonl, *.warc (and .gz) in it, on all cores.
feed = embedscan.scan_paths(folder)
print(feed)

# 2. Posts per platform.
print("\nposts per platform:")
for platform, n in Counter(post["platform"] for post in feed.posts).most_common():
    print(f"  {platform:<10} {n}")

# 3. The quotations that re-quote each post (quote["post"] is the post's id).
quotes_of = defaultdict(list)
for quote in feed.quotes:
    if quote["post"]:
        quotes_of[quote["post"]].append(quote)
print("\nposts and the quotes linked to them:")
for post in feed.posts:
    author = post["author"]["handle"] or post["author"]["name"] or "?"
    when = post["date"].isoformat() if post["date"] else "undated"
    print(f"- @{author} ({post['platform']}, {when}): {post['text'][:70]!r}")
    for quote in quotes_of.get(post["id"], []):
        print(f"    re-quoted in {quote['document']}:{quote['line']} by {quote['speaker']}: {quote['text'][:60]!r}")

# 4. With pandas, the same as tables.
try:
    import pandas  # noqa: F401
except ImportError:
    print("\n(pip install pandas for feed.to_pandas())")
else:
    posts, quotes, documents = feed.to_pandas()
    print("\n", posts.groupby("platform").size().rename("posts").to_frame(), sep="")
    linked = quotes.dropna(subset=["post"]).merge(
        posts[["id", "author_handle"]], left_on="post", right_on="id", suffixes=("", "_post")
    )
    print(linked[["author_handle", "speaker", "text"]].to_string(max_colwidth=50))
