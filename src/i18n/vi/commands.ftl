# commands: tóm tắt, bảng và thông báo của các lệnh.
#
# Tiếng Việt không có số nhiều: `{ $count -> *[other] {""} }` chỉ giữ lại
# biến mà bản tiếng Anh cần để chọn dạng số nhiều.

## Dùng chung cho bảng của mọi lệnh đọc.

table-as-of = tính đến ngày { DATE($date) }
table-as-of-after = tính đến ngày { DATE($date) }, ngay sau Quyết định số { $number } ký ngày { DATE($signed) }
table-known-at = Theo dữ liệu đã ghi nhận đến { $moment } (UTC)
table-level-province = Cấp tỉnh
table-level-district = Cấp huyện
table-level-commune = Cấp xã
table-action-added = Ban hành mới
table-action-amended = Sửa đổi, bổ sung
table-action-replaced = Thay thế
table-action-repealed = Bãi bỏ
table-action-moved = Chuyển cấp
table-action-code-assigned = Được cấp mã
table-action-retracted = Đã rút
table-action-corrected = Đã đính chính
table-no-code = (chưa có mã)

## Nơi -o được ghi.

output-dangling-link = đây là liên kết tượng trưng trỏ tới { $target }, tệp này không tồn tại; hãy trỏ liên kết tới một tệp, hoặc ghi ra tên khác
output-directory = đây là một thư mục; hãy cho tên một tệp
output-not-a-file = đây không phải tệp, thiết bị ký tự hay đường ống có tên; tthc chỉ ghi ra những loại đó
output-database = đây là { $what }; tthc không bao giờ ghi đè lên cơ sở dữ liệu: hãy ghi ra tệp khác
output-sqlite-database = một cơ sở dữ liệu SQLite
output-sqlite-wal = nhật ký ghi trước (write-ahead log) của một cơ sở dữ liệu SQLite
output-sqlite-journal = nhật ký khôi phục (rollback journal) của một cơ sở dữ liệu SQLite
output-catalog-file = đó là { $what } { $db }; ghi vào đó sẽ phá hỏng danh mục: hãy ghi ra tệp khác
output-catalog-database = cơ sở dữ liệu danh mục
output-catalog-wal = nhật ký ghi trước (write-ahead log) của cơ sở dữ liệu danh mục
output-catalog-shm = chỉ mục bộ nhớ dùng chung của cơ sở dữ liệu danh mục
output-catalog-journal = nhật ký khôi phục (rollback journal) của cơ sở dữ liệu danh mục

## Danh mục dạng bảng (export, search).

table-level-name-province = Cấp tỉnh
table-level-name-district = Cấp huyện
table-level-name-commune = Cấp xã
table-catalog-title = DANH MỤC THỦ TỤC HÀNH CHÍNH ({ DATE($as_of) }): { $total } TTHC{ $count ->
   *[other] {""}
}
table-catalog-section = { $letter }. { $level } ({ $total } TTHC{ $count ->
   *[other] {""}
})
table-number = STT
table-code = Mã số
table-name = Tên thủ tục hành chính
table-field = Lĩnh vực
table-agency = Cơ quan thực hiện
table-level = Cấp

## counts

counts-title = Danh mục TTHC { DATE($as_of) }
counts-entries = TTHC
counts-online-full = Toàn trình
counts-online-partial = Một phần
counts-inter-agency = Liên thông
counts-total = Tổng số
counts-procedures = Số thủ tục
counts-without-code = Chưa có mã

## Dùng chung cho các lệnh.

commands-warning = cảnh báo: { $message }

## export

