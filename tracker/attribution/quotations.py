"""Quotation-first rules: content widened to the quotations it touches, its kind read from the marks;
quotations no cue claimed, attributed to a cue nearby or to the speaker they continue; continuations merged."""

import bisect

from ..cues import CLAUSE_CUES, SPEECH_VERBS
from ..marks import CLOSERS, OPENERS
from .intervals import Intervals
from .lexicon import SENTENCE_OPENERS, SPEAKER_POS, TITLE_LOWERCASE, TURNS
from .mentions import _cue_mention, _mention
from .records import Attribution

CLAUSE_HEADS = frozenset({"root", "parataxis", "ccomp", "conj"})  # deprels of a verb heading its own clause
INVERTED_STOPS = frozenset(".,;:!?()\"“”")  # where a speaker named after the verb ends
SPACES = " \xa0"  # the spaces between a quotation and its neighbours: news pages often use no-break spaces
from .subjects import addressee_of, subject_of


def with_quotes(index, attribution):
    """Extend content to the whole of every quotation it touches (but not back over its own cue:
    '"PENCE: Well, ...'); set the kind from the marks."""
    spans = list(attribution.spans)
    cue = attribution.cue
    for quote in index.quotes_overlapping(*_hull(spans)):  # the spans added below touch no later quotation
        touched = [s for s in spans if s[0] < quote.end and quote.start < s[1]]
        inside = sum(min(b, quote.end) - max(a, quote.start) for a, b in touched)
        if touched and (inside >= 0.5 * sum(b - a for a, b in touched)
                        or touched[0][0] <= quote.start and quote.end <= touched[-1][1]
                        or touched[-1][0] < quote.start < touched[-1][1] < quote.end):  # runs into it
            start = quote.start
            if cue is not None and quote.start <= cue.start and cue.end <= attribution.start:
                start = attribution.start
            spans.append((start, quote.end))
    attribution.spans = without_narration(index, _union(spans), attribution.cue)
    attribution.kind = kind_of(index, attribution.spans)
    return attribution


def _hull(spans):
    """``(start, end)`` from the first character of ``spans`` to their last; ``(0, 0)`` for none."""
    return (min(a for a, _ in spans), max(b for _, b in spans)) if spans else (0, 0)


def without_narration(index, spans, cue):
    """Drop the unquoted words on the far side of the cue from a quotation: '"...," they said,
    under Article 21 ...' and 'Before that, Kall said: "..."' keep only the quotation."""
    if cue is None:
        return spans
    quoted = [q for q in index.quotes_overlapping(*_hull(spans)) if any(a < q.end and q.start < b for a, b in spans)]
    if any(q.end <= cue.start for q in quoted) and not any(q.start >= cue.end for q in quoted):
        return [(a, b) for a, b in spans if b <= cue.start or is_quoted(index, a, b)] or spans
    if any(q.start >= cue.end for q in quoted) and index.text[cue.end:cue.end + 3].lstrip().startswith(":"):
        return [(a, b) for a, b in spans if a >= cue.end or is_quoted(index, a, b)] or spans
    return spans


def is_quoted(index, start, end):
    """Whether characters ``start:end`` lie inside one quotation."""
    return any(q.start <= start and end <= q.end for q in index.quotes)


def kind_of(index, spans):
    """"direct" when (nearly) all of ``spans`` is quoted, "mixed" when some is, else "indirect"."""
    total = sum(b - a for a, b in spans)
    quoted = sum(min(b, q.end) - max(a, q.start) for a, b in spans for q in index.quotes_overlapping(a, b))
    if quoted >= 0.9 * total:
        return "direct"
    return "mixed" if quoted else "indirect"


