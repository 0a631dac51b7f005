"""`python -m factlint` runs the command line."""

from factlint.cli import main_entry

main_entry()
