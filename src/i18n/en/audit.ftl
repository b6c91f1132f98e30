# audit

## diff: the decision and effective date of each change
audit-diff-decision = Decision
audit-diff-effective = Effective

## --known-at under a table
audit-known-at = As known at { $moment } (UTC).
