"""Charts, data, map and briefing out of the app and the command line."""
