"""Facts: the article's own statements, outcomes (what happened, what was agreed or not) and
next steps (what is still to come, with its date). Pure."""
