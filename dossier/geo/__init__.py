"""Offline geoparsing: the gazetteer and toponym resolution."""
