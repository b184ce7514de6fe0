"""One-off: apply the model v2 retune of the main level to a level file (the what-ifs share
the main level's text, so the same edits apply). Kept as a record of what changed; running
it twice changes nothing."""

import sys
from pathlib import Path

NBSP = "\u00a0"

EDITS = [
    (
        """  superintelligence_log10:
    value: 31.4
    assumption:
      en: "Tuned with `depth` so that, with AI speeding up AI research (the milestones' effects), a side keeping a strong pace reaches it in 2028-30, around China's target year (A7); the 2025 frontier is ~26 (E2)"
      de: "Mit `depth` so eingestellt, dass eine Seite mit hohem Tempo die Superintelligenz 2028–30 erreicht, wenn KI die KI-Forschung beschleunigt (die Wirkungen der Meilensteine), um Chinas Zieljahr (A7); die Spitze liegt 2025 bei etwa 26 (E2)"
""",
        """  superintelligence_log10:
    value: 34.6
    assumption:
      en: "The hardest case: superintelligence needs at most this much effective compute (the 2025 frontier is ~26, E2); tuned with `depth` so that the race is usually decided in 2029-30, around China's target year (A7)"
      de: "Der schwerste Fall: Superintelligenz braucht höchstens so viel effektive Rechenleistung (die Spitze liegt 2025 bei etwa 26, E2); mit `depth` so eingestellt, dass der Wettlauf meist 2029–30 entschieden wird, um Chinas Zieljahr (A7)"
  superintelligence_band_log10:
    value: 3.0
    assumption:
      en: "Nobody knows how much compute superintelligence takes; AI 2027's take-off forecast spans years between milestones (T1): each game draws the real threshold within 3 orders of magnitude below the top, hidden from both sides"
      de: "Niemand weiß, wie viel Rechenleistung Superintelligenz braucht; die Prognose von AI 2027 lässt zwischen den Meilensteinen Jahre offen (T1): Jedes Spiel zieht die echte Schwelle bis zu 3 Größenordnungen unter der Spitze, für beide Seiten verborgen"
""",
    ),
    (
        "value: 1.15, side: self}\n        - {target: adoption_rate",
        "value: 1.1, side: self}\n        - {target: adoption_rate",
    ),
    (
        "- {target: algo_log10_per_turn, op: multiply, value: 1.3, side: self}",
        "- {target: algo_log10_per_turn, op: multiply, value: 1.2, side: self}",
    ),
    (
        "- {target: algo_log10_per_turn, op: multiply, value: 1.25, side: self}",
        "- {target: algo_log10_per_turn, op: multiply, value: 1.15, side: self}",
    ),
    (
        '- {target: algo_log10_per_turn, op: multiply, value: 1.15, side: self}\n      assumption:\n        en: "Each model',
        '- {target: algo_log10_per_turn, op: multiply, value: 1.1, side: self}\n      assumption:\n        en: "Each model',
    ),
    ("algorithmic progress 15% faster", "algorithmic progress 10% faster"),
    ("Fortschritt wird um 15 % schneller", "Fortschritt wird um 10 % schneller"),
    (
        "the game takes x1.3 on top of the agents' x1.15 (x1.5 in all), a cautious reading",
        "the game takes x1.2 on top of the agents' x1.1 (x1.3 in all), a cautious reading",
    ),
    (
        "das Spiel nimmt vorsichtig ×1,3 zusätzlich zum ×1,15 der Agenten (zusammen ×1,5)",
        "das Spiel nimmt vorsichtig ×1,2 zusätzlich zum ×1,1 der Agenten (zusammen ×1,3)",
    ),
    ("the game stays cautious, x1.9 in all)", "the game stays cautious, x1.5 in all)"),
    ("das Spiel bleibt vorsichtig, zusammen ×1,9)", "das Spiel bleibt vorsichtig, zusammen ×1,5)"),
    ("one more step of speed-up (x2.1 in all)", "one more step of speed-up (x1.7 in all)"),
    ("noch eine Stufe schneller (zusammen ×2,1)", "noch eine Stufe schneller (zusammen ×1,7)"),
    (
        """  training_turns:
    value: 2
    source: E7
""",
        """  training_turns:
    value: 2
    source: E7
  talent_hire_share_per_turn:
    value: 0.12
    assumption:
      en: "Top AI researchers change employer slowly (notice periods, visas, relocation): about an eighth of those still free can be hired in a quarter, whatever the offer"
      de: "Spitzenforschende wechseln nur langsam den Arbeitgeber (Kündigungsfristen, Visa, Umzug): Pro Quartal lässt sich etwa ein Achtel der noch Freien einstellen, egal wie hoch das Angebot ist"
""",
    ),
    (
        """      energy_cost_bn_per_gw:
        value: 2.5
        assumption:
          en: "New gas turbines plus grid connection in a tight market, about $2.5 bn per GW (A15: slow US build-out)"
          de: "Neue Gasturbinen plus Netzanschluss in einem knappen Markt: etwa 2,5 Mrd. $ pro GW (A15: langsamer Ausbau in den USA)"
""",
        """      energy_cost_bn_per_gw:
        value: 11.7
        source: F7
""",
    ),
    (
        """      offgrid_cost_bn_per_gw:
        value: 6.0
        assumption:
          en: "Off-grid power costs more than twice the grid route: scarce turbines, fuel lines, own backup"
          de: "Strom ohne Netzanschluss kostet mehr als das Doppelte des Netzwegs: knappe Turbinen, eigene Gasleitungen, eigene Reserve"
""",
        """      offgrid_cost_bn_per_gw:
        value: 14.0
        assumption:
          en: "A data centre with its own gas turbines: the $11.7 bn per GW of a grid-connected campus (F7) plus $1-3 bn per GW for on-site generation (F8)"
          de: "Ein Rechenzentrum mit eigenen Gasturbinen: die 11,7 Mrd. $ pro GW eines Campus am Netz (F7) plus 1–3 Mrd. $ pro GW für eigene Stromerzeugung (F8)"
""",
    ),
    (
        """      energy_cost_bn_per_gw:
        value: 1.0
        assumption:
          en: "Cheap, standardised solar, wind and coal plus a state grid: about $1 bn per GW (F3: 429 GW added in 2024)"
          de: "Billige, standardisierte Solar-, Wind- und Kohlekraftwerke plus ein staatliches Netz: etwa 1 Mrd. $ pro GW (F3: 429 GW Zubau im Jahr 2024)"
""",
        """      energy_cost_bn_per_gw:
        value: 6.0
        assumption:
          en: "Data centre halls with power: about half the US cost (F7), as land, labour and a state grid building at record pace (F3: 429 GW added in 2024) are cheaper"
          de: "Rechenzentrumshallen samt Strom: etwa die Hälfte der US-Kosten (F7), weil Land, Arbeit und ein staatliches Netz im Rekordausbau (F3: 429 GW Zubau im Jahr 2024) billiger sind"
""",
    ),
    (
        """      distillation:
        value: 0.5
        assumption:""",
        """      distillation:
        value: 0.3
        assumption:""",
    ),
    (
        """      algo_log10_per_turn:
        value: 0.13
        assumption:""",
        """      algo_log10_per_turn:
        value: 0.115
        assumption:""",
    ),
    (
        "sources:\n",
        """sources:
  F7:
    title: "Data Center Development Cost Guide 2025: $11.7 M per MW of critical load on average across 19 US markets ($9.3-15 M)"
    publisher: "Cushman & Wakefield"
    date: "2025"
    url: "https://cushwake.cld.bz/Data-Center-Development-Cost-Guide-2025/8-9"
  F8:
    title: "Data center construction costs: on-site generation (gas turbines, batteries, substations) adds $1-3 M per MW (citing CBRE North American Data Center Trends)"
    publisher: "build.inc"
    date: "2025"
    url: "https://www.build.inc/data-center-construction-costs-2025"
""",
    ),
]


def retune(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    if "superintelligence_band_log10" in text:
        return
    for old, new in EDITS:
        if old not in text:
            raise SystemExit(f"{path}: expected text not found: {old[:70]!r}")
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    for name in sys.argv[1:]:
        retune(Path(name))