def from_quotes(index, found, used_cues):
    """Quotations no cue claimed: a cue next to them, or the previous speaker continuing."""
    covered = Intervals((s, e, a) for a in found for s, e in a.spans)
    result = []
    for quote in index.quotes:
        if covered.overlapping(quote.start, quote.end):
            continue
        following = attribution_right_after(index, quote, found) if opens_sentence(index, quote) else None
        statement = is_statement_shaped(index, quote)
        if following is None and not statement and not starts_a_sentence(index, quote):
            continue  # a scare quote or a title, not a statement
        if following is not None and following.kind == "indirect":  # '"X," Reed assured the crowd': X is
            following.spans, following.sources = [(quote.start, quote.end)], ["adjacent"] + following.sources
            following.kind = "direct"  # what was said, the object whom it was said to or what about
            continue
        if following is not None:  # '"X," he told the host, "Y."': X joins the quote after the cue, even
            # a word or two ('"Perhaps," he said, "..."')
            following.spans = _union(following.spans + [(quote.start, quote.end)])
            following.kind = kind_of(index, following.spans)
            continue
        attribution = nearby_cue(index, quote, used_cues, right_by=not statement)
        if attribution is None and not statement:
            continue  # '"No," she said' is said however short; without its cue, it is a scare quote or a title
        same_cue = [a for a in result if attribution and a.cue and a.cue.start == attribution.cue.start]
        if same_cue:  # both halves of '"X," he said, "Y."' found the same cue
            same_cue[0].spans = _union(same_cue[0].spans + attribution.spans)
            continue
        if attribution is None:
            if is_title(index, quote) or names_the_noun_before(index, quote):
                continue  # 'Legend in the Hills.' standing alone names a work or a headline, no one goes on
            previous = [a for a in found + result if a.end <= quote.start and a.speaker is not None
                        and "remark" not in a.sources]  # '"A," she said, citing X. "B."': B goes on A
            if not previous:
                continue
            last = max(previous, key=lambda a: a.end)
            spoken = [a for a in previous if a.sources[:1] != ["object"] and a.paragraph == last.paragraph]
            if last.sources[:1] == ["object"] and spoken:  # '"A," X said. He did not suggest a reply. "B."':
                last = max(spoken, key=lambda a: a.end)  # B goes on what X said, not on the act described
            last = quotation_continued(index, last, [a for a in previous if a.paragraph == last.paragraph])
            if index.paragraph_of(quote.start) - last.paragraph > 1:
                continue
            lead = introducing_subject(index, quote, last) \
                or (person_just_before(index, quote, last) if starts_a_sentence(index, quote) else None)
            attribution = Attribution(
                spans=[(quote.start, quote.end)], kind="direct", cue=None, speaker=lead or last.speaker,
                sentence=index.sentence_of(quote.start), paragraph=index.paragraph_of(quote.start),
                follows=None if lead else last, sources=["lead-in" if lead else "continuation"])
        result.append(attribution)
    return result


def quotation_continued(index, last, previous):
    """The statement a cue-less quotation goes on from, given ``last``, the statement just before it, and
    ``previous``, those of its paragraph: ``last`` itself, unless it quotes nothing and lies in the sentence of
    the last statement that quotes someone, as a remark in that sentence's narration ('"A," said Roe, who wrote
    a book. "B."', '"A," Roe said, hours after critics called the plan dead. "B."'): then that statement, whose
    words B goes on. A statement of a sentence of its own ('"A," Roe said. She said X. "B."') is the one B goes
    on."""
    if last.kind != "indirect" or last.speaker is None:
        return last
    quoting = [a for a in previous if a.kind != "indirect" and a.end <= last.end]
    quoted = max(quoting, key=lambda a: a.end) if quoting else None
    return quoted if quoted is not None and quoted.sentence == last.sentence else last


def introducing_subject(index, quote, last):
    """The subject of the clause that introduces a cue-less quotation in its own sentence, ending in a colon or a
    comma right before it ('Asked about it, Reed shot back: "..."', 'The screens showed one word: "..."'): the
    subject of the verb nearest the quotation that has one, as a ``Mention``; else None. Not in a sentence that
    holds ``last``, the statement before ('"A," he said, "B."' and 'He argued that A: "B."' go on with A)."""
    tree = index.trees[index.sentence_of(quote.start)]
    if not last.end <= tree.start < quote.start \
            or not index.text[tree.start:quote.start].rstrip().endswith((":", ",")):
        return None
    verbs = [w for w in tree.words if w.end_char <= quote.start and w.upos in ("VERB", "AUX")
             and not index.in_quotation(w.start_char)]
    for verb in reversed(verbs):
        subject = subject_of(index, tree, verb)
        if subject is not None and subject.end_char <= quote.start:
            return _mention([w for w in tree.subtree(subject, exclude={verb}) if w.end_char <= quote.start],
                            index.text, tree.index)
    return None