export-format-contradicts-name = --format { $format } mâu thuẫn với -o { $path }, vì phần mở rộng của tệp đó là { $named }: hãy sửa một trong hai
export-csv-options-only = --headers, --bom, --excel và --delimiter chỉ dùng cho csv, không dùng cho --format { $format }
export-xlsx-to-terminal = --format xlsx ghi ra một bảng tính nhị phân: hãy cho -o TỆP.xlsx (hoặc chuyển hướng đầu ra chuẩn vào một tệp)
export-html-name = -o { $path }: export ghi ra csv, json hoặc xlsx; báo cáo html thì dùng tthc report -o TỆP.html
export-manifest-device = --manifest cần -o chỉ tên một tệp: { $path } là thiết bị hoặc đường ống có tên
export-and-more = và { $count } ô khác
export-cells-shortened = { $count } ô dài hơn giới hạn của Excel (32.767 ký tự) đã được rút gọn trong bảng tính, kèm ghi chú: { $cells }; bản xuất csv và json vẫn giữ nguyên
table-decision = Quyết định
table-signed = Ngày ký
table-effective = Ngày hiệu lực
table-source = Nguồn
table-action = Hình thức
table-file = Tệp

## show

show-no-version = không có phiên bản nào của { $code } được lưu ở bất kỳ cấp nào (tthc search tìm thủ tục theo tên)
show-not-in-force = { $code } không có hiệu lực ở cấp nào tính đến { $point }; tthc history { $code } liệt kê các phiên bản của thủ tục
show-field = Trường
show-value = Giá trị
show-processing-time = Thời hạn giải quyết
show-fee = Phí, lệ phí
show-legal-basis = Căn cứ pháp lý
show-online = Dịch vụ công trực tuyến
show-inter-agency = TTHC liên thông
show-version = Phiên bản

## search

search-too-many-words = search: câu tìm kiếm có hơn { $max } từ khác nhau; mỗi lần tìm chỉ nhận tối đa { $max } từ
search-no-match = không có thủ tục nào còn hiệu lực ngày { DATE($day) } khớp với { $query }

## upcoming

upcoming-none = Không có thay đổi nào đã lưu có hiệu lực trong { $days } ngày tới (sau ngày { DATE($today) }, đến hết ngày { DATE($until) }).
upcoming-title = { $count } thay đổi có hiệu lực trong { $days } ngày tới (sau ngày { DATE($today) }, đến hết ngày { DATE($until) }):
table-replaces = { $action } (thay thế { $old })

## decisions

decisions-none = Chưa nhập quyết định nào.
decisions-legend = + ~ ⇄ −: số thủ tục ban hành mới, sửa đổi bổ sung, thay thế, bãi bỏ. Mã băm, người nhập và thời điểm: --format csv|json
decisions-corrections = Các lần đính chính, theo thứ tự trong chuỗi băm:
decisions-correction = Đính chính
decisions-made = Thời điểm
decisions-by = Người thực hiện
decisions-reason = Lý do
decisions-rows = Số dòng
decisions-chain = Chuỗi băm
table-as-known-at = Theo dữ liệu đã ghi nhận đến { $moment }.
table-empty = (trống)
table-detail-name = Tên thủ tục
table-detail-field = Lĩnh vực
table-detail-agency = Cơ quan thực hiện
table-detail-processing-time = Thời hạn giải quyết
table-detail-fee = Phí, lệ phí
table-detail-legal-basis = Căn cứ pháp lý
table-detail-online = Dịch vụ công trực tuyến
table-detail-inter-agency = TTHC liên thông

## diff

diff-no-changes = Không có thay đổi nào từ { DATE($from) } đến { DATE($to) }.
diff-title = Thay đổi từ { DATE($from) } đến { DATE($to) }: { $count } ({ $parts })
diff-heading-added = Ban hành mới
diff-heading-amended = Sửa đổi, bổ sung
diff-heading-replaced = Thay thế
diff-heading-repealed = Bãi bỏ
diff-heading-moved = Chuyển cấp
diff-heading-code-assigned = Được cấp mã
diff-changes-old-new = Thay đổi (cũ -> mới)
diff-replaces = Thay thế mã
diff-from-level = Từ cấp
diff-via = { $replaces } (qua { $via })
diff-corrections = Các lần đính chính quyết định có hiệu lực trong khoảng này (danh mục được so sánh là bản đã đính chính):
diff-correction = { $decision } ký ngày { DATE($signed) }: { $kind } lúc { $at }, người thực hiện { $by } ({ $reason })

