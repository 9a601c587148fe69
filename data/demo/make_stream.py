"""Build data/demo/stream.jsonl, the demo stream bundled with Flarewatch.

The stream covers two simulated days, 2026-11-23T00:00+08:00 to 2026-11-25T00:00+08:00,
of public posts about three fictional brands: 极川汽车 (Jichuan Motors, an EV maker),
柚选生鲜 (Yoxuan Fresh, a grocery delivery app) and 星岚宽带 (Xinglan Broadband, a
broadband operator). They appear on weibo, xiaohongshu, zhihu, tousu, bilibili, reddit,
mastodon, bluesky and hackernews, along with a little noise that names no brand. Four
stories run through the ordinary chatter:

1. a 极川 owner's battery failure: complaint, ultimatum, 12315, a detailed 曝光 with
   求扩散, reposts, local news, an apology and a fix;
2. a 星岚 outage in 临江市云溪区 that uncovers a hidden fee and grows into a 维权群, a
   joint 工信部 complaint and a news story;
3. a 柚选 spoiled-steak post that goes viral through //@ repost chains, a food KOL,
   热搜, a regulator's visit and a confession;
4. an extortion attempt that rides on story 3 (不赔我两万就把视频发抖音), and a few
   smaller ones.

Every post text is a hand-written literal in the blocks at the end of this file. The
only randomness (seeded) is the minute of posts given by the hour only, and the
engagement counts. Ids and urls come from hashes, so each run writes the same bytes.
Posts marked to spread get engagement snapshots: later lines with the same platform,
native_id and text and higher counts. Each post's header also holds its intended label
(shared/LABELS.md). The label is only counted in the summary; the stream has no labels.

Run from the repository root:  python3 data/demo/make_stream.py
"""

from __future__ import annotations

import hashlib
import json
import math
import random
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from itertools import pairwise
from pathlib import Path
from typing import Any

TZ = timezone(timedelta(hours=8))
START = datetime(2026, 11, 23, tzinfo=TZ)
END = START + timedelta(days=2)
SEED = 20261123
OUT = Path(__file__).resolve().with_name("stream.jsonl")

PLATFORMS = {
    "wb": "weibo",
    "xhs": "xiaohongshu",
    "zh": "zhihu",
    "ts": "tousu",
    "bl": "bilibili",
    "rd": "reddit",
    "md": "mastodon",
    "bs": "bluesky",
    "hn": "hackernews",
}
# How a post's reach shows up as (reposts, comments, likes) on each platform.
MIX: dict[str, tuple[float, float, float]] = {
    "weibo": (1.0, 0.45, 2.6),
    "xiaohongshu": (0.3, 0.6, 4.0),
    "zhihu": (0.1, 0.35, 2.2),
    "tousu": (0.0, 0.08, 0.4),
    "bilibili": (0.4, 0.5, 3.0),
    "reddit": (0.0, 0.6, 3.2),
    "mastodon": (0.5, 0.2, 1.3),
    "bluesky": (0.5, 0.25, 2.0),
    "hackernews": (0.0, 0.8, 1.6),
}
BRANDS: dict[str, tuple[str, ...]] = {
    "jichuan": ("极川", "極川", "Jichuan"),
    "yoxuan": ("柚选", "柚選", "Yoxuan"),
    "xinglan": ("星岚", "星嵐", "Xinglan"),
}
ENGLISH_NAMES = {
    "jichuan": "Jichuan Motors",
    "yoxuan": "Yoxuan Fresh",
    "xinglan": "Xinglan Broadband",
}
SUBREDDITS = {"jichuan": "electricvehicles", "yoxuan": "chinalife", "xinglan": "chinalife"}
STAGES = {"n": "none", "c": "complaint", "t": "threat", "p": "public"}
# Engagement curves drawn by hand for story 3: (simulated time, reach).
CURVES: dict[str, tuple[tuple[str, float], ...]] = {
    "viral": (
        ("1 21:05", 0),
        ("1 21:40", 18),
        ("1 22:30", 64),
        ("2 00:30", 190),
        ("2 07:30", 430),
        ("2 09:00", 1500),
        ("2 10:00", 6400),
        ("2 12:00", 15600),
        ("2 15:00", 27000),
        ("2 19:00", 34000),
        ("2 23:59", 38500),
    ),
    "kol": (
        ("2 08:40", 0),
        ("2 09:10", 900),
        ("2 10:00", 4200),
        ("2 12:00", 9800),
        ("2 16:00", 14500),
        ("2 23:59", 16800),
    ),
}
FIELDS: dict[str, type] = {
    "t": str,
    "platform": str,
    "native_id": str,
    "author_id": str,
    "author_name": str,
    "author_followers": int,
    "text": str,
    "url": str,
    "created_at": str,
    "reposts": int,
    "comments": int,
    "likes": int,
}
BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz"
BASE62 = BASE36[:10] + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
DID32 = "abcdefghijklmnopqrstuvwxyz234567"
SORTABLE32 = "234567abcdefghijklmnopqrstuvwxyz"
CJK = re.compile(r"[\u3400-\u9fff]")
HANT = set("們這來時會說對為與過還開關問車買賣點後從無體機電網鮮選嵐寬帶極見話應處給沒")
NEAR_DUPLICATE = 0.5


@dataclass(frozen=True)
class Author:
    key: str
    platform: str
    name: str
    followers: int
    handle: str
    pooled: bool

    @property
    def lang(self) -> str:
        return language(self.name)


@dataclass(frozen=True)
class Row:
    day: int
    hour: int
    minute: int | None
    code: str
    author: str
    stage: str
    text: str
    options: dict[str, str]
    noise: bool


@dataclass(frozen=True)
class Observation:
    t: datetime
    reposts: int
    comments: int
    likes: int

    @property
    def counts(self) -> tuple[int, int, int]:
        return (self.reposts, self.comments, self.likes)


@dataclass
class Post:
    row: Row
    author: Author
    created: datetime
    text: str
    parent: Post | None = None
    native_id: str = ""
    url: str = ""
    observations: list[Observation] = field(default_factory=list)


# ---------------------------------------------------------------- parsing the blocks


def language(text: str) -> str:
    return "zh" if CJK.search(text) else "en"


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines: a space between two ASCII characters or before a "[" field
    of a complaint-portal post, nothing otherwise; \\n is a line break."""
    text = lines[0]
    for line in lines[1:]:
        ascii_pair = text[-1].isascii() and line[0].isascii()
        glue = " " if ascii_pair or line.startswith("[") else ""
        text += glue + line
    return re.sub(r" *\\n *", "\n", text)


def parse_authors(block: str) -> dict[str, Author]:
    authors: dict[str, Author] = {}
    for line in block.strip().splitlines():
        key, followers, name, *handle = (part.strip() for part in line.split("|"))
        pooled = not key.endswith("!")
        key = key.rstrip("!")
        platform = PLATFORMS[key.split("/")[0]]
        authors[key] = Author(key, platform, name, int(followers), "".join(handle), pooled)
    return authors


def parse_row(header: str, text: str, noise: bool) -> Row:
    when, who, stage, *rest = (part.strip() for part in header.split("|"))
    options = dict(item.split("=", 1) for item in " ".join(rest).split())
    day, clock = when.split()
    hour, _, minute = clock.partition(":")
    code, _, author = who.partition("/")
    author_key = f"{code}/{author}" if author else ""
    exact = int(minute) if minute else None
    return Row(int(day), int(hour), exact, code, author_key, stage, text, options, noise)


def parse_rows(block: str, noise: bool = False) -> list[Row]:
    rows = []
    for chunk in re.split(r"\n\s*\n", block.strip()):
        header, *body = (line.strip() for line in chunk.strip().splitlines())
        rows.append(parse_row(header, join_lines(body), noise))
    return rows


# ---------------------------------------------------------------- posts and authors


class Pools:
    """Hands out pooled authors in turn, per platform and language."""

    def __init__(self, authors: Iterable[Author]) -> None:
        self.members: dict[tuple[str, str], list[Author]] = defaultdict(list)
        for author in authors:
            if author.pooled:
                self.members[(author.platform, author.lang)].append(author)
        self.turn: Counter[tuple[str, str]] = Counter()

    def take(self, platform: str, lang: str, avoid: set[str]) -> Author:
        group = (platform, lang)
        members = self.members[group]
        for _ in members:
            author = members[self.turn[group] % len(members)]
            self.turn[group] += 1
            if author.key not in avoid:
                return author
        raise SystemExit(f"no pooled {lang} author left on {platform}")


def lineage(post: Post | None) -> set[str]:
    """Authors of a repost chain, so nobody reposts their own post."""
    keys: set[str] = set()
    while post is not None:
        keys.add(post.author.key)
        post = post.parent
    return keys


def make_post(
    row: Row, parent: Post | None, authors: dict[str, Author], pools: Pools, rng: random.Random
) -> Post:
    minute = row.minute if row.minute is not None else rng.randrange(60)
    offset = timedelta(days=row.day - 1, hours=row.hour, minutes=minute)
    created = START + offset + timedelta(seconds=rng.randrange(60))
    if row.author:
        author = authors[row.author]
    else:
        author = pools.take(PLATFORMS[row.code], language(row.text), lineage(parent))
    text = f"{row.text}//@{parent.author.name}:{parent.text}" if parent else row.text
    return Post(row, author, created, text, parent)


def build_posts(rows: list[Row], authors: dict[str, Author], rng: random.Random) -> list[Post]:
    pools = Pools(authors.values())
    posts: list[Post] = []
    by_key: dict[str, Post] = {}
    for row in rows:
        parent = by_key[row.options["re"]] if "re" in row.options else None
        post = make_post(row, parent, authors, pools, rng)
        posts.append(post)
        if "key" in row.options:
            by_key[row.options["key"]] = post
    return posts


# ---------------------------------------------------------------- ids and urls


def number(seed: str, digits: int) -> str:
    value = int.from_bytes(hashlib.sha256(seed.encode()).digest()[:16], "big")
    return str(value % 10**digits).zfill(digits)


def hex_id(seed: str, length: int) -> str:
    return hashlib.sha256(seed.encode()).hexdigest()[:length]


def encode(value: int, alphabet: str, width: int = 1) -> str:
    out = ""
    while value:
        value, digit = divmod(value, len(alphabet))
        out = alphabet[digit] + out
    return out.rjust(width, alphabet[0])


def weibo_bid(mid: str) -> str:
    """Weibo's short id: the mid in groups of seven digits, each in base 62."""
    chunks = [mid[max(0, end - 7) : end] for end in range(len(mid), 0, -7)][::-1]
    return "".join(encode(int(c), BASE62, 1 if i == 0 else 4) for i, c in enumerate(chunks))


def author_id(author: Author) -> str:
    seed = "author|" + author.key
    match author.platform:
        case "weibo" | "tousu":  # tousu.sina.com.cn users sign in with weibo
            return "7" + number(seed, 9)
        case "xiaohongshu":
            return f"{0x5C000000 + int(number(seed, 8)):08x}{hex_id(seed, 16)}"
        case "zhihu":
            return hex_id(seed, 32)
        case "bilibili":
            return str(10_000_000 + int(number(seed, 9)))
        case "reddit":
            return "t2_" + encode(int(number(seed, 12)), BASE36, 8)[-8:]
        case "bluesky":
            return "did:plc:" + encode(int(hex_id(seed, 30), 16), DID32, 24)[-24:]
        case "mastodon":
            return author.handle
        case _:  # hackernews users are their names
            return author.name


def is_question(text: str) -> bool:
    return len(text) <= 60 and text.endswith(("？", "?"))


def subreddit(post: Post) -> str:
    return post.row.options.get("sub") or SUBREDDITS.get(brand_of(post.text), "China")


def weibo_ids(post: Post, seed: str) -> tuple[str, str]:
    mid = "52" + number(seed, 14)
    return mid, f"https://weibo.com/{author_id(post.author)}/{weibo_bid(mid)}"


def xiaohongshu_ids(post: Post, seed: str) -> tuple[str, str]:
    note = f"{int(post.created.timestamp()):08x}{hex_id(seed, 16)}"
    return note, f"https://www.xiaohongshu.com/explore/{note}"


def zhihu_ids(post: Post, seed: str) -> tuple[str, str]:
    question = "6" + number(seed + "|question", 8)
    if is_question(post.text):
        return question, f"https://www.zhihu.com/question/{question}"
    answer = "3" + number(seed, 9)
    return answer, f"https://www.zhihu.com/question/{question}/answer/{answer}"


def tousu_ids(post: Post, seed: str) -> tuple[str, str]:
    complaint = "173" + number(seed, 8)
    return complaint, f"https://tousu.sina.com.cn/complaint/view/{complaint}/"


def bilibili_ids(post: Post, seed: str) -> tuple[str, str]:
    dynamic = "10" + number(seed, 17)
    return dynamic, f"https://www.bilibili.com/opus/{dynamic}"


def reddit_ids(post: Post, seed: str) -> tuple[str, str]:
    base = "1" + encode(int(number(seed, 12)), BASE36, 6)[-6:]
    title = post.text.split("\n", 1)[0]
    slug = re.sub(r"[^a-z0-9]+", "_", title.lower()).strip("_")[:50].strip("_")
    return f"t3_{base}", f"https://www.reddit.com/r/{subreddit(post)}/comments/{base}/{slug}/"


def mastodon_ids(post: Post, seed: str) -> tuple[str, str]:
    """Mastodon ids are snowflakes: milliseconds since the epoch, shifted 16 bits."""
    millis = int(post.created.timestamp() * 1000)
    status = str((millis << 16) + int(number(seed, 5)) % 65536)
    user, instance = post.author.handle.split("@")
    return status, f"https://{instance}/@{user}/{status}"


def bluesky_ids(post: Post, seed: str) -> tuple[str, str]:
    """Bluesky record keys are TIDs: microseconds and a clock id in sortable base 32."""
    micros = int(post.created.timestamp() * 1_000_000)
    rkey = encode((micros << 10) | int(number(seed, 4)) % 1024, SORTABLE32, 13)
    uri = f"at://{author_id(post.author)}/app.bsky.feed.post/{rkey}"
    return uri, f"https://bsky.app/profile/{post.author.handle}/post/{rkey}"


def hackernews_ids(post: Post, seed: str) -> tuple[str, str]:
    elapsed = (post.created - START).total_seconds()
    item = str(50_120_000 + int(elapsed * 0.17) + int(number(seed, 2)) % 9)
    return item, f"https://news.ycombinator.com/item?id={item}"