def person_just_before(index, quote, last):
    """Another named person than the speaker of ``last``, the statement before, who is the subject of the
    sentence that leads into a cue-less quotation, a sentence of its paragraph after ``last``: the quotation's
    own sentence before it, or the sentence just before ('"A," Smith said. Jones was blunter. "B."': B is
    Jones's, not Smith's), as a ``Mention``; else None."""
    first = index.sentence_of(quote.start)
    if index.trees[first].start >= quote.start:
        first -= 1
    if first < 0 or index.trees[first].start < last.end \
            or index.paragraph_of(index.trees[first].start) != index.paragraph_of(quote.start):
        return None  # '"A," Smith said. "B."': the sentence before is the one that said A
    tree = index.trees[first]
    said_last = (last.speaker.text.split() or [""])[-1] if last.speaker is not None else ""
    for word in tree.words:
        if word.deprel in ("nsubj", "nsubj:pass") and tree.head(word).deprel == "root" \
                and word.start_char < quote.start and not index.in_quotation(word.start_char) \
                and any(e.type == "PERSON" for e in index.entities_overlapping(word.start_char, word.end_char)):
            mention = _mention([w for w in tree.subtree(word) if w.end_char <= quote.start], index.text, tree.index)
            if mention is not None and said_last not in mention.text.split():  # 'Trump asked.' after his quote
                return mention
    return None


def is_statement_shaped(index, quote):
    """The quotation is long enough and punctuated like something said, not a scare quote or a title: a
    sentence or a clause before its cue of two words or more, else four words or more with punctuation in
    them (or eight without), where a sentence or clause starts."""
    text = index.text[quote.start:quote.end]
    words = text.split()
    short = is_short_sentence(index, quote) or opens_with_a_clause(index, quote)
    return len(words) >= (2 if short else 4) and (len(words) >= 8 or any(c in text for c in ".,!?;:")) \
        and opens_sentence(index, quote)


def starts_a_sentence(index, quote):
    """The quotation opens a sentence of the text, or follows a colon ('She wrote: "Shameful."'); not one
    after a comma or "and", where a title or a name stands as often as speech."""
    before = index.text[:quote.start].rstrip(SPACES + "".join(CLOSERS) + "\"'")
    return not before or before.endswith((".", "!", "?", ":", "\n"))


def is_title(index, quote):
    """A quotation in title case ('All Hands on Deck.'): every word after the first but the small
    function words is capitalized, and one of them is no name, as in the title of a book, a film or a
    headline (a name alone, 'We're America.', is still said)."""
    trees = index.trees[index.sentence_of(quote.start):bisect.bisect_left(index.sentence_starts, quote.end)]
    words = [w for t in trees if t.start <= quote.start < t.end or quote.start <= t.start < quote.end
             for w in t.words if quote.start <= w.start_char < quote.end and w.text[:1].isalpha()
             and w.upos != "PART"]
    rest = [w for w in words[1:] if w.text.lower() not in TITLE_LOWERCASE]
    text = index.text[quote.start:quote.end].rstrip("\"”’'» .!?")
    return 2 <= len(words) <= 8 and bool(rest) and all(w.text[0].isupper() for w in rest) \
        and any(w.upos != "PROPN" for w in rest) and not text.isupper() and ". " not in text


def names_the_noun_before(index, quote):
    """A short quotation (five words or fewer) in apposition to the noun before it names that thing, a work or a
    term ('his memoir, "Open Roads,"', 'the charged term, "deep state,"'), and says nothing."""
    if len(index.text[quote.start:quote.end].split()) > 5:
        return False
    tree = index.trees[index.sentence_of(quote.start)]
    inside = [w for w in tree.words if quote.start <= w.start_char < quote.end]
    ids = {w.id for w in inside}
    return any(w.deprel == "appos" and w.head not in ids and tree.head(w).upos in ("NOUN", "PROPN")
               and tree.head(w).end_char <= quote.start for w in inside)


