# input: đọc và kiểm tra tệp quyết định, các quy tắc của danh mục, và lỗi của cơ sở dữ liệu.

## Từ ngữ dùng trong thông báo

domain-level-province = cấp tỉnh
domain-level-district = cấp huyện
domain-level-commune = cấp xã
domain-action-added = ban hành mới
domain-action-amended = sửa đổi, bổ sung
domain-action-replaced = thay thế
domain-action-repealed = bãi bỏ

## Giá trị của ô

domain-did-you-mean = : có phải là { $word }?
domain-unknown-level = cấp thực hiện { $raw } không hợp lệ{ $hint } (cần là "Cấp tỉnh", "Cấp huyện", "Cấp xã", hoặc province, district, commune)
domain-unknown-level-in = cấp thực hiện { $part } trong { $raw } không hợp lệ{ $hint } (cần là "Cấp tỉnh", "Cấp huyện", "Cấp xã" hoặc province, district, commune, nhiều cấp thì cách nhau bằng dấu phẩy, hoặc "Dùng chung (cấp tỉnh, cấp xã)")
domain-level-outside = { $level } trong { $raw } không phải là cấp thuộc danh mục của tỉnh (cấp tỉnh, cấp huyện, cấp xã); muốn nhập danh sách có cả những thủ tục như vậy thì dùng --levels (ví dụ --levels province,commune) để giữ các cấp đó và bỏ qua phần còn lại
domain-empty-level = chưa ghi cấp thực hiện (cần là cấp tỉnh, cấp huyện hoặc cấp xã)
domain-unknown-action = hình thức công bố { $raw } không hợp lệ{ $hint } (cần là "Mới ban hành", "Ban hành mới", "Sửa đổi, bổ sung", "Sửa đổi/bổ sung", "Thay thế", "Bãi bỏ", "Hủy bỏ", hoặc added, amended, replaced, repealed)
domain-provisional-code = mã { $raw } thuộc khoảng 9.8xxxxx mà tthc dành cho các thủ tục được công bố khi chưa có mã
domain-bad-code = mã TTHC { $raw } không hợp lệ (cần có dạng d.dddddd như 1.001612, hoặc dạng đầy đủ 1.001612.000.00.00.H12){ $hint }
domain-bad-code-excel = ; nếu mã lấy từ ô kiểu số trong Excel thì các số 0 ở cuối đã bị mất: hãy định dạng cột mã là Text (Văn bản)
domain-bad-date = ngày { $raw } không hợp lệ (cần có dạng YYYY-MM-DD, DD/MM/YYYY, DD-MM-YYYY hoặc "ngày DD tháng MM năm YYYY")
domain-impossible-date = ngày { $raw } không tồn tại: không có ngày { DATE($date) }
domain-unknown-online = mức độ dịch vụ công trực tuyến { $raw } không hợp lệ (cần là "Toàn trình", "Một phần", "Mức độ 4" hoặc "Mức độ 3")
domain-bare-number = { $message }; quyết định được gọi bằng số ký hiệu đầy đủ, ví dụ { $number }/QĐ-UBND
domain-reference-date = { $raw }: phần sau @ phải là ngày ký của quyết định: { $message }
domain-not-a-reference = { $raw } không phải là ngày, cũng không phải là số quyết định (SỐ hoặc SỐ@YYYY-MM-DD)
domain-moment-not-local = thời điểm { $raw } không tồn tại theo múi giờ của máy
domain-bad-moment = thời điểm { $raw } không hợp lệ (cần theo RFC 3339 như 2026-03-01T10:00:00+07:00, hoặc YYYY-MM-DD[THH:MM[:SS]] theo giờ của máy)

## Quy tắc của từng dòng và của danh mục

rule-shared-levels = { $raw } không nói rõ những cấp nào, mà ngày { DATE($effective) } vẫn còn cấp huyện: hãy ghi rõ các cấp, ví dụ "Dùng chung (cấp tỉnh, cấp huyện, cấp xã)"
rule-district-abolished = { $action } ở cấp huyện ngày { DATE($effective) }: cấp huyện đã kết thúc hoạt động từ ngày 01/07/2025 (các thủ tục cấp huyện đã bị bãi bỏ hoặc chuyển về cấp xã); chỉ được bãi bỏ thủ tục cấp huyện
rule-warn-effect-far = có hiệu lực ngày { DATE($day) }, cách ngày ký hơn một năm: có gõ nhầm năm không?
rule-warn-signed-future = ngày ký là một ngày trong tương lai (hôm nay là { DATE($today) })
rule-warn-number-year = số ký hiệu ghi năm { $other }, nhưng quyết định ký năm { $year }
rule-missing-name = để trống: dòng { $action } phải có tên thủ tục
rule-missing-field = để trống: dòng { $action } phải có lĩnh vực
rule-in-force = đang có hiệu lực
rule-not-in-force = không có hiệu lực