ID_MAKERS: dict[str, Callable[[Post, str], tuple[str, str]]] = {
    "weibo": weibo_ids,
    "xiaohongshu": xiaohongshu_ids,
    "zhihu": zhihu_ids,
    "tousu": tousu_ids,
    "bilibili": bilibili_ids,
    "reddit": reddit_ids,
    "mastodon": mastodon_ids,
    "bluesky": bluesky_ids,
    "hackernews": hackernews_ids,
}


def identify(post: Post) -> tuple[str, str]:
    return ID_MAKERS[post.author.platform](post, f"{post.author.platform}|{post.text}")


# ---------------------------------------------------------------- engagement


def clock(spec: str) -> datetime:
    day, hhmm = spec.split()
    hour, minute = hhmm.split(":")
    return START + timedelta(days=int(day) - 1, hours=int(hour), minutes=int(minute))


def interpolate(points: list[tuple[datetime, float]], moment: datetime) -> float:
    if moment <= points[0][0]:
        return points[0][1]
    for (t0, v0), (t1, v1) in pairwise(points):
        if moment <= t1:
            return v0 + (v1 - v0) * (moment - t0) / (t1 - t0)
    return points[-1][1]


def reach_curve(post: Post) -> Callable[[datetime], float] | None:
    """Reach over time for posts that spread, or None for a post seen once."""
    options = post.row.options
    if "curve" in options:
        points = [(clock(spec), value) for spec, value in CURVES[options["curve"]]]
        return lambda moment: interpolate(points, moment)
    if "spread" not in options:
        return None
    total, hours = (float(part) for part in options["spread"].split("/"))

    def saturating(moment: datetime) -> float:
        elapsed = (moment - post.created).total_seconds() / 3600
        return total * (1 - math.exp(-elapsed / hours))

    return saturating


def snapshot_times(post: Post, rng: random.Random) -> list[datetime]:
    """Polls come quickly after a post appears, then further apart."""
    cap = 45.0 if "curve" in post.row.options else 180.0
    times: list[datetime] = []
    step, moment = 15.0, post.created
    while True:
        moment += timedelta(minutes=step * rng.uniform(0.8, 1.2), seconds=rng.randrange(60))
        if moment >= END:
            return times
        times.append(moment)
        step = min(step * 1.5, cap)


def counted(
    moment: datetime, reach: float, weights: tuple[float, ...], previous: Observation | None
) -> Observation:
    values = [round(reach * weight) for weight in weights]
    if previous is not None:
        values = [max(v, p) for v, p in zip(values, previous.counts, strict=True)]
        if sum(values) <= sum(previous.counts):
            values[2] = previous.likes + 1
    return Observation(moment, values[0], values[1], values[2])


def observe(post: Post, rng: random.Random) -> list[Observation]:
    """Counts at each observation. Reposts follow the reach exactly, so numbers quoted
    in other posts hold; comments and likes get a per-post ratio, growth some noise."""
    reposts, comments, likes = MIX[post.author.platform]
    weights = (reposts, comments * rng.uniform(0.7, 1.3), likes * rng.uniform(0.7, 1.3))
    curve = reach_curve(post)
    if curve is None:
        reach = math.sqrt(post.author.followers) * rng.uniform(0.02, 0.3)
        return [counted(post.created, reach, weights, None)]
    observations: list[Observation] = []
    reach, last = curve(post.created), post.created
    for moment in [post.created, *snapshot_times(post, rng)]:
        reach += (curve(moment) - curve(last)) * rng.uniform(0.85, 1.15)
        previous = observations[-1] if observations else None
        observations.append(counted(moment, reach, weights, previous))
        last = moment
    return observations


# ---------------------------------------------------------------- checks


def brands_in(text: str) -> list[str]:
    return [brand for brand, names in BRANDS.items() if any(name in text for name in names)]


def brand_of(text: str) -> str:
    found = brands_in(text)
    return found[0] if found else ""


def check_brands(posts: list[Post]) -> list[str]:
    problems = []
    for post in posts:
        found = brands_in(post.text)
        if len(found) != (0 if post.row.noise else 1):
            problems.append(f"{len(found)} brands in: {post.text[:40]}")
        english = [b for b in found if BRANDS[b][-1] in post.text]
        if any(ENGLISH_NAMES[b] not in post.text for b in english):
            problems.append(f"English mention without the full name: {post.text[:40]}")
    return problems


def check_times(posts: list[Post]) -> list[str]:
    problems = []
    for post in posts:
        if not START <= post.created < END:
            problems.append(f"outside the two days: {post.text[:40]}")
        if post.parent and post.parent.created >= post.created:
            problems.append(f"repost before its original: {post.row.text[:40]}")
        if post.parent and post.parent.author.platform != post.author.platform:
            problems.append(f"repost across platforms: {post.row.text[:40]}")
        spreads = "spread" in post.row.options or "curve" in post.row.options
        if spreads and len(post.observations) < 2:
            problems.append(f"spreading post without snapshots: {post.text[:40]}")
    return problems


def check_ids(posts: list[Post]) -> list[str]:
    pairs = Counter((post.author.platform, post.native_id) for post in posts)
    return [f"duplicate id {pair}" for pair, count in pairs.items() if count > 1]


def trigrams(text: str) -> set[str]:
    squeezed = re.sub(r"\s+", "", text.lower())
    return {squeezed[i : i + 3] for i in range(len(squeezed) - 2)}


def check_texts(posts: list[Post]) -> list[str]:
    """Own texts (a repost's own comment) must differ, and not only by a few words."""
    own = [post.row.text for post in posts]
    problems = [f"duplicate text: {t[:40]}" for t, n in Counter(own).items() if n > 1]
    grams = [(text, trigrams(text)) for text in own]
    for i, (text_a, a) in enumerate(grams):
        for text_b, b in grams[i + 1 :]:
            if min(len(a), len(b)) >= 8 and len(a & b) / len(a | b) >= NEAR_DUPLICATE:
                problems.append(f"near-duplicates: {text_a[:30]} | {text_b[:30]}")
    return problems


def check(posts: list[Post]) -> None:
    problems = [*check_ids(posts), *check_times(posts), *check_brands(posts)]
    problems += check_texts(posts)
    if problems:
        raise SystemExit("stream not written:\n  " + "\n  ".join(problems))


# ---------------------------------------------------------------- output


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def as_line(post: Post, seen: Observation) -> dict[str, Any]:
    return {
        "t": iso(seen.t),
        "platform": post.author.platform,
        "native_id": post.native_id,
        "author_id": author_id(post.author),
        "author_name": post.author.name,
        "author_followers": post.author.followers,
        "text": post.text,
        "url": post.url,
        "created_at": iso(post.created),
        "reposts": seen.reposts,
        "comments": seen.comments,
        "likes": seen.likes,
    }


def stream_lines(posts: list[Post]) -> list[dict[str, Any]]:
    lines = [as_line(post, seen) for post in posts for seen in post.observations]
    return sorted(lines, key=lambda line: line["t"])


def write(lines: list[dict[str, Any]], path: Path) -> None:
    body = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
    path.write_text(body, encoding="utf-8")


def fail(where: str, why: str) -> None:
    raise SystemExit(f"{OUT.name}:{where}: {why}")


def check_record(index: int, record: dict[str, Any]) -> None:
    wrong = [name for name, kind in FIELDS.items() if not isinstance(record.get(name), kind)]
    if wrong:
        fail(str(index), f"missing or mistyped fields {wrong}")
    for name in ("t", "created_at"):
        moment = datetime.fromisoformat(record[name])
        if moment.utcoffset() is None or not START <= moment < END:
            fail(str(index), f"{name} has no offset or lies outside the two days")


def check_sequence(records: list[dict[str, Any]]) -> None:
    """Sorted by t; a post first appears at created_at; snapshots only grow."""
    last: dict[tuple[str, str], dict[str, Any]] = {}
    for index, record in enumerate(records, 1):
        if index > 1 and record["t"] < records[index - 2]["t"]:
            fail(str(index), "not sorted by t")
        pair = (record["platform"], record["native_id"])
        before = last.get(pair)
        if before is None and record["created_at"] != record["t"]:
            fail(str(index), "first observation is not at created_at")
        if before is not None:
            counts = [record[k] - before[k] for k in ("reposts", "comments", "likes")]
            if record["text"] != before["text"] or min(counts) < 0 or sum(counts) <= 0:
                fail(str(index), "snapshot changes the text or does not grow")
        last[pair] = record


def load_and_verify(path: Path) -> list[dict[str, Any]]:
    records = []
    with path.open(encoding="utf-8") as handle:
        for index, line in enumerate(handle, 1):
            record = json.loads(line)
            check_record(index, record)
            records.append(record)
    check_sequence(records)
    return records


# ---------------------------------------------------------------- summary


def script_of(text: str) -> str:
    if not CJK.search(text):
        return "en"
    return "hant" if HANT & set(text) else "hans"


def shares(counter: Counter[str], total: int) -> str:
    return ", ".join(f"{k} {v} ({100 * v / total:.1f}%)" for k, v in counter.most_common())


def print_summary(posts: list[Post], records: list[dict[str, Any]]) -> None:
    total = len(posts)
    pairs = Counter((r["platform"], r["native_id"]) for r in records)
    spreading = sum(1 for n in pairs.values() if n > 1)
    stages = Counter(STAGES[post.row.stage[0]] for post in posts)
    followers = [post.author.followers for post in posts]
    print(f"wrote {OUT}")
    print(f"  file check: {len(records)} lines load as JSON, all {len(FIELDS)} fields typed,")
    print("              sorted by t, created_at = first t, snapshots only grow")
    print(f"  distinct posts: {len(pairs)}   observations: {len(records)}")
    print(f"  posts with snapshots: {spreading} ({len(records) - len(pairs)} snapshot lines)")
    brands = Counter(brand_of(post.text) or "none (noise)" for post in posts)
    print(f"  per brand: {shares(brands, total)}")
    print(f"  per platform: {shares(Counter(p.author.platform for p in posts), total)}")
    print(f"  per stage (intended): {shares(stages, total)}")
    print(f"  extortion: {sum('x' in post.row.stage for post in posts)}")
    print(f"  scripts: {shares(Counter(script_of(post.text) for post in posts), total)}")
    print(f"  reposts with //@ chains: {sum(post.parent is not None for post in posts)}")
    print(f"  followers: {min(followers):,} to {max(followers):,}")
    print(f"  span: {records[0]['t']} to {records[-1]['t']}")


def main() -> None:
    rng = random.Random(SEED)
    authors = parse_authors(AUTHORS)
    rows = [row for block in BLOCKS for row in parse_rows(block, noise=block is NOISE)]
    posts = build_posts(rows, authors, rng)
    for post in posts:
        post.native_id, post.url = identify(post)
        post.observations = observe(post, rng)
    check(posts)
    write(stream_lines(posts), OUT)
    print_summary(posts, load_and_verify(OUT))


# ---------------------------------------------------------------- the hand-written data
#
# AUTHORS: one account a line, "CODE/KEY | followers | display name | handle". The
# handle is only for mastodon (user@instance) and bluesky. A "!" after the key keeps
# the account for the posts that name it; the others form pools per platform and
# language, handed out in turn to posts that name no author. Followers are karma on
# reddit and hackernews.
#
# Posts: blocks separated by a blank line. The first line is a header
#     DAY HH[:MM] | CODE[/AUTHOR] | STAGE | OPTIONS
# DAY is 1 (2026-11-23) or 2 (2026-11-24); an hour without minutes gets seeded minutes.
# STAGE is the intended label: n(one), c(omplaint), t(hreat), p(ublic), and an x for
# extortion. OPTIONS: key=NAME names the post for reposts; re=NAME makes this a repost,
# whose text becomes "comment//@author:original"; spread=REACH/HOURS (reach approaching
# REACH with that time constant) or curve=NAME gives the post engagement snapshots;
# sub=NAME picks the subreddit. The text follows, wrapped freely: lines are joined with
# nothing, or one space between two ASCII characters or before a "[" field of a tousu
# post, and \n stands for a line break.

