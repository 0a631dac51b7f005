"""`factlint lsp`: a Language Server over stdio for Markdown, plain-text and HTML drafts (needs the `lsp` extra)."""
