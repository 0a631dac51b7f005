"""The ways people reach factlint: the command line, and the editor and archive surfaces."""
