# audit

## diff: the decision and effective date of each change

## --known-at under a table
audit-known-at = Theo dữ liệu đã ghi nhận đến { $moment } (UTC).