## Đọc tệp quyết định

input-column-is = cột { $column } { $what }
input-column-value = cột { $column }: { $message }
input-column-invalid-utf8 = cột { $column }: không phải văn bản UTF-8 hợp lệ (hãy lưu tệp dưới dạng UTF-8)
input-row-unreadable = không đọc được dòng này
input-name-several-codes = chứa nhiều mã ({ $codes }) trong khi ô mã để trống: hãy ghi mã của dòng này vào cột mã TTHC
input-code-and-name-empty = để trống, và dòng này cũng không có tên thủ tục: hãy ghi mã TTHC, hoặc tên của thủ tục chưa có mã
input-name-no-code = { $name } không chứa mã nào dạng "(Mã TTHC: 1.001612)", và tệp không có cột mã TTHC
input-decision-empty = để trống: dòng nào cũng phải có số quyết định
input-signed-empty = để trống: dòng nào cũng phải có ngày ký
input-replaces-empty = để trống: dòng thay thế phải ghi mã TTHC bị thay thế
input-replaces-not-replaced = ghi { $raw } trên dòng có hình thức { $action }: chỉ dòng thay thế mới ghi mã TTHC bị thay thế
input-no-rows = không có dòng nào: tệp có dòng tiêu đề nhưng không có thủ tục nào
input-no-rows-left = không còn dòng nào: cả { $count } dòng chỉ ghi những cấp mà --levels { $levels } bỏ qua
input-cannot-read = không đọc được: { $error }
input-file-too-large = tệp lớn hơn { $mb } MB, vượt quá mức tthc đọc đối với sổ tính hoặc văn bản Word (giới hạn kích thước tệp loại này: { $mb } MB); hãy lưu riêng bảng thành tệp mới, hoặc thành CSV
input-published-too-long = quyết định dạng công bố được đọc toàn bộ, mà tệp này vượt quá { $rows } dòng hoặc { $mb } MB văn bản; tệp dài như vậy cần có cột hình thức công bố và cột cấp thực hiện
input-published-too-wide = quyết định dạng công bố được đọc toàn bộ, mà các dòng của tệp này trải trên hơn { $cells } ô (giới hạn số ô của một quyết định dạng công bố); hãy xóa các cột trống, hoặc bổ sung cột hình thức công bố và cột cấp thực hiện
input-header-invalid-utf8 = cột tiêu đề thứ { $position }: không phải văn bản UTF-8 hợp lệ (hãy lưu tệp dưới dạng UTF-8)
input-header-twice = tiêu đề { $header }: cột { $column } xuất hiện hai lần
input-missing-column = thiếu cột bắt buộc { $vietnamese } ({ $column })
input-or-give = (hoặc dùng { $option })
input-or-code-in-name = (hoặc ghi mã trong tên thủ tục, như "Đăng ký khai sinh (Mã TTHC: 1.001612)")
input-word-is-published = văn bản Word là quyết định dạng công bố: dùng tthc import để đọc
input-file-is-published = tệp này là quyết định dạng công bố: dùng tthc import để đọc
input-stopped-reading = đã dừng đọc sau { $count } lỗi
input-no-provisional-code = { $name } không có mã, và không còn mã tạm nào để cấp cho thủ tục này: hãy ghi mã TTHC theo Cơ sở dữ liệu quốc gia
input-national-list-of = danh sách TTHC quốc gia ngày { DATE($date) }

## Danh sách TTHC quốc gia

domain-reference-uncoded = { $name } được công bố khi chưa có mã, trong khi { $list } ghi thủ tục này với mã { $codes }: hãy ghi mã TTHC
domain-reference-unknown-code = mã { $code } không có trong { $list }
domain-reference-unknown-code-meant = mã { $code } không có trong { $list }; có phải là { $meant }?
domain-reference-other-name = tên { $name } là tên của { $others } trong { $list }; ở đó mã { $code } là { $listed }
domain-reference-near-codes = có phải là { $codes } trong { $list }?
domain-list-or = { $items } hoặc { $last }

## Nhập dữ liệu: quyết định, trùng lặp và đính chính

