"""The load test (issue 7): fifty users reading and writing at once against
gunicorn with production settings, on SQLite and on PostgreSQL."""
