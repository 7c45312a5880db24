"""Stories: topics and matching, grouping reports of one event, merging their briefings. Pure."""
