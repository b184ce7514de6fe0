"""Games on a Dask cluster give exactly the answers a local run gives for the same seeds.

The slow test starts a real `LocalCluster` of two worker processes (the workers read no
file of ours: the level travels as text) and runs `simulate`, `tournament`, `balance` and
`depth` both ways. The quick tests pin the messages a designer gets when Dask is missing or
the scheduler cannot be reached.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from game.balance.dispatch import ClusterProblem, connect, load_source
from game.cli.main import main

LEVELS = Path(__file__).resolve().parents[1] / "levels"
LEVEL = LEVELS / "cold-ai-war.yaml"
TUTORIAL = LEVELS / "tutorial.yaml"


def _json_of(capsys, argv: list[str]) -> dict:
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_without_dask_the_scheduler_option_says_how_to_install_it(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "distributed", None)  # an import of it now fails
    argv = ["simulate", str(TUTORIAL), "--games", "2", "--scheduler", "tcp://127.0.0.1:1"]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "pip install 'swarms-vs-titans[cluster]'" in err and "Traceback" not in err


def test_an_unreachable_scheduler_is_one_sentence_not_a_traceback():
    pytest.importorskip("distributed")
    with pytest.raises(ClusterProblem, match="cannot reach the Dask scheduler at tcp://127"):
        connect("tcp://127.0.0.1:1", timeout=0.5)


def test_saves_are_written_locally_so_a_cluster_run_refuses_them(tmp_path, capsys):
    argv = ["simulate", str(TUTORIAL), "--games", "2", "--scheduler", "tcp://127.0.0.1:1"]
    assert main([*argv, "--save-dir", str(tmp_path / "saves")]) == 2
    assert "--save-dir" in capsys.readouterr().err and not (tmp_path / "saves").exists()


class _Scheduler:
    """Stands in for a connected client: what each worker answers about its code."""

    def __init__(self, answers: dict) -> None:
        self.answers = answers

    def run(self, function):
        return self.answers


def test_workers_running_other_game_code_are_refused_by_name():
    from game.balance.dispatch import _check_workers, code_fingerprint

    same = code_fingerprint()
    _check_workers(_Scheduler({"tcp://a:1": same, "tcp://b:1": same}), "tcp://s:8786")
    with pytest.raises(ClusterProblem, match=r"1 worker\(s\) run different game code \(tcp://b:1"):
        _check_workers(_Scheduler({"tcp://a:1": same, "tcp://b:1": "old"}), "tcp://s:8786")
    with pytest.raises(ClusterProblem, match="has no workers yet"):
        _check_workers(_Scheduler({}), "tcp://s:8786")


def test_a_level_sent_as_text_loads_like_the_file():
    from game.balance.dispatch import level_text

    assert load_source(level_text(LEVEL)).sha256 == load_source(LEVEL).sha256


@pytest.fixture(scope="module")
def scheduler():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as cluster:
        yield cluster.scheduler_address


@pytest.mark.slow
def test_a_local_cluster_plays_the_same_games_as_this_machine(scheduler, capsys, tmp_path):
    remote = ["--scheduler", scheduler]
    sim = ["simulate", str(LEVEL), "--games", "6", "--seed", "40", "--json"]
    sim += ["--usa", "normal", "--china", "easy"]
    assert _json_of(capsys, sim) == _json_of(capsys, [*sim, *remote])

    tour = ["tournament", str(TUTORIAL), "--games", "3", "--players", "greedy,easy,random"]
    tour += ["--json"]
    assert _json_of(capsys, tour) == _json_of(capsys, [*tour, *remote])

    depth = ["depth", str(TUTORIAL), "--games", "2", "--positions", "1", "--policy-seeds", "1"]
    depth += ["--json"]
    assert _json_of(capsys, depth) == _json_of(capsys, [*depth, *remote])

    summaries = []
    for extra, name in (([], "here"), (remote, "there")):
        bal = ["balance", str(TUTORIAL), "--games", "3", "--usa", "easy", "--china", "greedy"]
        bal += ["--compare", str(LEVELS / "classroom-45.yaml"), "--out", str(tmp_path / name)]
        assert main([*bal, *extra]) == 0
        capsys.readouterr()
        data = json.loads((tmp_path / name / "summary.json").read_text(encoding="utf-8"))
        del data["meta"]["seconds"], data["meta"]["command"]
        summaries.append(data)
    assert summaries[0] == summaries[1]
    assert summaries[0]["restricted"] and summaries[0]["compare"]["level_id"] == "classroom-45"