## history

history-none-known-at = chưa có phiên bản nào của { $code } được lưu tại thời điểm { $moment }; tthc history { $code } liệt kê các phiên bản theo dữ liệu hiện có
history-none-at-level = không có phiên bản nào của { $code } được lưu ở { $level }; thủ tục có phiên bản ở: { $others }
history-correction = { $what } lúc { $at }, người thực hiện { $by }: { $reason }
history-action-from = { $place }: hình thức lấy từ { $source }
history-level-from = cấp lấy từ { $source }
history-field-from = lĩnh vực lấy từ { $source }
history-decision-from = quyết định lấy từ { $source }
history-title = Lịch sử của { $code }
history-level-versions = { $level }: { $count } phiên bản
history-level-versions-taken-out = { $level }: { $count } phiên bản, và { $taken_out } phiên bản đã bị rút ra do đính chính
history-changes = Thay đổi
history-replaced-by = { $action } bởi { $new }
history-moved-to = { $action } (chuyển sang { $level })
history-moved-from = { $action } (chuyển từ { $level })
history-taken-out = (đã rút khỏi danh mục)
history-not-in-force = (hết hiệu lực)

## reference

reference-stored = Đã lưu danh sách quốc gia { $file } ngày { DATE($as_of) }: { $procedures } thủ tục{ $count ->
   *[other] {""}
}.
reference-already-stored = { $given } đã được lưu là danh sách quốc gia ngày { DATE($as_of) } ({ $procedures } thủ tục{ $count ->
   *[other] {""}
}): không cần làm gì.
reference-already-stored-as = { $given } đã được lưu, với tên { $file }, là danh sách quốc gia ngày { DATE($as_of) } ({ $procedures } thủ tục{ $count ->
   *[other] {""}
}): không cần làm gì.
reference-as-of-not-taken = --as-of { DATE($day) } không được dùng: mỗi tệp chỉ lưu một lần, với ngày của lần lưu đầu tiên.
reference-by-level = theo cấp: cấp tỉnh { $province }, cấp huyện { $district }, cấp xã { $commune }; chỉ thuộc cấp khác (cấp bộ, cơ quan khác) { $other }
reference-none = Chưa lưu danh sách quốc gia nào: lệnh tthc reference import TỆP sẽ lưu một danh sách.
reference-as-of = Ngày danh sách
reference-procedures = Số thủ tục
reference-imported = Thời điểm nhập

## Quyết định ghi trên dòng lệnh.

commands-neither-date-nor-decision = { $what }: { $raw } không phải ngày (YYYY-MM-DD hoặc DD/MM/YYYY) cũng không phải quyết định đã lưu
commands-not-a-decision = { $what }: { $raw } không phải quyết định đã lưu
commands-decisions-lists = lệnh tthc decisions liệt kê các quyết định đã lưu
commands-similar-decisions = các quyết định đã lưu có số gần giống:
commands-ambiguous-decision = { $what }: { $raw } ứng với { $count } quyết định đã lưu; hãy ghi thêm ngày ký theo dạng SỐ@YYYY-MM-DD:
commands-imported-after = { $what }: quyết định { $decision } được nhập sau { $moment }: lúc đó nó chưa thuộc danh mục

## import, retract và import --correct: phần tóm tắt.

