"""A web page's article, its head and its furniture; mail pages; '>' quote blocks."""

from __future__ import annotations

from flows.stages.segment import SegmentConfig, coverage_errors, segment
from flows.stages.segment.webpage import is_counter

DOC = "0123456789abcdef"

PARAGRAPH = (
    "The regional election commission published its final count three days after the "
    "polls closed, and the turnout it reported was higher than in any earlier vote."
)


def run(text: str):
    result = segment(DOC, text, None, SegmentConfig())
    assert coverage_errors(text, result) == []
    return result


def _page(head: list[str], tail: list[str]) -> str:
    body = [PARAGRAPH.replace("regional", word) for word in ("city", "district", "federal")]
    return "\n\n".join([*head, *body, *tail])


def test_menu_category_title_byline_and_widgets():
    text = _page(
        ["Skip to content", "Volga Notebook", "Home", "About", "Elections",
         "Why the Count Took Three Days", "Posted on March 3, 2021 by Anna Petrova"],
        ["Share this:", "Twitter", "Facebook", "Related", "Recent Posts",
         "The governors who stayed", "A note on turnout", "Blog at WordPress.com."],
    )  # fmt: skip
    [post] = run(text).posts
    assert post["title"] == "Why the Count Took Three Days"
    assert post["author"] == "Anna Petrova"
    assert (post["published"], post["published_date"]) == ("March 3, 2021", "2021-03-03")
    for chrome in ("Volga Notebook", "Elections", "Recent Posts", "The governors who stayed"):
        assert chrome not in post["body"]
    assert "Posted on" not in post["body"]  # the byline is metadata, in the span only


def test_title_is_never_a_breadcrumb_dateline_or_caption():
    text = _page(
        ["Home » Russia » Politics", "The Guardian January 26, 2000",
         "Duma Passes the Budget in One Reading", "By Ivan Sokolov",
         "Ivan Sokolov. Photo: personal archive"],
        [],
    )  # fmt: skip
    [post] = run(text).posts
    assert post["title"] == "Duma Passes the Budget in One Reading"
    assert post["author"] == "Ivan Sokolov"
    assert post["published_date"] == "2000-01-26"


def test_a_path_of_sections_over_an_untitled_text_is_no_title():
    """The path is dropped as a breadcrumb; what it leaves (paragraphs alone, which a page
    of bare teasers also is) takes no title from it."""
    posts = run(_page(["Home » News » Regions"], [])).posts
    assert posts and all(post["title"] is None for post in posts)
    assert not any("Regions" in post["body"] for post in posts)


def test_a_path_ending_in_the_headline_gives_the_title():
    [post] = run(_page(["Home » News » Governors face a shortage of candidates"], [])).posts
    assert post["title"] == "Governors face a shortage of candidates"


def test_a_byline_written_as_a_sentence_stays_in_the_head_with_its_date():
    text = _page(
        ["Why Governors Stopped Fearing Elections",
         "The direct vote came back with so many filters that it now helps the incumbents.",
         "By Irina Castellanos, a nonresident fellow at the Eastgate Forum and the author "
         "of a study of regional political machines.",
         "December 4, 2026"],
        [],
    )  # fmt: skip
    [post] = run(text).posts
    assert post["author"] == "Irina Castellanos"
    assert post["published_date"] == "2026-12-04"
    assert "nonresident fellow" not in post["body"]


def test_a_written_on_line_under_the_body_dates_the_post():
    [post] = run(_page(["Why the Count Took Three Days"], ["Written on March 3, 2023"])).posts
    assert post["published_date"] == "2023-03-03"


def test_a_short_closing_remark_is_kept_and_a_bio_gives_no_widget_drop():
    text = _page(
        ["A Plain Title Without Byline"], ["Thanks to our readers.", "The struggle goes on!"]
    )
    [post] = run(text).posts
    assert "The struggle goes on!" in post["body"]
    assert post["author"] is None


def test_bio_after_widgets_is_kept():
    text = _page(
        ["Turnout and Its Discontents"],
        ["Tags: turnout, Duma", "Share on Facebook", "About the author",
         "Daria Sokolenko is a historian of late Soviet politics and a lecturer in Vilnius.",
         "2 Comments", "Recent Posts", "An Older Headline Here"],
    )  # fmt: skip
    [post] = run(text).posts
    assert post["author"] == "Daria Sokolenko"
    assert "An Older Headline Here" not in post["body"]


def test_text_without_prose_is_left_to_the_plain_rules():
    text = "Short line one\n\nShort line two\n\nShort line three"
    [post] = run(text).posts
    assert post["body"]


MAIL = """[ru-list] Re: Budget rules for the regions
Olga Meshkova olga.m at example.org
Tue Oct 17 09:41:12 UTC 2023
Previous message: [ru-list] Budget rules for the regions
Next message: [ru-list] Turnout in the north
Messages sorted by: [ date ] [ thread ] [ subject ] [ author ]

On Mon, Oct 16, 2023 at 10:02 PM Ilya Dorn <idorn at example.net> wrote:
> The transfer formula was changed without any debate in the upper house.
>
>> The governors asked for that change themselves, if I remember rightly.

I do not think that is right, and the minutes of the council say otherwise.

The formula is the centre's tool, and the governors only had to sign it.

More information about the ru-list mailing list"""


def test_mail_page_gives_subject_sender_date_and_quote_blocks():
    result = run(MAIL)
    [post] = result.posts
    assert post["title"] == "Re: Budget rules for the regions"
    assert post["author"] == "Olga Meshkova"
    assert post["published_date"] == "2023-10-17"
    quotes = [(b["text"], b["quote_depth"]) for b in result.blocks if b["kind"] == "quote"]
    assert quotes == [
        ("The transfer formula was changed without any debate in the upper house.", 1),
        ("The governors asked for that change themselves, if I remember rightly.", 2),
    ]
    assert "Messages sorted by" not in post["body"]
    assert "mailing list" not in post["body"]
    assert not any(line.startswith(">") for line in post["body"].splitlines())


# -- heads seen on blog platforms (Substack, Ghost, Blogger) and think-tank pages ----------


def test_a_deck_above_the_byline_belongs_to_the_head_and_a_name_beside_the_date_is_the_author():
    text = _page(
        ["Volga Ledger", "Home", "Elections", "The Quiet Return of the Municipal Filter",
         "Municipal deputies decide who may run for governor, and that is the whole point.",
         "Nikita Rusanov", "Sep 3, 2023 • 6 min read",
         "Signature sheets at a regional commission. Photo: Volga Ledger"],
        [],
    )  # fmt: skip
    [post] = run(text).posts
    assert post["title"] == "The Quiet Return of the Municipal Filter"
    assert post["author"] == "Nikita Rusanov"
    assert post["published_date"] == "2023-09-03"
    assert "Municipal deputies decide" in post["body"]  # the deck is kept, as text


