"""The offsite file: models, opening, checking, locking, backups, migrations, paths."""