def opens_sentence(index, quote):
    """The quotation stands where a sentence or clause starts, not inside narration ('Japan called it
    an "outlaw nation."')."""
    before = index.text[max(0, quote.start - 8):quote.start].rstrip(SPACES)
    return not before or before.endswith(SENTENCE_OPENERS)


def is_short_sentence(index, quote):
    """The quotation is a sentence of its own ('... she said. "Here he is."'), not a phrase or title."""
    return index.text[quote.start:quote.end].rstrip("\"”’'» ").endswith((".", "!", "?")) \
        and opens_sentence(index, quote)


def opens_with_a_clause(index, quote):
    """The quotation opens its sentence and ends in a comma inside its marks, as speech does before its cue
    ('"To a point," he said'), not as a title or a name does."""
    return index.text[quote.start:quote.end].rstrip("\"”’'» ").endswith(",") and opens_sentence(index, quote)


def attribution_right_after(index, quote, found):
    """The attribution whose speaker and cue directly follow ``quote`` in its paragraph, if any: one that quotes,
    or one whose content is the cue's object after a quotation that ends as speech before its cue does
    ('"...," Reed assured the crowd', '"...?" she urged them': ``addressed_right_after``)."""
    said = index.text[quote.start:quote.end].rstrip("\"”’'» ")
    if said.endswith("."):  # '"We are not to blame." Cole said: "..."': the quotation closed its sentence
        return None
    spoken = said.endswith((",", "?", "!"))
    for a in found:
        if a.cue is None or a.speaker is None or a.start < quote.end \
                or a.kind == "indirect" and not (spoken and addressed_right_after(index, quote, a)):
            continue
        gap_start, gap_end = quote.end, a.start
        between = index.text[gap_start:gap_end]
        if "\n" in between or len(between.split()) > 12:
            continue
        if gap_start <= a.cue.start < gap_end and gap_start <= a.speaker.start < gap_end:
            return a
    return None


def addressed_right_after(index, quote, attribution):
    """Whether ``attribution`` is a cue's object or what its preposition introduces ('Reed assured the crowd',
    'Roe said about the plan') whose speaker and cue come straight after ``quote``, with nothing but the speaker
    between them."""
    return attribution.sources[:1] in (["object"], ["preposition"]) and attribution.cue.start < attribution.start \
        and not index.text[quote.end:attribution.speaker.start].strip() \
        and not index.text[attribution.speaker.end:attribution.cue.start].strip()


def nearby_cue(index, quote, used_cues, right_by=False):
    """A speech verb with a subject in the quotation's sentence ('"...," he said'), or ending the
    sentence just before it ('He said:'); another reporting verb only right by the quotation. With
    ``right_by``, only a cue with nothing but its speaker and punctuation between it and the quotation
    ('"No," she said', 'X wrote: "Shameful."')."""
    for tree in index.trees:
        overlaps = tree.start < quote.end and quote.start < tree.end
        introduces = tree.end <= quote.start and not index.text[tree.end:quote.start].strip() \
            and index.text[tree.start:tree.end].rstrip().endswith((":", ",", "—"))
        closes = tree.start >= quote.end and not index.text[quote.end:tree.start].strip(SPACES)  # '"...?" he asked.'
        if not (overlaps or introduces or closes):
            continue
        for word in tree.words[:25] if closes else tree.words:
            if word.upos != "VERB" or word.lemma not in CLAUSE_CUES and not speaks_by_position(index, quote, word) \
                    or quote.start <= word.start_char < quote.end or word.start_char in used_cues:
                continue
            between = index.text[word.end_char:quote.start] if word.end_char <= quote.start \
                else index.text[quote.end:word.start_char]
            if "\n" in between.strip():
                continue
            speaker = subject_of(index, tree, word)
            if speaker is not None and not quote.start <= speaker.start_char < quote.end:
                mention = _mention(tree.subtree(speaker, exclude={word}), index.text, tree.index)
            elif word.id == 1 and word.deprel == "compound" and word.end_char <= quote.start \
                    and tree.head(word).upos in ("PROPN", "NOUN"):  # 'Said Smith: "..."' read as a name
                mention = _mention([w for w in tree.subtree(tree.head(word), exclude={word})
                                    if w.end_char <= quote.start], index.text, tree.index)
            elif word.start_char >= quote.end:  # '"...," Flynn, a surrogate, said': the parse lost the subject
                mention = _mention([w for w in tree.words if quote.end <= w.start_char and w.end_char
                                    <= word.start_char and w.upos in SPEAKER_POS | {"PUNCT", "DET", "ADJ"}],
                                   index.text, tree.index) or inverted_mention(index, tree, word, quote)
            else:
                continue
            if mention is None or not any(c.isalnum() for c in mention.text):
                continue
            gap = between.replace(mention.text, "").strip(" ,:—)")
            if gap and right_by:
                continue
            if gap and (word.lemma not in SPEECH_VERBS or len(between.split()) > 8 or any(c in gap for c in ".!?")):
                continue  # other reporting verbs only right by the quote ('Trump boasted, "..."')
            return Attribution(
                spans=[(quote.start, quote.end)], kind="direct", cue=_cue_mention(tree, word, index.text),
                speaker=mention, sentence=tree.index, paragraph=index.paragraph_of(quote.start),
                addressee=addressee_of(index, tree, word), sources=["adjacent"], cue_lemma=word.lemma)
    return None