def test_a_name_is_an_author_only_beside_a_dateline_and_never_the_masthead():
    far = _page(["Regional Brief", "The Governors' Reshuffle", "Yulia Arbatova", "Share"], [])
    assert run(far).posts[0]["author"] is None
    masthead = _page(
        ["Regional Brief", "The Governors' Reshuffle", "Regional Brief", "May 14, 2024"], []
    )
    assert run(masthead).posts[0]["author"] is None
    source = _page(["Moscow Times", "March 3, 2021", "Duma Passes the Budget in One Reading"], [])
    [post] = run(source).posts  # a source above a date header is not a byline
    assert (post["title"], post["author"]) == ("Duma Passes the Budget in One Reading", None)
    below = _page(["The Governors' Reshuffle", "May 14, 2024", "·", "Yulia Arbatova"], [])
    [post] = run(below).posts
    assert (post["author"], post["published_date"]) == ("Yulia Arbatova", "2024-05-14")
    assert "Yulia Arbatova" not in post["body"]  # metadata, kept in the span only


def test_a_date_split_over_two_lines_is_read_whole():
    text = _page(
        ["thread", "Re: Recall petitions", "Sofia Lebedeva", "14 Mar", "2022", "9:41 p.m."], []
    )
    [post] = run(text).posts
    assert (post["author"], post["published_date"]) == ("Sofia Lebedeva", "2022-03-14")
    assert "9:41 p.m." not in post["body"]
    unsplit = _page(["Re: Recall petitions", "14 Mar", "Share"], [])
    assert run(unsplit).posts[0].get("published_date") is None


def test_a_date_header_above_the_headline_does_not_push_the_title_up():
    blogger = _page(
        ["Volga Notebook", "Notes on regional politics", "Tuesday, March 4, 2014",
         "Why the Crimea Vote Was Rushed"],
        ["Posted by Anna Petrova at 10:12 AM", "No comments:", "Post a Comment", "Blog Archive"],
    )  # fmt: skip
    [post] = run(blogger).posts
    assert post["title"] == "Why the Crimea Vote Was Rushed"
    assert (post["author"], post["published_date"]) == ("Anna Petrova", "2014-03-04")
    # with a byline in the head the headline is above it; the line below is a caption
    magazine = _page(
        ["Who Still Remembers the Referendum", "Daria Sokolenko | 17 March 2021",
         "Daria Sokolenko. Photo: personal archive"],
        [],
    )  # fmt: skip
    assert run(magazine).posts[0]["title"] == "Who Still Remembers the Referendum"


# -- tails: related-post teasers, calls to subscribe, bios ------------------------------


def test_a_related_posts_teaser_is_furniture_but_a_closing_remark_is_kept():
    text = _page(
        ["The Quiet Return of the Municipal Filter"],
        ["That is all for this week, and thank you for reading.", "Sign up for more like this.",
         "Enter your email", "Subscribe", "Read more", "Why Turnout in Samara Fell Again",
         "The regional commission blamed the weather. The numbers point elsewhere.",
         "4 min read", "Powered by Ghost"],
    )  # fmt: skip
    [post] = run(text).posts
    assert "blamed the weather" not in post["body"]
    assert "Sign up for more like this." not in post["body"]  # a call, with its button
    assert "thank you for reading" in post["body"]


def test_a_call_to_subscribe_goes_with_its_button_and_a_mere_mention_stays():
    text = _page(
        ["The Governors' Reshuffle That Nobody Announced"],
        ["Thanks for reading Regional Brief! Subscribe for free to receive new posts.",
         "Subscribe", "12 Likes", "Discussion about this post", "Write a comment..."],
    )  # fmt: skip
    assert "Thanks for reading" not in run(text).posts[0]["body"]
    kept = _page(
        ["A Plain Title Without Byline"],
        ["Readers who subscribe to the regional papers saw the story first."],
    )
    assert "Readers who subscribe" in run(kept).posts[0]["body"]


def test_a_bio_set_apart_below_the_body_leaves_its_widgets_behind():
    text = _page(
        ["The Kremlin's Budget Gamble", "By Oleg Sidorov"],
        ["About the Author", "Oleg Sidorov", "Senior Fellow, Russia and Eurasia Program",
         "Oleg Sidorov is a senior fellow at the Centre, where he studies the federal budget.",
         "Related Analysis", "The Cost of the Mobilisation", "Regions Under Strain"],
    )  # fmt: skip
    [post] = run(text).posts
    assert "Oleg Sidorov is a senior fellow" in post["body"]
    for chrome in ("Related Analysis", "Regions Under Strain", "About the Author"):
        assert chrome not in post["body"]


# -- mail archives: obfuscated addresses, split senders, subject tags, link rows ----------


def _mail(head: list[str], tail: list[str] = ()) -> str:  # type: ignore[assignment]
    body = [PARAGRAPH.replace("regional", word) for word in ("city", "district")]
    return "\n".join([*head, "", *body, "", *tail])


def test_marc_header_with_an_obfuscated_address_and_a_tag_after_re():
    text = _mail(
        ["[prev in list] [next in list] [prev in thread] [next in thread]", "",
         "List:       russia-regions",
         "Subject:    Re: [russia-regions] Transfers to the regions",
         "From:       Anton Mikhailov <a.mikhailov () example ! org>",
         "Date:       2023-10-02 14:07:33",
         "Message-ID: 87h6n2k1qz.fsf () example ! org", "[Download RAW message or body]"],
        ["[prev in list] [next in list] [prev in thread] [next in thread]",
         "Configure | About | News | Add a list | Sponsored by KoreLogic"],
    )  # fmt: skip
    [post] = run(text).posts
    assert post["title"] == "Re: Transfers to the regions"
    assert (post["author"], post["published_date"]) == ("Anton Mikhailov", "2023-10-02")
    for chrome in ("Download RAW", "prev in list", "Sponsored by", "Message-ID"):
        assert chrome not in post["body"]


def test_pipermail_sender_split_from_its_address_or_with_the_host_cut_off():
    split = _mail(
        ["[ru-list] Re: Budget rules for the regions", "Olga Meshkova", "olga.m at example.org",
         "Tue Oct 17 09:41:12 UTC 2023",
         "Previous message (by thread): [ru-list] Budget rules for the regions"],
    )  # fmt: skip
    [post] = run(split).posts
    assert (post["title"], post["author"]) == ("Re: Budget rules for the regions", "Olga Meshkova")
    assert "olga.m at example.org" not in post["body"]
    cut = _mail(["Budget rules for the regions", "Jeffrey Oliver jeff at",
                 "Tue Feb 19 15:45:49 UTC 2008"])  # fmt: skip
    assert run(cut).posts[0]["author"] == "Jeffrey Oliver"


def test_a_subject_line_below_the_sender_and_listserv_addresses():
    gmane = _mail(
        ["Gmane", "From: Olga Meshkova <olga.m <at> example.org>",
         "Subject: Re: Turnout in the north", "Newsgroups: gmane.politics.russia",
         "Date: 2010-03-04 12:34:56 GMT (14 years ago)"],
    )  # fmt: skip
    [post] = run(gmane).posts
    assert (post["title"], post["author"]) == ("Re: Turnout in the north", "Olga Meshkova")
    listserv = _mail(
        ["Subject: Re: Reading list on sanctions", "From: Peter Hallam <[log in to unmask]>",
         "Date: Wed, 19 Mar 2014 16:22:08 +0000"],
        ["Top of Message | Previous Page | Permalink"],
    )  # fmt: skip
    [post] = run(listserv).posts
    assert (post["author"], post["published_date"]) == ("Peter Hallam", "2014-03-19")
    assert "Permalink" not in post["body"]


