"""Looking after the tool: staff accounts and signing in, the audit log, erasing a person, backups."""
