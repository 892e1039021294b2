"""Use cases, grouped by the part of Working Together for Change they serve.

Each use case takes a repository (the storage port) and returns domain objects; pages call them and never
read or write the store themselves. The parts follow the method, and imports only go down it:

    reports, admin  ->  workshop  ->  checkpoint  ->  collect  ->  prepare  ->  access, common

- ``prepare``    Step 1: the project, its purpose and sample plan, and progress against it.
- ``collect``    Step 2: reviews with a person and own reviews, codes, voice answers, import and export.
- ``checkpoint`` The half-way quality checkpoint and the check of each statement before the workshop.
- ``workshop``   Steps 3 to 8: card call, priorities, themes in numbers, understand, success, ideas and
                 plans, progress and review, and the golden thread.
- ``reports``    Word documents: cards, the checkpoint report, the WTfC report, "You said, we did".
- ``admin``      Accounts and signing in, the audit log, erasing a person, backups.
"""
