"""Corpus mode: near-duplicate detection, online clustering of articles into stories, and the
incremental update of a story when a report arrives."""