def test_a_blog_byline_ending_in_at_is_not_a_mail_sender():
    text = _page(
        ["Why the Count Took Three Days", "Posted by Anna Petrova at", "March 3, 2021"], []
    )
    [post] = run(text).posts
    assert post["title"] == "Why the Count Took Three Days"
    assert post["author"] == "Anna Petrova"


def test_a_two_word_headline_right_above_the_byline_and_a_subject_shown_on_a_web_page():
    nabble = _page(
        ["Observer training", "Previous Topic Next Topic", "Open this post in threaded view",
         "|", "Observer training", "Jim Jewett", "Apr 13, 2012; 10:02pm"],
        [],
    )  # fmt: skip
    [post] = run(nabble).posts
    assert (post["title"], post["author"]) == ("Observer training", "Jim Jewett")
    menu = _page(["Observer training", "Open this post in threaded view"], [])
    assert run(menu).posts[0]["title"] == "Open this post in threaded view"  # not above a byline
    oasis = _page(["legaldocml message", "Subject: RE:[legaldocml] Naming convention"], [])
    assert run(oasis).posts[0]["title"] == "RE: Naming convention"


def test_a_headline_in_sentence_case_under_its_byline_and_an_update_date():
    text = _page(
        ["Volga Civic Notes", "Home", "Blog", "Writer's pictureNadia Orlova", "Nadia Orlova",
         "Mar 3, 2019", "Updated: Mar 11, 2019", "4 min read",
         "The Observers Were Ready. The Commission Was Readier."],
        ["Recent Posts", "See All"],
    )  # fmt: skip
    [post] = run(text).posts
    assert post["title"] == "The Observers Were Ready. The Commission Was Readier."
    assert (post["author"], post["published_date"]) == ("Nadia Orlova", "2019-03-03")
    assert "4 min read" not in post["body"]


def test_translator_and_original_credits_are_neither_title_nor_author():
    text = _page(
        ["TRANSLATIONS / COURTS", "The Judge Who Read Too Fast", "Elena Drozdova",
         "14 марта 2021", "Original: «Судья читала быстро», Obozrevatel",
         "Translated by Peter Hall"],
        [],
    )  # fmt: skip
    [post] = run(text).posts
    assert (post["title"], post["author"]) == ("The Judge Who Read Too Fast", "Elena Drozdova")
    assert post["published_date"] == "2021-03-14"


def test_a_field_table_head_and_an_original_message_quoted_whole():
    """mod_mbox prints the header as 'Label value' rows (tabs turned into spaces); an
    Outlook reply quotes the message whole under '-----Original Message-----'."""
    text = "\n".join(
        [
            "Message view « Date » · « Thread »",
            "From Yegor Lanskoy <ylanskoy@example.org>",
            "Subject RE: Counting rules",
            "Date Thu, 05 Sep 2024 08:12:40 GMT",
            PARAGRAPH,
            "",
            "-----Original Message-----",
            "From: Dana White [mailto:dwhite@example.net]",
            "Sent: Wednesday, September 4, 2024 5:47 PM",
            "Has anything changed in the rules since March?",
            "",
            "---------------------------------------------------------------------",
            "To unsubscribe, e-mail: observers-unsubscribe@lists.example.org",
            "For additional commands, e-mail: observers-help@lists.example.org",
        ]
    )
    result = run(text)
    (post,) = result.posts
    assert post["title"] == "RE: Counting rules" and post["author"] == "Yegor Lanskoy"
    assert post["published_date"] == "2024-09-05"
    quotes = [b["text"] for b in result.blocks if b["kind"] == "quote"]
    assert quotes == ["Has anything changed in the rules since March?"]
    assert "Sent:" not in post["body"] and "additional commands" not in post["body"]


def test_newspaper_and_columnist_bylines_beside_the_dateline():
    outlet = _page(
        ["Volga Observer", "Politics › Elections", "Why the Duma vote matters",
         "Anna Lind for The Volga Observer", "Sunday 3 March 2018 10.14 GMT"],
        [],
    )  # fmt: skip
    [post] = run(outlet).posts
    assert (post["title"], post["author"]) == ("Why the Duma vote matters", "Anna Lind")
    columnist = _page(
        ["Blogs", "Alexei Voronin", "political scientist", "12 March 2018, 14:05",
         "Why turnout matters more than the result"],
        [],
    )  # fmt: skip
    [post] = run(columnist).posts
    assert (post["title"], post["author"]) == (
        "Why turnout matters more than the result",
        "Alexei Voronin",
    )
    names = _page(
        ["World News", "March 6, 2018 / 11:42 AM / Updated 6 years ago",
         "Election officials bar protest candidate from ballot in Siberian city",
         "Darya Korsunskaya, Gleb Stolyarov", "4 Min Read"],
        [],
    )  # fmt: skip
    [post] = run(names).posts
    assert post["author"] == "Darya Korsunskaya, Gleb Stolyarov"
    assert post["published_date"] == "2018-03-06"


def test_a_posted_on_line_above_the_headline_does_not_send_the_title_up():
    text = _page(
        ["Frostbound Notes", "Occasional writing on Russian politics and society", "Menu",
         "Home", "Posted on September 21, 2016 by AK", "The silence of the urbanites"],
        ["This entry was posted in Elections and tagged Duma. Bookmark the permalink."],
    )  # fmt: skip
    [post] = run(text).posts
    assert (post["title"], post["author"]) == ("The silence of the urbanites", "AK")
    assert "Bookmark the permalink" not in post["body"]


def test_a_headline_over_its_longer_deck_and_a_name_with_a_role():
    amp = _page(
        ["Menu", "The Baltic Ledger", "Europe", "Moscow court extends detention of a monitor",
         "Lawyers say the case rests on a single anonymous complaint after the count",
         "By Katarzyna Wolska", "Published March 3, 2021 at 2:05 pm"],
        [],
    )  # fmt: skip
    [post] = run(amp).posts
    assert (post["title"], post["author"]) == (
        "Moscow court extends detention of a monitor",
        "Katarzyna Wolska",
    )
    column = _page(
        ["Мнения · Колонка", "Тихая отмена местного самоуправления",
         "Почему прямые выборы мэров исчезают один за другим и кому это выгодно",
         "Ирина Кузнецова, обозреватель", "03.03.2021"],
        [],
    )  # fmt: skip
    [post] = run(column).posts
    assert (post["title"], post["author"]) == (
        "Тихая отмена местного самоуправления",
        "Ирина Кузнецова",
    )


def test_an_untitled_wall_post_under_a_menu():
    text = _page(
        ["Мессенджер", "Друзья", "Музыка", "Наблюдатели Поволжья", "3 мар 2021 в 14:05"], []
    )
    [post] = run(text).posts
    assert (post["title"], post["author"], post["published_date"]) == (
        None,
        "Наблюдатели Поволжья",
        "2021-03-03",
    )
    assert "Музыка" not in post["body"]


def test_counters_are_never_headlines():
    assert is_counter("Количество просмотров 12K")
    assert is_counter("Время на прочтение 6 мин")
    assert not is_counter("Putin's second term, 2004")  # a year closes a headline
    text = _page(
        ["k_sorokin 3 мар 2021 в 14:05", "Как устроено электронное голосование",
         "Время на прочтение 6 мин", "Количество просмотров 12K", "Криптография*"],
        [],
    )  # fmt: skip
    [post] = run(text).posts
    assert (post["title"], post["author"]) == ("Как устроено электронное голосование", "k_sorokin")
    assert "Количество просмотров" not in post["body"]