AUTHORS = """
wb/chen! | 860 | 老陈开行者7
xhs/chen! | 310 | 陈哥的行者7
ts/chen! | 12 | 陈先生
wb/jichuan! | 1520000 | 极川汽车
wb/yoxuan! | 860000 | 柚选生鲜
wb/xinglan! | 412000 | 星岚宽带
wb/xlservice! | 39000 | 星岚宽带客服
wb/linjiang! | 2000000 | 临江晚报
wb/weiquan! | 350000 | 维权观察室
wb/nanfeng! | 930000 | 南风财经
wb/techday! | 780000 | 科技早知道
wb/ajie! | 452000 | 阿杰聊电车
bl/ajie! | 683000 | 阿杰聊电车
wb/zhou! | 1260000 | 吃喝研究所老周
wb/resou! | 184000 | 热搜观察员
wb/xiaoman! | 2300 | 小满今天吃什么
wb/afei! | 1100 | 阿飞不好惹
wb/wangjie! | 640 | 云溪花园王姐
xhs/may! | 26800 | 爱露营的阿May
xhs/zhouzhou! | 18900 | 周周爱做饭
bl/chaiji! | 245000 | 拆机实验室
wb/yehang | 1830 | 夜航船上的猫
wb/xiaoyu | 245 | 临江小鱼干
wb/agui | 96 | 是阿桂呀
wb/xianyu | 3120 | 咸鱼翻身失败
wb/zhoumo | 15400 | 周末去哪儿玩
wb/bei | 412 | 北岸的风
wb/xiaoliu | 2280 | 程序员小刘
wb/yueliang | 88 | 月亮不营业
wb/xiong | 5630 | 慢慢吃饭的熊
wb/tu | 37 | 一只爱睡觉的兔
wb/ergou | 1210 | 江北二狗
wb/doujiang | 530 | 豆浆要加糖
wb/zaoshui | 176 | 今天也要早睡
wb/laoliu | 48200 | 老刘说车
wb/guihua | 760 | 桂花糖藕
wb/anan | 3400 | 阿楠Nan
wb/qiudao | 920 | 秋刀鱼的滋味
wb/dajv | 12800 | 大橘为重
wb/xiaowang | 64 | 爱吃香菜的小王
wb/chihe | 86000 | 临江吃喝指南
wb/suda | 310 | 苏打绿茶
wb/amu | 23000 | 野生摄影师阿木
wb/muzi | 155 | 木子李
wb/laozhang | 1420 | 水瓶座的老张
wb/kele | 2640 | 无糖可乐续命
wb/siyue | 480 | 四月的雨
wb/shitang | 7300 | 深夜食堂营业中
wb/woniu | 210 | 跑步的蜗牛
wb/xiaozhao | 390 | 云溪居民小赵
wb/richang | 1050 | 哈哈哈的日常
wb/dagong | 690 | 江城打工人
wb/deng | 143 | 二十八楼的灯
wb/aming | 2100 | 港仔阿明
wb/xiaolu | 870 | 台北來的小鹿
wb/tom | 860 | Tom_in_Linjiang
wb/lina | 1320 | Lina_Expat
xhs/naicha | 4200 | 奶茶三分糖
xhs/xiyou | 860 | 西柚不加冰
xhs/lin | 12300 | 小林的提车日记
xhs/chengzi | 356 | 是橙子呀
xhs/dujv | 2780 | 独居的第三年
xhs/lulu | 640 | 鹿鹿在临江
xhs/fanqie | 95 | 一颗小番茄
xhs/baoma | 7400 | 宝妈日常记录
xhs/xiangcai | 1530 | 不吃香菜星人
xhs/wanfeng | 212 | 晚风与猫
xhs/tang | 1180 | 糖糖要暴富
xhs/xiaoxi | 430 | 溪岸名都小溪
zh/shuju | 12400 | 数据搬运工
zh/laosiji | 3300 | 临江老司机
zh/dianchi | 56000 | 电池那些事
zh/aze | 8900 | 产品经理阿泽
zh/maomao | 2150 | 一只会写代码的猫
zh/laowu | 19800 | 网络工程师老吴
zh/shengxian | 7300 | 生鲜行业观察
zh/fxs | 640 | 法学生小周
zh/luren | 118 | 吃瓜群众路人甲
zh/hk | 1560 | 維港夜行
ts/li | 36 | 李女士
ts/wang | 58 | 王先生
ts/zhao | 21 | 赵女士
ts/u7712 | 14 | 用户7712
ts/liu | 43 | 刘先生
ts/sun | 27 | 孙女士
ts/u5306 | 19 | 黑猫用户5306
ts/zhang | 66 | 张先生
ts/he | 31 | 何女士
bl/tandian | 38400 | 临江探店君
bl/xianyu | 2100 | 一只咸鱼UP
bl/xiaok | 9600 | 游戏宅小K
bl/zhuangji | 51000 | 装机老哥
bl/zuofan | 17300 | 做饭的猫猫
bl/xiaoming | 4300 | 港區小明
bl/touming | 760 | 数码小透明
rd/volt | 5400 | volt_tinkerer
rd/expat | 2210 | linjiang_expat
rd/mango | 880 | quietmango
rd/dumpling | 3470 | dumpling_enthusiast
rd/nerd | 15600 | BatteryNerd42
rd/goblin | 640 | grocery_goblin
rd/sam | 9200 | yangtze_sam
rd/notlawyer | 1730 | not_a_lawyer_but
md/kiwi | 340 | Kiwi 🥝 | kiwi_tinkers@fosstodon.org
md/ana | 1290 | Ana Ruiz | anaruiz_dev@hachyderm.io
md/dmitri | 520 | Dmitri | dmitri_k@mastodon.social
md/lee | 218 | Lee H. | leeh_notes@mstdn.social
md/aze | 760 | 阿澤 | aze_lj@m.cmx.im
md/xiaoyu | 1340 | 小雨 🌧 | xiaoyu_rain@m.cmx.im
md/laomao | 92 | 老貓 | laomao_92@m.cmx.im
bs/mira | 1840 | Mira | mira-writes.bsky.social
bs/jon | 620 | Jon Park | jonpark-ev.bsky.social
bs/evdaily | 48700 | EV Daily | evdaily-news.bsky.social
bs/lin | 305 | Lin Chen | linchen-lj.bsky.social
bs/food | 7200 | Food Notes | foodnotes-daily.bsky.social
bs/netops | 980 | netops ☕ | netops-coffee.bsky.social
hn/gardener | 4210 | patio_gardener
hn/kernel | 18800 | quietkernel
hn/dnsmasq | 960 | dnsmasq_fan
hn/ferro | 2740 | ferrocene_dev
hn/lowlat | 12900 | low_latency_lu
hn/tmpfs | 530 | tmpfs_enjoyer
"""

# Story 1: a 极川 owner's battery failure, from a complaint at 09:00 to a fix next evening.
STORY_BATTERY = r"""
1 09:02 | wb/chen | c | key=bat0 spread=45/5
早上送孩子上学，极川行者7在高架上仪表突然跳红字“动力电池故障，请立即停车”，
车直接限功率到30码，后面一串车按喇叭。拖到4S店说是BMS报错，要等厂家技术支持，
让我先回家等通知。车才开了一年零三个月，1.9万公里。#极川汽车#

1 09:48 | xhs/chen | c |
提了极川行者7一年多第一次趴窝😮‍💨 早上高架上电池故障灯一亮直接限速，
4S店说至少等一周才有结论。有没有极川车主遇到过一样的情况？最后是修还是换？

1 11:36 | wb/chen | t |
从九点半到现在给极川客服打了四次电话，每次都是“已为您登记，会有专员联系您”。
专员在哪？4S店说要等总部，总部说找4S店，这皮球踢得挺熟练。

1 11:52 | wb | c | re=bat0
老陈这车我坐过，平时挺好的，怎么突然就这样了，帮顶一下

1 13:00 | wb/chen | t | key=bat1 spread=60/4
@极川汽车 最后说一次：今天下班前再没有一个负责的人给我明确方案（什么时候检测、
修还是换电池包、这期间代步车怎么办），明天一早我就去12315投诉，同时找律师咨询。
一年多的新车在高架上趴窝，差点出事，你们觉得是小问题？

1 15:20 | ts/chen | t |
[投诉对象]极川汽车 [投诉问题]行者7动力电池故障，行驶中限功率，售后互相推诿
[投诉要求]尽快检测并给出维修或更换方案，提供代步车 [涉诉金额]0元
[详细描述]11月23日早上在高架行驶时仪表报动力电池故障，车辆限速30km/h，险些追尾。
拖车至临江极川4S店后被告知需等待厂家技术支持，无明确时限。当天已四次致电官方客服，
均无人回复。已同步向12315提交投诉。

1 17:45 | wb/chen | c |
四点多4S店来电话，说明天上午检测。代步车？没有。故障原因？不知道。什么时候修好？
等通知。我就想问一句，这车明天还敢不敢让孩子坐？#极川汽车#

1 20:10 | wb/chen | p | key=bat2 spread=2600/9
【曝光】极川汽车行者7动力电池故障，售后踢了一整天皮球！\n
车主：临江本地，2025年8月提车，行驶1.9万公里。\n
经过：11月23日早上8:50，高架上仪表报“动力电池故障”，车辆限功率到30km/h，
打双闪挪到应急车道，差点被后车追尾。拖到临江极川4S店，答复“等厂家技术支持”；
官方客服打了四次，每次都是“已登记”；12315和黑猫投诉都已提交。
到现在没有一个人告诉我电池出了什么问题、修还是换、要多久。\n
家里五岁的孩子天天坐这台车。我不要赔钱，只要一个说法和一台安全的车。\n
求扩散🙏 @临江晚报 @维权观察室 #极川汽车电池故障#

1 20:26 | wb | p | re=bat2 key=bat2a spread=40/4
这也太吓人了，高架上限速30，换谁都得腿软

1 20:41 | wb | p | re=bat2
行者7车主默默去看了一眼自己的电池健康度……

1 20:58 | wb | p | re=bat2a key=bat2b spread=12/3
帮转，希望早点有个说法

1 21:07 | xhs | p |
微博上那个极川车主高架上电池故障、被售后踢皮球的帖子已经转了两百多，
下个月准备提极川越山的我有点慌😰 姐妹们现在还敢买吗？

1 21:15 | wb | p | re=bat2
极川售后之前口碑还可以的，这次是怎么了

1 21:40 | wb/ajie | p | re=bat2 key=bat3 spread=900/8
电池报故障后限功率本身是保护策略，这点没毛病；但从早上到晚上都没给车主任何
检测结论和时间表，这就说不过去了。@极川汽车 出来说句话吧。

1 22:05 | wb | p | re=bat3
大V都转了，极川该坐不住了吧

1 22:31 | wb | p | re=bat3
我家的是越山，去年也报过一次BMS故障，当时4S店三天就换了模组。看来完全看店。

1 22:50 | wb/weiquan | p | re=bat2 spread=300/6
已私信车主了解情况，行驶中动力电池故障涉及人身安全，请@极川汽车 尽快回应。持续关注。

1 23:10 | wb | p | re=bat2b
转发一下，临江的朋友多留意

1 23:48 | bs | p | spread=80/6
A Jichuan Motors owner in Linjiang posted a long Weibo thread tonight: battery fault,
limp mode on an elevated expressway, then a whole day of dealer and hotline ping-pong.
Closing in on a thousand reposts. Watching how Jichuan Motors handles this one.

2 07:50 | wb | p | re=bat2
早上才刷到，后续呢？极川还没回应？

2 08:35 | zh | p |
关于极川汽车车主高架电池故障后发微博曝光这件事，从技术角度补充两句。行者7用的是
三元电池包，BMS检测到单体电压或温度异常就会限功率，这是为了防止热失控，所以“限速
30”恰恰说明保护在起作用。但车主需要的不是原理，是一个明确的检测时间和替代方案。
这条微博一晚上转了快两千，就是因为售后把一个技术问题拖成了态度问题。

2 09:30 | wb/linjiang | p | key=bat4 spread=1500/5
【车主称极川行者7行驶中电池故障 售后一天未给结论】23日，临江市民陈先生反映，
其驾驶的极川汽车行者7在高架行驶时仪表提示动力电池故障，车辆随即限速，险些追尾。
陈先生称，车辆送修后一整天未获检测结论，多次致电客服无果，目前已向12315投诉。
记者已联系极川汽车方面，对方表示正在核实。#极川汽车电池故障#

2 09:55 | wb | p | re=bat4
上临江晚报了，这下应该有人管了

2 10:15 | rd | p | spread=120/6
Jichuan Motors owner's battery-fault post went viral on Weibo overnight\n\n
A Xingzhe 7 owner in Linjiang had the car drop into limp mode (30 km/h) on an elevated
expressway. Dealer and hotline bounced him around all day, so he posted a detailed
exposé with photos, and now it's in the local paper. Jichuan Motors says it is
"verifying". Anyone here with a Xingzhe 7 seen BMS faults like this?

2 11:00 | wb/jichuan | n | key=bat5 spread=1800/4
【情况说明】关于网友反映的行者7车辆动力电池故障一事，我们高度重视。公司电池技术
团队今早已抵达临江服务中心，会同车主对车辆进行检测，并已为车主安排代步车。
检测结果将第一时间同步车主和公众。给陈先生及家人带来的困扰，我们深表歉意。
——极川汽车用户服务部

2 11:20 | wb | p | re=bat5
早干嘛去了，不上本地新闻就没人管是吧

2 11:42 | wb | n | re=bat5
态度还算诚恳，等检测结果

2 13:20 | bs | p | spread=90/5
Jichuan Motors is in damage-control mode after that Xingzhe 7 battery thread hit the
local news. Limp mode on an expressway, a day of hotline ping-pong, then a public
apology. A support queue turning into a PR problem in about 24 hours.

2 14:05 | zh | p | spread=160/6
看了极川汽车的情况说明和临江晚报的报道，说几句。BMS检测到异常后限功率是正确的
安全策略，说明系统在工作；真正出问题的是售后流程：4S店没有诊断权限，要等厂家
远程支持，厂家工单又在排队。车主一天打了四次电话都没有人给时间表，最后只能发微博
求扩散。极川这次回应算快，但如果昨天上午就有人给车主回个电话，根本上不了新闻。

2 16:40 | bl/ajie | p | spread=700/6
【极川行者7电池故障事件复盘】从车主第一条微博到官方道歉用了26个小时。视频里把
时间线、BMS限功率逻辑和售后流程都捋了一遍，结论：车大概率没大问题，流程有大问题。

2 19:30 | wb/chen | c | key=bat6 spread=500/4
更新：今天下午极川的电池工程师和区域负责人都来了，检测结果是电池包里一个模组电压
异常，答应整包更换，这几天先开代步车。谢谢大家的关心和转发，也谢谢临江晚报。
希望以后别的车主不用发微博也能被重视。

2 20:05 | wb | c | re=bat6
好结局，但确实是闹大了才有人管

2 21:30 | md | p |
極川汽車那位電池故障的車主今天終於拿到換電池包的方案了。從高架趴窩到上新聞再到
官方道歉，前後不到兩天，網路的力量真的很大。
"""

