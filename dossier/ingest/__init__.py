"""Bytes to stored articles: decoding, file formats, the ingest run and its report."""