def test_the_page_title_line_names_the_headline_over_its_deck():
    text = _page(
        ["The sanctions ledger — Eastern Desk", "Eastern Desk", "Home", "Archive",
         "The sanctions ledger",
         "What three years of asset freezes have and have not done to the elites",
         "Yevgenia Rostova", "Mar 3, 2021 • 7 min read"],
        [],
    )  # fmt: skip
    [post] = run(text).posts
    assert (post["title"], post["author"]) == ("The sanctions ledger", "Yevgenia Rostova")
    assert "The sanctions ledger — Eastern Desk" not in post["body"]


def test_a_signature_under_a_valediction_but_not_under_a_widget():
    signed = _page(["Why the Count Took Three Days"], ["Regards,", "Anna Petrova"])
    assert run(signed).posts[0]["author"] == "Anna Petrova"
    widget = _page(
        ["Why the Count Took Three Days"],
        ["Related article", "Lawmakers approve new limits on observers", "Paid Content"],
    )
    [post] = run(widget).posts
    assert post["author"] is None
    assert "Paid Content" not in post["body"]


def test_the_masthead_named_by_the_copyright_line_is_never_the_headline():
    text = _page(
        ["The Volga Observer", "Marta Keller", "March 3, 2021"],
        ["Read more", "Share", "© 2021 The Volga Observer"],
    )
    [post] = run(text).posts
    assert (post["title"], post["author"]) == (None, "Marta Keller")


def test_print_views_and_usenet_headers_give_subject_sender_and_date():
    """A print view: '<subject>' / '<n> messages' / '<Name> <address> <date>' (sender and
    date side by side); Usenet: 'From: <address> (<Name>)' and a year-first date, its
    transport headers ('Organization:', 'Lines:') chrome."""
    gmail = _mail(
        ["Gmail Olga Meshkova <olga.m@example.com>", "", "Notes from the budget hearing",
         "1 message", "", "Pavel Orlov <p.orlov@example.org> Wed, Jul 13, 2022 at 6:52 PM",
         "To: ngo-monitor@groups.example.org"],
    )  # fmt: skip
    [post] = run(gmail).posts
    assert (post["title"], post["author"]) == ("Notes from the budget hearing", "Pavel Orlov")
    assert post["published_date"] == "2022-07-13"
    assert "1 message" not in post["body"]
    usenet = _mail(
        ["Newsgroups: soc.culture.russian", "From: avd@example.edu (Andrei Dubrov)",
         "Subject: Re: Who will run in June?", "Date: 1996/02/19",
         "Organization: Department of Physics", "Lines: 31"],
    )  # fmt: skip
    [post] = run(usenet).posts
    assert (post["title"], post["author"]) == ("Re: Who will run in June?", "Andrei Dubrov")
    assert post["published_date"] == "1996-02-19"
    assert "Organization" not in post["body"] and "Lines: 31" not in post["body"]


def test_a_name_at_a_place_before_a_date_is_no_sender():
    """Only a full address in angle brackets may have the date beside it: 'Anna Petrova,
    correspondent at the Volga Times 3 March 2021' is a byline, not a mail header."""
    from flows.stages.segment.webpage import sender_name

    assert sender_name("Pavel Orlov <p.orlov@example.org> Wed, Jul 13, 2022 at 6:52 PM")
    assert sender_name("Pavel Orlov <p.orlov@example.org> and colleagues") is None
    assert sender_name("Anna Petrova, correspondent at the Volga Times 3 March 2021") is None


def test_a_row_of_links_ending_in_a_bar_is_chrome():
    text = _mail(
        ["Subject: Re: Transit rules", "From: Jonas P <jonas <at> example.lt>",
         "Date: 2002-10-14 16:03:27 GMT"],
        ["Permalink | Reply |"],
    )  # fmt: skip
    [post] = run(text).posts
    assert "Permalink" not in post["body"]


def test_headline_repeated_in_capitals_wins_over_a_kicker_above_the_byline():
    text = _page(
        ["Forum Reposts", "Why the Count Took Three Days", "WHY THE COUNT TOOK THREE DAYS",
         "11/27/2013 03:18 PM", "The Art of Counting", "By Anna Petrova and Oleg Lind"],
        ["Source: Volga Weekly"],
    )  # fmt: skip
    [post] = run(text).posts
    assert post["title"] == "Why the Count Took Three Days"
    assert "WHY THE COUNT" not in post["body"]
    # a headline shown once is not moved by the rule
    [post] = run(_page(["Why the Count Took Three Days", "By Anna Petrova"], [])).posts
    assert post["title"] == "Why the Count Took Three Days"


def test_age_line_under_the_headline_and_an_ad_slot_under_it():
    text = _page(
        ["Nordlight News", "Home", "World", "Why the count took three days in the city",
         "9 months ago 7", "ARTICLE AD BOX"],
        ["Read Entire Article", "Related News", "Turnout falls again in the north"],
    )  # fmt: skip
    [post] = run(text).posts
    assert post["title"] == "Why the count took three days in the city"
    assert post["author"] is None and post["published_date"] is None
    for chrome in ("ARTICLE AD BOX", "Read Entire Article", "Related News"):
        assert chrome not in post["body"]


def test_two_digit_year_closing_a_posted_on_line():
    text = _page(["Why the Count Took Three Days", "Posted on Mar 12, 24", "4 min read"], [])
    [post] = run(text).posts
    assert post["title"] == "Why the Count Took Three Days"
    assert post["published_date"] == "2024-03-12"


def test_photo_caption_between_the_byline_and_the_body_is_furniture():
    text = _page(
        ["Why the Count Took Three Days", "Posted on March 3, 2021 by Anna Petrova",
         "Counters at a polling station in Kazan (Credit: Volga Photo)"],
        [],
    )  # fmt: skip
    [post] = run(text).posts
    assert post["title"] == "Why the Count Took Three Days"
    assert "Credit:" not in post["body"] and "city election commission" in post["body"]


def test_pipermail_in_mailmans_russian_locale():
    """'<Name> <user> на <host>', 'Пт Мар 14 16:08:51 MSK 2008' and the Russian menus:
    the sender, the date and chrome, as in the English pages; 'на' inside a sentence is no
    address."""
    text = _mail(
        ["[Regiony-L] Отставка мэра", "Павел Кудрин pkudrin на example.ru",
         "Пт Мар 14 16:08:51 MSK 2008",
         "Предыдущее сообщение: [Regiony-L] Бюджет области",
         "Сообщения, отсортированные по: [ дате ] [ теме ] [ предмету ] [ автору ]"],
    )  # fmt: skip
    [post] = run(text).posts
    assert (post["title"], post["author"]) == ("Отставка мэра", "Павел Кудрин")
    assert post["published_date"] == "2008-03-14"
    assert "Предыдущее" not in post["body"] and "отсортированные" not in post["body"]
    plain = _page(["Отставка мэра", "Депутаты собрались на заседание."], [])
    assert run(plain).posts[0]["author"] is None