# Story 2: a 星岚 outage in 云溪区 that turns up a hidden fee and a collective action.
STORY_OUTAGE = r"""
1 21:12 | wb | c |
星岚宽带又断了？云溪这边九点多开始光猫LOS灯一直红，正打着排位直接掉线，
队友以为我挂机😡

1 21:26 | xhs | c |
家里星岚宽带断网快半小时了，打客服排在第37位…云溪区的邻居是不是一起断了？

1 21:49 | wb | n |
请问星岚宽带今晚云溪区是在检修吗？没收到通知，想确认一下要不要重启光猫

1 22:14 | rd | c | sub=chinalife
Xinglan Broadband down in Yunxi district (Linjiang)?\n\n
Fiber light has been red since around 9pm. The hotline queue says 40+ people ahead of
me. Anyone else on Xinglan Broadband in Yunxi?

1 22:40 | wb | c |
星岚宽带断网快两个小时了，客服说“区域故障正在抢修”，预计恢复时间：未知。
明早八点还有线上会议，真会挑时候。

1 23:05 | wb/xlservice | n |
【故障通知】云溪区部分小区宽带出现中断，抢修人员已到现场处理，恢复时间请留意
后续通知。给您带来不便，敬请谅解。#星岚宽带#

1 23:32 | wb | c |
睡了睡了，星岚宽带今晚是不会好了，开手机热点顶着，流量哗哗地走

1 23:58 | bl | c |
原定今晚十点的直播因为星岚宽带断网鸽了，手机开播又卡成PPT，明天补上，对不住大家🙏

2 06:55 | wb | c |
一觉醒来星岚宽带还是没网，整整十个小时。孩子八点上网课，我现在去哪给他找网？

2 07:30 | xhs | c |
云溪的星岚用户还活着吗🥲 断网十个小时，早上起来第一件事就是看光猫，还是红灯

2 07:58 | wb | t |
星岚宽带的客服电话我从昨晚打到现在打了六次：第一次说两小时恢复，第二次说半夜，
第三次说早上，后面直接占线。没有一次说的是真的。

2 08:12 | md | c |
Xinglan Broadband in Yunxi has been down for over 11 hours now. Working from a café
because the home fiber is dead. No ETA from support.

2 08:55 | wb/wangjie | c | key=fee0 spread=180/5
断网闲着没事，去星岚宽带App翻了下账单，发现每个月多扣15块“智能网关服务费”，
已经扣了快一年了，我从来没开过这个东西！云溪的邻居们赶紧去查查自己的账单。

2 09:14 | wb | c | re=fee0
刚查了，我也有！十一个月165块，谁给我开的？

2 09:21 | wb | c | re=fee0 key=fee0b spread=12/3
我家是从今年二月开始扣的，合同里翻了三遍没找到这一项

2 09:35 | xhs | c |
云溪的姐妹们快去查星岚账单‼️ 我家也被扣了“智能网关服务费”每月15元，
合同里根本没有这一项，办宽带的时候也没人提过

2 09:48 | ts | t |
[投诉对象]星岚宽带 [投诉问题]未经同意收取智能网关服务费；区域断网超12小时
[投诉要求]退还全部智能网关服务费，按断网时长减免月租
[详细描述]本人为云溪区用户，今年1月起每月被扣15元“智能网关服务费”，从未申请开通。
另11月23日21时起断网至今。已拨打客服五次未获处理，将向工信部申诉。

2 09:58 | wb | c | re=fee0b
我爸妈家也是，老人根本不会看App账单

2 10:05 | wb/wangjie | p | key=grp spread=420/6
云溪区被星岚宽带扣“智能网关服务费”的邻居们，我们建了个维权群，半小时已经80多人了。
大家把账单截图、合同照片准备好，需要进群的在评论区留小区名，我一个个拉。#星岚宽带乱收费#

2 10:18 | wb | t |
@星岚宽带 断网十三个小时，外加偷偷扣费一年。今天中午十二点前不给说法，
我就去工信部申诉。

2 10:31 | wb | p | re=grp
已进群，锦绣云庭的也被扣了

2 10:44 | zh | t |
刚好在经历。星岚宽带给我加了快一年的“智能网关服务费”，分享一下我的步骤：
1. 在App导出全部账单截图；2. 先打客服要求退费，记下工单号；3. 运营商五个工作日
不处理，就去工信部电信用户申诉受理中心（要求先向运营商投诉过）；4. 金额虽小但
人多，可以一起申诉。我已经走到第二步，周五前不退就提交申诉。

2 10:58 | xhs | c |
打了星岚客服，说“智能网关服务费”是“增值服务”，可以帮我取消，但以前扣的不退😶
这叫什么道理

2 11:10 | wb/wangjie | p | key=grp2 spread=380/5
群里已经230多人了。统计下来云溪区至少六个小区被扣了“智能网关服务费”，最早从
2025年底开始，多名用户都说从没签过、也没人告知。星岚宽带，这是系统性的吧？
#星岚宽带乱收费#

2 11:24 | wb | p | re=grp2 key=grp2a spread=15/3
溪岸名都报到，我家和我爸妈家两户都有

2 11:37 | bl | c |
实测：星岚宽带的“智能网关服务费”在App里藏在 我的→账户→增值业务→已订购→更多，
找了我二十分钟。能取消，但取消按钮是灰色的小字🙃

2 11:50 | wb | t |
星岚宽带客服第四次说“已经升级处理”。我要求你们云溪片区的负责人给我回电话，
一线处理不了就找能处理的人。

2 12:02 | wb/wangjie | p | key=grp3 spread=650/6
今天下午维权群统一提交工信部申诉，申诉模板放在评论区了，还没提交的邻居抓紧。
同时已经联系了@临江晚报 和@维权观察室，明天还会一起去星岚云溪营业厅。#星岚宽带乱收费#

2 12:20 | wb | p | re=grp3
已提交，申诉编号截图发群里了

2 12:33 | wb/xinglan | n | key=xls1 spread=500/4
【星岚宽带故障说明】11月23日21时许，云溪区一处光缆干线被市政施工挖断，导致部分
用户宽带中断。目前抢修已完成约七成，预计今天15时前全部恢复。我们将按规定为受影响用户
减免相应费用。给大家带来不便，非常抱歉。

2 12:41 | wb | c | re=xls1
断网你说了，乱扣费怎么一个字不提？

2 12:55 | wb | p | re=xls1
只说断网不说扣费，群里三百人等着你们解释

2 13:08 | ts | c |
[投诉对象]星岚宽带 [投诉问题]智能网关服务费 [投诉要求]退还全部费用
[详细描述]账单显示每月收取15元智能网关服务费，本人未办理过该业务。请星岚宽带
核实并退款。

2 13:22 | ts | p | spread=40/5
[投诉对象]星岚宽带 [投诉问题]批量未经同意收取服务费 [投诉要求]全额退费、公开说明
[详细描述]云溪区三百余户用户发现被收取“智能网关服务费”，已组成维权群联合向工信部
申诉，本地媒体也已介入。本人被扣费11个月共165元，要求星岚宽带公开说明收费依据。

2 13:36 | xhs | t |
星岚的营业厅说服务费要“逐级审批”才能退，我说那把你们领导电话给我，小姑娘说不能给。
行，那我直接找通信管理局。

2 13:50 | wb | c |
网恢复了！但测速只有标称的一半。星岚宽带你这是恢复了个寂寞。

2 14:20 | wb | t |
星岚宽带断网十七个小时，赔偿就是“减免一天月租”？断网记录和客服录音我已经
整理好了，准备交给消协。

2 14:48 | wb/linjiang | p | key=xlm spread=1900/5
【云溪区多个小区星岚宽带断网近18小时 居民称账单多出“智能网关服务费”】23日晚起，
云溪区多个小区星岚宽带中断。断网期间不少居民查看账单时发现，每月被收取15元
“智能网关服务费”，均称从未办理。目前已有三百余名用户加入维权群，并向工信部提交
申诉。记者就收费问题联系星岚宽带，截至发稿未获回复。#星岚宽带乱收费#

2 15:02 | wb | p | re=xlm
临江晚报报道了，星岚这次躲不过去了

2 15:10 | wb | p | re=xlm key=xlm2 spread=25/3
转给我爸妈看看，他们的宽带账单都是我在交

2 15:25 | wb | p | re=xlm2
老人的账单也有这一项，谢谢提醒

2 15:34 | md | p | spread=70/5
Xinglan Broadband's outage in Linjiang's Yunxi district hit 18 hours, and residents
found a mystery "smart gateway fee" on their bills while offline. The local paper has
the story; a few hundred people in a group chat are filing with the MIIT. Dark
patterns meet a bad night.

2 15:58 | rd | p | sub=chinalife spread=110/5
Update: Xinglan Broadband outage in Yunxi is over, but now there's a fee scandal\n\n
Service came back around 2pm. Meanwhile hundreds of residents found a ¥15/month
"smart gateway fee" nobody signed up for. There's a WeChat rights group filing a
joint complaint with the MIIT, and it's in the Linjiang Evening News. Check your bills.

2 16:20 | wb | c |
刚查完星岚宽带的账单，果然也有智能网关服务费，扣了八个月。已经申请取消，等退款。

2 16:45 | xhs | p | spread=140/4
云溪花园、锦绣云庭、溪岸名都三个小区的星岚用户，明天上午十点营业厅门口集合，
带上身份证和账单截图，我们一起去要说法💪 #星岚宽带#

2 17:15 | wb/xinglan | n | key=xls2 spread=900/4
【星岚宽带关于“智能网关服务费”的说明】经核查，该费用系2025年第四季度部分套餐
升级时系统默认勾选所致，未充分告知用户。我们决定：全额退还已收取的相关费用，即日起取消该
项目，并为断网用户减免半个月月租。再次向各位用户致歉。

2 17:29 | wb | c | re=xls2
“系统默认勾选”，所以是系统的错？

2 17:40 | wb/wangjie | p | re=xls2 spread=120/4
退钱是应该的。群里的意见是：退款到账、书面道歉之前，维权群不解散，明天营业厅照去。

2 18:10 | bs | p | spread=60/4
Xinglan Broadband just admitted the "smart gateway fee" was a pre-ticked box during
plan upgrades and promised full refunds. It took an 18-hour outage, a few hundred
angry neighbours and the local paper.

2 18:35 | zh | p | spread=90/4
从这次星岚宽带的事能看出区域运营商的软肋：断网本身是施工意外，真正引爆的是账单。
人一闲下来翻账单，默认勾选的服务费就藏不住了。维权群两个小时三百人、本地媒体跟进、
工信部联合申诉，官方当天就认错退款，速度其实不算慢，只是代价已经付了。

2 19:40 | wb | px | spread=30/3
星岚宽带，私信你们客服也说了：赔我五千块精神损失费，我就把发在小区群和微博上的
帖子都删了，不然我明天接着发，天天发。

2 20:15 | hn | p | spread=70/4
Reminds me of Xinglan Broadband in China this week: a "smart gateway fee" pre-ticked
during plan upgrades, discovered only when an outage left hundreds of people offline
with nothing to do but read their bills. It ended up in the local paper and a mass
complaint to the regulator. Dark patterns are cheap until they aren't.

2 21:05 | wb | c |
星岚宽带的退款短信收到了，165块。网速还是只有一半，这个谁来管？

2 22:30 | xhs | p | spread=50/2
维权群今晚统计：已有四百一十户收到星岚退款短信，但书面道歉还没有，
明天营业厅的行动照常，大家互相转告📢
"""

# Story 3: a 柚选 spoiled-steak post that goes viral through //@ chains and a food KOL.
STORY_VIRAL = r"""
1 18:20 | wb/xiaoman | c | key=yx0 spread=25/6
柚选生鲜买的澳洲牛排礼盒，到手打开一股酸臭味，袋子胀得鼓鼓的，全是血水。
找客服给了张5元无门槛券，说“下次注意”。下次注意什么？注意别吃坏肚子？

1 19:05 | wb | c | re=yx0
5块钱的券是认真的吗

1 19:40 | ts | t |
[投诉对象]柚选生鲜 [投诉问题]牛排礼盒变质，标签下另有更早的生产日期 [投诉要求]退款并书面
说明标签问题 [详细描述]11月23日签收298元牛排礼盒，开箱胀袋发臭，撕开标签发现底下的生产
日期早了9天。客服先给5元券，后称“保存不当”。今晚不给说法，我将在微博公开并向市场监管
部门反映。

1 21:05 | wb/xiaoman | p | key=yx1 curve=viral
大家评评理🙃 柚选生鲜这波操作我是真的看不懂：\n
1. 298元的牛排礼盒，到手胀袋发臭（图1-3）；\n
2. 撕开外面的标签，底下那张的生产日期比上面贴的早了整整9天（图4）；\n
3. 客服第一次给5元券，第二次说“冷链正常，可能是您保存不当”，我签收十分钟就拆了。\n
赔偿不要了，我就想问问，这种换标签的事是不是第一次？求转发，让更多人看看 @柚选生鲜

1 21:31 | wb | p | re=yx1 key=yxa spread=120/6
换标签？？这性质就完全变了

1 21:52 | wb | p | re=yxa key=yxb spread=20/4
前两天刚在柚选买了肉，我去冰箱看一眼……

1 22:20 | wb | p | re=yx1
柚选生鲜的冻品我一直觉得还行，这次要真是换标，那就是食品安全问题了

1 22:46 | xhs | p |
微博上柚选牛排换标签那条转疯了，赶紧翻了下冰箱里的柚选牛肉，标签只有一层，
松了口气😮‍💨

1 23:05 | wb | p | re=yxb
已截图，坐等柚选回应

2 00:40 | wb | p | re=yx1
夜猫子来帮转，希望别被压下去

2 01:15 | wb | c |
看到那条柚选换标签的微博，想起我上个月在柚选买的三文鱼也是贴了两层标签，
当时没多想，现在越想越不对

2 07:20 | wb | p | re=yxa
早上起来一看转了四百多，柚选还没动静？

2 08:40 | wb/zhou | p | re=yx1 key=yxk curve=kol
做了十年食品测评，说一句：冷冻肉胀袋加酸败味，基本就是冷链断过或者临期翻新。
如果底下那张生产日期是真的，这就不是售后问题，而是需要市场监管介入的问题。
@柚选生鲜 请正面回应。

2 08:52 | wb | p | re=yxk
老周都转了，这下压不住了

2 09:06 | wb | p | re=yxk key=yxh spread=60/4
翻了评论区，好几个人说在柚选买到过贴两层标签的东西

2 09:19 | wb | p | re=yxh key=yxi spread=15/3
我也是！上个月的三文鱼，当时没在意

2 09:33 | wb | p | re=yxi
我那盒鸡翅也是两层标签，照片还在相册里

2 09:41 | wb | p | re=yxk
这热度怕是要上热搜了

2 09:58 | xhs | p | spread=90/5
微博上“柚选生鲜牛排换标签”已经转了好几千，老周都下场了。刚把冰箱里柚选买的肉
全翻出来看了一遍，姐妹们也检查下，贴了两层标签的拍照留证📸

2 10:20 | wb/resou | p | key=yxt spread=5200/4
#柚选生鲜牛排换标签# 冲上热搜第7。从昨晚一条“大家评评理”的微博到现在不到14小时，
原博转发已经破七千，@吃喝研究所老周 转发后热度直线上升。

2 10:34 | wb | p | re=yxt
上热搜了，看柚选怎么接

2 10:52 | wb | p | re=yxt key=yxt2 spread=30/4
没想到买菜App也能这么刺激

2 11:05 | wb/yoxuan | n | key=yxs spread=4200/3
【柚选生鲜关于用户反映牛排礼盒问题的说明】我们已第一时间下架涉事批次商品，成立
专项调查组，对江北冷链仓开展全面排查，并已联系当事用户处理。调查结果将在48小时内公布。
感谢大家的监督。

2 11:18 | wb | c | re=yxs
说明里一个字没提“换标签”，就是不认呗

2 11:30 | wb/nanfeng | p | key=yxm spread=3100/4
【柚选生鲜被指牛排“换标签” 平台回应已下架涉事批次】昨晚，一名消费者发文称在
柚选生鲜购买的牛排礼盒胀袋变质，且生产日期标签下另有一张更早的标签。相关话题
今日登上热搜。柚选生鲜回应称已下架涉事批次并成立调查组。#柚选生鲜牛排换标签#

2 11:47 | xhs | c |
之前在柚选买的牛排有一次也有股怪味，当时以为是我不会做…现在想想可能根本不是
我的问题😅

2 12:10 | bl | p | spread=260/5
【柚选生鲜换标签实测】我自己下单了三盒柚选的冻牛排，全程开箱不剪辑：第二盒的标签
底下还有一张，日期早了六天。视频里有特写，大家自己判断。

2 12:25 | bs | p | spread=110/5
Yoxuan Fresh, a grocery delivery app in China, is trending #7 on Weibo after a customer
found an older production date under the label of a "fresh" steak box. The brand says
the batch is pulled and a warehouse audit is underway.

2 12:48 | rd | p | sub=China spread=140/5
Yoxuan Fresh accused of relabeling steaks, trending on Weibo\n\n
A customer peeled off the date label on a ¥298 steak box and found an earlier date
underneath, nine days older. The post has well over 10k reposts, a big food blogger
amplified it, and the company has pulled the batch. Curious whether regulators step in.

2 13:30 | wb/linjiang | p | key=yxg spread=2600/4
【临江市场监管部门介入柚选生鲜“换标签”事件】记者从临江市市场监督管理局获悉，
执法人员今天上午已进驻柚选生鲜江北冷链仓，对涉事批次牛排进行抽样检测，并调取
进货及出入库记录。#柚选生鲜牛排换标签#

2 13:52 | wb | p | re=yxg
监管都进场了，坐等结果

2 14:15 | md | p | spread=40/4
柚選生鮮「換標籤」上了微博熱搜，臨江市場監管已經進駐倉庫抽檢。這種事真的不能
只靠一張優惠券打發。

2 14:40 | zh | p | spread=180/5
食品行业的人说几句。冻品二次贴标不一定是造假，有时是分装换包装；但“新标签盖旧
日期”且日期往后挪，就是典型的翻新。柚选这件事的走向很有代表性：客服先用5元券
打发，当事人晚上发“评评理”，大V转发，第二天上午上热搜，中午监管进场。
最贵的那张券，是第一张。

2 15:10 | wb | p | re=yxt2
热搜挂一天了，柚选这次得好好反思

2 16:05 | wb/xiaoman | c | key=yx2 spread=1200/4
更新：柚选的区域经理刚刚来电话道歉，全额退款加赔偿，说江北仓在查。谢谢大家的转发，
但我更想知道：那批贴了新标签的肉，还有多少在卖？

2 16:30 | wb | c | re=yx2
退款是应该的，关键是那批肉

2 18:20 | wb/nanfeng | p | key=yxm2 spread=900/4
【柚选生鲜：江北仓存在对临期冻品重新贴标行为 涉事员工已停职】柚选生鲜晚间发布
调查通报称，江北冷链仓一名主管为降低损耗，指使员工对部分临期冻品重新贴标。公司
已停职相关人员，对涉事批次购买用户全额退款并三倍赔偿，配合市场监管部门调查。

2 19:02 | wb | p | re=yxm2
三倍赔偿，老用户们去翻翻订单吧

2 20:10 | xhs | c |
柚选发短信说我买过涉事批次，三倍赔偿已经到账。钱是到了，以后买肉还是去菜市场吧🥲

2 21:40 | bs | p | spread=50/2
Update on Yoxuan Fresh: the company admits a warehouse supervisor had near-expiry
frozen meat relabeled. Staff suspended, triple refunds for affected buyers, regulators
involved. From a ¥5 coupon to a city investigation in about 24 hours.

2 22:45 | wb | p | re=yx1
一天过去了，这条微博值得被记住
"""

