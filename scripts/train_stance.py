"""Train the stance model on NewsMTSC train and write tracker/data/stance_model.json.

Needs scikit-learn at training time only (`.venv/bin/pip install scikit-learn`); prediction is pure Python
in tracker/stance.py. Chooses the L2 strength by 4-fold cross-validation on train (folds by sentence: a
sentence's targets stay in one fold) and prints each option's figures, then the reference scorer's figures on
NewsMTSC dev when ../shared has it.

Usage: .venv/bin/python scripts/train_stance.py
"""

import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import GroupKFold

from tracker import stance

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TRAIN = SHARED / "stance" / "newsmtsc_train.jsonl"
DEV = SHARED / "stance" / "newsmtsc_dev.jsonl"
SCORER = SHARED / "eval" / "score_stance.py"
MIN_ROWS = 3  # a feature must occur in this many training rows to be kept
C_OPTIONS = (0.02, 0.05, 0.1, 0.2)  # inverse L2 strengths tried by cross-validation
FOLDS = 4
DECIMALS = 4


def read_rows(path):
    """NewsMTSC rows of a JSONL file."""
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def row_features(row):
    """The model's features of one NewsMTSC row."""
    return stance.features(row["text"], row["target_start"], row["target_end"])


def train(examples, labels, C):
    """A logistic regression with inverse L2 strength ``C``, and its vectorizer, fitted on feature dicts."""
    document_frequency = Counter(name for example in examples for name in example)
    examples = [{k: v for k, v in example.items() if document_frequency[k] >= MIN_ROWS} for example in examples]
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(examples)
    classifier = LogisticRegression(C=C, max_iter=5000)
    classifier.fit(matrix, labels)
    return classifier, vectorizer


def cross_validate(examples, labels, groups, C):
    """Macro-F1 and accuracy (in %) of ``FOLDS``-fold predictions on train, folds by sentence."""
    predicted = [None] * len(labels)
    for fit, held in GroupKFold(n_splits=FOLDS).split(examples, labels, groups):
        classifier, vectorizer = train([examples[i] for i in fit], [labels[i] for i in fit], C)
        for i, label in zip(held, classifier.predict(vectorizer.transform([examples[i] for i in held]))):
            predicted[i] = label
    return 100 * f1_score(labels, predicted, average="macro"), 100 * accuracy_score(labels, predicted)


def export(classifier, vectorizer, path):
    """Write the weights as JSON: classes, intercepts and per-feature weights, rounded; return the size."""
    classes = [str(c) for c in classifier.classes_]
    weights = {}
    for column, name in enumerate(vectorizer.get_feature_names_out()):
        row = [round(float(w), DECIMALS) for w in classifier.coef_[:, column]]
        if any(row):
            weights[str(name)] = row
    model = {
        "source": "trained on NewsMTSC train (Hamborg and Donnay 2021, MIT) by scripts/train_stance.py",
        "classes": classes,
        "intercept": [round(float(b), DECIMALS) for b in classifier.intercept_],
        "weights": weights,
    }
    path.write_text(json.dumps(model, separators=(",", ":")), encoding="utf-8")
    return path.stat().st_size


def score_dev():
    """Predict NewsMTSC dev with the exported model and print the reference scorer's output."""
    stance.load_linear.cache_clear()
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as out:
        for row in read_rows(DEV):
            result = stance.predict_stance(row["text"], row["target_start"], row["target_end"])
            out.write(json.dumps({"id": row["id"], "stance": result.stance or "neutral"}) + "\n")
    subprocess.run([sys.executable, str(SCORER), str(DEV), out.name], check=True)
    Path(out.name).unlink()


def main():
    rows = read_rows(TRAIN)
    examples, labels = [row_features(row) for row in rows], [row["stance"] for row in rows]
    groups = [row["text"] for row in rows]
    figures = {}
    for C in C_OPTIONS:
        figures[C] = cross_validate(examples, labels, groups, C)
        print(f"C {C}: {FOLDS}-fold CV on train macro-F1 {figures[C][0]:.1f} accuracy {figures[C][1]:.1f}")
    best = max(C_OPTIONS, key=lambda C: figures[C][0])
    print(f"chosen C {best}")
    classifier, vectorizer = train(examples, labels, best)
    size = export(classifier, vectorizer, stance.MODEL_PATH)
    print(f"wrote {stance.MODEL_PATH.relative_to(ROOT)} ({size:,} bytes) from {len(rows):,} rows")
    if DEV.exists():
        score_dev()


if __name__ == "__main__":
    main()
