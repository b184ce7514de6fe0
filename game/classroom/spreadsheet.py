"""CSV files in the reader's convention, so a spreadsheet opens them in columns.

German Excel and LibreOffice expect `;` between cells and a decimal comma; English ones a
`,` and a decimal point. The dialect follows the report's language unless chosen
(`--csv-dialect de|en`). Files start with a byte-order mark so umlauts survive, and every
header is unique (a spreadsheet's filter and a pupil's formula name columns by header).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

DIALECTS = ("de", "en")


@dataclass(frozen=True)
class CsvDialect:
    name: str
    delimiter: str
    decimal: str


def csv_dialect(name: str | None, lang: str) -> CsvDialect:
    """The dialect called `name`, else the one of the report's language."""
    key = name if name in DIALECTS else ("de" if lang == "de" else "en")
    if key == "de":
        return CsvDialect("de", ";", ",")
    return CsvDialect("en", ",", ".")


def number(value: float | None, decimals: int, dialect: CsvDialect) -> str:
    """A plain number without thousands separators; trailing zeros dropped; '' if missing."""
    if value is None or value != value:
        return ""
    text = f"{value:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text.replace(".", dialect.decimal)


def unique_headers(headers: list[str]) -> list[str]:
    """The headers with any repeat numbered ('X', 'X (2)'), so no two columns share one."""
    seen: dict[str, int] = {}
    out = []
    for header in headers:
        count = seen.get(header, 0) + 1
        seen[header] = count
        out.append(header if count == 1 else f"{header} ({count})")
    return out


def write_table(path: Path, headers: list[str], rows: list[list[str]], dialect: CsvDialect) -> Path:
    """Write the table with a byte-order mark, in `dialect`, every header unique."""
    with open(path, "w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file, delimiter=dialect.delimiter, quoting=csv.QUOTE_MINIMAL)
        writer.writerow(unique_headers(headers))
        writer.writerows(rows)
    return path
