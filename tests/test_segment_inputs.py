"""Builders of synthetic documents for the segmentation tests: same formats as the seeds,
different words, so the tests check the format rules rather than the seed sentences."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class FakeComment:
    depth: int
    author: str
    body: list[str]
    upvotes: int | None = 3
    downvotes: int | None = None
    edited: bool = False
    is_op: bool = False
    age: str = "5 months ago"


def render_thread(op_paragraphs: list[str], comments: list[FakeComment], step: int = 2) -> str:
    """A Lemmy-style page: OP text, then bullet + chrome + body per comment."""
    out = ["\n\n".join(op_paragraphs), ""]
    for comment in comments:
        pad = " " * (step + step * comment.depth)
        inner = pad + " " * step
        author = comment.author + ("OP" if comment.is_op else "")
        out.append(f"{pad}• {author}")
        chrome = ["link", "fedilink"]
        if comment.upvotes is not None:
            chrome += ["arrow-up", str(comment.upvotes)]
        if comment.downvotes is not None:
            chrome += ["arrow-down", str(comment.downvotes)]
        chrome.append("·")
        if comment.edited:
            chrome.append("edit-2")  # lemmy-ui's pencil icon: no count
        chrome.append(comment.age)
        out += [inner + line for line in chrome]
        out.append("")
        for paragraph in comment.body:
            out += [inner + paragraph, ""]
    return "\n".join(out)


@dataclass
class FakeArticle:
    title: str
    origin: str
    paragraphs: list[str]
    bio: str | None = None
    notes: list[str] = field(default_factory=list)


def render_digest(articles: list[FakeArticle]) -> str:
    """Articles one after the other, one line per paragraph, no blank lines (like seed 004)."""
    lines: list[str] = []
    for article in articles:
        lines += [article.title, article.origin, *article.paragraphs]
        if article.bio:
            lines.append(article.bio)
        for number, note in enumerate(article.notes, start=1):
            lines += [f"- {number}", note]
    return "\n".join(lines)


def render_listing(teasers: list[str]) -> str:
    return "\n\n".join(teasers)
