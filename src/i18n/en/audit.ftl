# audit

## diff: the decision and effective date of each change

## --known-at under a table
audit-known-at = As known at { $moment } (UTC).
