# audit

## diff: the decision and effective date of each change
audit-diff-decision = Quyết định
audit-diff-effective = Ngày hiệu lực

## --known-at under a table
audit-known-at = Theo dữ liệu đã ghi nhận đến { $moment } (UTC).