def test_author_name_written_twice_over_the_date_is_no_headline():
    """Ghost's author card: '<Name>' (the avatar's text) over '<Name>' over the date."""
    text = "\n".join(
        ["Harbour Letter", "Home", "", "Analysis", "Why the Count Took Three Days",
         "Turnout was reported three days after the polls closed.", "Anna Petrova",
         "Anna Petrova", "Oct 4, 2023 — 6 min read", "", _page([], [])]
    )  # fmt: skip
    [post] = run(text).posts
    assert post["title"] == "Why the Count Took Three Days"
    assert post["author"] == "Anna Petrova"
    # a different name over the byline is no copy of it
    text = "\n".join(["Why the Count Took Three Days", "Ilse Marrow", "Anna Petrova",
                      "Oct 4, 2023", "", _page([], [])])  # fmt: skip
    [post] = run(text).posts
    assert post["title"] != "Anna Petrova"


def test_notes_in_a_share_bar_is_no_notes_heading():
    """'Copy link' / 'Facebook' / 'Email' / 'Notes': a share target, so what follows is
    the page's furniture, not the article's notes."""
    tail = ["Share this post\nCopy link\nFacebook\nEmail\nNotes",
            "Sign up for Harbour Letter\nWeekly notes, in plain language.\nSubscribe\n"
            "Email sent! Check your inbox to complete your signup.\nNo spam. Unsubscribe anytime.",
            "Read more\nOpinion\nThe Quiet Return of Single-Member Districts\n"
            "Regional legislatures are redrawing their maps again, and the new lines favour "
            "the ruling party.\nAnna Petrova\nSep 27, 2023",
            "Harbour Letter © 2023\nPowered by Ghost"]  # fmt: skip
    [post] = run(_page(["Why the Count Took Three Days", "By Anna Petrova"], tail)).posts
    assert "Email sent!" not in post["body"]
    assert "The Quiet Return" not in post["body"]
    # a notes heading set apart keeps its notes
    tail = ["Notes", "1. The commission's own figures, published on its site."]
    [post] = run(_page(["Why the Count Took Three Days", "By Anna Petrova"], tail)).posts
    assert "commission's own figures" in post["body"]


def test_two_link_labels_closing_the_page_are_chrome():
    """'View full site' / 'Privacy Policy' under the body: links, though only two lines."""
    [post] = run(_page(["Why the Count Took Three Days", "By Anna Petrova"],
                       ["View full site\nPrivacy Policy"])).posts  # fmt: skip
    assert "View full site" not in post["body"]
    assert "Privacy Policy" not in post["body"]
    # a short closing line that ends a sentence, and a sign-off, stay
    [post] = run(_page(["Why the Count Took Three Days", "By Anna Petrova"],
                       ["More to follow.", "Best regards,"])).posts  # fmt: skip
    assert "More to follow." in post["body"]
    assert "Best regards," in post["body"]


def test_a_sentence_closing_the_page_under_its_widgets_is_a_footer_note():
    """The page's disclaimer, last, under the widgets: furniture; a sentence between the
    body and the widgets stays."""
    tail = ["An appeal will be filed within ten days.",
            "Share: Telegram · Facebook · Email", "Related translations\nThe Quarry Next Door",
            "Donate",
            "Harbour Letter is not affiliated with the papers whose work we translate."]  # fmt: skip
    [post] = run(_page(["Why the Count Took Three Days", "By Anna Petrova"], tail)).posts
    assert "An appeal will be filed" in post["body"]
    assert "is not affiliated" not in post["body"]


def test_columnist_name_and_role_over_the_headline_over_the_date():
    """'<Name>' / '<role>' / '<headline>' / '<date>': the name is the author, the role line
    no headline."""
    head = ["Volga Herald", "Opinion", "Anna Petrova", "political scientist, Kazan University",
            "Why the Count Took Three Days and Nobody Complained", "03.03.2021"]  # fmt: skip
    [post] = run(_page(head, [])).posts
    assert post["title"] == "Why the Count Took Three Days and Nobody Complained"
    assert post["author"] == "Anna Petrova"
    # a source's name over a headline over a date header, no role line: no byline
    head = ["Volga Herald", "Anna Petrova", "Why the Count Took Three Days and Nobody Complained",
            "03.03.2021"]  # fmt: skip
    [post] = run(_page(head, [])).posts
    assert post["title"] == "Why the Count Took Three Days and Nobody Complained"


def test_paywall_pitch_and_its_heading_close_the_body():
    """'Keep reading with a 7-day free trial' / 'Subscribe to X to keep reading …' /
    'Start trial': the call, its heading and button are furniture; text stays."""
    tail = ["Keep reading with a 7-day free trial\n"
            "Subscribe to Harbour Letter to keep reading this post and get 7 days of free "
            "access to the full post archives.\nStart trial\nAlready a paid subscriber? Sign in",
            "Previous\nNext", "© 2024 Anna Petrova"]  # fmt: skip
    [post] = run(_page(["Why the Count Took Three Days", "By Anna Petrova"], tail)).posts
    assert "Keep reading with" not in post["body"]
    assert "to keep reading this post" not in post["body"]
    assert "final count three days" in post["body"]
    # without a button under it, a sentence naming a subscription is text
    tail = ["Readers who subscribe to the commission's bulletin got the figures a day early."]
    [post] = run(_page(["Why the Count Took Three Days", "By Anna Petrova"], tail)).posts
    assert "got the figures a day early" in post["body"]


def test_meta_row_cells_give_the_date_and_the_author():
    """'<date> | <Name> | Просмотров: <n> | Комментариев: <n>' under the headline: the
    row's cells give the date and the author; the row is metadata."""
    text = _page(
        ["Блог о выборах", "Главная", "Архив",
         "Почему в районных советах не осталось оппозиции",
         "14.03.2024 | Андрей Лаптев | Просмотров: 2 418 | Комментариев: 7"],
        ["Продолжение следует.", "Метки: выборы, оппозиция", "Поделиться:", "Telegram",
         "Популярное", "Губернатор и его заместители", "Почему явка в городе ниже"],
    )  # fmt: skip
    [post] = run(text).posts
    assert post["title"] == "Почему в районных советах не осталось оппозиции"
    assert post["author"] == "Андрей Лаптев"
    assert post["published_date"] == "2024-03-14"
    assert "Просмотров" not in post["body"]
    assert "Продолжение следует." in post["body"]  # a short closing sentence under the body
    assert "Популярное" not in post["body"]


def test_russian_header_fields_in_any_order_and_a_header_block_inside_the_reply():
    """An Outlook reply chain with a Russian interface: the page's own header ('От:' with
    a '[mailto:…]' address, 'Отправлено:', 'Кому:', 'Тема:'), then the message quoted whole
    under a rule, opened by a header block in another order, with no '>' markers."""
    text = "\n".join(
        [
            "От: Вера Климова [mailto:v.klimova@example.ru]",
            "Отправлено: 3 апреля 2024 г. 10:15",
            "Кому: Игорь Панин; desk@example.ru",
            "Копия: Лев Смолин",
            "Тема: RE: Явка на участках",
            "",
            PARAGRAPH,
            "",
            "________________________________",
            "Тема: Явка на участках",
            "От: Игорь Панин <i.panin@example.org>",
            "Кому: Вера Климова",
            "",
            "Can you send the station-level turnout figures before Friday?",
        ]
    )
    result = run(text)
    (post,) = result.posts
    assert (post["title"], post["author"]) == ("RE: Явка на участках", "Вера Климова")
    assert post["published_date"] == "2024-04-03"
    quotes = [b["text"] for b in result.blocks if b["kind"] == "quote"]
    assert quotes == ["Can you send the station-level turnout figures before Friday?"]
    for chrome in ("Кому:", "Копия:", "Игорь Панин <", "______"):
        assert chrome not in post["body"]


