"""Moving reviews in and out of the tool: CSV, spreadsheets and Word review forms."""
