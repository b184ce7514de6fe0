"""Opening a lesson file: shared by `--lesson` and the menu's Classroom page."""

from __future__ import annotations


def open_lesson(app, path: str) -> None:
    """The lesson's start screen above the menu, or the file's problems when it has errors."""
    from game.lessons import check_lesson_file

    loaded, problems = check_lesson_file(path)
    if loaded is None:
        app.push(
            "level-errors",
            path=path,
            problems=problems,
            check=check_lesson_file,
            on_fixed=lambda fixed: app.push("lesson", lesson=fixed),
        )
        return
    app.push("lesson", lesson=loaded)
