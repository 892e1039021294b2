"""Word documents made from a project: workshop cards and strips, the checkpoint report, the WTfC report and
the easy-read "You said, we did". ``report_content`` chooses what the two reports say; ``documents`` builds
any of them as bytes."""
