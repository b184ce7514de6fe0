"""Which screen comes next in a game: the one place the order of scenes is decided.

menu → setup → (curtain →) turn for each human side → resolution → … → end. In hot-seat
a curtain always stands before each player's turn screen, so one side's allocation is
never on screen when the other sits down. The scenes call `next_scene(app, session)` when
they are done; it replaces the top scene, so the menu stays below and Esc returns to it.
"""

from __future__ import annotations

from game.engine import Orders
from game.i18n import t
from game.players.base import Decision
from game.ui.ledger_words import compact_lines
from game.ui.narrate import HEADLINES, catch_up_lines, narrate
from game.ui.session import GameSession


def start_game(app, session: GameSession) -> None:
    """Leave the setup screen for the first screen of the game."""
    app.paused_game = None  # a new game: the one left in the pause menu is over
    next_scene(app, session)


def resume_game(app, session: GameSession) -> None:
    """Continue, from the main menu, the game left through the pause menu: orders already
    sent are kept, the AIs think again, and the menu stays below."""
    app.paused_game = None
    session.restart_thinking()
    next_scene(app, session, push=True)


def pause_menu(app, session: GameSession):
    """What Esc and the Menu button open during a game (`edited`: unsent changes); with
    `closing`, only the question before the window closes (False: nothing to lose)."""

    def open_pause(edited: bool = False, closing: bool = False):
        if closing:
            from game.ui.scenes.pause import ask_before_closing

            return ask_before_closing(app, session, edited)
        return app.push("pause", session=session, edited=edited)

    return open_pause


def next_scene(app, session: GameSession, push: bool = False) -> None:
    """Replace the top scene (or, with `push`, cover it) with whatever the game needs now."""
    show = app.push if push else app.replace
    if session.finished:
        stop_lesson(app, session)
        show("end", session=session)
        return
    if lesson_stops_now(session):
        stop_lesson(app, session)
        show("classroom_debrief", session=session, stopped=stop_reason(session))
        return
    waiting = session.waiting_for_humans()
    if not waiting:
        show("resolution", session=session)
        return
    side = waiting[0]
    if session.hotseat:
        show(
            "curtain",
            side=side,
            quarter=session.quarter(),
            recap=recap_for(session, side),
            on_ready=lambda: open_turn(app, session, side),
            on_menu=pause_menu(app, session),
        )
    else:
        open_turn(app, session, side, push)


def lesson_stops_now(session: GameSession) -> bool:
    """A lesson's limit is reached and no one has given orders for this quarter yet (a
    stop never throws away orders already sent)."""
    run = session.lesson
    if run is None or not run.running:
        return False
    between_quarters = all(side not in session.pending for side in session.humans)
    return between_quarters and run.should_stop(len(session.match.turns))


def stop_reason(session: GameSession) -> str:
    run = session.lesson
    if run is not None and run.time_up:
        return t("lessons.stopped_time")
    return t("lessons.stopped_quarters", n=len(session.match.turns))


def stop_lesson(app, session: GameSession) -> None:
    """The lesson game is over for today: its clock stops and leaves the screen."""
    if session.lesson is not None:
        session.lesson.running = False
        session.cancel()


def recap_for(session: GameSession, side: str) -> list[str]:
    """'Since your last turn': last quarter's public news and own report, for `side`."""
    return recap_lines(session.match, side, ledger=session.hotseat)


def recap_lines(match, side: str, ledger: bool) -> list[str]:
    """The recap of the match's last quarter for `side`; with `ledger`, one line per own
    stock that moved and why (hot-seat: the shared report showed only public news)."""
    if not match.turns:
        return []
    record = match.turns[-1]
    if not ledger:
        return narrate(record.events, side, match.rules, kinds=HEADLINES)
    kinds = HEADLINES - {"TrainingRun"}  # the capability line says it, with the numbers
    lines = narrate(record.events, side, match.rules, kinds=kinds)
    before, after = match.states[-2], match.states[-1]
    lines += compact_lines(match.rules, before, after, record.events, side)
    return lines + catch_up_lines(record.events, side, match.rules)


def open_turn(app, session: GameSession, side: str, push: bool = False) -> None:
    """The turn screen for a human side; its on_submit hands the orders to the session."""

    def on_submit(choice: Orders | Decision) -> None:
        decision = choice if isinstance(choice, Decision) else Decision(choice)
        session.submit(side, decision)
        next_scene(app, session)

    if app.has_scene("turn"):
        show = app.push if push else app.replace
        show(
            "turn",
            match=session.match,
            side=side,
            on_submit=on_submit,
            on_menu=pause_menu(app, session),
        )
    else:  # the turn screen is not installed: play this side's quarter with the simple AI
        on_submit(session.stand_in(side))
