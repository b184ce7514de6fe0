"""Lesson mode: a teacher's lesson file fixes scenario, seed, sides, AI and a stop.

- `model.py`: the lesson file's shape (`lessons/*.yaml`), typed like a level;
- `loader.py`: `check_lesson_file(path)` → a `LoadedLesson` or located problems;
- `run.py`: `LessonRun`, the lesson being played: group name, game clock, when to stop.
"""

from game.lessons.loader import LoadedLesson, check_lesson_file, is_lesson_file, load_lesson
from game.lessons.model import Lesson
from game.lessons.run import LessonRun

__all__ = [
    "Lesson",
    "LessonRun",
    "LoadedLesson",
    "check_lesson_file",
    "is_lesson_file",
    "load_lesson",
]
