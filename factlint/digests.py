"""SHA-256 for cache keys and fingerprints, from CPython's own module: hashlib would load OpenSSL to start every run.

The digests are the same bytes either way; only where they come from
differs. hashlib's import (it binds libcrypto) was some 5% of a one-draft
run answered by the result cache, which hashes a few kilobytes.
"""

from __future__ import annotations

try:
    from _sha2 import sha256  # CPython 3.12 and later
except ImportError:
    try:
        from _sha256 import sha256  # CPython 3.11
    except ImportError:  # another interpreter, or a build without them: the portable way
        from hashlib import sha256

__all__ = ["sha256"]
