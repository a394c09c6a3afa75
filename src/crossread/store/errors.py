"""The one error a user of the store sees."""

from __future__ import annotations


class StoreError(Exception):
    """The store cannot be opened or used; the message is one line naming the target (password
    masked) and the problem, fit to print as is."""
