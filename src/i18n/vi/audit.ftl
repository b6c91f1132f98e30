# audit

## diff: the decision and effective date of each change

## --known-at under a table
audit-known-at = Theo dữ liệu đã ghi nhận đến { $moment } (UTC).

## verify: các chỗ sai lệch tìm thấy, mỗi dòng nêu quyết định hoặc thủ tục
verify-not-chain-hash = { $text } không phải mã băm chuỗi: hãy ghi đủ 64 chữ số thập lục phân của đầu chuỗi băm, như tthc verify in ra
verify-none = không có
verify-anchor-empty = mốc đối chiếu: { $source } ứng với một cơ sở dữ liệu chưa có quyết định nào: không có gì trước mốc để chứng minh
verify-anchor-missing = đầu chuỗi băm { $hash } nêu tại { $given } không có trong cơ sở dữ liệu: các quyết định đã bị xóa hoặc ghi lại kể từ khi lưu mốc này (cơ sở dữ liệu có { $total } quyết định; đầu chuỗi băm hiện là { $head })
verify-anchor-elsewhere = đầu chuỗi băm { $hash } nêu tại { $given } là mã băm chuỗi của quyết định thứ { $at }, nhưng khi lưu mốc này cơ sở dữ liệu có { $then } quyết định
verify-anchor-decision = mốc đối chiếu: { $hash } ({ $source }) là mã băm chuỗi của quyết định thứ { $at } trên { $total }: cơ sở dữ liệu vẫn giữ nguyên quyết định đó và mọi quyết định trước nó
verify-anchor-correction = mốc đối chiếu: { $hash } ({ $source }) là mã băm chuỗi của một lần đính chính sau quyết định thứ { $at } trên { $total }: cơ sở dữ liệu vẫn giữ nguyên mắt xích đó và mọi mắt xích trước nó
verify-entry-label = thủ tục { $code } { $level }
verify-decision-not-logged = quyết định số thứ tự { $id } (không có trong sổ quyết định)
verify-version-repeal = phiên bản theo { $by } bãi bỏ thủ tục do bị thay thế, có hiệu lực ngày { DATE($effective) }
verify-version-label = phiên bản { $action } theo { $by }, có hiệu lực ngày { DATE($effective) }
verify-decision-label = quyết định { $number } ký ngày { DATE($signed) }
verify-version-signed = { $label }: phiên bản { $id } (dòng { $row }) có ngày ký { DATE($signed) }, quyết định ký ngày { $decision }
verify-row-out-of-place = { $label }: phiên bản { $id } ở dòng { $row } trong khi lẽ ra là dòng { $expected }: có dòng bị mất, bị thêm hoặc bị đánh số lại
verify-repeal-unmatched = { $label }: phiên bản { $id } (dòng { $row }) bãi bỏ { $code } { $level } do bị thay thế, nhưng không dòng nào của quyết định thay thế thủ tục này
verify-wrong-row = dòng { $row }
verify-wrong-action = hình thức { $action }
verify-wrong-code = mã { $code }
verify-wrong-new-code = mã mới { $code }
verify-wrong-level = cấp { $level }
verify-wrong-effective = ngày hiệu lực { DATE($effective) }
verify-wrong-given = các ô có ghi { $given }
verify-repeal-differs = { $label }: việc bãi bỏ { $code } { $level } do dòng { $row } thay thế lại có { $wrong }
verify-repeal-missing = { $label }: dòng { $row } thay thế { $replaced } { $level } bằng { $code }, nhưng thiếu việc bãi bỏ { $replaced }
verify-number-key = { $label }: khóa số hiệu là { $stored }, số hiệu cho ra { $key }
verify-row-count = { $label }: ghi { $recorded } dòng, nhưng có { $stored } dòng được lưu
verify-effective-dates = { $label }: ghi ngày hiệu lực từ { $first } đến { $last }, các dòng của nó cho ra từ { $rows_first } đến { $rows_last }
verify-content-hash = { $label }: mã băm nội dung { $stored } không khớp với các dòng, các dòng cho ra { $content }
verify-chain-start = điểm đầu của chuỗi
verify-chain-previous = mã băm chuỗi { $hash } của quyết định trước
verify-chain-hash = { $label }: mã băm chuỗi { $stored } không suy ra được từ { $before } và mã băm nội dung của nó (lẽ ra là { $expected })
verify-correction-label = { $kind ->
    [retraction] lần rút
   *[correction] lần đính chính
} { $decision } lúc { $made_at }, người thực hiện { $made_by }
verify-correction-chain-hash = { $label }: mã băm chuỗi { $stored } không suy ra được từ mắt xích trước và những gì được ghi (lẽ ra là { $expected })
verify-correction-taken = { $label }: rút ra các phiên bản { $taken }, trong khi các dòng có hiệu lực trước đó là các phiên bản { $before }
verify-correction-rows = { $label }: đánh số dòng từ { $first }, trong khi các dòng trước đó kết thúc trước dòng { $next }
verify-correction-early = { $label }: nằm trong chuỗi trước quyết định mà nó đính chính
verify-retraction-rows = { $label }: lần rút lại ghi có dòng đưa vào
verify-correction-record = { $label }: ghi các phiên bản { $versions } và { $rows } dòng trong danh mục, lần đính chính gần nhất (lúc { $made_at }) đưa vào các phiên bản { $put } và { $put_rows } dòng
verify-correction-effective = { $label }: ghi ngày hiệu lực từ { $first } đến { $last }, các dòng của lần đính chính gần nhất cho ra từ { $rows_first } đến { $rows_last }
verify-replay-twice = quyết định của nó nêu thủ tục này hai lần (cả ở phiên bản { $id })
verify-replay-broken = lúc đó thủ tục { $violation }
verify-replay = { $entry }: không dựng lại được lịch sử tại { $version }: { $why }
verify-details = { $entry }: { $version } ghi { $differs }
verify-field-differs = { $field } { $stored } trong khi theo lịch sử là { $expected }
verify-span = { $entry }: { $version }: trong chỉ mục là { $stored }, theo lịch sử là { $expected }
verify-span-none = không có khoảng thời gian hiệu lực
verify-span-open = hiệu lực từ { DATE($from) } trở đi
verify-span-closed = hiệu lực từ { DATE($from) } đến { DATE($to) }
verify-misfiled = { $entry }: khoảng thời gian hiệu lực của { $version } được xếp sai chỗ trong chỉ mục, nên danh mục bỏ sót nó vào một số ngày
verify-given-mask = { $entry }: { $version } có mặt nạ ô ghi { $given }, không ứng với trường nội dung nào
verify-given-empty = { $entry }: { $version } có mặt nạ ô ghi { $given } đánh dấu trường trống { $fields } là có ghi
verify-unreadable = không đọc được cơ sở dữ liệu đến hết: { $error }
verify-correction-unrecorded = { $label }: bản ghi của quyết định cho biết có lần đính chính đã thay đổi các dòng, nhưng không có lần đính chính nào được ghi
verify-correction-orphan = lần đính chính lúc { $made_at }, người thực hiện { $made_by }, đính chính quyết định số thứ tự { $decision }, quyết định này không có trong sổ quyết định trước lần đính chính
verify-stray-span = chỉ mục thời gian hiệu lực có một khoảng cho phiên bản { $id }, phiên bản này không tồn tại ({ $span })
verify-taken-out-span = { $entry }: { $version }, đã bị rút ra khi đính chính, vẫn có { $span } trong chỉ mục
verify-sqlite-integrity = kiểm tra toàn vẹn của SQLite: { $line }
verify-a-row = một dòng
verify-foreign-key = kiểm tra khóa ngoại của SQLite: { $row } của bảng { $table } trỏ tới một dòng không tồn tại của bảng { $parent }
verify-index-version = { $entry }: { $version }: { $what }
verify-index-no-version = { $index } nêu phiên bản { $id }, phiên bản này không tồn tại
verify-no-such-decision = một quyết định không tồn tại
verify-day-missing = { $decision }: chỉ mục ngày hiệu lực không có ngày { DATE($day) }, ngày quyết định thay đổi thủ tục
verify-day-extra = { $decision }: chỉ mục ngày hiệu lực có ngày { DATE($day) }, nhưng ngày đó quyết định không thay đổi gì
verify-search-state = trạng thái của chỉ mục tìm kiếm có { $states } dòng, trong khi tthc chỉ giữ một dòng
verify-search-deleted = chỉ mục tìm kiếm ghi đã lập chỉ mục các phiên bản đến { $indexed_to }, nhưng phiên bản cuối cùng được lưu là { $last }: có phiên bản đã bị xóa
verify-search-words-id = phiên bản { $id }: chỉ mục tìm kiếm không có đúng các từ của tên thủ tục, lĩnh vực và cơ quan thực hiện
verify-search-words = { $entry }: { $version }: chỉ mục tìm kiếm không có đúng các từ của tên thủ tục, lĩnh vực và cơ quan thực hiện
verify-search-beyond = { $entry }: { $version }: chỉ mục tìm kiếm có từ của phiên bản này, nhưng ghi chỉ lập chỉ mục các phiên bản đến { $indexed_to }
verify-search-no-version = chỉ mục tìm kiếm có từ của phiên bản { $id }, phiên bản này không tồn tại
verify-entry-index = chỉ mục thủ tục không xếp phiên bản này đúng theo mã và cấp
verify-entry-index-name = chỉ mục thủ tục
verify-range = khoảng mã phiên bản được ghi của quyết định không chứa phiên bản này
verify-range-name = khoảng phiên bản của các quyết định
verify-tree = cây khoảng thời gian không giữ đúng khoảng thời gian hiệu lực của phiên bản này
verify-tree-name = cây khoảng thời gian hoặc chỉ mục thời gian hiệu lực
verify-column-holds = cột { $column } chứa { $value }
verify-blob = một khối nhị phân { $count } byte
verify-decision-id = quyết định số thứ tự { $id }: { $what }
verify-version-id = phiên bản { $id }: { $what }
verify-correction-column = lần đính chính { $id }: cột { $column } chứa { $value }
verify-correction-negative = lần đính chính { $id }: có số đếm hoặc mã số âm