input-decision-label = quyết định { $number } ký ngày { DATE($signed) }
input-decision-of = { $number } ngày { DATE($signed) }
input-stored-decision = quyết định đã nhập { $decision }
input-entry = { $code } ở { $level }
input-warn-changes-nothing = { $label }: { $count } dòng sửa đổi, bổ sung không thay đổi giá trị nào: các giá trị ghi trong đó trùng với giá trị thủ tục đang có (dòng đầu tiên: { $code })
input-row-of-other-decision = dòng này thuộc quyết định { $number } ký ngày { DATE($signed) }, không phải quyết định { $corrected } ký ngày { DATE($corrected_signed) } đang được đính chính: tệp đính chính chỉ chứa các dòng của quyết định đó
input-conflict-retracted = { $file }: quyết định { $number } ký ngày { DATE($signed) } đã bị rút ra ngày { $made_at } bởi { $made_by } ({ $reason }); lệnh tthc import --correct { $reference } { $file } đưa các dòng của nó trở lại
input-conflict-corrected = { $file }: quyết định { $number } ký ngày { DATE($signed) } đã có các dòng khác: nó đã được đính chính ngày { $made_at } bởi { $made_by } bằng { $source } ({ $reason }); lệnh tthc import --correct { $reference } { $file } đính chính lại lần nữa
input-conflict-other-rows = { $file }: quyết định { $number } ký ngày { DATE($signed) } đã được nhập với các dòng khác (là { $stored } ký ngày { DATE($stored_signed) }); nếu các dòng đã nhập bị sai thì lệnh tthc import --correct { $reference } { $file } sẽ thay thế chúng
input-correct-no-rows = không có dòng nào của quyết định { $number } ký ngày { DATE($signed) } để thay cho các dòng của nó; lệnh tthc retract { $number }@{ $signed } --reason LÝ_DO rút các dòng đó ra
input-refused-retract = không thể rút quyết định { $number } ký ngày { DATE($signed) }, chưa ghi gì vào danh mục: các thay đổi sau đó phụ thuộc vào các dòng của nó:
    { $depending }
    Hãy rút hoặc đính chính các quyết định đó trước, hoặc đính chính quyết định này sao cho các thay đổi đó vẫn áp dụng được.
input-refused-correct = không thể đính chính quyết định { $number } ký ngày { DATE($signed) }, chưa ghi gì vào danh mục: các thay đổi sau đó phụ thuộc vào các dòng của nó:
    { $depending }
    Hãy rút hoặc đính chính các quyết định đó trước, hoặc đính chính quyết định này sao cho các thay đổi đó vẫn áp dụng được.
rule-named-twice = cột { $column }: { $what } được nêu hai lần trong quyết định { $decision } (cả ở { $origin })
rule-last-change = thay đổi gần nhất: { $action } theo quyết định { $decision } có hiệu lực ngày { DATE($effective) }
rule-added-later = thủ tục được ban hành ngày { DATE($effective) } theo quyết định { $decision } ({ $origin }), sau thay đổi này
rule-never-added = thủ tục chưa từng được ban hành
rule-broken = cột { $column }: { $what } { $violation } vào ngày { DATE($effective) }, nên không thể { $verb } ({ $history })
rule-breaks-stored = { $action } { $code } ở { $level } có hiệu lực ngày { DATE($effective) } làm sai lịch sử đã lưu: trong { $origin } { $message }
rule-depends = { $code } ở { $level } không thể { $verb } theo quyết định { $number } ký ngày { DATE($signed) } có hiệu lực ngày { DATE($effective) } ({ $origin }): khi rút các dòng kia ra, { $why }
rule-depends-violation = lúc đó thủ tục { $violation }
rule-depends-twice = quyết định sẽ nêu thủ tục hai lần
rule-brought-in = đưa vào bằng hình thức thay thế
input-published-no-field = lĩnh vực { $message } (hoặc dùng { $option })
input-published-no-name = tên thủ tục { $message }
input-published-no-replaces = dòng thay thế phải ghi mã TTHC bị thay thế

## Tệp, trang tính và bảng mã

