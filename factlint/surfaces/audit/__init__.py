"""`factlint audit`: the per-document check over a whole archive on Dask, and its report; heavy imports stay inside."""
