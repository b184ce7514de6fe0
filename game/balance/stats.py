"""Small statistics for balance reports: Wilson intervals and an exact binomial test."""

from __future__ import annotations

import math


def wilson_interval(wins: float, n: int, z: float = 1.96) -> tuple[float, float]:
    """95% interval for a win share; sensible even at 0 or n wins."""
    if n == 0:
        return (0.0, 1.0)
    p = wins / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return (max(0.0, centre - half), min(1.0, centre + half))


def binomial_p_two_sided(k: int, n: int, p: float = 0.5) -> float:
    """Exact two-sided binomial test p-value (sum of outcomes no likelier than k)."""
    if n == 0:
        return 1.0
    probs = [math.comb(n, i) * p**i * (1 - p) ** (n - i) for i in range(n + 1)]
    limit = probs[k] * (1 + 1e-9)
    return min(1.0, sum(q for q in probs if q <= limit))


def median(values: list[float]) -> float:
    ordered = sorted(values)
    mid = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[mid])
    return (ordered[mid - 1] + ordered[mid]) / 2


def two_proportion_p(wins_a: float, n_a: int, wins_b: float, n_b: int) -> float:
    """Two-sided p-value that two win shares differ only by chance (pooled z-test)."""
    if n_a == 0 or n_b == 0:
        return 1.0
    pooled = (wins_a + wins_b) / (n_a + n_b)
    spread = math.sqrt(pooled * (1 - pooled) * (1 / n_a + 1 / n_b))
    if spread == 0:
        return 1.0
    z = (wins_a / n_a - wins_b / n_b) / spread
    return math.erfc(abs(z) / math.sqrt(2))