def merge_continuations(index, found):
    """'"A," he said. "B."': a cue-less quote in the same paragraph joins the quote it continues, unless it
    opens with a turn ('"But B."'): a point of its own, a claim the database keeps apart and links to A."""
    merged = []
    for a in found:
        if a.follows is not None and a.follows in merged and a.paragraph == a.follows.paragraph \
                and (a.follows.kind != "indirect" or index.text[a.follows.end:a.start].strip() == ":") \
                and not opens_with_a_turn(index, a):  # 'said it needs one thing: "Patience."' goes on
            a.follows.spans = _union(a.follows.spans + a.spans)
            a.follows.kind = kind_of(index, a.follows.spans) if a.follows.kind == "indirect" else a.follows.kind
            continue
        merged.append(a)
    return merged


def opens_with_a_turn(index, quote):
    """Whether a quotation opens a sentence with a contrasting conjunction or adverb ("But ...", "However,
    ..."); a lower-case "but" goes on the sentence the cue interrupted ('"A," he said, "but B."')."""
    marks = "\"' " + "".join(OPENERS) + "".join(CLOSERS)
    words = index.text[quote.start:quote.start + 20].lstrip(marks).split(maxsplit=1)
    return bool(words) and words[0][:1].isupper() and words[0].strip(",").lower() in TURNS


def _union(spans):
    """``spans`` sorted, with overlapping or touching ones joined."""
    spans = sorted(spans)
    result = []
    for a, b in spans:
        if result and a <= result[-1][1]:
            result[-1] = (result[-1][0], max(b, result[-1][1]))
        else:
            result.append((a, b))
    return result


def speaks_by_position(index, quote, verb):
    """A verb that is no reporting verb reports a quotation it introduces with a colon ('X gloated: "..."') or
    that ends in a comma just before it ('"...," X shot back'): the marks make it speech. Only a clause's own
    verb: in "the one quality a champion needs: ..." the colon is the writer's."""
    if verb.deprel not in CLAUSE_HEADS:
        return False
    if verb.end_char <= quote.start:
        return index.text[verb.end_char:quote.start].strip() == ":"
    closing = index.text[quote.start:quote.end].rstrip("\"”’'» ")
    return verb.start_char >= quote.end and closing.endswith(",")


def inverted_mention(index, tree, verb, quote):
    """ '"...," said the party's ranking member Jo Ames (D-Ore.).': the words after a speech verb that closes a
    quotation, up to the first stop, when the parse lost them as its subject; at least one noun among them.
    Another reporting verb only right after the quotation ('"Enough!" shouted the crowd')."""
    if verb.lemma not in SPEECH_VERBS and index.text[quote.end:verb.start_char].strip():
        return None
    words = []
    for word in tree.words[verb.id:]:
        if word.text in INVERTED_STOPS or len(words) == 12:
            break
        words.append(word)
    if not any(w.upos in ("NOUN", "PROPN") for w in words):
        return None
    return _mention(words, index.text, tree.index)
