"""`python -m factlint` runs the command line."""

from factlint.surfaces.cli import main_entry

main_entry()
