"""The word lists of every step, read from ``tracker/data/words/`` (see its README for what each file is and
where it comes from).

Two formats. A list (``NAME.txt``) has one entry per line, an entry being a word or a phrase ("call for");
``#`` starts a comment, to the end of the line, and blank lines do not count. A table (``NAME.tsv``) has
tab-separated columns under a header row naming them, after its ``#`` comment lines; a map is a table of two
columns, key and value. An entry or a key written twice is an error, as is a row with more or fewer cells
than the header. Each file is read once per process; what the functions return is read-only, since it is
shared.
"""

from functools import cache
from pathlib import Path
from types import MappingProxyType

DATA = Path(__file__).parent / "data"
WORDS = DATA / "words"


def read_list(path: Path) -> tuple[str, ...]:
    """The entries of a list file, in file order."""
    entries, seen = [], set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        entry = line.split("#", 1)[0].strip()
        if not entry:
            continue
        if entry in seen:
            raise ValueError(f"{path.name}:{number}: {entry!r} is listed twice")
        seen.add(entry)
        entries.append(entry)
    return tuple(entries)


def read_table(path: Path) -> tuple[MappingProxyType, ...]:
    """The rows of a table file as ``{column: cell}``, in file order."""
    lines = [(number, line) for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if line.strip() and not line.startswith("#")]
    if not lines:
        raise ValueError(f"{path.name}: no header row")
    header = [cell.strip() for cell in lines[0][1].split("\t")]
    rows = []
    for number, line in lines[1:]:
        cells = [cell.strip() for cell in line.split("\t")]
        if len(cells) != len(header):
            raise ValueError(f"{path.name}:{number}: {len(cells)} cells under a header of {len(header)}")
        rows.append(MappingProxyType(dict(zip(header, cells))))
    return tuple(rows)


@cache
def word_list(name: str) -> tuple[str, ...]:
    """The entries of ``NAME.txt`` in file order: for lists whose order counts (prefixes tried in turn)."""
    return read_list(WORDS / f"{name}.txt")


@cache
def word_set(name: str) -> frozenset[str]:
    """The entries of ``NAME.txt``."""
    return frozenset(word_list(name))


@cache
def table(name: str) -> tuple[MappingProxyType, ...]:
    """The rows of ``NAME.tsv``."""
    return read_table(WORDS / f"{name}.tsv")


@cache
def word_map(name: str) -> MappingProxyType:
    """``{key: value}`` of the two-column table ``NAME.tsv``, in file order."""
    return read_map(WORDS / f"{name}.tsv")


def read_map(path: Path) -> MappingProxyType:
    """``{key: value}`` of a two-column table file, in file order."""
    found = {}
    for row in read_table(path):
        if len(row) != 2:
            raise ValueError(f"{path.name}: a map has two columns, not {len(row)}")
        key, value = row.values()
        if key in found:
            raise ValueError(f"{path.name}: {key!r} is listed twice")
        found[key] = value
    return MappingProxyType(found)
