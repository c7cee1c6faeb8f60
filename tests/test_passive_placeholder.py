"""A passive report whose subject is a bare "it" standing for the clause after the verb: the clause alone is
what was reported."""


def test_it_was_reported_reports_the_clause_alone(contents_of):
    text = "It was reported on Friday that the mayor had resigned."
    assert contents_of(text) == [["that the mayor had resigned"]]


def test_a_passive_report_keeps_a_subject_that_names_what_is_reported(contents_of):
    text = "The plan was criticized by the union as unfair."
    assert contents_of(text) == [["The plan", "as unfair"]]
