"""The store: schema, migrations and every query (the only SQL in the engine)."""