# Story 4 and others like it: demands for money or goods in exchange for silence.
STORY_EXTORTION = r"""
1 16:05 | bl | tx |
极川汽车你们听好了，车漆起泡的视频我拍了十几条，给我换一台新车这事就算了，
不然我一条一条往B站上发，看谁先扛不住。

2 10:40 | ts | tx |
[投诉对象]极川汽车 [投诉问题]车辆刮蹭后门店态度恶劣 [投诉要求]赔偿3万元
[详细描述]11月20日在极川临江南湖服务中心保养时车辆被刮蹭，门店拒绝承担责任。
如三日内不赔偿三万元，我将把门店监控录像和对话录音发到各大平台。

2 13:40 | wb/afei | tx |
@柚选生鲜 我上周在你们家买的虾也是臭的，视频都录好了。不赔我两万，我就把视频发抖音。
你们现在挂在热搜上，自己掂量。

2 16:50 | wb/afei | tx |
柚选客服就给我退了89块虾钱？打发要饭的呢。再说一遍，今晚十点前两万块打过来我就
不发，不然视频全网发，还要@吃喝研究所老周。

2 18:05 | wb | n |
那个要柚选赔两万、不然就发抖音的博主，说实话，这跟敲诈有什么区别？真正受害的
消费者都被他带偏了

2 22:20 | wb/afei | px | spread=400/2
视频已经发抖音了，播放量破五万。柚选想让我删也行，两万，一分不能少，私信聊。
"""

# Everyday posts about 极川汽车: praise, questions, news, ads, hard negatives, gripes.
JICHUAN = r"""
1 00 | wb | n |
深夜翻极川越山的配置表，四驱版零百4.9秒。老婆问家用车要这个干嘛，我说这叫安全感。

1 01 | rd | c |
Jichuan Motors service center has had my Xingzhe 7 for three weeks for a door seal\n\n
They keep saying the part is on the way. No loaner, no ETA. Really souring me on the
brand.

1 02 | bs | n |
Test drove a Jichuan Motors Yueshan today. One-pedal mode is so smooth it feels like
cheating.

1 03 | rd | n | spread=90/8
Jichuan Motors Yueshan: six months ownership review\n\n
Winter range is about 80% of rated, the heat pump is great and OTA updates land
monthly. My only real nitpick is road noise on the stock tires.

1 03 | rd | t |
Jichuan Motors won't honor the free charging promise. Filing with the consumer
association on Monday\n\n
The contract says free charging for three years; now it's only at their own stations,
and there are none within 40 km of me. Five calls so far. If they keep stonewalling,
the next stop is a lawyer.

1 04 | bs | c |
My Jichuan Motors Yueshan's phantom braking on the ring road got worse after the last
OTA. Twice this week. Support says "drive attentively".

1 05 | hn | n | spread=140/6
Jichuan Motors open-sourced their CAN log parser. Surprisingly clean Rust, and the DBC
handling is worth a read.

1 05 | rd | c |
Anyone else getting a creak from the rear of the Jichuan Motors Xingzhe 7?\n\n
Three dealer visits, "fixed" every time, back within a week.

1 06 | md | n |
Jichuan Motors has a lawyer job opening whose description says "must enjoy long
drives". Honestly tempted.

1 06 | wb | c |
哨兵模式开了一晚上掉电18%，极川你们这个功耗是不是有问题？早上起来看到电量心一凉。

1 07 | wb/jichuan | n | spread=180/5
【冬季用车提示】气温走低，建议出发前通过极川App预热电池，充电尽量在行驶后立即进行，
胎压也请保持在标准范围内。

1 07 | wb | n |
提了极川越山满一个月，冬天续航大概打八折，比预期好。座椅加热加方向盘加热，
老婆说今年冬天就靠它了。

1 07 | wb | c |
极川的App又登不上了，大冷天早上想提前开空调，转圈转了五分钟。这种基础功能
能不能稳定一点？

1 08 | xhs | n |
极川行者7落日橙真的太好看了🧡 停在地库回头率拉满，每天下班都想多看两眼
#极川汽车 #提车日记

1 08 | wb | n |
昨晚在江边拍极川尾灯的光轨，ISO 100，曝光30秒，出片像科幻电影

1 08 | wb | c |
极川行者7的车机今天第三次死机，导航到一半黑屏，只能掏手机。买的时候说OTA会
越更越好，怎么越更越卡？

1 09 | wb/jichuan | n | spread=300/6
【极川汽车 · 冬季关怀】11月25日至12月10日，全国极川服务中心提供免费电池健康检测
和空调滤芯更换，到店还有暖冬礼包。预约入口在极川App「服务」页。

1 09 | ts | c |
[投诉对象]极川汽车 [投诉问题]保养收费与购车时承诺不符 [投诉要求]按承诺价格收费并退还差价
[详细描述]购车时销售称首次付费保养约600元，11月在临江江北服务中心保养实收1260元，
门店称配件涨价，但无法提供任何价格依据。

1 09 | xhs | c |
極川行者7的後座兒童座椅接口超難裝，每次都要折騰十分鐘，設計的人是沒有小孩嗎😤

1 10 | wb/techday | n | spread=420/5
极川汽车新款越山谍照曝光！尾灯改成贯穿式，前脸更圆润，轮毂也换了新样式，
据说明年一季度上市。#极川汽车#

1 10 | wb | n |
工商银行信用卡分期买极川越山有24期免息，刚问了门店，还能叠加置换补贴，算下来挺划算

1 10 | wb | c |
极川越山的冬季续航缩水太离谱了，标称620公里，零下两度跑高速实际不到350，
宣传页上一个字都没提。

1 10 | wb | t |
@极川汽车 交付拖了四十天，今天是最后通牒：周五之前不给书面交付日期，我就去
消协投诉，并要求双倍返还定金。

1 11 | wb | n |
极川的超充桩现在能给别的品牌车充吗？小区楼下新装了两个，想问问有没有限制

1 11 | wb | n |
第一次在臨江試駕極川汽車的越山，底盤調校偏舒適，後排空間很大，家裡長輩坐得很滿意。

1 11 | ts | t |
[投诉对象]极川汽车 [投诉问题]车辆异响多次维修无果 [投诉要求]按三包规定更换或退车
[详细描述]越山提车五个月，后排异响已维修三次仍未解决。若本周内不给出三包处理方案，
将向市场监管部门申请调解，并保留诉讼权利。

1 12 | zh | n |
极川行者7和同价位的几款纯电轿车比怎么样？预算20万，市区通勤为主？

1 12 | wb | n |
有没有极川车主群？刚提车，想学学车机的隐藏功能

1 12 | wb | c |
提车第三天，极川越山副驾玻璃升降有异响，门店说要等配件两周。新车啊朋友们。

1 12 | xhs | t |
极川的保养收费单和实际换的配件对不上，打了五次电话没人解释，下一步直接找
市场监管局。

1 13 | wb | n |
今天去极川门店试驾了越山，销售小哥不推销也不催，讲解很专业，试驾路线还特意选了
烂路，好感+1

1 13 | wb | n |
請問極川汽車在香港有沒有代理？朋友想買行者7

1 14 | zh | n |
开了八个月极川行者7，说说真实感受。优点：底盘扎实，车机流畅，能耗低，冬天市区
大概16度电；缺点：后排头部空间一般，胎噪偏大，辅助驾驶在匝道还比较保守。
总体对得起这个价。

1 14 | wb | n |
极川汽车和临江大学合作的动力电池回收实验室今天揭牌，以后退役电池可以梯次用在
储能站

1 14 | bs | n |
Long exposure of my Jichuan Motors Yueshan under the Milky Way, 20s at f/2.8.
Overexposed the headlights a bit but I love it.

1 14 | wb | t |
门店经理不接电话，那我只能越级了，已经给极川官网的总裁信箱写了邮件。周末前再没人管，
12315见。

1 15 | wb | n |
想问下极川汽车的投诉渠道在哪？不是我有问题哈，在写新能源车售后的课程作业，
需要整理各家的用户反馈入口。

1 15 | xhs | n |
带爸妈试乘极川行者7，我爸全程在研究那个电动出风口😂 说比他开了十年的老车安静多了

1 15 | wb | c |
极川越山的自动泊车把轮毂蹭了，客服说说明书写了“驾驶员需全程监控”，责任在我。
那宣传的时候就别说“一键泊入”啊。

1 15 | wb | t |
第七次打极川客服，工单号攒了一排，还是没人回电。明天请假直接去总部。

1 16 | xhs | n |
新手女司机的极川行者7停车心得｜自动泊车成功率大概九成，剩下一成是我自己先慌了😂

1 16 | wb | n |
记一下极川客服电话的菜单：按1购车咨询，按2售后预约，按3充电问题，按0转人工，
省得每次都听一遍

1 16 | ts | c |
[投诉对象]极川汽车 [投诉问题]定金退还困难 [投诉要求]退还5000元定金
[详细描述]11月1日在极川临江门店交了越山定金，因家里有变故不买了，门店说定金不退，
但签约时销售口头承诺七天内可退。

1 16 | wb | t |
極川汽車的訂金一直不退，已經向消委會投訴了，下週再沒有回覆就走法律程序。

1 17 | wb | n |
同事问我极川的车为啥叫“行者7”，我说可能因为开上它就想一直走。他说那续航呢？
我说……那就走到充电桩为止🤣

1 17 | wb | c |
极川超充站又是“设备维护中”，这个月第三次了，开过去扑空，只能再绕十公里去别家充。

1 18 | xhs | n |
极川新车曝光！这次是小号SUV，内部代号“溪”，价格可能下探到15万，有没有人一起蹲

1 18 | zh | n |
極川的電池保固是8年還是16萬公里？官網找了半天沒看到。

1 18 | wb | t |
再不给我换车机主板，下周一我就把这台极川行者7开到门店门口拉横幅。

1 19 | wb | n |
律师朋友刚换了极川越山，说车里安静到可以直接在车上开线上庭😂

1 19 | wb | c |
极川汽车的车漆也太薄了吧，洗车时被刷子带了一下就露底漆，4S店说不在质保范围。

1 20 | bl/ajie | n | spread=600/8
【4K】极川越山冬季川西自驾｜零下十五度，三天八百公里续航实测

1 20 | md | n |
極川的車機介面其實挺乾淨的，字體和圖示都比很多同價位車好看。

1 20 | wb | c |
极川行者7的大灯起雾，售后说“正常现象，开一会儿就散”，开了一周也没散。

1 21 | wb | n |
极川汽车临江工厂招聘电池工艺工程师、质量工程师若干，坐标临江高新区，五险一金加
通勤班车，有意私信。

1 21 | wb | c |
極川汽車的車機更新後藍牙一直斷線，打給客服說等下一版修，等了一個月還是一樣，很無言。

1 22 | wb | n |
下雪天用手机拍了张极川越山停在路灯下，夜景模式曝光调到三秒，雪花拉成了细线，
像电影海报📷

1 22 | zh | n |
极川汽车的电池是自研还是外采？

1 22 | xhs | p | spread=150/8
我们小区七个极川越山车主都遇到了哨兵模式掉电，已经建群准备一起找官方要说法，
有同样问题的车主可以私信我进群🙋

1 23 | bl | n |
极川行者7和燃油车一年用车成本对比，电费保险保养全算上，算完我沉默了

2 01 | hn | n | spread=70/5
Show HN: I reverse-engineered the Jichuan Motors app API to log my charging sessions

2 01 | bs | t |
Told Jichuan Motors support that if my Yueshan isn't fixed by Friday I'm going to the
consumer protection bureau. Month three of this.

2 02 | hn | n |
I rented a Jichuan Motors Xingzhe 7 in Hangzhou last month. Lane keeping was
conservative but the UI was snappy. No complaints.

2 02 | md | c |
Jichuan Motors' charging app double-charged me for a session at the Linjiang
supercharger. Refund "in 7-15 business days". Meh.

2 03 | rd | n |
Is Jichuan Motors selling in Europe yet?\n\n
Saw a Xingzhe 7 with German plates in Munich. Grey import, or are they quietly
launching?

2 03 | hn | t |
Similar story with Jichuan Motors here. After the fourth ignored ticket I sent their
legal department a formal demand letter, and I'm ready to file in small claims if that
goes nowhere.

2 04 | md | n |
Jichuan Motors published their battery recycling numbers for 2026. Nice to see an
automaker report actual tonnage instead of vibes.

2 04 | bs | c |
Jichuan Motors sales rep promised a free home charger install. Four weeks after
delivery the installer is still "busy". Starting to think it was never coming.

2 05 | hn | c |
The Jichuan Motors app asks for location permission "always" just to show charging
stations. Denied it and half the features stopped working. Not great.

2 06 | rd | n |
Jichuan Motors delivered 21,300 cars in October, up 41% year on year

2 07 | wb | n |
极川的车钥匙手环还挺可爱，跑步的时候戴着就能开车门，终于不用揣钥匙了

2 07 | xhs | c |
极川的钥匙卡又失灵了，站在车边刷了十几次才开门，零下三度手都冻僵了🥶

2 08 | wb/nanfeng | n | spread=650/5
【极川汽车10月交付2.13万辆】极川汽车今日公布，10月交付新车2.13万辆，同比增长41%，
其中越山占比过半。公司称临江二期工厂将于明年投产。

2 08 | bl | n |
极川越山冬季洗车攻略：充电口和雷达别用高压水枪直冲，门把手结冰了先别硬拉

2 09 | zh | n |
为什么极川汽车最近在年轻人里口碑不错？

2 09 | xhs | c |
避雷极川某服务中心‼️ 做个常规保养等了四个小时，休息区连热水都没有，问进度就说
快了快了

2 09 | wb | t |
你们领导是谁？极川南湖服务中心的前台第三次挂我电话了，我要找区域负责人，
不然这事没完。

2 10 | wb | n |
极川推送了OTA 3.2，有人升级了吗？听说加了哨兵模式和露营模式的定时

2 10 | wb/nanfeng | n | spread=500/5
【极川越山长续航版上市】CLTC续航720公里，售价比标准版高两万元，首批车12月中旬交付。

2 10 | wb | n |
極川汽車宣布明年進軍東南亞市場，首站泰國，右駕版本已經在測試。

2 10 | wb | t |
极川越山哨兵模式掉电的问题，我已经向国家缺陷产品管理中心提交了缺陷报告，材料附了
三个晚上的电量截图。

2 11 | xhs | n |
极川行者7后备箱能塞下什么？实测：一台婴儿车+两个28寸行李箱+一箱矿泉水✅
再塞个露营椅也没问题

2 11 | wb | n |
极川汽车临江体验中心周末有亲子活动，带娃去搭了乐高车，还领了个小车模

2 11 | ts | c |
[投诉对象]极川汽车 [投诉问题]交付延期 [投诉要求]明确交付时间或给予补偿
[详细描述]合同约定10月交付，现已11月下旬，门店每周都说下周，没有任何书面说明。

2 11 | wb | t |
极川江北服务中心第三次让我白跑一趟，说好的配件又没到。我已经给极川总部质量部门
寄了书面投诉，抄送区域总经理。

2 12 | wb | n |
极川行者7第二年车险多少钱？续保报价比第一年贵了三百多，正常吗

2 12 | xhs | c |
极川越山的导航老把我往施工路段带🙄 地图数据更新能不能快一点

2 12 | wb | t |
三年免费充电缩水的事，我咨询过律师，这属于虚假宣传，材料已经在准备，这周就向
12315举报极川。

2 13 | wb | n |
律所团建借了三台极川行者7去山里，一路上大家都在研究那个自动泊车，比准备开庭还认真

2 13 | wb | c |
极川销售承诺的三年免费充电，提车后才知道只限官方超充站，我们区一个都没有。
这不是文字游戏吗？

2 14 | wb | n |
高速服务区排队充电，旁边一台极川越山的车主请我喝了杯咖啡，电车车主的友谊
就是这么简单☕

2 14 | wb | c |
极川客服的在线机器人真的会把人气死，问了五个问题，全部回答“请您详细描述问题”。

2 14 | wb | t |
极川的车主权益说改就改，终身免费流量变成了三年。我已经联系了两位跑汽车口的记者，
看你们怎么解释。

2 15 | bl/chaiji | n | spread=380/7
极川行者7拆车看底盘：后副车架用料比想象中扎实，就是线束走向有点乱

2 15 | zh | c |
作为极川行者7车主，说点不好听的：异响。过减速带左后方咯吱响，去了三次服务中心，
每次都说“已处理”，开回来一周又响。没有大毛病，但就是糟心。

2 15 | wb | p | spread=240/6
曝光极川汽车临江南湖服务中心：保养单上写了更换刹车油，我事先在油壶上做了记号，
回家一看根本没换！收费380元。视频已保存，求扩散，大家保养时一定盯着点。@维权观察室

2 16 | zh | n |
极川的辅助驾驶和主流方案比，处于什么水平？

2 16 | bl | n |
【開箱】極川汽車原廠車載冰箱，夏天冰飲料冬天溫牛奶，容量剛好放六罐

2 16 | zh | t |
车漆起泡这件事我已经找了律师，律师说证据链比较完整，准备起诉极川临江门店。先把
经过写在这里备个档：提车四个月引擎盖出现鼓包，门店先说是鸟粪腐蚀，检测报告出来
是漆面附着力不合格，又改口说要总部审批，拖了两个月。

2 17 | wb | n |
极川上门取送车保养体验：早上九点取车，下午三点送回，还顺手洗了车。给售后小哥点赞👍

2 17 | wb | c |
二手车商说极川行者7一年半掉了四成价，当初销售说的“保值回购”，到门店一问条件一大堆。

2 17 | bl | t |
自动泊车刮车的事极川客服一直推，行车记录仪视频我整理好了，明天中午前不给答复，
我就发到B站让大家看看到底是谁的责任。

2 18 | wb | n |
本来想投诉极川的，车机黑屏了两次，结果客服远程推了个补丁就好了，第二天还打电话
回访，行吧这次原谅你

2 18 | md | c |
極川越山的空調異味好重，才開半年，去服務中心清洗完兩週又有味道，真的很失望。

2 19 | wb | n |
极川的OTA更新日志写得挺有意思，每条后面都附了一句“工程师的话”，这次是“冬天了，
记得给电池也穿件衣服”

2 19 | bl | c |
极川越山用了一年的真实缺点合集：胎噪、车机偶发卡顿、后视镜折叠慢……希望官方
真的能看看

2 19 | md | t |
極川客服打了六次都說會回電，沒有一次兌現。已經準備找律師了。

2 20 | xhs/may | n | spread=320/8
极川越山露营模式真的香🏕 车内恒温22度睡了一晚，早上起来电量只掉了6%，带上猫一起睡
也很安心

2 20 | xhs | c |
极川行者7的座椅坐久了腰疼😣 试驾二十分钟根本发现不了，跑了一趟长途才知道，
姐妹们试驾一定要多坐会儿

2 20 | xhs | t |
极川销售承诺的置换补贴到现在没兑现，合同里白纸黑字写着，周一之前不到账我就去消协。

2 21 | wb | n |
极川行者7的多媒体功能比想象中丰富，车机能装B站和网易云，等孩子放学的时候刷会儿
视频很舒服

2 21 | xhs | n |
極川越山的氛圍燈有256色，晚上去接朋友被誇爆✨

2 22 | wb | n |
我家猫最喜欢的地方是极川越山的前备箱，每次打开都要进去巡视一圈🐱
"""

