"""Hostile files where the game reads: pipes, device links, folders, giant and endless saves.

Every case must end in one sentence naming the file, quickly enough that a watchdog never
fires; none may block, fill memory or raise.
"""

from __future__ import annotations

import socket

import pytest
from hostile import (
    LEVEL,
    fifo,
    link_to,
    needs_posix,
    valid_save_data,
    within_watchdog,
    write_json,
)

from game.guarded_files import RefusedFile, read_guarded
from game.levels.loader import check_level_file
from game.saves import list_saves
from game.saves.storage import MAX_BYTES, read_save


@needs_posix
@pytest.mark.parametrize(
    ("make", "kind"),
    [
        (lambda p: fifo(p), "named pipe"),
        (lambda p: link_to(p, "/dev/zero"), "device"),
        (lambda p: link_to(p, "/dev/urandom"), "device"),
        (lambda p: p.mkdir() or p, "folder"),
    ],
    ids=["fifo", "dev-zero-link", "dev-urandom-link", "folder"],
)
def test_the_guard_refuses_what_is_not_a_regular_file_without_reading_it(tmp_path, make, kind):
    path = make(tmp_path / "x.json")
    with pytest.raises(RefusedFile) as refused:
        within_watchdog(read_guarded, path, 1000)
    assert refused.value.reason == "not_regular"
    sentence = refused.value.sentence()
    assert "x.json" in sentence and kind in sentence and sentence.count(".") >= 1


@needs_posix
def test_a_link_to_a_pipe_is_judged_by_the_pipe(tmp_path):
    link = link_to(tmp_path / "x.json", str(fifo(tmp_path / "pipe")))
    with pytest.raises(RefusedFile) as refused:
        within_watchdog(read_guarded, link, 1000)
    assert refused.value.reason == "not_regular"


@needs_posix
def test_a_socket_is_refused(tmp_path):
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(tmp_path / "s.json"))
        with pytest.raises(RefusedFile) as refused:
            within_watchdog(read_guarded, tmp_path / "s.json", 1000)
        assert "socket" in refused.value.sentence()
    finally:
        server.close()


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "big.json"
    with open(big, "wb") as file:  # sparse: costs no disk, but says it is huge
        file.truncate(50 * MAX_BYTES)
    with pytest.raises(RefusedFile) as refused:
        within_watchdog(read_guarded, big, MAX_BYTES)
    assert refused.value.reason == "too_large" and f"{MAX_BYTES:,}" in refused.value.sentence()
    assert read_save(big).code == "too_large"


def test_a_link_to_a_regular_file_is_read_like_the_file(tmp_path):
    target = tmp_path / "real.yaml"
    target.write_bytes(b"hello")
    assert read_guarded(link_to(tmp_path / "link.yaml", str(target)), 10) == b"hello"


@needs_posix
def test_a_pipe_or_device_as_a_level_is_one_located_problem(tmp_path):
    for path in (fifo(tmp_path / "a.yaml"), link_to(tmp_path / "b.yaml", "/dev/zero")):
        loaded, problems = within_watchdog(check_level_file, path)
        assert loaded is None and len(problems) == 1
        assert path.name in problems[0].message and "not an ordinary file" in problems[0].message


@needs_posix
def test_the_save_list_names_every_hostile_file_and_still_lists_the_good_save(tmp_path):
    valid_save_data(tmp_path)
    fifo(tmp_path / "pipe.json")
    link_to(tmp_path / "zero.json", "/dev/zero")
    link_to(tmp_path / "random.json", "/dev/urandom")
    link_to(tmp_path / "dangling.json", str(tmp_path / "nowhere"))
    entries = within_watchdog(list_saves, tmp_path)
    by_name = {e.path.name: e for e in entries}
    assert by_name["good.json"].ok
    for name in ("pipe.json", "zero.json", "random.json"):
        problem = by_name[name].problem
        assert problem.code == "not_a_file" and name in problem.message()
    assert "dangling.json" in by_name["dangling.json"].problem.message()
    assert "dangling.json" in by_name["dangling.json"].problem.message("de")


def test_a_million_empty_turns_are_refused_before_they_are_parsed(tmp_path):
    data = valid_save_data(tmp_path)
    data["turns"] = [{}] * 1_000_000
    path = write_json(tmp_path / "million.json", data)
    problem = within_watchdog(read_save, path)
    assert problem.code == "too_many_turns" and "1000000" in problem.message()


def test_more_turns_than_the_level_lasts_are_refused_when_opened(tmp_path):
    from game.saves import load_save

    data = valid_save_data(tmp_path)
    # Within the format's cap, beyond this level's calendar.
    data["turns"] = [{**turn, "turn": i + 1} for i, turn in enumerate(data["turns"] * 3)]
    data["final"]["turn"] = len(data["turns"]) + 1
    path = write_json(tmp_path / "long.json", data)
    result = within_watchdog(load_save, path)
    assert result.match is None and result.problem.code == "too_many_turns"


def test_an_endless_ai_budget_is_clamped(tmp_path):
    from game.players.registry import MAX_ROLLOUTS, MAX_THINK_MS, make_player

    assert make_player("hard@inf").think_ms == MAX_THINK_MS
    assert make_player("hard@1e308").think_ms == MAX_THINK_MS
    assert make_player("hard#" + "9" * 5000).iterations == MAX_ROLLOUTS
    assert make_player("hard@250").think_ms == 250


def test_the_level_fixture_still_loads_through_the_guard():
    loaded, problems = check_level_file(LEVEL)
    assert loaded is not None, problems


def test_a_failing_autosave_is_logged_and_shown_once(tmp_path, monkeypatch, caplog):
    from game.levels.loader import load_level
    from game.ui import notices
    from game.ui.session import GameSession

    monkeypatch.setenv("SWARMS_TITANS_HOME", str(tmp_path))
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "saves").write_text("a file where the save folder should be")
    session = GameSession.new(load_level(LEVEL), "hotseat", seed=3)
    notices.take()
    with caplog.at_level("WARNING"):
        session.autosave()
        session.autosave()
    shown = notices.take()
    assert len(shown) == 1 and "saves" in shown[0]
    assert session.autosave_failures == 2 and "autosave" in caplog.text
