"""Count the prepositions that introduce the content of PolNeAR train's cue verbs ("alluded to X", "railed
against X", "talked about X") and write tracker/data/cue_prepositions.tsv: lemma, preposition, count (facts,
no text).

    python scripts/attribution_lab.py parse ../shared/eval/polnear_train.jsonl   # once: keeps the parses
    python scripts/learn_cue_prepositions.py ../shared/eval/polnear_train.jsonl

A gold cue whose words hold a verb followed by a preposition (case, mark or particle), with the gold content
starting right after that preposition, counts one for that pair ("said in a statement that X" does not); the
verb's lemma and the preposition are read from the kept parse.
"""

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import attribution_lab as lab  # noqa: E402

OUTPUT = ROOT / "tracker" / "data" / "cue_prepositions.tsv"
PREPOSITION_DEPRELS = {"case", "mark", "compound:prt"}


def cue_prepositions(pairs, gold):
    """``Counter`` of ``(verb lemma, preposition)`` over the gold cues of the annotated ``pairs``."""
    counts = Counter()
    for article, document in pairs:
        words = [w for sentence in document.sentences for w in sentence.words]
        for quote in gold[article.id]:
            start, end = quote.get("cue_start"), quote.get("cue_end")
            if start is None:
                continue
            cue = [w for w in words if start <= w.start_char < end]
            for verb, after in zip(cue, cue[1:]):
                if verb.upos == "VERB" and after.upos in ("ADP", "PART", "SCONJ") \
                        and after.deprel in PREPOSITION_DEPRELS and after.text.isalpha() \
                        and 0 <= quote["start"] - after.end_char <= 2:
                    counts[verb.lemma.lower(), after.text.lower()] += 1
    return counts


def write(counts, path=OUTPUT, corpus="PolNeAR train"):
    """Write the counts, most frequent first, as TSV with a header naming where they come from."""
    lines = [f"# verb + preposition pairs of the cues of {corpus}, counted by scripts/learn_cue_prepositions.py",
             "lemma\tpreposition\tcount"]
    lines += [f"{lemma}\t{preposition}\t{n}" for (lemma, preposition), n
              in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", help="gold JSONL whose parses attribution_lab.py has kept")
    parser.add_argument("-o", "--output", default=str(OUTPUT))
    args = parser.parse_args(argv)
    records = lab.read_records(args.corpus)
    counts = cue_prepositions(lab.documents(args.corpus), {r["id"]: r["quotes"] for r in records})
    write(counts, args.output)
    print(f"{len(counts)} pairs, {sum(counts.values())} cues, written to {args.output}")


if __name__ == "__main__":
    main()