def test_field_lines_in_the_body_open_no_quote_without_a_block():
    """One 'To:' line in the text, or two field lines naming neither a sender nor a date,
    are no quoted message's header: the text under them stays the reply's."""
    text = _mail(
        ["Budget rules for the regions", "Anna Petrova anna at example.org",
         "Mon Mar 4 10:12:00 UTC 2024"],
        ["To: the commission, as we agreed on Monday.", "",
         "Cc: Subject: the two fields above are just words in a sentence list.", "",
         "Our own reply continues here with the budget figures for the district."],
    )  # fmt: skip
    result = run(text)
    assert not [b for b in result.blocks if b["kind"] == "quote"]
    assert "Our own reply continues here" in result.posts[0]["body"]


def test_a_signature_under_its_delimiter_is_a_block_and_leaves_the_body():
    text = _mail(
        ["Budget rules for the regions", "Anna Petrova anna at example.org",
         "Mon Mar 4 10:12:00 UTC 2024"],
        ["-- ", "Anna Petrova", "Observer, Samara", "+7 846 000-00-00"],
    )  # fmt: skip
    result = run(text)
    (post,) = result.posts
    assert "+7 846" not in post["body"] and "Observer, Samara" not in post["body"]
    [signature] = [b["text"] for b in result.blocks if b["kind"] == "signature"]
    assert signature.splitlines()[1:] == ["Anna Petrova", "Observer, Samara", "+7 846 000-00-00"]


def test_a_long_tail_or_a_quote_under_two_dashes_is_no_signature():
    long_tail = _mail(
        [
            "Budget rules for the regions",
            "Anna Petrova anna at example.org",
            "Mon Mar 4 10:12:00 UTC 2024",
        ],
        ["--", PARAGRAPH.replace("regional", "municipal")],
    )
    assert "municipal election commission" in run(long_tail).posts[0]["body"]
    quoted = _mail(
        [
            "Budget rules for the regions",
            "Anna Petrova anna at example.org",
            "Mon Mar 4 10:12:00 UTC 2024",
        ],
        ["--", "> an older line quoted"],
    )
    assert not [b for b in run(quoted).blocks if b["kind"] == "signature"]


def test_a_quote_attribution_under_the_first_paragraph_is_no_dateline():
    """'On <date>, <name> wrote:' over a '>' quote dates the quoted message: the page's
    date is the one under the sender's name (a mail archive shows no address there)."""
    text = "\n".join(
        ["[Date Prev][Date Next][Thread Prev][Thread Next][Date Index][Thread Index]", "",
         "Re: Budget rules for the regions", "", "Anna Petrova",
         "Sat, 11 Mar 2023 03:22:41 -0800", "", PARAGRAPH, "",
         "On Fri, Mar 10, 2023 at 7:05 PM Ivan Sokolov <i.sokolov@example.org> wrote:", "",
         "> The district council voted on the merger without any public hearing at all.",
         "", PARAGRAPH.replace("regional", "city")]
    )  # fmt: skip
    result = run(text)
    (post,) = result.posts
    assert post["published_date"] == "2023-03-11"
    assert "Ivan Sokolov <i.sokolov@example.org> wrote:" in post["body"]


def test_bar_quote_markers_but_not_table_rows():
    text = _mail(
        ["Budget rules for the regions", "Anna Petrova anna at example.org",
         "Mon Mar 4 10:12:00 UTC 2024"],
        ["| The district council voted on the merger without any hearing.",
         "| | An older line quoted twice over.", "",
         "| Region | Turnout | Share |", "", "__", "Anna"],
    )  # fmt: skip
    result = run(text)
    quotes = [(b["quote_depth"], b["text"]) for b in result.blocks if b["kind"] == "quote"]
    assert quotes == [
        (1, "The district council voted on the merger without any hearing."),
        (2, "An older line quoted twice over."),
    ]
    # the table row quotes nothing (it is the list's chrome here, by its bars)
    assert [b["text"] for b in result.blocks if b["kind"] == "signature"] == ["__\nAnna"]


def test_subject_below_the_recipients_and_the_mailbox_owner_above():
    """An Outlook print: the mailbox owner's name, then 'From:', 'Sent:', 'To:', 'Cc:' and
    'Subject:' last, each label and value split by a tab."""
    text = "\n".join(
        ["Olga Vinter", "", "From:\tMark Ellison <m.ellison@example.org>",
         "Sent:\tTuesday, 14 May 2024 09:12", "To:\tOlga Vinter",
         "Cc:\tobservers@lists.example.org", "Subject:\tRE: Accreditation of observers", "",
         PARAGRAPH]
    )  # fmt: skip
    (post,) = run(text).posts
    assert (post["title"], post["author"]) == ("RE: Accreditation of observers", "Mark Ellison")
    assert post["published_date"] == "2024-05-14"
    assert "Olga Vinter" not in post["body"] and "observers@lists" not in post["body"]


def test_a_forwarded_message_between_captions_is_quoted_whole():
    text = "\n".join(
        ["Тема: Fwd: Отказ в регистрации", "От: Павел Рудаков <p.rudakov@example.ru>",
         "Дата: 02.08.2021, 10:31", "", PARAGRAPH, "",
         "-------- Пересылаемое сообщение --------",
         '30.07.2021, 17:02, "ОИК № 4" <oik4@example.ru>:', "",
         "The commission refused to register the list for lack of valid signatures.", "",
         "-------- Конец пересылаемого сообщения --------", "",
         PARAGRAPH.replace("regional", "city")]
    )  # fmt: skip
    result = run(text)
    (post,) = result.posts
    quotes = [b["text"] for b in result.blocks if b["kind"] == "quote"]
    assert "The commission refused to register the list for lack of valid signatures." in quotes
    assert "Пересылаемое" not in post["body"] and "Конец" not in post["body"]
    assert "The city election commission" in post["body"]
    assert not any("city election" in quote for quote in quotes)


def test_a_dashed_caption_over_no_dated_line_opens_no_quote():
    text = _mail(
        ["Budget rules for the regions", "Anna Petrova anna at example.org",
         "Mon Mar 4 10:12:00 UTC 2024"],
        ["-------- Appendix --------", "Figures by district follow:", "",
         "The district figures show the same fall in turnout as the city ones did."],
    )  # fmt: skip
    result = run(text)
    assert not [b for b in result.blocks if b["kind"] == "quote"]
    assert "same fall in turnout" in result.posts[0]["body"]


