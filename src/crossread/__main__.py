"""`python -m crossread` runs the command line, as `crossread` does."""

from crossread.cli import main

main()