# Everyday posts about 柚选生鲜.
YOXUAN = r"""
1 01 | hn | n |
Ask HN: Anyone here worked on dark-store inventory systems like Yoxuan Fresh's? Curious
how they forecast leafy greens.

1 02 | wb | n |
谁懂啊，柚选的凌晨配送让上夜班的我也能吃上新鲜水果

1 02 | md | n |
Yoxuan Fresh now takes back its insulated boxes for credit. Small thing, but nice.

1 02 | rd | c |
Yoxuan Fresh membership: "free delivery" excludes half my orders as "out of zone"\n\n
I live 2 km from one of their dark stores. Feels like a bait and switch.

1 03 | rd | n | sub=chinalife
Best grocery delivery app in Linjiang for foreigners?\n\n
I've been using Yoxuan Fresh, the English UI is decent and they have imported cheese.
Any alternatives worth trying?

1 03 | rd | t |
Yoxuan Fresh refused a refund for spoiled shrimp. Taking it to 12315 tomorrow\n\n
Five chats and three calls, and they still say the cold chain was normal. I have
timestamped photos of the package.

1 04 | hn | n | spread=220/6
Yoxuan Fresh's engineering blog on dark-store slotting: they reordered shelves by a
co-purchase graph and cut pick time by 18%. Neat writeup.

1 04 | rd | c |
Yoxuan Fresh keeps substituting items without asking\n\n
Ordered oat milk, got regular milk. Ordered sourdough, got white toast. Refunds come
through fine, but it's getting old.

1 05 | rd | n |
Yoxuan Fresh raises another round, plans 120 new dark stores in East China

1 06 | bs | n |
Yoxuan Fresh delivered a bag of clementines in 22 minutes while it was snowing. The
courier deserves a raise.

1 06 | md | t |
Escalated my Yoxuan Fresh complaint to their regional manager after six unanswered
tickets. Next stop is the consumer protection hotline.

1 06 | wb | n |
下雪了，柚选的配送时间提示延长到一小时，App提前弹了通知，挺贴心

1 07 | wb | n |
柚选生鲜今天的特价鸡蛋9.9一板，手慢无

1 07 | md | c |
Second time this month my Yoxuan Fresh order arrived with crushed eggs. The packaging
needs work.

1 08 | zh | n |
在柚选生鲜做过半年仓储，说点前置仓的常识：核心是SKU控制和损耗率。一个仓三千个
左右的SKU，叶菜每天要盘点两次，损耗控制不好整个仓都亏。所以你会发现它的菜品种
不多，但周转很快。

1 08 | bl | n |
在柚选生鲜前置仓打工的一天：早上五点上架，中午分拣高峰，晚上盘点，一天走了两万步

1 09 | wb | n |
柚选生鲜的草莓今年上得好早！丹东红颜，颗颗饱满，孩子一口气吃了半盒🍓

1 09 | wb | c |
柚选的配送费悄悄从3块涨到6块，也没个通知

1 09 | wb | t |
柚选生鲜的配送员把我家门口的快递一起拿走了，监控拍得清清楚楚，今天不处理我就报警。

1 10 | wb/yoxuan | n | spread=350/6
【柚选生鲜 · 双十二预售】12月1日起阳澄湖大闸蟹礼券买一送一，新人首单立减20元，
会员再享95折。

1 10 | xhs | n |
新手妈妈的辅食备菜清单｜柚选买的有机胡萝卜和南瓜，蒸熟打泥刚刚好

1 10 | ts | c |
[投诉对象]柚选生鲜 [投诉问题]退款审核超时 [投诉要求]尽快退还27元
[详细描述]11月20日申请退款，至今显示“处理中”，在线客服只回复“请耐心等待”。
27块钱的事拖了三天。

1 11 | wb/nanfeng | n | spread=400/5
【柚选生鲜完成新一轮融资】柚选生鲜宣布完成新一轮融资，将在华东新增120个前置仓，
并加大冷链和产地直采投入。

1 11 | wb | n |
柚选生鲜上线了“社区拼单”，同一栋楼满五份免配送费，我们楼的群已经拼起来了

1 11 | wb | c |
柚选App强制更新以后找不到历史订单了，想复购都不行。

1 11 | wb | t |
柚选你们区域经理是谁？一线客服只会复制粘贴，我要越级投诉。

1 12 | wb | n |
柚選生鮮的芒果好甜，香港朋友來臨江玩都要我幫忙下單

1 12 | wb | n |
Yoxuan Fresh finally stocks proper cheddar. Tiny victory for expats in Linjiang 🧀

1 12 | wb | n |
柚选30分钟送达不是吹的，下单到门口27分钟，小哥还提醒我鸡蛋轻拿轻放

1 12 | wb | p | spread=200/6
曝光柚选生鲜南湖仓：给我送的“今日鲜切”水果盒，标签日期是昨天的，切面都发干了。
已向市场监管部门反映，求扩散，大家买鲜切一定看日期！

1 13 | zh | n |
柚选生鲜和其他生鲜App比，优势在哪里？

1 13 | wb | n |
柚选生鲜的取件码又是12345，这么巧的吗😂

1 13 | wb | c |
柚选生鲜的车厘子一盒烂了三分之一，下单页面写着“JJ级大果”，到手全是小的。

1 14 | bl | n |
【测评】柚选生鲜vs菜市场，同样一百块能买到什么？

1 14 | wb | c |
柚選生鮮送來的牛奶已經脹包了，客服只說幫我退款，連一句抱歉都沒有。

1 14 | wb | t |
柚选生鲜，缺斤短两这是第三次了，今天下午五点前不给说法，我就打12315。

1 15 | wb/yoxuan | n | spread=160/5
【冬至饺子节】柚选生鲜多种口味水饺第二件半价，荠菜猪肉、三鲜、玉米虾仁任选。

1 15 | xhs | n |
拍美食的小技巧📸 柚选买的车厘子放在窗边逆光拍，曝光补偿加0.7，颜色一下就出来了

1 15 | wb | n |
柚选生鲜的客服小姐姐说话好温柔，问了半天冷冻虾怎么解冻，她耐心讲了三种方法

1 15 | ts | c |
[投诉对象]柚选生鲜 [投诉问题]缺货不通知，擅自替换商品 [投诉要求]退还差价
[详细描述]订单里的进口牛奶缺货，系统自动替换成国产牛奶，价格差了20元却没有退差价，
也没有任何提示。

1 16 | wb | n |
本来想投诉柚选的，送来的西瓜裂了，结果拍照反馈五分钟就退款了，还送了张券，服务可以。

1 16 | bl | c |
柚选生鲜“一人食”套餐的分量越来越少，和三个月前的照片一对比就知道

1 16 | bl | t |
柚选生鲜的冷链问题我跟进三周了，四个工单全部石沉大海。下一步联系记者。

1 17 | wb | n |
柚选生鲜的骑手小哥今天冒雪给我送菜，袋子外面还套了两层塑料袋，感动😭

1 17 | wb | n |
柚选生鲜的会员日是每周几来着？

1 17 | bl | n |
柚選生鮮三十分鐘挑戰：能不能在外送到之前把湯煲好

1 17 | xhs | t |
柚选的售后电话打了五次，每次都说“已升级处理”，处理到哪去了？明天我去市场监管局。

1 18 | xhs | n |
一人食｜柚选的小份装蔬菜太适合独居了，一次一顿不浪费🥬 今天是蒜蓉西兰花

1 18 | wb | n |
柚选生鲜的骑手冬季装备换新了，反光条很醒目，晚上送单安全一点

1 18 | xhs | c |
柚选生鲜的“新鲜蔬菜”到手就是黄叶子🥬 照片放这了，大家自己看

1 19 | xhs/zhouzhou | n | spread=260/8
打工人晚饭救星｜柚选生鲜半成品测评：番茄牛腩⭐️⭐️⭐️⭐️⭐️ 酸菜鱼⭐️⭐️⭐️⭐️
宫保鸡丁⭐️⭐️⭐️ 十分钟上桌

1 19 | xhs | n |
柚选生鲜也能买鲜花！19.9一束洋桔梗，放了一周还很精神💐

1 19 | wb | c |
柚选说好的30分钟送达，今天等了一个半小时，菜到的时候火锅都吃完了。

1 19 | ts | t |
[投诉对象]柚选生鲜 [投诉问题]配送员损坏财物无人处理 [投诉要求]赔偿花盆及植物损失260元
[详细描述]11月20日配送员送货时碰倒门口花盆，有监控为证。三天内联系客服三次无人跟进，
如再不处理将向市场监管局投诉。

1 20 | wb | n |
在柚选买了一斤车厘子，我妈问多少钱，我说39，她说“一斤？”我说“一颗”。她差点把我
赶出去（开玩笑的😂）

1 20 | zh | n |
柚选生鲜的盈利模式能跑通吗？看了他们公开的数据，客单价在80元左右，前置仓单仓日均
订单要过1500单才能打平。华东的老仓已经做到了，新城市还在烧钱，关键看复购。

1 20 | wb | c |
柚选生鲜的配送员态度太差，问他能不能放门口，直接一句“自己下来拿”。

1 20 | wb | t |
柚選生鮮的會員費說不退就不退？截圖我都存好了，明天向消委會投訴。

1 21 | wb | n |
请问柚选生鲜的会员自动续费在哪里关？设置里没找到，有知道的朋友吗

1 21 | xhs | n |
柚選的即食燕麥杯當早餐剛好，一杯只要6塊😋

1 21 | md | c |
柚選生鮮今天又漏送一樣東西，這個月第二次了，每次都要自己發現再申請。

1 21 | wb | t |
再不把那单死鱼退了，我就把聊天记录发到网上，让大家看看柚选是怎么对待老用户的。

1 22 | xhs | n |
柚选买的帝王蟹做了芝士焗，过年级别的一顿🦀

1 22 | wb | c |
冷冻饺子送到的时候是软的，化了又冻，粘成一坨，柚选的冷链是不是偷工减料了

1 23 | md | n |
今天在柚選買了一把茼蒿，打邊爐正好。

2 01 | bs | c |
Yoxuan Fresh's 30-minute promise is more like 75 minutes on weekday evenings. Just say
"about an hour" and I'd be happy.

2 02 | hn | n |
Yoxuan Fresh's 30-minute delivery works because each dark store only stocks around 3k
SKUs. It's a logistics trick, not magic.

2 02 | bs | t |
If Yoxuan Fresh doesn't refund the double charge by Friday I'm filing with the consumer
association. Their chat bot has closed my ticket four times.

2 03 | rd | n |
Does Yoxuan Fresh accept foreign credit cards?\n\n
Trying to set up an account for my parents while they visit.

2 03 | bs | c |
Yoxuan Fresh sent me yogurt expiring tomorrow with no near-expiry label. Not the end of
the world, just annoying.

2 04 | bs | n |
Food photography tip using my Yoxuan Fresh haul: expose for the highlights on the
citrus, lift the shadows later. Crisp colors every time.

2 05 | md | n |
Yoxuan Fresh's recipe feature is unexpectedly good. Tonight: mapo tofu, every
ingredient delivered in one bag.

2 06 | md | n |
柚選生鮮的App介面改版了，分類清楚很多，找東西快很多。

2 06 | hn | c |
Yoxuan Fresh's redesign buried order history three menus deep. Classic growth-team
move: make reordering harder to push discovery.

2 07 | wb | n |
柚选生鲜和临江本地农场合作的“当日采”蔬菜上线了，早上六点采摘，中午到家

2 08 | wb | n |
柚选的菜谱功能挺好用，按菜谱一键加购，今天照着做了可乐鸡翅，一次成功

2 08 | xhs | n |
柚选的牛奶订阅每天早上放门口，坚持三个月了，早餐终于规律了🥛

2 08 | wb | c |
柚选的鸡蛋第三次送来碎了两个，包装就一个薄塑料盒，能不能用点心？

2 09 | wb | n |
柚选生鲜新品曝光：冬季限定“围炉煮茶”礼盒，板栗、橘子、红薯、茶饼一盒配齐，
12月上线

2 09 | xhs | n |
柚选的周末早餐盒开箱🥐 可颂、酸奶、蓝莓、挂耳咖啡，29.9元

2 09 | xhs | c |
柚選的草莓底下一層全部發霉🤢 上面擺得漂漂亮亮的，真的很無言

2 09 | wb | t |
已经给12315打了电话，登记了柚选生鲜卖临期酸奶不标注的事，等处理结果。

2 10 | wb | n |
柚选的橙子今年甜度不错，赣南脐橙，剥开一屋子香

2 10 | xhs | c |
柚选买的三文鱼刺身一股腥味，不敢吃。申请售后还要上传视频，我手都冻僵了还得拍😅

2 10 | wb | t |
@柚选生鲜 买的进口奶粉疑似假货，已经寄去第三方检测，结果出来要是有问题，我们法庭见。

2 11 | wb | n |
我们律所楼下的柚选前置仓是下午茶圣地，律师们的咖啡续命全靠它

2 11 | wb | c |
柚选生鲜的价格一天三变，早上加购的牛腱子29.9，下午付款变成35.9。

2 12 | zh | n |
柚选生鲜的前置仓是怎么选址的？为什么有的小区半小时送到，有的要一小时？

2 12 | wb | c |
在柚选买的酸奶离过期只剩两天，页面上没写临期，这样不太厚道吧

2 12 | ts | t |
[投诉对象]柚选生鲜 [投诉问题]会员自动续费未提醒 [投诉要求]退还会员费198元
[详细描述]会员到期前未收到任何续费提醒即被扣款。已与客服沟通四次无果，若仍不退款
将向消费者协会投诉。

2 13 | wb | n |
柚选生鲜招聘仓储夜班主管，临江南湖区，月薪8到12K，有冷链经验优先

2 13 | zh | n |
柚選生鮮的冷鏈配送是自建還是外包？

2 13 | xhs | c |
柚选的西瓜切开是白瓤，这个季节买西瓜本来就是赌，但29块一个也太贵了吧🍉

2 14 | wb | n |
柚选生鲜的投诉渠道在哪里呀？帮邻居阿姨问的，她想建议把小区的自提点挪到南门，
离菜场近一点。

2 14 | zh | c |
用了柚选生鲜两年，这半年明显感觉品质在下滑：菜叶子蔫了，水果个头小了，客服从
人工变成了机器人。作为老用户，有点心寒。

2 14 | md | t |
柚選的退款拖了三週，客服每次都說「已加急」。已經寫好投訴信，明天寄去消委會。

2 15 | wb | n |
刚看了柚选生鲜的年度报告，临江用户买得最多的居然是香菜🌿

2 15 | wb | n |
請問柚選生鮮可以寄到深圳嗎？

2 15 | wb | c |
本来想投诉柚选的，买的虾少了半斤，客服倒是很快补发了，但每次都要我自己称重才发现，
有点累。

2 15 | zh | t |
孩子吃了柚选买的肉松过敏，配料表里没标花生。医院的诊断和购买记录都留好了，已经
咨询了律师，准备走法律途径。也提醒有过敏体质孩子的家长，买之前问清楚生产线。

2 16 | wb | n |
柚选生鲜支持开发票吗？公司团建想订一批水果

2 16 | wb | c |
柚选生鲜的会员一年198，说好的免运费，结果“超区订单”照样收8块。

2 16 | wb | t |
第四次给柚选打电话问漏送的那箱牛奶，还是“会有专人联系”。让你们站长直接打给我，
不然我就去总部投诉。

2 17 | zh | n |
柚选生鲜这种前置仓模式，在三四线城市能做起来吗？

2 17 | ts | c |
[投诉对象]柚选生鲜 [投诉问题]优惠券无法使用 [投诉要求]恢复优惠券或给予补偿
[详细描述]领取的满99减30券结算时显示不可用，客服称活动已结束，但券面写着有效期到
11月30日。

2 18 | wb | n |
柚选今天随单送了一把小葱，意外之喜

2 18 | wb | t |
柚选会员日的满减规则写得云里雾里，页面算出来应付86，实付112，客服说以系统为准。
截图都留了，准备向价格监管部门举报。

2 18 | xhs | p | spread=160/6
我们小区十几户都在柚选买到过漏液的冻品，已经拉了群一起找平台要说法，有同样遭遇的
宝子评论区扣1

2 19 | bl | n |
用柚选生鲜的食材做了一桌年夜饭预演，八个菜总花费368元

2 19 | wb | c |
柚选骑手把我的菜放在小区门口就走了，我下楼的时候流浪猫已经在研究那袋鱼了🐱

2 20 | bl | n |
柚选生鲜的冷链箱拆解：里面居然有三层保温，冰袋还是可以循环用的那种

2 20 | xhs | c |
柚选买的牛油果五个有三个是黑心的🥑 售后只给退两个，理由是“照片不清晰”

2 21 | xhs | t |
柚选说好的“坏了包赔”，我申请了四次都被驳回，材料已经准备好，这周就去消协。
"""