def test_arrow_navigation_pairs_are_chrome_but_a_sentence_with_bars_is_not():
    text = _mail(
        ["Budget rules for the regions", "Anna Petrova anna at example.org",
         "Mon Mar 4 10:12:00 UTC 2024"],
        ["« Previous | Next »", "By date: << earlier | later >>",
         "", "We compared turnout | not share | across the districts of the region.", ""],
    )  # fmt: skip
    body = run(text).posts[0]["body"]
    assert "« Previous" not in body and "<< earlier" not in body
    assert "We compared turnout | not share | across the districts" in body


def test_bar_quote_depth_needs_text_and_no_other_bar():
    from flows.stages.segment.blocks import quote_depth

    assert quote_depth("| the council voted on Monday") == 1
    assert quote_depth("> | the council voted on Monday") == 2
    assert quote_depth("| Politics") == 0  # a menu label behind a separator
    assert quote_depth("| Region | Turnout | Share |") == 0  # a table row
    assert quote_depth(">> ") == 2


def test_initials_before_the_marker_quote_too():
    from flows.stages.segment.blocks import quote_depth

    assert quote_depth("ST> the figures look far too round") == 1
    assert quote_depth("VK>> every precinct reported sixty percent") == 2
    assert quote_depth("Olga> we sent the inquiry on Monday") == 1
    assert quote_depth("ST>the figures") == 0  # no space: an arrow in running text
    assert quote_depth("x> lowercase is no initial") == 0


def test_initials_quoted_paragraphs_are_quote_blocks():
    text = "\n".join(
        ["Hello Sergei!", "",
         "ST> The turnout figures the commission published for the district look",
         "ST> far too round to be real counts.", "",
         "The commission has not answered the inquiry we sent on Monday, and the observers "
         "who stayed for the count say their own tallies were lower in most precincts.", "",
         "Best regards, Viktor."]
    )  # fmt: skip
    quotes = [(b["quote_depth"], b["text"]) for b in run(text).blocks if b["kind"] == "quote"]
    assert quotes == [
        (1, "The turnout figures the commission published for the district look far too "
            "round to be real counts.")
    ]  # fmt: skip


def test_reading_time_and_degrees_stand_between_date_and_byline_name():
    text = _page(
        ["Anna Lind", "Home", "Essays", "Why the Count Took Three Days", "March 2, 2021",
         "9-minute read", "Anna Lind", "BA MPA PhD"],
        ["© 2021 Anna Lind"],
    )  # fmt: skip
    [post] = run(text).posts
    assert post["title"] == "Why the Count Took Three Days"
    assert post["author"] == "Anna Lind"  # the masthead's name, but under the date
    assert "BA MPA PhD" not in post["body"]


def test_a_name_over_the_date_equal_to_the_masthead_is_no_byline():
    head = ["Volga Notebook", "Volga Notebook", "March 2, 2021", "Why the Count Took Three Days"]
    text = _page(head, [])
    [post] = run(text).posts
    assert post["author"] is None


def test_head_found_over_a_block_of_widgets():
    text = _page(
        ["Menu", "Why the Count Took Three Days in the Regions", "Published: April 19, 2023",
         "Anna Lind, Volga University", "Disclosure statement", "Republish this article",
         "We believe in the free flow of information", "Read more of our work here"],
        [],
    )  # fmt: skip
    [post] = run(text).posts
    assert post["title"] == "Why the Count Took Three Days in the Regions"
    assert post["author"] == "Anna Lind"
    assert post["published_date"] == "2023-04-19"
    assert "Republish this article" not in post["body"]


def test_dated_teasers_over_an_undated_article_are_no_head():
    text = _page(
        ["Latest", "Governors Who Stayed in Office Too Long", "March 3, 2021",
         "A Note on Turnout in the Northern Regions", "March 2, 2021",
         "Why the Count Took Three Days", "Officials blamed the new scanners for it",
         "Several districts recounted by hand"],
        [],
    )  # fmt: skip
    [post] = run(text).posts
    assert post["title"] != "A Note on Turnout in the Northern Regions"
    assert post["published"] is None or post["published_date"] != "2021-03-02"


def test_raw_header_fields_are_no_sender_and_no_body():
    from flows.stages.segment.webpage import _raw_header_fields, sender_name

    assert sender_name("List-Post: <mailto:list@example.org>") is None
    assert sender_name("Return-Path: <a.lind@example.org>") is None
    assert sender_name("Anna Lind <a.lind@example.org> Tue, 14 June 2022 09:41 UTC") == "Anna Lind"
    fields = ["Return-Path: <a@b.org>", "Received: from x by y", "Delivered-To: c@d.org"]
    assert _raw_header_fields(["Re: the count", *fields, "Hello all,"]) == [1, 2, 3]
    # a few labelled lines of prose are no raw header: one hyphenated name, or too few
    assert _raw_header_fields(["Note: see below", "Update: none", "Follow-up: soon"]) == []
    assert _raw_header_fields(["Re-read: twice", "Check-in: daily"]) == []


def test_mail_archive_page_with_full_raw_headers():
    text = "\n".join(
        ["Re: [list] The count in the regions", "",
         "Anna Lind <a.lind@example.org> Tue, 14 June 2022 09:41 UTC", "",
         "Return-Path: <a.lind@example.org>", "X-Spam-Flag: NO",
         "Received: from mx.example.org by archive.example.org", "From: Anna Lind <a.lind@example.org>",
         "Content-Transfer-Encoding: quoted-printable", "List-Post: <mailto:list@example.org>", "",
         PARAGRAPH, "", PARAGRAPH.replace("regional", "city")]
    )  # fmt: skip
    [post] = run(text).posts
    assert post["title"] == "Re: The count in the regions"
    assert post["author"] == "Anna Lind"
    assert post["published_date"] == "2022-06-14"
    assert "Content-Transfer-Encoding" not in post["body"]
    assert "List-Post" not in post["body"]


def test_a_headline_printed_twice_under_a_footer_notice_opens_the_article():
    notice = (
        "When quoting our materials, please include an active hyperlink to the original "
        "story and keep the extract short, as our terms of use require."
    )
    headline = "Teachers in annexed districts told to run the polling stations"
    text = "\n\n".join(["Copyright © 2024", notice, headline, headline, PARAGRAPH,
                        PARAGRAPH.replace("regional", "city")])  # fmt: skip
    [post] = run(text).posts
    assert post["title"] == headline
    assert notice not in post["body"]
    assert post["body"].startswith("The regional election commission")


def test_a_headline_quoted_once_inside_the_body_does_not_cut_it():
    quoted = "Teachers in annexed districts told to run the polling stations"
    text = "\n\n".join(["Why the Count Took Three Days", PARAGRAPH, quoted,
                        PARAGRAPH.replace("regional", "city")])  # fmt: skip
    [post] = run(text).posts
    assert post["title"] == "Why the Count Took Three Days"
    assert post["body"].startswith("The regional election commission")


def test_a_letter_signed_in_capitals_over_a_role_gives_the_author():
    text = _page(["Letters: The count took three days"],
                 ["MARGARET DELACROIX", "retired customs inspector", "Mandeville"])  # fmt: skip
    [post] = run(text).posts
    assert post["author"] == "MARGARET DELACROIX"


def test_a_widget_heading_in_capitals_is_no_signature():
    text = _page(["Letters: The count took three days"],
                 ["MOST POPULAR", "Council approves drainage plan", "Restaurant inspections"])  # fmt: skip
    [post] = run(text).posts
    assert post["author"] is None