action-tally = ban hành mới { $added }, sửa đổi bổ sung { $amended }, thay thế { $replaced }, bãi bỏ { $repealed }
import-by-action = theo hình thức: { $tally }
import-by-level = theo cấp: cấp tỉnh { $province }, cấp huyện { $district }, cấp xã { $commune }
correct-unchanged = Quyết định { $decision } ký ngày { DATE($signed) } đã có đúng các dòng này: không có gì để đính chính.
retract-done = Đã rút quyết định { $decision } ký ngày { DATE($signed) }: { $count } thay đổi thủ tục được rút khỏi danh mục.
retract-would = Sẽ rút quyết định { $decision } ký ngày { DATE($signed) }: { $count } thay đổi thủ tục sẽ được rút khỏi danh mục.
correct-done = Đã đính chính quyết định { $decision } ký ngày { DATE($signed) }: rút ra { $count } thay đổi thủ tục, đưa vào { $put } thay đổi thế chỗ.
correct-would = Sẽ đính chính quyết định { $decision } ký ngày { DATE($signed) }: sẽ rút ra { $count } thay đổi thủ tục, đưa vào { $put } thay đổi thế chỗ.
correct-taken-out = đã rút ra: { $tally }
correct-reason = lý do: { $reason }
correct-by-dry-run = người thực hiện { $by } (không ghi lại: chạy thử)
correct-recorded = đã ghi lúc { $at }, người thực hiện { $by }; đầu chuỗi băm { $chain }
import-wal-not-restored = không đưa được cơ sở dữ liệu về chế độ ghi nhật ký trước (write-ahead logging): { $error }
import-corrected-by = đính chính bằng { $files }
import-named-twice = { $name } được ghi hai lần; chỉ đọc một lần
import-more-warnings = ... và { $count } cảnh báo khác (--format json liệt kê đầy đủ)
import-cannot-open = không mở được: { $error }
import-reader-stopped = bộ đọc tệp dừng bất thường
import-dry-run = Đây là lần chạy thử: chưa ghi gì.
import-put-in = đưa vào:
import-nothing = Không có gì để nhập.
import-done = Đã nhập { $count } quyết định: { $rows } dòng, { $changes } thay đổi thủ tục.
import-would = Sẽ nhập { $count } quyết định: { $rows } dòng, { $changes } thay đổi thủ tục.
import-decision = { $number } ký ngày { DATE($signed) }, hiệu lực { DATE($effective) }: { $count } thay đổi thủ tục ({ $file })
import-more-decisions = ... và { $count } quyết định khác (--format json liệt kê đầy đủ)
import-skipped-decision = Quyết định { $number } ký ngày { DATE($signed) } đã được nhập với các dòng y hệt: bỏ qua.
import-ignored-columns = Các cột bỏ qua: { $columns }
import-without-code = Thủ tục ban hành mới chưa có mã (CSDL quốc gia chưa cấp mã): { $count }
import-codes-from-names = Mã lấy từ ô tên thủ tục (ô mã để trống): { $count }
import-skipped-rows = Bỏ qua { $count } dòng không thuộc cấp nào được giữ theo --levels:
import-more-rows = ... và { $count } dòng khác (--format json liệt kê đầy đủ)

## retract

retract-no-reason = --reason: hãy nêu lý do rút quyết định; lý do được ghi lại cùng lần rút
retract-already = quyết định { $decision } ký ngày { DATE($signed) } đã được rút (lúc { $at }, người thực hiện { $by }: { $reason }); chưa ghi gì
retract-not-made = chưa rút được quyết định

## verify

verify-manifest-too-large = tệp lớn hơn mọi tệp kê khai (manifest) mà tthc ghi ra
verify-manifest-not-json = tệp không phải JSON (dòng { $line }, cột { $column })
verify-manifest-not-tthc = đây không phải tệp kê khai của một lần xuất dữ liệu tthc: không có store.chain_sha256 và store.decisions
verify-manifest-bad-hash = store.chain_sha256 của tệp: { $error }
verify-ok = { $db }: đã kiểm tra, không thấy chỗ sai lệch nào.
verify-integrity = tính toàn vẹn SQLite và khóa ngoại: đạt
verify-decisions = quyết định: { $count } (mã băm nội dung và mã băm chuỗi khớp với các dòng)
verify-versions = phiên bản:  { $count }, thuộc { $entries } thủ tục (đã dựng lại lịch sử; nội dung và thời gian hiệu lực khớp)
verify-spans = khoảng thời gian hiệu lực: { $count }
verify-indexed = chỉ mục tìm kiếm: { $count } phiên bản (các từ khớp với tên, lĩnh vực và cơ quan thực hiện)
verify-corrections = đính chính: { $count } (đã dựng lại; các dòng đưa vào và rút ra khớp với mắt xích của chúng)
verify-no-decision = (chưa nhập quyết định nào)
verify-head = đầu chuỗi băm: { $head }

