"""Word documents built with python-docx. Builders return bytes; pages only offer the download."""