input-is-empty = để trống
input-invalid-utf8 = không phải văn bản UTF-8 hợp lệ (hãy lưu tệp dưới dạng UTF-8)
input-list-word = văn bản Word không phải là danh sách TTHC quốc gia: hãy lưu danh sách thành CSV hoặc xlsx
input-list-no-header = không có dòng tiêu đề nêu các cột mã, tên và cấp thực hiện ("Mã thủ tục", "Tên thủ tục", "Cấp thực hiện")
input-list-no-rows = không có thủ tục nào: danh sách có dòng tiêu đề nhưng không có dòng nào
input-list-missing-column = danh sách TTHC quốc gia cần có cột { $vietnamese } ({ $column })
input-list-code-twice = mã { $code } được dùng ở dòng { $line } cho { $first } và ở đây cho { $name }: mỗi mã chỉ dùng cho một thủ tục
input-sheet = trang tính { $sheet }
input-empty-sheet = trang tính { $sheet } trống: không có dòng tiêu đề
input-sheet-no-header = không có dòng nào của trang tính này giống dòng tiêu đề; sổ tính có { $sheets }: hãy chọn một trang bằng --sheet TÊN
input-sheets-none = không có trang tính nào
input-sheets-one = một trang tính { $sheet }
input-sheets = các trang tính { $sheets }
input-no-such-sheet = không có trang tính nào tên { $wanted }; sổ tính có { $sheets }
input-no-worksheet = sổ tính không có trang tính nào
input-cannot-read-sheet = không đọc được trang tính { $sheet }: { $error }
input-not-a-workbook = không đọc được tệp như một sổ tính (xlsx, xls hoặc ods): { $error }; nếu đây là văn bản Word, hãy chép bảng sang Excel và lưu thành .xlsx
input-sheet-out-of-range = có giá trị vượt ngoài phạm vi (tệp bị hỏng hoặc bị làm giả)
input-sheet-cells-reach = các ô trải từ { $first } đến { $last }, hơn { $limit } ô; hãy xóa những gì nằm ngoài bảng (Ctrl+End trong Excel đưa tới ô cuối cùng được tính là đã dùng)
input-sheet-too-much-text = trang tính { $sheet } chứa hơn { $mb } MB văn bản trong các ô (giới hạn văn bản của một trang tính: { $mb } MB, chuỗi dùng chung cho nhiều ô được tính cho từng ô)
input-sheet-strings = bảng chuỗi dùng chung chứa hoặc khai báo { $count } chuỗi, vượt quá mức tthc đọc (giới hạn số chuỗi của một sổ tính: { $limit }); hãy lưu riêng bảng thành sổ tính mới
input-sheet-unpacks = khi giải nén tệp chiếm { $mb } MB, vượt quá mức tthc đọc ({ $limit } MB); hãy lưu riêng bảng thành sổ tính mới hoặc thành CSV
input-sheet-area = trang tính { $sheet } quá lớn để đọc: các ô trải trên { $rows } dòng và { $columns } cột, hơn { $limit } ô; hãy xóa những gì nằm ngoài bảng
input-sheet-merges = trang tính { $sheet } có { $count } vùng ô gộp, vượt quá mức tthc đọc (giới hạn vùng ô gộp của một trang tính: { $limit }); hãy bỏ gộp ô (Home > Merge & Center)
input-sheet-excel-error = cột { $column } (ô { $cell }) chứa lỗi Excel { $error }: hãy sửa công thức hoặc nhập trực tiếp giá trị
input-xls-loops = không đọc được tệp như một sổ tính (xls): một chuỗi sector của tệp tự quay vòng (tệp bị hỏng hoặc bị làm giả)
input-xls-cells-reach = các ô trải trên { $rows } dòng và { $columns } cột
input-xls-too-much-text = một trang tính chứa hơn { $mb } MB văn bản trong các ô (giới hạn văn bản của một trang tính: { $mb } MB, chuỗi dùng chung cho nhiều ô được tính cho từng ô)
input-xls-too-large = trang tính quá lớn để đọc: { $what }, hơn { $limit } ô (giới hạn số ô của một trang tính); hãy xóa những gì nằm ngoài bảng
input-xls-dimensions = kích thước khai báo là { $rows } dòng và { $columns } cột
input-xls-dimension-rows = kích thước khai báo là từ dòng { $first } đến dòng { $last }
input-xls-strings = bảng chuỗi dùng chung khai báo { $count } chuỗi, vượt quá mức tthc đọc (giới hạn số chuỗi của một sổ tính: { $limit })
input-file-changed = tệp đã thay đổi trong khi đang đọc ({ $what }): tệp đang được ghi hoặc đồng bộ; hãy nhập lại khi tệp đã hoàn chỉnh
input-changed-unexaminable = không còn kiểm tra được tệp: { $error }
input-changed-size = lúc mở tệp có { $size } byte, nay có { $now } byte
input-changed-read = tệp có { $size } byte nhưng chỉ đọc được { $read } byte
input-changed-time = thời điểm sửa đổi của tệp đã thay đổi
input-encoding-legacy = không đọc trực tiếp văn bản { $name }: hãy mở bằng Excel hoặc LibreOffice rồi lưu thành "CSV UTF-8", hoặc chuyển mã bằng công cụ tiếng Việt (Unikey: Công cụ chuyển mã), rồi nhập tệp UTF-8
input-encoding-unknown = bảng mã { $name } không hợp lệ (cần là utf-8, utf-16le, utf-16be hoặc windows-1258)
input-looks-windows-1258 = có vẻ là văn bản Windows-1258 (Vietnamese ANSI), không phải UTF-8: hãy nhập với --encoding windows-1258, hoặc mở bằng Excel hoặc LibreOffice rồi lưu thành "CSV UTF-8", hoặc chuyển mã bằng công cụ tiếng Việt (Unikey: Công cụ chuyển mã)
input-looks-legacy = có vẻ là văn bản { $encoding }, không phải UTF-8: hãy mở bằng Excel hoặc LibreOffice rồi lưu thành "CSV UTF-8", hoặc chuyển mã bằng công cụ tiếng Việt (Unikey: Công cụ chuyển mã, { $encoding } -> Unicode)
input-garbled-cell = có vẻ là văn bản { $encoding } hiển thị như Unicode ("Hé tÞch" thay vì "Hộ tịch"), như văn bản dán từ tài liệu cũ hoặc gõ bằng phông { $encoding }: hãy chuyển sang Unicode (Unikey: Công cụ chuyển mã, { $encoding } -> Unicode)
input-garbled-file = có vẻ là văn bản { $encoding } đã được mở như Western (Windows-1252) rồi lưu thành UTF-8 ("Céng hßa" thay vì "Cộng hòa"): hãy chuyển tệp { $encoding } gốc sang Unicode (Unikey: Công cụ chuyển mã, { $encoding } -> Unicode) và lưu thành "CSV UTF-8"
input-malformed-text = văn bản lỗi tại byte { $at } của tệp đã giải mã
input-not-utf16 = đã dùng --encoding { $encoding }, nhưng tệp không chứa byte 0 nào nên không phải văn bản UTF-16: hãy bỏ --encoding
input-not-windows-1258 = đã dùng --encoding windows-1258, nhưng tệp là văn bản UTF-8: hãy bỏ --encoding
input-quote-at-end = dấu nháy kép (") mở một ô trên dòng này không bao giờ đóng: tệp kết thúc khi vẫn ở trong ô đó, nên mọi dòng sau nó đều thành một phần của ô; hãy đóng hoặc xóa dấu nháy
input-quote-too-long = dấu nháy kép (") mở một ô trên dòng này không đóng: sau nó có hơn { $mb } MB mà vẫn chưa đóng (giới hạn độ dài một dòng: { $mb } MB)
input-row-too-long = dòng bắt đầu ở đây dài hơn { $mb } MB mà không có ký tự xuống dòng (giới hạn độ dài một dòng: { $mb } MB); đây có phải tệp CSV không?
input-row-too-many-cells = dòng có hơn { $limit } ô (giới hạn số ô của một dòng: { $limit })
input-row-wider = dòng có { $cells } ô nhưng dòng tiêu đề có { $width } ô: giá trị nào chứa { $delimiter } thì phải đặt trong dấu nháy kép
input-delimiter-comma = dấu phẩy (,)
input-delimiter-semicolon = dấu chấm phẩy (;)
input-delimiter-tab = ký tự tab
input-empty-file = tệp trống: không có dòng tiêu đề
input-not-valid-text = không phải văn bản { $encoding } hợp lệ: { $error } (hãy lưu tệp dưới dạng CSV UTF-8)
input-invalid-utf8-position = văn bản UTF-8 không hợp lệ ở cột thứ { $position }
input-malformed-csv = CSV không hợp lệ: { $error }

## Cơ sở dữ liệu danh mục

store-missing = không có cơ sở dữ liệu danh mục tại { $path }: hãy nhập một quyết định trước (tthc import TỆP)
store-too-new = { $path } được ghi bởi phiên bản tthc mới hơn (phiên bản lược đồ { $found }; tthc này chỉ biết tới { $known }): hãy nâng cấp tthc
store-corrupt = cơ sở dữ liệu chứa giá trị mà tthc không đọc được: { $what }
store-not-catalog = { $path } không phải là danh mục của tthc: { $what }; hãy kiểm tra --db (hoặc TTHC_DB)
store-damaged = { $path } là danh mục tthc bị hỏng: { $findings }; hãy khôi phục từ bản sao lưu
store-read-only-log = không đọc được { $path }: tệp chỉ cho đọc, mà một lần nhập đã để lại nhật ký ghi trước bên cạnh ({ $path }-wal), chỉ danh mục ghi được mới tiếp nhận được nhật ký này: hãy chạy một lệnh tthc bất kỳ trên danh mục ở nơi ghi được, hoặc chép danh mục cùng tệp -wal sang một thư mục ghi được
store-old-read-only = { $path } được ghi bởi phiên bản tthc cũ hơn (phiên bản lược đồ { $found }) và không thể nâng cấp khi chỉ cho đọc: hãy chạy lệnh nhập trên một bản sao ghi được
store-busy = một lần nhập khác đang ghi vào danh mục; hãy thử lại khi lần nhập đó kết thúc
store-created-meanwhile = một lần nhập khác đã tạo danh mục tại { $path } trong khi lần nhập này đọc từ đầu vào chuẩn; chưa ghi gì: hãy chạy lại
store-no-thread = không khởi động được luồng thứ hai
store-empty-file = đây là tệp trống (0 byte)
store-no-table = đây là cơ sở dữ liệu SQLite không chứa bảng nào
store-other-program = đây là cơ sở dữ liệu SQLite của chương trình khác
store-other-program-tables = đây là cơ sở dữ liệu SQLite của chương trình khác (các bảng: { $tables })
store-and-more = , và { $count } bảng khác
store-version-reset = phiên bản lược đồ (PRAGMA user_version) là { $version } dù cơ sở dữ liệu chứa các bảng của tthc: nó đã bị đặt lại ngoài tthc
store-not-sqlite = đây không phải là cơ sở dữ liệu SQLite
store-sqlite-cannot-read = SQLite không đọc được: { $error }

## Văn bản Word

input-kind-legacy-office = văn bản Word 97-2003 (.doc) hoặc tệp Office đời cũ khác
input-kind-doc = văn bản Word 97-2003 (.doc)
input-kind-pdf = tệp PDF
input-kind-image = ảnh { $kind }
input-kind-rtf = văn bản RTF
input-kind-empty = tệp trống
input-kind-unknown = loại tệp mà tthc không biết
input-kind-excel = sổ tính Excel
input-kind-opendocument = tệp OpenDocument
input-kind-zip = tệp nén zip không có word/document.xml
input-docx-not-docx = tệp này là { $found }, không phải văn bản Word (.docx); hãy lưu văn bản thành .docx (trong Word: File > Save As > Word Document) rồi dùng tệp đó
input-docx-damaged = văn bản bị hỏng ({ $reason }); hãy mở bằng Word, lưu văn bản thành .docx (trong Word: File > Save As > Word Document) rồi dùng tệp đó
input-docx-unpacked = khi giải nén văn bản chiếm { $size } MB, vượt quá { $limit } MB mà tthc đọc (giới hạn kích thước sau giải nén)
input-docx-part-too-large = { $part } khi giải nén vượt quá { $limit } MB mà tthc đọc (giới hạn kích thước của { $part })
input-docx-xml = { $part } không phải XML hợp lệ (gần byte { $position }: { $reason }); hãy mở văn bản bằng Word và lưu lại
input-docx-too-deep = { $part } lồng các phần tử sâu hơn { $limit } cấp (giới hạn độ sâu lồng XML)
input-docx-too-many-cells = các bảng của văn bản có hơn { $limit } ô (giới hạn số ô của một văn bản)
input-docx-too-many-columns = dòng { $line }: một hàng của bảng { $table } có hơn { $limit } cột (giới hạn số cột của một hàng)
input-docx-too-long = dòng { $line }: một ô hoặc đoạn văn chứa hơn { $limit } ký tự (giới hạn văn bản của một ô)
input-docx-too-many-paragraphs = văn bản có hơn { $limit } đoạn văn nằm ngoài bảng (giới hạn số đoạn văn)

## Quyết định dạng công bố

input-pub-heading-unknown = tiêu đề mục { $text } không nêu hình thức công bố, cấp thực hiện hay lĩnh vực nào mà tthc biết: hãy sửa lại (ví dụ "I. DANH MỤC THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH", "A. Thủ tục hành chính cấp xã", "LĨNH VỰC HỘ TỊCH")
input-pub-row-neither = dòng này không phải thủ tục (cột số thứ tự không có số thứ tự, { $number }) cũng không phải tiêu đề mục: { $text }
input-pub-cell-without-header = cột thứ { $position } chứa { $text } nhưng tiêu đề cột để trống: ô này không thuộc cột nào
input-pub-title-number = tiêu đề phụ lục ghi quyết định { $title } nhưng phần đầu quyết định (dòng { $line }) ghi { $body }: đọc theo { $body }
input-pub-decision-flag = --decision { $flag } mâu thuẫn với văn bản, văn bản ghi quyết định { $document }
input-pub-no-number = không ghi số quyết định (hoặc để trống như bản dự thảo): hãy dùng --decision
input-pub-title-date = tiêu đề phụ lục ghi ngày quyết định { $title } nhưng phần đầu quyết định (dòng { $line }) ghi { $body }: đọc theo { $body }
input-pub-signed-flag = --signed { $flag } mâu thuẫn với văn bản, văn bản ghi ngày { $document }
input-pub-no-signed = không ghi ngày ký (hoặc để trống như bản dự thảo): hãy dùng --signed
input-pub-effect-tied = quyết định có hiệu lực theo một văn bản khác và không ghi ngày ({ $text }): hãy dùng --effective
input-pub-effective-flag = --effective { $flag } mâu thuẫn với văn bản, văn bản ghi có hiệu lực từ ngày { $document }
input-pub-no-effective = không ghi ngày có hiệu lực: hãy dùng --effective
input-pub-title-actions = tiêu đề phụ lục ghi { $annex } nhưng trích yếu của quyết định (dòng { $line }) ghi { $decided }: đọc theo { $decided }
input-pub-title-several-actions = tiêu đề (dòng { $line }) ghi { $actions } mà không có tiêu đề mục nào phía trên dòng này nói rõ hình thức nào: hãy dùng --action hoặc thêm tiêu đề mục
input-pub-heading-actions = tiêu đề mục ghi { $actions }: mỗi mục chỉ ghi một hình thức công bố
input-pub-action-flag = --action { $flag } mâu thuẫn với văn bản, văn bản ghi { $document }
input-pub-no-action = không ghi hình thức công bố: không có ô, tiêu đề mục hay tiêu đề nào cho biết thủ tục được ban hành mới, sửa đổi, bổ sung, thay thế hay bãi bỏ: hãy dùng --action
input-pub-level-outside = { $level } không phải là cấp thuộc danh mục của tỉnh
input-pub-shared-levels = "áp dụng chung" chỉ có nghĩa là cấp tỉnh và cấp xã từ ngày 01/07/2025 (khi cấp huyện kết thúc hoạt động), mà quyết định này có hiệu lực từ ngày { DATE($effective) }: hãy ghi rõ các cấp hoặc dùng --level
input-pub-level-flag = --level { $flag } mâu thuẫn với văn bản, văn bản ghi { $document }
input-pub-not-stated = không ghi
input-pub-no-level = không ghi cấp thực hiện: không có cột cấp thực hiện, tiêu đề mục hay tiêu đề nào ghi cấp, cũng không có cơ quan có thẩm quyền (cơ quan thực hiện của dòng: { $agency }): hãy dùng --level
input-pub-field-flag = --field { $flag } mâu thuẫn với văn bản, văn bản ghi { $document }
input-pub-no-field = không ghi lĩnh vực: không có cột lĩnh vực, tiêu đề mục hay tiêu đề nào ghi lĩnh vực
input-pub-and = { $items } và { $last }
input-pub-level-from-catalog = { $message } (lệnh nhập lấy cấp từ danh mục khi thủ tục chỉ có hiệu lực ở một cấp)
input-pub-level-no-code = { $message } (dòng này cũng không ghi mã TTHC)
input-pub-in-force-nowhere = trong danh mục thủ tục này không có hiệu lực ở cấp nào
input-pub-in-force-at = trong danh mục thủ tục này có hiệu lực ở { $levels }
input-pub-named-no-catalog = { $name } không có mã: lệnh nhập tìm thủ tục được { $action } theo tên trong số các thủ tục đang có hiệu lực
input-pub-no-code-no-name = dòng này không ghi mã TTHC cũng không ghi tên thủ tục: dòng { $action } cần có một trong hai
input-pub-named-two-codes = { $name } ứng với { $first } ở một cấp và { $code } ở { $level }: hãy ghi mã TTHC
input-pub-closest = ; gần nhất: { $entries }
input-pub-named-none = { $name } không có mã và không ứng với thủ tục nào đang có hiệu lực ở { $level } ngày { DATE($day) }{ $hint }
input-pub-named-several = { $name } ứng với { $count } thủ tục đang có hiệu lực ở { $level } ngày { DATE($day) }: { $entries }; hãy ghi mã TTHC
input-pub-named-no-level = { $name } không có mã và không có cấp để tra cứu
input-pub-no-code-yet = (chưa có mã)
input-pub-decision = quyết định { $number }
input-pub-ref-no-catalog = dòng này gọi thủ tục bằng số thứ tự ({ $reference }): lệnh nhập sẽ tìm thủ tục đó trong danh mục
input-pub-ref-row-is = số thứ tự { $stt } là { $code } { $name }
input-pub-ref-other-code = dòng này ghi mã { $code }, nhưng lại gọi { $references } bằng số thứ tự, và { $entries }: hãy sửa mã TTHC hoặc số thứ tự
input-pub-ref-several = dòng này gọi nhiều thủ tục bằng số thứ tự ({ $entries }), và tên thủ tục không khớp với thủ tục nào: hãy ghi mã TTHC
input-pub-ref-not-stored = { $reference }: { $decision } không có trong danh mục
input-pub-ref-import-first = { $message }; hãy nhập quyết định đó trước, hoặc ghi mã TTHC
input-pub-ref-unchecked = { $message }, nên các số thứ tự dẫn chiếu tới quyết định đó không được kiểm tra
input-pub-ref-several-decisions = { $reference }: danh mục có { $count } quyết định cùng số { $number } (ký ngày { $days })
input-pub-ref-give-signed = { $message }; hãy ghi ngày ký của quyết định
input-pub-ref-unchecked-one = { $message }, nên các số thứ tự dẫn chiếu tới các quyết định đó không được kiểm tra
input-pub-ref-unnumbered = { $reference }: { $number } được nhập từ tệp không đánh số thứ tự các dòng
input-pub-ref-give-code = { $message }; hãy ghi mã TTHC
input-pub-ref-no-row = { $reference }: { $number } không có dòng số thứ tự { $stt }{ $places }
input-pub-ref-several-rows = { $reference }: { $number } có nhiều dòng số thứ tự { $stt } ({ $rows }): hãy ghi cả mục, phần
input-pub-ref-places = ở đó; quyết định có số thứ tự này tại: { $places }
input-pub-name-several-codes = tên thủ tục chứa nhiều mã ({ $codes }): không rõ mã nào là của dòng này

## Cấu trúc của một cơ sở dữ liệu bị hỏng khác với của tthc ($kind: table, index, trigger, view, giữ nguyên tên SQL)
store-schema-missing = thiếu { $kind ->
    [table] bảng
    [index] chỉ mục
   *[other] { $kind }
} { $name }
store-schema-other-kind = { $name } là { $kind ->
    [table] bảng
    [index] chỉ mục
   *[other] { $kind }
} trong khi ở tthc là { $expected ->
    [table] bảng
    [index] chỉ mục
   *[other] { $expected }
}
store-schema-other-table = { $kind ->
    [table] bảng
    [index] chỉ mục
   *[other] { $kind }
} { $name } thuộc bảng { $table } trong khi ở tthc thuộc bảng { $expected }
store-schema-extra = có { $kind ->
    [table] bảng
    [index] chỉ mục
   *[other] { $kind }
} { $name } mà tthc không tạo ra
store-schema-differs = { $kind ->
    [table] bảng
    [index] chỉ mục
   *[other] { $kind }
} { $name } khác với của tthc
store-schema-theirs = của tthc có { $parts }
store-schema-ours = cái này có { $parts }
store-schema-order = các cột xếp theo thứ tự khác

## inspect: định dạng và dấu phân cách của tệp, điều một đề mục xác định, các dòng không phải thủ tục
input-format-csv = văn bản CSV
input-format-xlsx = bảng tính Excel (xlsx)
input-format-xls = bảng tính Excel 97-2003 (xls)
input-format-ods = bảng tính OpenDocument (ods)
input-format-docx = văn bản Word (docx)
input-delimiter-semicolon = dấu chấm phẩy (;)
input-delimiter-tab = ký tự tab
input-delimiter-comma = dấu phẩy (,)
input-heading-action = hình thức { $action }
input-heading-actions = các hình thức { $actions }
# Tiếng Việt không chia số nhiều: $count không đổi cách viết.
input-heading-levels = { $count ->
   *[other] { $levels }
}
input-heading-shared = { $levels } (áp dụng chung)
input-heading-authority = { $levels } (theo cơ quan có thẩm quyền)
input-heading-field = lĩnh vực { $field }
input-heading-nothing = không xác định gì
input-skip-header-block = phần đầu của quyết định
input-skip-layout = bảng trình bày (phần chữ ký)
input-skip-body = phần nội dung của quyết định
input-skip-title = tiêu đề phụ lục
input-skip-totals = dòng tổng cộng
input-skip-footnote = chú thích cuối trang
input-skip-note = ghi chú
input-skip-numbering = nhãn đánh số
input-skip-non-catalog = bảng không phải danh mục

## Nguồn của một thông tin trên dòng
origin-cell = ô { $column }
origin-heading = đề mục ở dòng { $line }
origin-title = tiêu đề, dòng { $line }
origin-authority = cơ quan có thẩm quyền ghi trong tiêu đề, dòng { $line }
origin-body = phần nội dung của quyết định, dòng { $line }
origin-flag = tham số dòng lệnh
origin-catalog = danh mục, cấp duy nhất đang có hiệu lực

## Tham chiếu số thứ tự trong phần nội dung quyết định, đối chiếu với danh mục
input-body-no-catalog = chưa đối chiếu: chưa có danh mục
input-body-not-stored-signed = chưa đối chiếu: quyết định { $decision } ký ngày { DATE($signed) } không có trong danh mục
input-body-not-stored = chưa đối chiếu: quyết định { $decision } không có trong danh mục
input-body-several = chưa đối chiếu: danh mục có { $count } quyết định cùng số { $decision }
input-body-unnumbered = chưa đối chiếu: { $number } được nhập từ một tệp không đánh số thứ tự các dòng
input-body-changes = thay đổi
input-body-agrees = phụ lục { $action } mọi thủ tục được nêu
input-body-no-row = { $number } không có dòng số thứ tự { $rows }
input-body-missing-entry = { $code } (số thứ tự { $stt })
input-body-missing = phụ lục không có dòng nào { $action } { $entries }
input-body-disagrees = phần nội dung nêu { $reference }, nhưng { $finding }: các dòng của phụ lục mới là nội dung được nhập

## Tệp danh mục đang dựng dở do một lần nhập bị ngắt
store-interrupted-build = lưu ý: { $path } còn sót lại từ một lần nhập bị ngắt giữa chừng; hãy xóa tệp này nếu không có lần nhập nào khác đang chạy

## Giá trị đã lưu mà tthc không đọc được (một cột của cơ sở dữ liệu)
store-corrupt-column = cột { $column } chứa { $value }
store-corrupt-unknown = cột { $column } chứa một giá trị tthc không biết
store-corrupt-version = phiên bản { $id }: { $what }

## Tham chiếu số thứ tự nêu quyết định của nó: "số thứ tự 4 mục I của 12/QĐ-UBND"
position-of-decision = của { $decision }

## Ô lẽ ra cho biết thủ tục có phải TTHC liên thông hay không
domain-not-inter-agency = { $raw } không cho biết thủ tục có phải TTHC liên thông hay không: hãy ghi "Có", "x" hoặc "Không"
