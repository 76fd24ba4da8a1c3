"""The last-resort grammar of forum posts under a profile block (invented snippets)."""

from __future__ import annotations

import time

from flows.stages.segment import SegmentConfig, segment
from flows.stages.segment.grammars import profile_block
from flows.stages.segment.lines import split_lines

POST = """\
{name}
{rank}

Posts: {posts}
{subject}
« {label} on: 0{day}/11/24 at 10:1{day}:00 »
{text}
Back to top
IP Logged
"""

TOPIC = "Budget hearings in the city council"
TEXTS = [
    "The council moved the hearing to a weekday morning, when nobody can come.",
    "It was the same last year, and the year before that, so nobody is surprised.",
    "They say the hall is booked in the evenings, which is hard to believe.",
    "I asked at the office and was told the schedule is final for this year.",
]


def _page(names: list[str], subjects: list[str]) -> str:
    texts = TEXTS * (len(names) // len(TEXTS) + 1)
    posts = [
        POST.format(
            name=name,
            rank="Member",
            posts=10 + at,
            subject=subject,
            label=f"Reply #{at}" if at else "",
            day=at % 9 + 1,
            text=texts[at],
        )
        for at, (name, subject) in enumerate(zip(names, subjects, strict=True))
    ]
    return "City Board › Local affairs\n\n" + "\n".join(posts) + "\nPowered by a board\n"


THREAD = _page(
    ["anna_k", "boris", "anna_k", "vera.t"],
    [TOPIC, f"Re: {TOPIC}", f"Re: {TOPIC}", f"Re: {TOPIC}"],
)


def test_posts_under_profile_blocks_read_as_a_thread() -> None:
    result = segment("0123456789abcdef", THREAD, None, SegmentConfig())
    assert result.layout == "thread"
    assert result.posts[0]["title"] == TOPIC
    assert result.posts[0]["author"] == "anna_k"
    assert [c["author"] for c in result.comments] == ["boris", "anna_k", "vera.t"]
    bodies = " ".join(c["body"] for c in result.comments) + result.posts[0]["body"]
    assert "IP Logged" not in bodies
    assert "Back to top" not in bodies
    assert "Powered by" not in bodies


def test_the_first_header_under_running_text_is_a_comment() -> None:
    article = "A short note on the council.\n\n" + " ".join(TEXTS) + "\n\n"
    lines = split_lines(article + THREAD)
    assert len(profile_block.find_starts(lines)) == 4


def test_rows_with_headlines_are_no_thread() -> None:
    page = _page(
        ["anna_k", "boris", "anna_k", "vera.t"],
        [
            "Council moves the budget hearing to a weekday",
            "Tram depot sale goes to a second vote",
            "Heating season starts a week early",
            "New bus routes for the northern districts",
        ],
    )
    assert profile_block.find_starts(split_lines(page)) == []


def test_people_shown_once_each_are_no_thread() -> None:
    page = _page(["anna_k", "boris", "gleb", "vera.t"], ["", "", "", ""])
    assert profile_block.find_starts(split_lines(page)) == []


def test_a_profile_date_is_no_stamp() -> None:
    assert profile_block._stamp("Joined: 05/11/2019") is None
    assert profile_block._stamp("« Reply #2 on: 05/20/15 at 08:17:49 »") is not None
    assert profile_block._stamp("Posted - 09/04/2023 :  08:05:33  Show Profile") is not None
    assert profile_block._stamp("The vote on 05/20/15 was postponed again.") is None


ROW_POST = """\
{name}
Member

Posts: {posts}

Posted: 0{day}/11/24 10:1{day}    Post subject: {subject}    Reply with quote

{text}
Back to top
View profile   Send private message
"""


def test_names_under_link_rows_and_stamps_in_cells() -> None:
    posts = [
        ROW_POST.format(name=name, posts=at, day=at + 1, subject=subject, text=TEXTS[at])
        for at, (name, subject) in enumerate(
            [("anna_k", TOPIC), ("boris", ""), ("anna_k", ""), ("vera.t", "")]
        )
    ]
    page = f"Post new topic\n{TOPIC}\n\nAuthor Message\n" + "".join(posts) + "Page 1 of 1\n"
    lines = split_lines(page)
    starts = profile_block.find_starts(lines)
    assert [lines[at].text for at in starts] == ["boris", "anna_k", "vera.t"]
    head = profile_block.parse_post(lines[: starts[0]])
    assert head is not None
    assert (head.title, head.author) == (TOPIC, "anna_k")
    headers = profile_block.parse_headers(lines, starts)
    links = [at for at, line in enumerate(lines) if line.text.startswith(("Back to", "View"))]
    assert {lines[at].index for at in links[2:6]} <= headers[0].chrome_lines | (
        headers[1].chrome_lines
    )
    assert profile_block.find_end(lines, starts) == links[-2]


def test_a_button_is_no_name() -> None:
    assert not profile_block._is_name("+Quote post")
    assert not profile_block._is_name("Author Message")
    assert profile_block._is_name("@vera.t")


def test_a_long_page_stays_fast() -> None:
    names = ["anna_k", "boris", "gleb", "vera.t"] * 500
    page = _page(names, [f"Re: {TOPIC}"] * len(names))
    lines = split_lines(page)
    assert len(lines) > 20_000
    started = time.perf_counter()
    assert len(profile_block.find_starts(lines)) == len(names) - 1
    assert time.perf_counter() - started < 5


BUTTON_POST = """\
{name}
{name}
Members
{posts}
Posted March {day}, 2024
{text}
Link to comment
Share
"""


def test_buttons_over_every_name_are_no_names() -> None:
    posts = [
        BUTTON_POST.format(name=name, posts=at * 7 + 3, day=at + 2, text=TEXTS[at])
        for at, name in enumerate(["anna_k", "boris", "anna_k", "vera.t"])
    ]
    page = f"{TOPIC}\nFollowers 3\n" + "".join(posts)
    lines = split_lines(page)
    starts = profile_block.find_starts(lines)
    assert [lines[at].text for at in starts] == ["boris", "anna_k", "vera.t"]


def test_presence_and_stamp_notes_are_no_part_of_the_slots() -> None:
    assert profile_block._is_name("Offline volga_reader")
    assert profile_block._is_name("Olga_K Не в сети")
    assert profile_block._stamp("16.11.2023, 08:55 (last edited 16.11.2023, 09:02 by Olga_K)") == (
        "16.11.2023, 08:55"
    )
    assert profile_block._stamp("The vote on 12.03.2023 (nobody came to it at all) failed.") is None


SIGNED_POST = """\
Offline {name}
Member
Posts: {posts}
{stamp}
{text}
Logged
{signature}

"""


def test_posts_quoting_earlier_posters_are_a_conversation() -> None:
    names = ["anna_k", "boris", "vera.t"]
    texts = [TEXTS[0], f"{names[0]} wrote: {TEXTS[1]}", f"{names[1]} wrote: {TEXTS[2]}"]
    posts = [
        SIGNED_POST.format(
            name=name,
            posts=at + 5,
            stamp=f"0{at + 1}.11.2024, 10:1{at}",
            text=text,
            signature=f"Signature line number {at} here.",
        )
        for at, (name, text) in enumerate(zip(names, texts, strict=True))
    ]
    lines = split_lines("City Board\n\n" + "".join(posts))
    starts = profile_block.find_starts(lines)
    assert [profile_block.parse_header(lines, at, len(lines)).author for at in starts] == [
        "boris",
        "vera.t",
    ]
    headers = profile_block.parse_headers(lines, starts)
    closing = {line.index for line in lines if line.text.startswith(("Logged", "Signature"))}
    assert closing & set(range(starts[0], starts[1])) <= headers[0].chrome_lines


def test_a_name_shown_offline_under_the_topic_title_heads_the_first_post() -> None:
    # the board's menu and the topic title stand right over the first name; a quote's
    # attribution under a stamp is no subject
    posts = (
        ("lake_pilot", "06-15-2018, 09:41 PM", None, "Who pays for the ferries since May?"),
        ("Marta_Olen", "06-15-2018, 11:02 PM", "lake_pilot", "The district does, for now."),
        ("Ivan_Zh", "06-16-2018, 10:27 AM", None, "Nobody knows what happens in autumn."),
        ("lake_pilot", "06-16-2018, 01:50 PM", "Ivan_Zh", "Then we should ask them soon."),
    )
    page_lines = ["River Towns Board", "Pages (2): 1 2 Next »", "Thread Modes"]
    page_lines.append("Ferry subsidies: who pays?")
    for name, stamp, quoted, text in posts:
        page_lines += [f"{name} Offline", "Member", "Posts: 38", "Joined: Feb 2018", stamp]
        if quoted:
            page_lines += [f"{quoted} Wrote: ({stamp})", "An earlier line quoted here."]
        page_lines += [f"{text} That is what the council said on Monday.", "Find", "Reply"]
    lines = split_lines("\n".join(page_lines))
    assert [hit.author for hit in profile_block.headers(lines)] == [name for name, *_ in posts]


def test_a_date_under_a_profile_label_of_its_own_is_no_stamp() -> None:
    posts = (
        ("lake_pilot", "Aug 12, 2024", "Who pays for the ferries since the reform in May?"),
        ("Marta_Olen", "Aug 12, 2024", "The district does, for now, from its own budget."),
        ("Ivan_Zh", "Aug 13, 2024", "Nobody knows what happens in the autumn, lake_pilot."),
    )
    page_lines = ["Welcome to the board of the river towns.", ""]
    for name, stamp, text in posts:
        page_lines += [name, "Member", "Joined", "Sep 5, 2021", "Messages", "271", "", stamp]
        page_lines += ["#1", text, "Report", "Like", "Reply", ""]
    lines = split_lines("\n".join(page_lines))
    found = profile_block.headers(lines)
    assert [(hit.author, hit.stamp) for hit in found] == [(n, s) for n, s, _ in posts]


def test_names_under_the_text_above_on_a_page_without_blank_lines() -> None:
    """A scraper that dropped every blank line leaves each name right under the text of the
    post above: the end of a sentence is where the blank line was."""
    posts = [
        f"{name}\n( )\n0{at + 1}/10/2023 09:1{at}:47\n{subject}\n{TEXTS[at]}"
        for at, (name, subject) in enumerate(
            [("anna_k", TOPIC), ("boris", f"Re: {TOPIC}"), ("vera.t", f"Re: {TOPIC}")]
        )
    ]
    page = "City Board › Local affairs\nPrintable version\n" + "\n".join(posts) + "\n"
    result = segment("0123456789abcdef", page, None, SegmentConfig())
    assert result.layout == "thread"
    assert [c["author"] for c in result.comments] == ["boris", "vera.t"]
    spaced = "\n".join(post.replace("\n( )", "\n( )\n") for post in posts)
    assert profile_block.find_starts(split_lines(spaced)) == []  # its blank lines say more


def test_a_line_every_post_repeats_is_no_name_under_the_text() -> None:
    """On a page without blank lines, the trailer under every post's text is no name."""
    posts = [
        f"{name}\nMember\nPosts: 1{at}\n0{at + 1}/10/2023 09:1{at}:47\n{TEXTS[at]}\nBack to top"
        for at, name in enumerate(["anna_k", "boris", "vera.t"])
    ]
    lines = split_lines("\n".join(posts))
    assert all(lines[at].text != "Back to top" for at in profile_block.find_starts(lines))


def test_presence_in_russian_is_no_part_of_the_name() -> None:
    assert profile_block.PRESENCE.sub("", "Оффлайн Sergey_K") == "Sergey_K"
    assert profile_block.PRESENCE.sub("", "Онлайн Marina_V") == "Marina_V"
    assert profile_block.PRESENCE.sub("", "Online_voter") == "Online_voter"


NOTICES = (
    "Welcome, Guest. Please log in or register to take part here.\n"
    "Did you miss the message with your activation link?\n"
    "Topic: {topic}  (Read 310 times)\n"
    "0 Members and 2 Guests are viewing this topic right now.\n\n"
)


def test_a_first_subject_the_page_top_shows_opens_the_topic_under_notices() -> None:
    """Sentences of the board's notices stand above the first post: its subject, which
    the page top repeats, says that it opens the topic."""
    page = NOTICES.format(topic=TOPIC) + THREAD.split("\n\n", 1)[1]
    lines = split_lines(page)
    assert len(profile_block.find_starts(lines)) == 3
    other = NOTICES.format(topic="Ferry timetable") + THREAD.split("\n\n", 1)[1]
    assert len(profile_block.find_starts(split_lines(other))) == 4


def _blocks(labels: list[str], stamp_first: bool) -> str:
    posts = []
    for at, name in enumerate(["anna_k", "boris", "vera.t"]):
        stamp = f"posted 0{at + 1}.11.2024, 10:1{at}"
        profile = ["Member", "**", ""] + [f"{label}: {at + 3}" for label in labels]
        head = (
            [name, stamp, f"Post #{at + 1}", "", *profile]
            if stamp_first
            else [name, *profile, stamp]
        )
        posts.append("\n".join([*head, "", "", TEXTS[at], "Back to top", "+Quote post"]))
    return "City Board › Local affairs\n\n" + "\n".join(posts) + "\n"


def test_a_block_of_labelled_fields_under_every_name_shows_a_thread() -> None:
    """Names shown once each still head a thread where every header carries the same
    labelled profile fields, above or under its stamp."""
    for stamp_first in (False, True):
        lines = split_lines(_blocks(["Group", "Posts", "Member No."], stamp_first))
        found = profile_block.headers(lines)
        assert [hit.author for hit in found] == ["anna_k", "boris", "vera.t"], stamp_first
        body = found[0].position + found[0].n_lines
        assert next(line for line in lines[body:] if not line.is_blank).text == TEXTS[0]
    assert profile_block.headers(split_lines(_blocks(["Posts"], False))) == []


REACTED = """\
City Board › Local affairs

anna_k
Member
Posts
12

14 Mar 2024
#1
{0}
Report
Reply
boris
Member
Posts
40

14 Mar 2024
#2
anna_k said:
The hall is booked
Click to expand...
{1}
Report
Reply
{closing}
vera.t
Member
Posts
7

15 Mar 2024
#3
{2}
Report
Reply
"""


def test_a_post_opening_with_a_quote_and_a_name_under_reactions() -> None:
    """A post whose text opens quoting another is a post; a name under a short line that
    the page's action row stands over (the reactions) heads the next post."""
    page = REACTED.format(*TEXTS[:3], closing="Likes: anna_k")
    found = profile_block.headers(split_lines(page))
    assert [hit.author for hit in found] == ["anna_k", "boris", "vera.t"]


def test_a_name_under_a_short_line_under_text_is_no_name() -> None:
    """Without the action row over it, the short line over a name closes no post."""
    page = REACTED.format(*TEXTS[:3], closing="Likes: anna_k").replace(
        "Reply\nLikes", "Thanks\nLikes"
    )
    found = profile_block.headers(split_lines(page))
    assert [hit.author for hit in found] != ["anna_k", "boris", "vera.t"]


NUMBERED = """\
Board › Transport

Tram fares in the new budget

{posts}
Back to the board
"""
NUMBERED_POST = """\
#{number}
{name}
    {name}
    Member
    {count} posts

Posted {day} March 2021 - 10:0{day} AM

{text}

Back to top
"""


def test_a_name_under_the_post_number_heads_the_post_under_a_link_row() -> None:
    names = ["Olga V.", "petr_k", "Olga V.", "mira"]
    posts = "\n".join(
        NUMBERED_POST.format(number=at + 1, name=name, count=10 + at, day=at + 1, text=text)
        for at, (name, text) in enumerate(zip(names, TEXTS, strict=True))
    )
    result = segment("0123456789abcdef", NUMBERED.format(posts=posts), None, SegmentConfig())
    assert result.posts[0]["author"] == "Olga V."
    assert result.posts[0]["title"] == "Tram fares in the new budget"
    assert [c["author"] for c in result.comments] == ["petr_k", "Olga V.", "mira"]
    assert all("Back to top" not in c["body"] for c in result.comments)
    assert all("#" not in c["body"] for c in result.comments)


TITLED_POST = """\
{name}
{rank}
Join Date: Mar 201{day}
Posts: {count}
#{number}
0{day}-03-2021, 10:0{day} AM
{text}
Comment
Post
Cancel
"""


def test_a_name_over_a_user_title_heads_the_post_under_any_line() -> None:
    names = ["olga_v", "petr_k", "mira", "olga_v"]
    ranks = ["Senior Member", "Member", "Junior Member", "Senior Member"]
    posts = [
        TITLED_POST.format(
            name=name, rank=rank, day=at + 1, count=10 + at, number=at + 1, text=text
        )
        for at, (name, rank, text) in enumerate(zip(names, ranks, TEXTS, strict=True))
    ]
    posts[0] = posts[0].replace("Comment\nPost\nCancel\n", "Tags: None\n")
    page = "Board\nTram fares in the new budget\nnew posts\n" + "".join(posts)
    result = segment("0123456789abcdef", page, None, SegmentConfig())
    assert result.posts[0]["author"] == "olga_v"
    assert [c["author"] for c in result.comments] == ["petr_k", "mira", "olga_v"]
