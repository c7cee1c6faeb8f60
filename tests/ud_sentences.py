"""Gold UD English EWT sentences with a reporting verb, read from ../shared/ud (absent: tests skip)."""

import re
from pathlib import Path

UD_DIR = Path(__file__).resolve().parents[2] / "shared" / "ud"
REPORTING = re.compile(r"^\d+\t[^\t]+\t(say|tell|according|add|claim|report|announce|deny|note|warn)\t", re.M)


def reporting_sentences(limit=None):
    """CoNLL-U blocks of single sentences that contain a reporting verb."""
    blocks = []
    for name in ("en_ewt-ud-dev.conllu", "en_ewt-ud-test.conllu"):
        path = UD_DIR / name
        if not path.exists():
            continue
        for block in path.read_text(encoding="utf-8").split("\n\n"):
            if REPORTING.search(block) and block.count("\n") > 6:
                blocks.append(block.strip() + "\n\n")
    return blocks[:limit]