## reconcile

reconcile-no-list = chưa lưu danh sách quốc gia nào: hãy lưu một danh sách bằng tthc reference import TỆP
reconcile-no-list-before = không có danh sách quốc gia nào đề ngày { DATE($day) } hoặc trước đó (danh sách sớm nhất là ngày { $first }): hãy đối chiếu một ngày muộn hơn, hoặc lưu danh sách cũ hơn bằng tthc reference import --as-of NGÀY TỆP
reconcile-title = Đối chiếu danh mục TTHC { DATE($as_of) } với CSDL quốc gia: danh sách ngày { $list } ({ $file }, { $procedures } TTHC{ $count ->
   *[other] {""}
})
reconcile-finding = Kết quả
reconcile-catalog = Danh mục
reconcile-national = CSDL quốc gia
reconcile-no-finding = Không có sai khác: danh mục khớp với danh sách quốc gia ({ $counts }).
reconcile-findings = Sai khác: { $counts }
reconcile-not-in-force = (không có hiệu lực ở cấp này)
reconcile-field = lĩnh vực: { $value }
reconcile-agency = cơ quan thực hiện: { $value }
reconcile-set-by = { $decision }, hiệu lực { DATE($effective) }
reconcile-no-such-code = (không có mã này)
reconcile-may-mean = có thể là: { $others }
reconcile-similarity = độ giống { $similarity }; chỉ có trong danh mục: { $catalog }; chỉ có ở đây: { $national }
reconcile-name-of-other = tên trong danh mục là tên của { $others }
reconcile-levels = cấp: { $levels }
reconcile-kind-unknown-code = mã không có trong CSDL
reconcile-kind-name-of-other-code = tên của mã khác
reconcile-kind-name-mismatch = tên khác
reconcile-kind-level-mismatch = cấp khác
reconcile-kind-missing = thiếu trong danh mục
reconcile-kind-field-mismatch = lĩnh vực khác
reconcile-kind-agency-mismatch = cơ quan khác

## report

report-from-after-to = --from { DATE($from) } sau --to { DATE($to) }: báo cáo cần TỪ_NGÀY không muộn hơn ĐẾN_NGÀY
report-not-html = -o { $path }: báo cáo là một trang html (TỆP.html); muốn xuất danh mục dạng { $extension } thì dùng tthc export -o TỆP.{ $extension }

## inspect