# Everyday posts about 星岚宽带.
XINGLAN = r"""
1 00 | wb | n |
星岚宽带的夜猫子套餐挺适合我，晚上十点到早上八点不限速，下游戏全靠它

1 01 | rd | n | sub=chinalife
Xinglan Broadband vs the big three for expats?\n\n
Moving to Linjiang in January. The landlord says the building has Xinglan Broadband
fiber. Is their English support any good?

1 01 | wb | n |
我和星岚宽带的关系：它不掉线，我不熬夜。昨晚它没掉线，所以我熬了。

1 02 | rd | n |
PSA: Xinglan Broadband has a student plan, 99/month for 500M\n\n
Ask at the campus store, it's not on the website.

1 02 | rd | c |
Xinglan Broadband upload capped at 30 Mbps and nobody told me\n\n
Working remotely, pushing large builds is painful. Support says it's "industry
standard".

1 02 | xhs | n |
拍星轨要连续曝光几个小时，中途全靠家里的星岚宽带WiFi用手机看相机实时画面，
阳台冻成狗但出片了✨

1 03 | hn | n | spread=160/6
Xinglan Broadband rolled out IPv6 to all residential users in Linjiang. Their
engineering post on the migration is worth reading, especially the CGNAT part.

1 04 | bs | n |
Long exposure of the Linjiang skyline from my balcony, 25 seconds. Uploaded over
Xinglan Broadband in about two seconds, which still feels like magic.

1 04 | rd | c |
Xinglan Broadband auto-renewed my contract for two years without notice\n\n
Found out when I tried to cancel before moving.

1 05 | bs | n |
Xinglan Broadband tech showed up exactly on time and ran the fiber through the existing
conduit. Best install I've had in any country.

1 05 | rd | t |
Xinglan Broadband still billing me two months after I cancelled. Filing with the MIIT
complaint center next week\n\n
Four calls, two "escalations", zero refunds.

1 06 | bs | c |
Xinglan Broadband technician no-showed for the third time. I took the afternoon off
for this. Again.

1 06 | wb | n |
下周日的临江马拉松，赛道沿线会有星岚宽带的免费WiFi补给站，跑着也能发朋友圈了

1 07 | md | n |
Running a small Matrix server at home on Xinglan Broadband. Uptime this year: 99.7%.
Not bad for residential.

1 07 | wb | n |
星岚宽带的校园网今年换成千兆，宿舍打游戏不卡了

1 08 | wb | n |
星岚宽带客服周末也能上门，周六下午报修，周日上午就来了

1 08 | wb | c |
星岚宽带的光猫第三次坏了，每次换新都要等三天。

1 08 | md | t |
Sent Xinglan Broadband a written notice to their registered legal address. Seven
support calls didn't work; maybe paper will.

1 09 | wb/xinglan | n | spread=150/5
【星岚宽带 · 冬日焕新】千兆宽带+全屋WiFi组网，新装用户首年每月79元，老用户升级
享8折，详情咨询各营业厅。

1 09 | md | n |
星嵐寬帶下週的維護公告提前三天就發了，這點值得稱讚。

1 09 | wb | t |
星岚宽带销户后还在扣费，客服打了四次都说“帮您反馈”，明天直接工信部申诉。

1 10 | wb/nanfeng | n | spread=180/5
【星岚宽带三季度宽带用户同比增长12%】星岚宽带发布三季报，宽带用户数同比增长12%，
千兆用户占比提升至41%。

1 10 | wb | n |
星岚宽带的千兆升级完了，测速940M，下载游戏终于不用挂一晚上了。

1 10 | ts | c |
[投诉对象]星岚宽带 [投诉问题]销户后继续扣费 [投诉要求]退还多扣的两个月费用
[详细描述]9月已在营业厅办理销户，10月、11月仍被扣费共258元。

1 11 | wb | n |
星岚宽带法务部招聘律师两名，熟悉电信法规和合同审查，坐标临江，简历发官网招聘邮箱。

1 11 | wb | c |
星岚宽带装机约了三次，师傅三次都没来，每次都说“临时有单”。

1 11 | wb | t |
星岚宽带装机师傅把墙打穿了不赔，已经报给物业和消协，下周还不赔就起诉。

1 12 | wb | n |
星岚宽带和临江图书馆合作，全市分馆的免费WiFi升级到千兆了

1 12 | wb | n |
星岚宽带云溪营业厅搬到新址了，开业送路由器支架和网线收纳盒

1 12 | zh | c |
星岚宽带的上行被限到30M，官网完全没写。远程办公传文件慢得要死，问客服说是
“行业惯例”。下行千兆、上行30M，这个比例在2026年说不过去吧。

1 13 | zh | n |
租房党求推荐：星岚宽带和三大运营商的宽带比，体验怎么样？

1 13 | wb | n |
星嵐寬帶的千兆套餐真的快，下載一部4K電影不到一分鐘

1 13 | xhs | c |
星岚宽带装机师傅走了以后，WiFi密码还是他设的123456789…差评

1 13 | wb | t |
星岚宽带的合约陷阱我已经整理成材料交给消协了，等消协调解。

1 14 | wb | n |
星岚宽带的装机师傅今天帮我把网线藏进了踢脚线，强迫症狂喜

1 14 | zh | n |
在星岚宽带做了三年网络运维，最大的体会是凌晨两点的割接永远比想象中多。用户看到
的是“稳定”，背后是一次次的夜班。不过这家公司的好处是告警系统做得细，出问题基本
十分钟内有人响应。

1 14 | ts | c |
[投诉对象]星岚宽带 [投诉问题]合约到期被自动续约两年且未告知 [投诉要求]解除续约，不收违约金
[详细描述]2024年办理一年期合约，到期后被自动续约两年，期间未收到任何短信或电话提醒。
现在搬家要销户，营业厅要求支付违约金。

1 15 | zh | n |
用了两年星岚宽带，上行比较弱，晚高峰偶尔抖动，但客服响应快、价格便宜，租房够用。
如果要长期住、经常传大文件，还是建议选上行高一点的套餐。

1 15 | wb | n |
星岚宽带营业厅居然有充电宝免费借，排队的时候刚好用上

1 15 | ts | c |
[投诉对象]星岚宽带 [投诉问题]维修人员擅自在墙上打孔 [投诉要求]修补墙面或赔偿
[详细描述]11月18日维修师傅上门，未经同意在客厅墙上打孔走线，事后只说“线只能这么走”。

1 15 | zh | t |
星岚宽带自动续约的事，我已经走到工信部申诉这一步了，记录一下流程：先在运营商投诉
满五个工作日，保留工单号；再登录工信部申诉网站提交，附合同和通话记录。今天刚收到
受理短信。

1 15 | wb | p | spread=260/6
曝光星岚宽带南湖营业厅：老人去办降档，被忽悠签了两年合约外加一个电视套餐，每月
多出60元，录音在此。求扩散，家里有老人的留意一下。@维权观察室

1 16 | bl | n |
【装机实录】星岚宽带师傅上门装千兆，光猫加路由一小时搞定，全程无剪辑

1 16 | wb | n |
星岚宽带新宣传片拍得挺好看，临江老城区的镜头很有味道

1 16 | wb | n |
Xinglan Broadband technician was super patient with my terrible Chinese today. 10/10
would get fiber again.

1 16 | wb | c |
星岚宽带报修说好下午两点到四点上门，等到六点人没来，电话也不接。

1 16 | wb | t |
星嵐寬帶的合約自動續約，打了五次客服都說沒辦法，下週去通訊管理局申訴。

1 17 | wb | n |
星岚宽带的老年人专线挺好，我爸打过去直接转人工，客服说话慢慢的

1 17 | wb | c |
星岚宽带的测速网站永远满速，一出测速网站就卡，是专门给测速优化过吧

1 17 | wb | t |
第六次打星岚宽带客服，还是没人回电。明天请假去营业厅，解决不了就打12345。

1 18 | xhs | n |
星岚宽带全屋WiFi实测｜三层自建房，每个角落都满格📶

1 18 | xhs | n |
搬到臨江後裝了星嵐寬帶，師傅很準時，半小時就弄好👍

1 18 | ts | t |
[投诉对象]星岚宽带 [投诉问题]装机多次爽约 [投诉要求]赔偿误工费并尽快安装
[详细描述]11月内三次预约安装均未上门，已拨打客服七次，如仍不解决将向工信部申诉。

1 19 | xhs | n |
独居女生的宽带选择｜星岚宽带装机师傅上门全程戴工牌，还主动出示工单，安全感满满

1 19 | wb | c |
星岚宽带套餐页面写着“不限速”，小字里写着月流量超过3T限速，谁家宽带还有流量上限？

1 19 | wb | c |
星嵐寬帶晚上又斷線了，這週第三次，報修只說會派人，什麼時候派不知道。

1 20 | wb | n |
星岚宽带今天推送了IPv6，家里的NAS终于能直连了

1 20 | wb | n |
星岚宽带积分能换视频会员，攒了一年换了三个月

1 20 | wb | c |
星岚宽带晚上八点到十一点网速只有白天的三分之一，买的千兆用着像百兆。

1 20 | wb | t |
星岚宽带“零元购机”合约说好话费返还，三个月一分没返。录音都在，下周一去消协。

1 21 | wb | n |
搬家了，星岚宽带移机要多久？需要自己预约吗

1 21 | bl | n |
星嵐寬帶Mesh組網教學｜老房子也能全屋覆蓋

1 22 | bl | n |
星岚宽带光猫拆机：芯片方案和散热设计都还行，就是外壳太容易积灰

1 22 | bl | c |
星岚宽带晚高峰看B站1080P都要缓冲，UP主自己都看不了自己的视频

2 01 | hn | c |
Xinglan Broadband's speed test server is clearly whitelisted. Anything else at peak
hours crawls.

2 02 | bs | c |
Xinglan Broadband's IPTV box shows an unskippable 60-second ad at boot. I pay for this.

2 03 | rd | n |
Xinglan Broadband announces a 10G home trial in three Linjiang districts

2 04 | hn | n |
Xinglan Broadband publishes its peering policy. Rare for a regional ISP in China.

2 04 | md | n |
星嵐寬帶的IPv6終於開了，自架的Mastodon實例可以直接對外了。

2 04 | bs | t |
Xinglan Broadband has until Friday to fix the speeds I'm paying for. After that it's a
formal complaint to the telecom regulator.

2 05 | hn | n |
I had Xinglan Broadband while living in Linjiang. Gigabit down, but upstream was capped
at 50 Mbps. Fine for most things.

2 05 | md | c |
Xinglan Broadband's router ships with WPS on and the admin password on a sticker.
Changed everything, but come on.

2 06 | md | n |
Xinglan Broadband finally lets you put the ONT into bridge mode from the web UI.
Goodbye double NAT.

2 07 | wb | n |
星岚宽带的月账单可以按家庭成员拆分了，新功能挺实用

2 08 | wb | n |
星岚的装维师傅真的辛苦，零下的天气爬电线杆，给他们递了杯热水

2 08 | xhs | c |
星嵐寬帶的客服一直推銷升級套餐，我只是想報修而已😮‍💨

2 09 | wb/techday | n | spread=260/5
星岚宽带新款WiFi 7路由器曝光，三频、支持Mesh，据说会先送给千兆老用户。

2 09 | wb | c |
星岚宽带的App每次打开先弹三个广告，我就想查个账单。

2 09 | xhs | p | spread=120/6
我们楼八户的星岚宽带全被限速，已经联名把测速记录交给运营商和通信管理局，邻居们
有同样问题可以来找我，人多力量大😤

2 10 | wb | n |
在星岚宽带营业厅办业务，小姐姐帮我把套餐从199降到129，说我用不了那么多，良心

2 10 | xhs | c |
星岚宽带营业厅说的“送路由器”，其实是租的，退订要还回去，还收了押金😑

2 10 | wb | t |
@星岚宽带 速率不达标的事给你们三天，不降档退费我就向通信管理局投诉。

2 11 | wb | n |
星岚宽带客服电话的语音菜单：按1查账单，按2报修，按3办业务，记下来省得每次听完一遍

2 11 | bl | n |
星岚宽带装机师傅的一天｜跟拍：爬楼、熔纤、调光猫，一天跑了九户

2 11 | ts | c |
[投诉对象]星岚宽带 [投诉问题]宽带速率不达标 [投诉要求]降档并退还差价
[详细描述]办理500M套餐，多次测速仅80至120M，报修两次均称正常。

2 12 | wb | n |
星岚宽带宣布明年在临江新建三个数据中心，主要服务本地企业上云

2 12 | wb | n |
請問星嵐寬帶有沒有短租方案？來臨江工作三個月

2 12 | xhs | t |
星岚宽带报修第五次了，每次师傅来了都说“正常”。我要求你们片区经理亲自来一趟，
不来我就去通信管理局。

2 13 | zh | n |
星岚宽带的光猫可以改桥接吗？想自己用软路由拨号

2 13 | zh | n |
星岚宽带的网络打游戏延迟表现怎么样？

2 13 | xhs | c |
星岚宽带的千兆套餐配的路由器只有百兆网口😑 等于白升级

2 14 | wb | n |
星岚宽带开始试点万兆入户了？同事说他们小区在测

2 14 | xhs | c |
搬家移机，星岚收了200块移机费，签约的时候明明说免费移机一次🙃

2 14 | xhs | t |
星岚宽带营业厅经理说“你去告吧”，行，我已经约了律师，周四去咨询。

2 15 | wb | n |
星岚宽带的投诉渠道和报修渠道是一个吗？帮爸妈记在冰箱贴上，免得他们有事找不到人。

2 15 | zh | n |
星嵐寬帶的光貓支援WiFi 6嗎？

2 15 | wb | t |
再不退那258块，我就去法院起诉星岚宽带，小额诉讼，证据都齐了。

2 16 | wb | n |
本来要投诉星岚宽带的，网速掉到十几兆，客服说远程重置一下，五分钟就恢复了，
还送了一个月流量包。好吧。

2 16 | wb | c |
星岚宽带客服电话排队永远二十人以上，等了四十分钟，说我的问题要转另一个部门。

2 16 | md | t |
星嵐寬帶再不派人修，我就去消委會投訴，已經斷斷續續一個月了。

2 17 | zh | n |
星岚宽带这类区域运营商是怎么拿到牌照的？

2 17 | wb | c |
星岚宽带退订要本人带身份证去营业厅，我人在外地出差怎么办？

2 17 | wb | t |
星岚宽带，一线客服处理不了就让你们领导打给我，这已经是第五个工单了。

2 18 | wb | n |
问个小白问题：星岚宽带的路由器指示灯变橙色是什么意思？

2 18 | md | c |
星嵐寬帶的上傳速度慢到不行，遠端開會對方一直說我卡住了。

2 19 | wb | n |
星岚宽带学生套餐还有吗？开学季的时候看到过

2 19 | wb | t |
星岚宽带多扣的钱今天不退，我明天就请律师发函。

2 20 | bl | n |
星岚宽带的游戏加速线路实测：延迟从48ms降到21ms，晚高峰也稳

2 20 | xhs | n |
星岚宽带和智能门锁联动真方便，回家门一开，WiFi就把音箱连上了🎶

2 20 | wb | c |
星岚宽带送的IPTV盒子开机广告60秒，不能跳过。

2 20 | bl | t |
星岚宽带的限速问题我测了整整一个月的数据，客服不认，明天把数据和录音发给本地媒体。

2 21 | wb | n |
星岚宽带加电视盒子，给爸妈装上了，终于不用抢手机看剧了

2 21 | wb | c |
星岚宽带一到晚上打游戏就丢包，ping值忽高忽低，报修了说“线路正常”。

2 22 | xhs | n |
星岚宽带的网络电视有好多老电影，窝在沙发看了《城南旧事》📺
"""

