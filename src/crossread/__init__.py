"""crossread: many news reports of one event in, one sourced brief out."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("crossread")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"
