"""Synthesise every sound of the game into assets/sounds/ (standard library only).

Run `python tools/make_sounds.py [--out DIR]`. The output is deterministic: the noise comes
from a seeded generator and every sound is normalised to a fixed peak, so running it again
gives the same files (tests compare a fresh run with the committed ones). Effects are 22,050 Hz
mono 16-bit WAV; the two music layers (calm, and a tenser one laid over it when the race is
close) are 11,025 Hz loops of exactly the same length, so they stay in step when looped.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import wave
from array import array
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "assets" / "sounds"
EFFECT_RATE = 22050
MUSIC_RATE = 11025
MUSIC_SECONDS = 12.0
EFFECT_PEAK = 0.7
MUSIC_PEAK = 0.45
TAU = 2 * math.pi

Signal = list[float]


# --- building blocks -----------------------------------------------------------------------
def silence(seconds: float, rate: int = EFFECT_RATE) -> Signal:
    return [0.0] * round(seconds * rate)


def tone(
    freq: float,
    seconds: float,
    rate: int = EFFECT_RATE,
    partials: tuple[float, ...] = (1.0,),
    attack: float = 0.005,
    decay: float = 8.0,
    vibrato: float = 0.0,
) -> Signal:
    """A note with harmonics `partials` (amplitudes), a short attack and exponential decay."""
    n = round(seconds * rate)
    out = []
    for i in range(n):
        t = i / rate
        env = min(1.0, t / attack) * math.exp(-decay * t) if attack > 0 else math.exp(-decay * t)
        f = freq * (1 + vibrato * math.sin(TAU * 6 * t))
        phase = TAU * f * t
        out.append(env * sum(a * math.sin((k + 1) * phase) for k, a in enumerate(partials)))
    return out


def sweep(f0: float, f1: float, seconds: float, rate: int = EFFECT_RATE) -> Signal:
    """A sine gliding from f0 to f1 with a soft bell-shaped envelope."""
    n = round(seconds * rate)
    out, phase = [], 0.0
    for i in range(n):
        x = i / n
        phase += TAU * (f0 + (f1 - f0) * x) / rate
        out.append(math.sin(math.pi * x) ** 2 * math.sin(phase))
    return out


def noise(seconds: float, rng: random.Random, smooth: float, decay: float) -> Signal:
    """Low-passed noise (one-pole, `smooth` near 1 = darker) with exponential decay."""
    n = round(seconds * EFFECT_RATE)
    out, y = [], 0.0
    for i in range(n):
        y = smooth * y + (1 - smooth) * rng.uniform(-1, 1)
        out.append(y * math.exp(-decay * i / EFFECT_RATE))
    return out


def mix(*parts: tuple[float, float, Signal], rate: int = EFFECT_RATE) -> Signal:
    """Sum (start seconds, gain, signal) parts into one signal long enough for all."""
    length = max(round(start * rate) + len(sig) for start, _, sig in parts)
    out = [0.0] * length
    for start, gain, sig in parts:
        offset = round(start * rate)
        for i, v in enumerate(sig):
            out[offset + i] += gain * v
    return out


def normalise(sig: Signal, peak: float) -> Signal:
    top = max(abs(v) for v in sig) or 1.0
    return [v * peak / top for v in sig]


def fade_tail(sig: Signal, seconds: float, rate: int = EFFECT_RATE) -> Signal:
    """Ramp the last `seconds` to zero so no effect ends with a click."""
    n = min(len(sig), round(seconds * rate))
    out = list(sig)
    for i in range(n):
        out[len(out) - n + i] *= 1 - (i + 1) / n
    return out


def fade_head(sig: Signal, seconds: float, rate: int = EFFECT_RATE) -> Signal:
    """Ramp the first `seconds` up from zero so no effect starts with a pop."""
    n = min(len(sig), round(seconds * rate))
    return [v * min(1.0, i / n) for i, v in enumerate(sig)] if n else list(sig)


def note(name: str) -> float:
    """Frequency of a note like 'A4' or 'C#5' (equal temperament, A4 = 440 Hz)."""
    steps = {"C": -9, "D": -7, "E": -5, "F": -4, "G": -2, "A": 0, "B": 2}
    semis = steps[name[0]] + (1 if "#" in name else 0) + 12 * (int(name[-1]) - 4)
    return 440.0 * 2 ** (semis / 12)


BELL = (1.0, 0.35, 0.15, 0.08)
SOFT = (1.0, 0.2, 0.05)


# --- the effects ---------------------------------------------------------------------------
def click(rng: random.Random) -> Signal:
    return mix((0, 0.6, noise(0.03, rng, 0.3, 160)), (0, 1.0, tone(1800, 0.04, decay=120)))


def slider(rng: random.Random) -> Signal:
    return mix((0, 1.0, tone(1320, 0.03, decay=150, partials=SOFT)))


def end_turn(rng: random.Random) -> Signal:
    return mix(
        (0, 0.9, tone(note("A2"), 0.25, partials=SOFT, decay=14)),
        (0, 0.4, noise(0.08, rng, 0.8, 40)),
        (0.09, 0.8, tone(note("E4"), 0.32, partials=BELL, decay=9)),
    )


def _swish(rng: random.Random) -> Signal:
    """A card sliding across a table: noise that swells and fades."""
    sig = noise(0.22, rng, 0.55, 0)
    n = len(sig)
    return [v * math.sin(math.pi * i / n) ** 2 for i, v in enumerate(sig)]


def card_history(rng: random.Random) -> Signal:
    """A history card: a calm, low bell after the swish (it happened for real)."""
    return mix(
        (0, 0.5, _swish(rng)),
        (0.15, 0.9, tone(note("D4"), 0.4, partials=BELL, decay=7)),
        (0.15, 0.5, tone(note("A4"), 0.4, partials=SOFT, decay=8)),
    )


def card_random(rng: random.Random) -> Signal:
    """A random event: two wobbling notes a tritone apart (something unexpected)."""
    return mix(
        (0, 0.5, _swish(rng)),
        (0.14, 0.8, tone(note("E5"), 0.22, partials=SOFT, decay=10, vibrato=0.012)),
        (0.24, 0.8, tone(note("A#4"), 0.3, partials=SOFT, decay=9, vibrato=0.012)),
    )


def card_policy(rng: random.Random) -> Signal:
    """A policy: a rubber stamp (a low thump and a snap)."""
    return mix(
        (0, 0.4, _swish(rng)),
        (0.16, 1.0, tone(90, 0.22, partials=SOFT, decay=22)),
        (0.16, 0.6, noise(0.05, rng, 0.2, 90)),
        (0.2, 0.5, tone(note("G4"), 0.25, partials=BELL, decay=12)),
    )


def milestone_own(rng: random.Random) -> Signal:
    """Our side passed a milestone: a rising arpeggio of bells."""
    notes = ("C5", "E5", "G5", "C6")
    return mix(
        *((0.09 * k, 0.7, tone(note(n), 0.45, partials=BELL, decay=6)) for k, n in enumerate(notes))
    )


def milestone_rival(rng: random.Random) -> Signal:
    """The rival passed a milestone: lower, falling, muted."""
    notes = ("G3", "E3", "C3")
    return mix(
        *((0.11 * k, 0.8, tone(note(n), 0.5, partials=SOFT, decay=5)) for k, n in enumerate(notes))
    )


def lead_change(rng: random.Random) -> Signal:
    """The lead changes hands: two glides crossing each other."""
    return mix(
        (0, 0.8, sweep(note("A3"), note("E5"), 0.6)),
        (0, 0.8, sweep(note("E5"), note("A3"), 0.6)),
        (0.5, 0.6, tone(note("A4"), 0.3, partials=BELL, decay=8)),
    )


def superintelligence(rng: random.Random) -> Signal:
    """Superintelligence: a slowly swelling, shimmering chord."""
    parts = []
    for k, n in enumerate(("A3", "E4", "A4", "C#5", "E5", "A5")):
        for detune in (-0.003, 0.003):
            parts.append(
                (
                    0.12 * k,
                    0.5,
                    tone(
                        note(n) * (1 + detune), 2.4 - 0.12 * k, partials=SOFT, attack=0.6, decay=1.2
                    ),
                )
            )
    return mix(*parts)


def victory(rng: random.Random) -> Signal:
    """Victory: a short fanfare ending on a full chord."""
    parts = [
        (0.15 * k, 0.7, tone(note(n), 0.3, partials=BELL, decay=6))
        for k, n in enumerate(("C4", "E4", "G4"))
    ]
    parts += [
        (0.45, 0.6, tone(note(n), 1.2, partials=BELL, decay=2.5)) for n in ("C4", "E4", "G4", "C5")
    ]
    return mix(*parts)


def defeat(rng: random.Random) -> Signal:
    """Defeat: a slow falling line in minor over a low drone."""
    parts = [
        (0.3 * k, 0.7, tone(note(n), 0.6, partials=SOFT, decay=3))
        for k, n in enumerate(("A3", "G3", "F3", "E3"))
    ]
    parts.append((0, 0.35, tone(note("A2"), 1.7, partials=SOFT, attack=0.2, decay=1.2)))
    return mix(*parts)


EFFECTS: dict[str, Callable[[random.Random], Signal]] = {
    "click": click,
    "slider": slider,
    "end_turn": end_turn,
    "card_history": card_history,
    "card_random": card_random,
    "card_policy": card_policy,
    "milestone_own": milestone_own,
    "milestone_rival": milestone_rival,
    "lead_change": lead_change,
    "superintelligence": superintelligence,
    "victory": victory,
    "defeat": defeat,
}


# --- the music -----------------------------------------------------------------------------
def music_calm() -> Signal:
    """Four slow chords (Am, F, C, G) as soft pads over a low drone; loops seamlessly."""
    rate, n = MUSIC_RATE, round(MUSIC_SECONDS * MUSIC_RATE)
    chords = (("A3", "C4", "E4"), ("F3", "A3", "C4"), ("C3", "G3", "E4"), ("G3", "B3", "D4"))
    span = n // len(chords)
    out = [0.0] * n
    for c, chord in enumerate(chords):
        freqs = [note(x) for x in chord]
        for i in range(span):
            t = i / rate
            x = i / span
            env = math.sin(math.pi * x) ** 1.5  # swells and fades inside its own bar
            value = sum(math.sin(TAU * f * t) + 0.15 * math.sin(TAU * 2 * f * t) for f in freqs)
            out[c * span + i] += 0.3 * env * value
    drone = note("A1")
    cycles = round(drone * MUSIC_SECONDS)  # whole cycles in the loop: no seam
    for i in range(n):
        t = i / rate
        out[i] += 0.5 * math.sin(TAU * cycles * i / n) * (0.8 + 0.2 * math.sin(TAU * t / 6))
    return out


def music_tense() -> Signal:
    """The tense layer: a heartbeat pulse and a trembling high note, in step with the calm."""
    rate, n = MUSIC_RATE, round(MUSIC_SECONDS * MUSIC_RATE)
    out = [0.0] * n
    beat = MUSIC_SECONDS / 20  # 100 beats per minute, 20 beats in the loop
    beat_n = round(beat * rate)
    for b in range(20):
        for offset, gain in ((0, 1.0), (0.16, 0.6)):  # lub-dub
            start = round((b * beat + offset) * rate)
            for i in range(min(beat_n, n - start)):
                t = i / rate
                out[start + i] += gain * math.exp(-18 * t) * math.sin(TAU * 55 * t)
    high = note("E5")
    cycles = round(high * MUSIC_SECONDS)
    for i in range(n):
        t = i / rate
        tremolo = 0.5 + 0.5 * math.sin(TAU * 7 * t)
        swell = 0.5 - 0.5 * math.cos(TAU * t / MUSIC_SECONDS)
        out[i] += 0.12 * tremolo * swell * math.sin(TAU * cycles * i / n)
    return out


MUSIC: dict[str, Callable[[], Signal]] = {"music_calm": music_calm, "music_tense": music_tense}


# --- writing -------------------------------------------------------------------------------
def to_pcm(sig: Signal) -> bytes:
    samples = array("h", (max(-32767, min(32767, round(v * 32767))) for v in sig))
    if sys.byteorder == "big":
        samples.byteswap()  # WAV is little-endian
    return samples.tobytes()


def write_wav(path: Path, sig: Signal, rate: int) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(to_pcm(sig))


def render_all() -> dict[str, tuple[Signal, int]]:
    """name -> (samples in -1..1, sample rate) for every sound, deterministically."""
    sounds: dict[str, tuple[Signal, int]] = {}
    for index, (name, make) in enumerate(EFFECTS.items()):
        sig = make(random.Random(1000 + index))
        sig = fade_head(fade_tail(normalise(sig, EFFECT_PEAK), 0.01), 0.002)
        sounds[name] = (sig, EFFECT_RATE)
    for name, make in MUSIC.items():
        sounds[name] = (normalise(make(), MUSIC_PEAK), MUSIC_RATE)
    return sounds


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT, help="folder for the WAV files")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, (sig, rate) in render_all().items():
        path = args.out / f"{name}.wav"
        write_wav(path, sig, rate)
        print(f"{path.name}: {len(sig) / rate:.2f} s, {path.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