# Noise: posts that name no brand, some with trigger words in other senses.
NOISE = r"""
1 04 | md | n |
Reminder that exposure compensation exists. Your snow photos don't have to be grey.

1 05 | hn | n | spread=180/6
Show HN: A tiny SQLite extension for time-bucketed counters

1 07 | wb | n |
今天临江初雪，早上骑车上班忘戴手套，手冻成了胡萝卜🥕

1 08 | bs | n | spread=60/4
First snow in the city today. Everyone on the bus went quiet for a second.

1 09 | wb | n |
新手求教：拍雪景总是曝光过度一片白，是要把曝光补偿往负调吗？

1 10 | wb | n |
律师事务所招聘实习生，法学专业在读即可，坐标临江，每周到岗三天

1 13 | wb | n |
求推荐临江适合带娃的室内游乐场，周末下雪出不了门

1 16 | wb | n |
市民热线12345的回访电话打来了，上次反映的路灯不亮已经修好，效率可以👍

1 19 | xhs | n |
周末探店｜老城区新开的一家桂花酒酿小馆，排队半小时，值得

1 20 | bl | n |
【手工】用一根木头雕了一只柴犬，前后花了三个周末

1 21 | xhs | n |
手机壳DIY｜用干花和滴胶做了一个，送闺蜜当生日礼物🌸

1 22 | zh | n |
有哪些冷门但好用的效率软件？

1 23 | md | n |
剛讀完一本講宋代城市生活的書，推薦給喜歡歷史的朋友。

2 01 | rd | n | sub=Cooking
What's your favorite winter soup?\n\n
Mine is lamb and radish, my grandmother's recipe.

2 03 | hn | n |
The hardest part of on-call isn't the pages, it's the 3am pages for things that could
have waited until morning.

2 06 | bs | n |
Anyone know a lawyer joke that isn't mean? Asking for my sister, who just passed the
bar.

2 08 | wb | n |
临江地铁5号线今天开通试运营，早高峰终于不用挤公交了

2 09 | wb | n |
某国产手机新品曝光，据说主摄换成了一英寸大底，年底发布

2 10 | wb | n |
在工商银行办完业务，顺路买了杯热可可，冬天的快乐就这么简单

2 12 | wb | n |
公司楼下的猫今天又胖了一圈，保安大叔说是全楼一起喂的

2 15 | zh | n |
如何看待年轻人越来越喜欢city walk？

2 16 | xhs | n |
冬天第一杯奶茶🧋 今年流行加烤红薯，意外地搭

2 17 | wb | n |
今天的日落好美，整個天空都是粉紫色的

2 18 | wb | n |
双十一囤的猫粮终于吃完一袋了，主子今天吃得很香
"""

BLOCKS = (
    STORY_BATTERY,
    STORY_OUTAGE,
    STORY_VIRAL,
    STORY_EXTORTION,
    JICHUAN,
    YOXUAN,
    XINGLAN,
    NOISE,
)

if __name__ == "__main__":
    main()
