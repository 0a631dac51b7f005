"""Reading news prose: sentences, words, quotations, people, dates and credits, as spans of text.

Nothing here knows of rules, findings or output formats; the checks ask these
modules what the text says and decide what to report.
"""