inspect-would-reject = { $file }: { $count } lỗi{ $count ->
   *[other] {""}
}: lệnh import sẽ từ chối tệp này
inspect-list-unreadable = không đọc được danh sách quốc gia lưu trong { $db }, nên các dòng không được đối chiếu với danh sách: { $error }
inspect-stopped = hơn { $count } lỗi: phần còn lại của tệp không được đọc
inspect-standard-input = đầu vào chuẩn
inspect-pipe = đường ống hoặc thiết bị
inspect-too-large = { $what } vượt quá { $mb } MB, nhiều hơn mức inspect giữ trong bộ nhớ (giới hạn khi inspect đọc từ { $what }); hãy lưu thành tệp rồi kiểm tra tệp đó
inspect-catalog-unreadable = không đọc được danh mục: { $error }
inspect-file = Tệp:            { $file }
inspect-format-unknown = Định dạng:      không rõ: không đọc được tệp
inspect-format-sheet = Định dạng:      { $format }, trang tính { $sheet } (các trang tính: { $sheets })
inspect-format = Định dạng:      { $format }
inspect-encoding-bom = Bảng mã:        { $encoding } có dấu thứ tự byte (BOM)
inspect-encoding = Bảng mã:        { $encoding }
inspect-delimiter = Dấu phân cách:  { $delimiter }
inspect-header = Dòng tiêu đề:   { $unit } { $line }
inspect-header-titles = Dòng tiêu đề:   { $unit } { $line }, dưới { $count } dòng tên bảng{ $count ->
   *[other] {""}
}:
inspect-columns = Các cột:
inspect-ignored = (bỏ qua)
inspect-absent-columns = không có trong tệp: { $columns }
inspect-unit-row = hàng{ $count ->
   *[other] {""}
}
inspect-unit-line = dòng{ $count ->
   *[other] {""}
}
inspect-rows-not-read = Các dòng:       chưa đọc: dòng tiêu đề có lỗi
inspect-rows = Các dòng:       đã đọc { $rows }: { $valid } hợp lệ, { $problems } có lỗi
inspect-codes-from-names = mã lấy từ ô tên thủ tục: { $count }
inspect-without-code = thủ tục ban hành mới chưa có mã (CSDL quốc gia chưa cấp mã): { $count }
inspect-heading-rows = bỏ qua các dòng đề mục (không có giá trị ở cột đã biết): { $count } ({ $unit } { $lines })
inspect-skipped-by-levels = các dòng bỏ qua theo --levels: { $count }
inspect-decision = quyết định { $number } ký ngày { DATE($signed) }: { $rows } dòng
inspect-read-as-published = Cách đọc:       quyết định theo bản công bố (hình thức, cấp và lĩnh vực lấy từ tên bảng và các đề mục)
inspect-not-stated = không ghi
inspect-decision-stated = Quyết định:     { $value }
inspect-signed-stated = Ngày ký:        { $value }
inspect-effective-stated = Ngày hiệu lực:  { $value }
inspect-no-table = Các bảng:       không có bảng danh mục (không có dòng tiêu đề nào có cột tên hoặc cột mã)
inspect-table = Bảng { $number }:         tiêu đề ở { $unit } { $lines }, { $count } dòng thủ tục{ $count ->
   *[other] {""}
}
inspect-and = {" "}và{" "}
inspect-not-read = (không đọc)
inspect-unread-columns = không đọc, dù có dữ liệu: { $columns }
inspect-heading = đề mục, { $unit } { $line }: { $text } -> { $described }
inspect-warnings-none = Cảnh báo:       không có
inspect-warnings = Cảnh báo ({ $count }):
inspect-procedure-rows = Các dòng thủ tục:
inspect-stt = STT
inspect-level-at-import = cấp lấy từ danh mục khi nhập
inspect-no-field = không có lĩnh vực
inspect-field-from = lĩnh vực { $field } ({ $source })
inspect-skipped-none = Bỏ qua:         không có
inspect-skipped = Bỏ qua:         { $count } { $unit } không chứa thủ tục:
inspect-national-list = Danh sách quốc gia: { DATE($as_of) } ({ $file }, { $procedures } TTHC{ $count ->
   *[other] {""}
})
inspect-against-none = Cảnh báo khi đối chiếu: không có
inspect-against = Cảnh báo khi đối chiếu ({ $count }):
inspect-problems-none = Lỗi:            không có
inspect-problems = Lỗi ({ $count }):
inspect-title-names = Tên bảng ở { $unit } { $line } ghi quyết định { $decision }.
inspect-title-names-signed = Tên bảng ở { $unit } { $line } ghi quyết định { $decision } ký ngày { DATE($signed) }.
inspect-import-with = Lệnh nhập:
inspect-import-once-fixed = Sau khi sửa hết lỗi, nhập bằng lệnh:
inspect-body-references = Các dẫn chiếu trong phần nội dung (chỉ để đối chiếu, không áp dụng):
inspect-body-names = nêu
inspect-body-reference = dòng { $line }: { $action } { $place } của { $decision }
inspect-body-reference-signed = dòng { $line }: { $action } { $place } của { $decision } ký ngày { DATE($signed) }
diff-separator = {"; "}

## export --format xlsx: các ô bị cắt theo giới hạn của Excel, và bảng tính không tạo được
export-cell-title = tiêu đề
export-cell-field-heading = đề mục của lĩnh vực { $field }
export-cell-entry = { $code } { $level }: { $column }
export-cell-field-count = dòng đếm của lĩnh vực { $field }
export-workbook-failed = không tạo được bảng tính: { $error }