def test_a_widget_heading_shaped_like_a_name_under_the_body_is_no_signature():
    text = _page(["Why the Count Took Three Days"],
                 ["Related Experts", "Ilona Vaske", "Tomas Riekstins"])  # fmt: skip
    [post] = run(text).posts
    assert "Related Experts" not in post["body"]
    assert post["author"] is None
    signed = _page(["Why the Count Took Three Days"], ["Ilona Vaske"])
    [post] = run(signed).posts
    assert post["author"] == "Ilona Vaske"  # a signature right under the body signs it


def test_a_masthead_date_under_a_slogan_is_no_head_over_widgets():
    text = _page(
        ["News you can trust since nineteen hundred", "Wednesday, 6 December 2026", "Home",
         "Why the Count Took Three Days", "Officials blamed the new scanners for it",
         "Several districts recounted by hand", "A polling station in Kazan. Photo: Anna Lind"],
        [],
    )  # fmt: skip
    [post] = run(text).posts
    assert post["title"] != "News you can trust since nineteen hundred"


def test_a_heading_printed_twice_after_the_opening_paragraphs_keeps_them():
    heading = "What the observers saw in the counting rooms"
    paragraphs = [PARAGRAPH.replace("regional", word) for word in ("city", "district", "federal")]
    text = "\n\n".join(["Why the Count Took Three Days", *paragraphs, heading, heading, PARAGRAPH])
    [post] = run(text).posts
    assert post["title"] == "Why the Count Took Three Days"
    assert post["body"].startswith("The city election commission")


def test_a_player_row_under_the_headline_is_neither_title_nor_body():
    text = _page(["Why the Count Took Three Days", "Listen to this story · 5 min",
                  "Click here to share on social media"], [])  # fmt: skip
    [post] = run(text).posts
    assert post["title"] == "Why the Count Took Three Days"
    assert "5 min" not in post["body"]
    assert "Click here" not in post["body"]


def test_a_date_stated_under_the_body_dates_the_post_beside_its_byline_or_label():
    beside = _page(["Why the Count Took Three Days"],
                   ["Ilona Vaske", "6 December 2026, 09:40", "More from Europe"])  # fmt: skip
    [post] = run(beside).posts
    assert (post["author"], post["published_date"]) == ("Ilona Vaske", "2026-12-06")
    labelled = _page(["Why the Count Took Three Days"],
                     ["Related", "Latvia extends state of emergency", "Date 07.12.2026",
                      "Author Ekaterina Dorn (Reuters, AFP)", "About us"])  # fmt: skip
    [post] = run(labelled).posts
    assert (post["author"], post["published_date"]) == ("Ekaterina Dorn", "2026-12-07")
    teaser = _page(["Why the Count Took Three Days"],
                   ["Read also", "Regional budget passes first reading", "05.12.2026 11:47",
                    "Governor names new health minister", "04.12.2026 18:10"])  # fmt: skip
    [post] = run(teaser).posts
    assert post["published_date"] is None  # a widget's teaser's date, not the post's


def test_an_author_card_names_the_author_when_its_name_is_printed_twice_over_a_bio():
    card = _page(["Pavel Soldatov", "Pavel Soldatov", "Researcher. Notes on parties and elections.",
                  "Posts", "Talks", "Why the Count Took Three Days"], [])  # fmt: skip
    [post] = run(card).posts
    assert (post["title"], post["author"]) == ("Why the Count Took Three Days", "Pavel Soldatov")
    once = _page(["Pavel Soldatov", "Researcher. Notes on parties and elections.", "Posts", "Talks",
                  "Why the Count Took Three Days"], [])  # fmt: skip
    [post] = run(once).posts
    assert post["author"] is None
    menu = _page(["Latest News", "Latest News", "Why the Count Took Three Days"], [])
    [post] = run(menu).posts
    assert post["author"] is None


def test_correspondents_named_with_their_cities_under_the_standfirst_are_the_byline():
    text = _page(["Russia", "Baltic states accuse Moscow of jamming GPS over their airspace",
                  "Lithuania and Estonia say hundreds of flights were disrupted last month, and "
                  "blame a military unit in Kaliningrad",
                  "Ieva Malinauskaite in Vilnius and Toomas Rebane in Tallinn",
                  "Sat 6 Dec 2026 10.05 GMT"], [])  # fmt: skip
    [post] = run(text).posts
    assert post["title"] == "Baltic states accuse Moscow of jamming GPS over their airspace"
    assert post["author"] == "Ieva Malinauskaite and Toomas Rebane"
    assert post["published_date"] == "2026-12-06"
    headline = _page(["World", "Vladimir Putin in Crimea"], [])
    [post] = run(headline).posts
    assert (post["title"], post["author"]) == ("Vladimir Putin in Crimea", None)


def test_an_age_notice_or_a_lower_case_byline_under_the_headline_is_no_title():
    for notice in ("This article is more than 2 years old", "by anna lind"):
        text = _page(["Opinion", "Kremlin tightens grip on regional budgets", notice,
                      "Anna Lind", "Sun 6 Dec 2026 09.00 GMT"], [])  # fmt: skip
        [post] = run(text).posts
        assert post["title"] == "Kremlin tightens grip on regional budgets"


def test_a_short_label_inside_the_byline_cluster_is_metadata_not_the_title():
    text = _page(["Europe", "Russia's governors are told to find soldiers as bonuses rise",
                  "December 5, 20265:02 AM ET", "Heard on Morning Edition",
                  "By Jonah Whitfield", "4-Minute Listen"], [])  # fmt: skip
    [post] = run(text).posts
    assert post["title"] == "Russia's governors are told to find soldiers as bonuses rise"
    assert (post["author"], post["published_date"]) == ("Jonah Whitfield", "2026-12-05")
    assert "Heard on" not in post["body"]
    dated = _page(["Volga Notebook", "Saturday, December 6, 2026", "Why the Count Took Three Days",
                   "Posted by Anna Lind"], [])  # fmt: skip
    [post] = run(dated).posts
    assert post["title"] == "Why the Count Took Three Days"  # a date header over the headline


def test_a_quoted_line_never_joins_the_reply_under_it() -> None:
    from flows.stages.segment.blocks import build_units
    from flows.stages.segment.lines import split_lines

    lines = split_lines(
        "Sat Mar 09, 2019 7:55 pm\nfour deputies withdrew their signatures\n"
        "Same story here, almost word for word."
    )
    assert len(build_units(lines)) == 1  # a wrapped paragraph
    quoted = build_units(lines, quote_lines={lines[0].index, lines[1].index})
    assert [unit.text for unit in quoted][-1] == "Same story here, almost word for word."
    assert len(quoted) == 2


def test_an_author_box_under_the_body_names_the_author():
    boxed = _page(["Why the Count Took Three Days"],
                  ["About the author", "Ilona Vaske, Senior Fellow", "Share", "Print"])  # fmt: skip
    [post] = run(boxed).posts
    assert post["author"] == "Ilona Vaske"
    assert "About the author" not in post["body"]
    related = _page(["Why the Count Took Three Days"],
                    ["About the project", "Ilona Vaske", "Share", "Print"])  # fmt: skip
    [post] = run(related).posts
    assert post["author"] is None  # another heading over a name: no author's box
