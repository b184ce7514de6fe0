"""Does any fixed split of the budget beat the AI? A coarse-to-fine search over profiles.

A level where "always 40% chips, 60% models" wins more often than the AI has a dominant
strategy: nothing the player decides each quarter matters. The search plays every profile
on a coarse grid of the budget simplex against the AI (on both sides, the same seeds for
every profile), refines around the best few on a finer grid, and finally plays the
strongest candidates long enough for a confidence interval. Profiles are ranked by win
share, then by their mean final lead (log10 FLOP), so the search still climbs towards the
strongest split when every profile loses.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import product

from game.balance.runner import Config, GameRecord, run_lab
from game.balance.stats import wilson_interval
from game.levels.model import SIDES

Profile = tuple[int, int, int, int]  # percent of the budget: chips, energy, talent, models


def spec(profile: Profile) -> str:
    return "fixed:" + "/".join(str(p) for p in profile)


def grid(step: int, min_models: int | None = None) -> list[Profile]:
    """Every profile whose shares are multiples of `step` percent and sum to 100.

    A profile without a training run never moves its frontier, so models get at least
    one step unless told otherwise.
    """
    floor = step if min_models is None else min_models
    n = 100 // step
    return [
        (c * step, e * step, t * step, 100 - (c + e + t) * step)
        for c, e, t in product(range(n + 1), repeat=3)
        if (c + e + t) * step <= 100 - floor
    ]


def neighbours(profile: Profile, step: int) -> list[Profile]:
    """Profiles one `step` away: `step` percent moved from one area to another."""
    out = []
    for give, take in product(range(4), repeat=2):
        if give == take or profile[give] < step:
            continue
        moved = list(profile)
        moved[give] -= step
        moved[take] += step
        if moved[3] > 0:
            out.append(tuple(moved))
    return out


@dataclass
class ProfileResult:
    profile: Profile
    wins: dict[str, int]  # side the profile played -> games it won there
    games: dict[str, int]
    margin_sum: float = 0.0  # the profile's final frontier minus the AI's, summed (log10)

    @property
    def share(self) -> float:
        """Win share over both sides (the profile plays each side equally often)."""
        return sum(self.wins.values()) / max(1, sum(self.games.values()))

    def side_share(self, side: str) -> float:
        return self.wins[side] / max(1, self.games[side])

    @property
    def margin(self) -> float:
        """Mean final lead in log10 FLOP (negative: behind): ranks profiles that all lose."""
        return self.margin_sum / max(1, sum(self.games.values()))

    def interval(self) -> tuple[float, float]:
        return wilson_interval(sum(self.wins.values()), sum(self.games.values()))


Opponent = str | dict[str, str]  # one player spec, or {profile's side: the rival's spec}


def _configs(profiles: list[Profile], opponent: Opponent) -> list[Config]:
    rival = opponent if isinstance(opponent, dict) else dict.fromkeys(SIDES, opponent)
    configs = []
    for profile in profiles:
        configs.append(Config(f"usa|{spec(profile)}", spec(profile), rival["usa"]))
        configs.append(Config(f"china|{spec(profile)}", rival["china"], spec(profile)))
    return configs


def play(
    level_path: str,
    profiles: list[Profile],
    opponent: Opponent,
    games: int,
    seed: int,
    progress: Callable[[int, int], None] | None = None,
) -> list[ProfileResult]:
    """Each profile against `opponent`, `games` per side; best first."""
    results = {
        p: ProfileResult(p, dict.fromkeys(SIDES, 0), dict.fromkeys(SIDES, 0)) for p in profiles
    }
    by_spec = {spec(p): p for p in profiles}
    records: Iterator[GameRecord] = run_lab(
        level_path, _configs(profiles, opponent), games, seed, progress=progress
    )
    for record in records:
        side, _, name = record.config.partition("|")
        result = results[by_spec[name]]
        result.games[side] += 1
        result.wins[side] += record.winner == side
        rival = SIDES[1 - SIDES.index(side)]
        result.margin_sum += record.frontier[side] - record.frontier[rival]
    return sorted(results.values(), key=strength)


def rows(results: list[ProfileResult]) -> list[dict]:
    """Plain figures per profile, best first, for JSON and the reports."""
    return [
        {
            "profile": spec(r.profile),
            "share": r.share,
            "ci95": list(r.interval()),
            "margin_log10": r.margin,
            **{f"as_{side}": r.side_share(side) for side in SIDES},
            "games_per_side": r.games["usa"],
        }
        for r in results
    ]


def strength(result: ProfileResult) -> tuple:
    """Sort key, strongest first: win share, then mean final lead."""
    return (-result.share, -result.margin, result.profile)


def search(
    level_path: str,
    opponent: Opponent = "normal",
    coarse_step: int = 20,
    fine_step: int = 10,
    coarse_games: int = 4,
    fine_games: int = 12,
    final_games: int = 100,
    keep: int = 3,
    seed: int = 1,
    progress: Callable[[str, int, int], None] | None = None,
) -> list[ProfileResult]:
    """The strongest fixed profiles against `opponent`, played `final_games` per side."""

    def stage(name: str):
        return (lambda done, total: progress(name, done, total)) if progress else None

    coarse = play(level_path, grid(coarse_step), opponent, coarse_games, seed, stage("coarse"))
    seen = {r.profile for r in coarse}
    near = sorted({n for r in coarse[:keep] for n in neighbours(r.profile, fine_step)} - seen)
    fine = play(level_path, near, opponent, fine_games, seed, stage("fine")) if near else []
    pool = sorted([*coarse[:keep], *fine], key=strength)
    best = [r.profile for r in pool[:keep]]
    return play(level_path, best, opponent, final_games, seed + 100_000, stage("final"))
