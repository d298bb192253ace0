"""Long command-line work shows how far it got: a live bar on a terminal, plain lines in a log."""

from __future__ import annotations

import io

from evenwijdig.progress import Progress


def test_without_a_terminal_progress_is_a_plain_line_per_tenth_and_a_last_line():
    stream = io.StringIO()
    progress = Progress("shared_agreements: replay", 1000, stream=stream)
    for done in range(1, 1001):
        progress.update(done)
    progress.finish("shared_agreements: 1,000 events written")
    lines = stream.getvalue().splitlines()
    assert lines[0] == "shared_agreements: replay: 100 of 1,000 events (10%)"
    assert len(lines) == 11 and lines[-1] == "shared_agreements: 1,000 events written"
    assert "\r" not in stream.getvalue() and "\x1b" not in stream.getvalue()


def test_on_a_terminal_progress_is_a_bar_with_count_rate_and_time_left():
    stream = io.StringIO()
    progress = Progress("gateway: verify", 50, stream=stream, live=True)
    for done in range(1, 51):
        progress.update(done)
    progress._bar.refresh()  # what the terminal shows now, without waiting for the refresh thread
    shown = stream.getvalue()
    progress.finish("gateway: 50 events checked")
    assert "gateway: verify" in shown and "50/50" in shown and "events/s" in shown
    assert "━" in shown  # the bar itself
    assert stream.getvalue().endswith("gateway: 50 events checked\n")


def test_a_plain_line_gives_the_share_done_not_the_tenth_reached():
    stream = io.StringIO()
    progress = Progress("demo", 4, unit="parts", stream=stream)
    for done in range(1, 5):
        progress.update(done)
    assert stream.getvalue().splitlines() == ["demo: 1 of 4 parts (25%)", "demo: 2 of 4 parts (50%)",
                                              "demo: 3 of 4 parts (75%)", "demo: 4 of 4 parts (100%)"]


def test_nothing_to_do_prints_only_the_last_line():
    stream = io.StringIO()
    progress = Progress("gateway: replay", 0, stream=stream)
    progress.update(0)
    progress.finish("gateway: 0 events written")
    assert stream.getvalue() == "gateway: 0 events written\n"
