"""Time expressions: rules per language, tagging, TimeML values, scoring."""
