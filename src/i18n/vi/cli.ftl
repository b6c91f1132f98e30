# Dòng lệnh: trợ giúp, các từ của clap và thông báo lỗi của nó.
#
# Trợ giúp được tra theo đường dẫn lệnh và đối số (src/cli/help.rs áp dụng):
#   cli-PATH-about          dòng đầu trợ giúp của một lệnh (PATH: `cli` cho
#                           chính tthc, `cli-export`, `cli-reference-import`)
#   cli-PATH-long-about     các đoạn sau dòng đó, hiện với --help
#   cli-PATH-after-help     hiện sau các tùy chọn (mã thoát)
#   cli-PATH-arg-KEY        trợ giúp của một đối số; KEY là tên dài của nó
#                           (`known-at`), hoặc tên của đối số vị trí (`files`)
#   cli-arg-KEY             trợ giúp chung cho mọi lệnh không có trợ giúp riêng
#   cli-PATH-arg-KEY-value-VALUE / cli-arg-KEY-value-VALUE
#                           trợ giúp của một giá trị của đối số
# Trợ giúp của đối số không có dấu chấm cuối, như của clap.

-exit-codes =
    Mã thoát:
      0  thành công
      1  lỗi khác (cơ sở dữ liệu, hệ thống tệp)
      2  dùng lệnh sai (kể cả: tệp --db không phải danh mục, -o trỏ vào danh mục)
      3  dữ liệu bị từ chối: mọi lỗi được liệt kê dạng FILE:LINE: thông báo, chưa ghi gì
      4  trùng với một quyết định đã nhập, hoặc một lần sửa mà các quyết định
         sau phụ thuộc vào: chưa ghi gì
      5  verify thấy cơ sở dữ liệu không khớp với lịch sử của nó;
         ở mọi lệnh: danh mục bị hỏng

## Các từ của clap

cli-heading-usage = Cách dùng
cli-heading-commands = Lệnh
cli-heading-arguments = Đối số
cli-heading-options = Tùy chọn
cli-spec-default = mặc định
cli-spec-env = biến môi trường
cli-spec-possible-values = giá trị
cli-spec-possible-values-list = Các giá trị
cli-help-flag = In trợ giúp
cli-help-flag-summary = In trợ giúp (xem đầy đủ với '--help')
cli-help-flag-full = In trợ giúp (xem tóm tắt với '-h')
cli-version-flag = In phiên bản
cli-help-about = In trợ giúp này, hoặc trợ giúp của (các) lệnh được nêu
cli-help-arg-command = Lệnh cần xem trợ giúp

## Lỗi dòng lệnh

cli-error-unknown-argument = không nhận ra đối số '{ $arg }'
cli-error-unknown-subcommand = không nhận ra lệnh '{ $command }'
cli-error-invalid-value = giá trị '{ $value }' không hợp lệ cho '{ $arg }'
cli-error-missing-value = '{ $arg }' cần một giá trị nhưng chưa được cho
cli-error-missing-required = thiếu các đối số bắt buộc sau:
cli-error-missing-subcommand = '{ $command }' cần một lệnh con nhưng chưa được cho
cli-error-conflict = không dùng được '{ $arg }' cùng với '{ $other }'
cli-error-conflict-many = không dùng được '{ $arg }' cùng với:
cli-error-conflict-any = không dùng được '{ $arg }' cùng với một hoặc nhiều đối số khác đã cho
cli-error-repeated = không được dùng '{ $arg }' nhiều lần
cli-error-too-many-values = giá trị thừa '{ $value }' cho '{ $arg }': không cần thêm giá trị nào
cli-error-wrong-number-of-values = '{ $arg }' cần { $expected } giá trị nhưng đã cho { $actual }
cli-error-no-equals = cần dấu bằng khi gán giá trị cho '{ $arg }'
cli-error-invalid-utf8 = có đối số không phải văn bản UTF-8 hợp lệ
cli-error-possible-values = giá trị hợp lệ
cli-error-subcommands = lệnh con
cli-error-similar-value = có giá trị gần giống: { $values }
cli-error-similar-values = có các giá trị gần giống: { $values }
cli-error-similar-argument = có đối số gần giống: { $values }
cli-error-similar-arguments = có các đối số gần giống: { $values }
cli-error-similar-subcommand = có lệnh gần giống: { $values }
cli-error-similar-subcommands = có các lệnh gần giống: { $values }
cli-error-tip = gợi ý
cli-error-more = Xem thêm: '{ $help }'.
# Các giá trị của dòng lệnh mà chính tthc báo lỗi.
cli-error-not-a-number = không phải số nguyên từ 0 trở lên
cli-error-number-too-large = số quá lớn

## tthc

cli-about = Quản lý danh mục thủ tục hành chính (TTHC) của một tỉnh: nhập các quyết định công bố, lưu mọi phiên bản của từng thủ tục, xuất danh mục tại bất kỳ ngày nào.
cli-after-help = { -exit-codes }
cli-arg-db = Tệp cơ sở dữ liệu của danh mục. Được tạo ở lần nhập đầu tiên
cli-arg-lang = Ngôn ngữ của thông báo, bảng và trợ giúp: vi (tiếng Việt) hoặc en (tiếng Anh). Khi không có tùy chọn này: tiếng Việt khi LC_ALL, LC_MESSAGES hoặc LANG bắt đầu bằng vi
cli-arg-lang-value-vi = Tiếng Việt
cli-arg-lang-value-en = Tiếng Anh (English)

## Các đối số dùng chung cho nhiều lệnh

cli-arg-as-of = Một ngày (YYYY-MM-DD hoặc DD/MM/YYYY), hoặc một quyết định: SỐ, hoặc SỐ@NGÀY_KÝ khi có nhiều quyết định đã lưu cùng số đó; mặc định: hôm nay
cli-arg-known-at = Danh mục như đã được ghi nhận tại thời điểm này: bỏ qua các quyết định nhập sau đó và các lần sửa sau đó. Theo RFC 3339 (2026-03-01T10:00:00+07:00), hoặc YYYY-MM-DD[THH:MM[:SS]] theo giờ địa phương; chỉ có ngày nghĩa là cuối ngày đó
cli-arg-level = Chỉ giữ các thủ tục ở các cấp này (ví dụ commune, hoặc "province,commune")
cli-arg-field = Chỉ giữ các thủ tục có lĩnh vực chứa chuỗi này (không phân biệt hoa thường và dấu: "ho tich" khớp "Hộ tịch")
cli-arg-agency = Chỉ giữ các thủ tục có cơ quan thực hiện chứa chuỗi này (không phân biệt hoa thường và dấu)
cli-arg-format = Định dạng đầu ra; mặc định: bảng khi in ra màn hình, csv khi đầu ra là ống dẫn (pipe) hoặc tệp
cli-arg-sheet = Trang tính cần đọc trong sổ tính; mặc định: trang hiện đầu tiên
# Cách import và inspect đọc tệp quyết định.
cli-arg-decision = Số quyết định cho các tệp không có cột số quyết định, ví dụ 1234/QĐ-UBND
cli-arg-signed = Ngày ký cho các tệp không có cột ngày ký (YYYY-MM-DD hoặc DD/MM/YYYY)
cli-arg-effective = Ngày hiệu lực cho các dòng có ô ngày hiệu lực trống (mặc định: ngày ký)
cli-arg-encoding = Bảng mã của tệp CSV không có BOM (byte-order mark): utf-8 (mặc định), utf-16le, utf-16be hoặc windows-1258
cli-arg-levels = Chỉ giữ các cấp này (ví dụ province,commune) và liệt kê các dòng không thuộc cấp nào trong đó, như các dòng "Cấp bộ" của danh sách quốc gia
cli-arg-action = Với quyết định nguyên bản như khi công bố: hình thức (ban hành mới, sửa đổi, bổ sung, thay thế, bãi bỏ; added, amended, replaced, repealed) của các dòng mà ô, tiêu đề mục và tên phụ lục đều không nêu. Nếu trái với điều văn bản nêu thì là lỗi
cli-import-arg-level = Với quyết định nguyên bản như khi công bố: (các) cấp thực hiện của các dòng mà ô, tiêu đề mục, tên phụ lục và cơ quan có thẩm quyền đều không nêu (ví dụ province, hoặc "province,commune")
cli-import-arg-field = Với quyết định nguyên bản như khi công bố: lĩnh vực của các dòng mà ô, tiêu đề mục và tên phụ lục đều không nêu
cli-inspect-arg-level = { cli-import-arg-level }
cli-inspect-arg-field = { cli-import-arg-field }

## Các lệnh

cli-import-about = Nhập các tệp quyết định (CSV hoặc sổ tính Excel) vào danh mục, hoặc nhập tất cả, hoặc không nhập gì.
cli-import-after-help = { -exit-codes }
cli-import-long-about =
    Mọi tệp của một lần gọi là một lô: chúng được kiểm tra cùng nhau với lịch
    sử đã lưu và được ghi trong một giao dịch. Chỉ cần một lỗi là cả lô bị từ
    chối (mã thoát 3), và mọi lỗi được liệt kê dạng `FILE:LINE: thông báo`.

    Nhập lại một quyết định đã lưu với đúng các dòng như cũ thì không làm gì;
    cùng quyết định (số và ngày ký) mà các dòng khác đi thì bị từ chối (mã thoát 4).
    Để sửa một quyết định đã nhập sai dòng, --correct DECISION thay các dòng
    của nó bằng các dòng của FILE đã sửa (xem thêm tthc retract).

    Tệp được nhận biết theo nội dung: sổ tính xlsx (cả xls, ods), và CSV mã
    UTF-8 (có hoặc không có BOM) hoặc UTF-16 có BOM, phân cách bằng dấu phẩy,
    dấu chấm phẩy hoặc tab. Dòng tiêu đề cột được tìm theo tên cột, bên dưới
    các dòng tiêu đề văn bản. Văn bản mã TCVN3 và VNI bị từ chối, kèm cách
    chuyển mã. Hãy chạy `tthc inspect FILE` trước để xem tệp được đọc thế nào.

    Ví dụ:
      tthc import data/*.csv
      tthc import --decision 1234/QĐ-UBND --signed 15/06/2020 annex.csv
      tthc import --sheet "Phụ lục I" --decision 1234/QĐ-UBND --signed 2025-11-19 annex.xlsx
      tthc import --levels province,commune --decision 1/QĐ-UBND --signed 2025-07-01 national.csv
      tthc import --dry-run new-decision.csv
      tthc import --correct 160/QĐ-UBND --reason "gõ nhầm lệ phí của 1.000002" qd-160-fixed.csv
      cat annex.csv | tthc import --decision 12/QĐ-UBND --signed 2020-01-02 -

cli-import-arg-files = Các tệp quyết định (docx, CSV, xlsx, xls, ods); `-` đọc từ đầu vào chuẩn
cli-arg-dry-run = Kiểm tra mọi thứ và báo những gì sẽ thay đổi, không ghi gì
cli-import-arg-strict = Coi các cảnh báo (ngày hiệu lực cách ngày ký hơn một năm, ngày ký ở tương lai, số quyết định có năm khác năm ký) là lỗi: việc nhập bị từ chối (mã thoát 3) và không ghi gì
cli-import-arg-strict-reference = Coi các cảnh báo so với danh sách quốc gia đã lưu (mã TTHC danh sách không có, tên là tên của một mã khác trong danh sách) là lỗi: việc nhập bị từ chối (mã thoát 3) và không ghi gì
cli-import-arg-correct = Thay các dòng của quyết định đã lưu này (SỐ, hoặc SỐ@NGÀY_KÝ khi có nhiều quyết định đã lưu cùng số đó) bằng các dòng của các FILE, vốn chỉ được chứa các dòng của quyết định đó. Các dòng bị thay vẫn ở lại trong cơ sở dữ liệu, được đánh dấu là đã rút (tthc history hiện chúng), và lần sửa là một mắt xích của chuỗi băm, ghi ai sửa, khi nào và vì sao. Bị từ chối (mã thoát 4) khi một quyết định sau phụ thuộc vào các dòng bị thay
cli-import-arg-reason = Lý do sửa quyết định, được ghi cùng lần sửa (mặc định: "corrected by FILE")
cli-import-arg-format = Định dạng của bản tóm tắt

cli-retract-about = Rút các dòng của một quyết định ra khỏi danh mục, từ đầu.
cli-retract-after-help = { -exit-codes }
cli-retract-long-about =
    Dành cho quyết định bị nhập nhầm (một bản dự thảo, quyết định của tỉnh
    khác, tệp của một quyết định khác): danh mục trở thành như thể quyết định
    chưa từng được nhập. Các dòng của nó vẫn ở lại trong cơ sở dữ liệu, được
    đánh dấu là đã rút: tthc history hiện chúng, tthc decisions liệt kê lần rút,
    và --known-at ở các lệnh đọc dựng lại danh mục như đã được ghi nhận trước
    đó. Lần rút là một mắt xích của chuỗi băm, ghi ai rút (người dùng của hệ
    điều hành), khi nào và vì sao (--reason); tthc verify kiểm tra lại nó.

    Bị từ chối (mã thoát 4, không ghi gì) khi một quyết định sau phụ thuộc vào
    các dòng đó: nó sửa đổi, bãi bỏ hoặc thay thế một thủ tục mà quyết định này
    ban hành mới, hoặc ban hành lại một thủ tục mà quyết định này bãi bỏ. Thông
    báo nêu từng quyết định và thủ tục như vậy. Quyết định đã rút rồi cũng bị
    từ chối. Để đưa lại các dòng của nó, hoặc thay các dòng thay vì rút ra:
    tthc import --correct.

    Ví dụ:
      tthc retract 160/QĐ-UBND --reason "đã nhập bản dự thảo, không phải quyết định đã ký"
      tthc retract 160/QĐ-UBND@2026-01-10 --reason "quyết định của tỉnh khác" --dry-run

cli-retract-arg-decision = Quyết định: SỐ, hoặc SỐ@NGÀY_KÝ khi có nhiều quyết định đã lưu cùng số đó
cli-retract-arg-reason = Lý do rút quyết định, được ghi cùng lần rút
cli-retract-arg-format = { cli-import-arg-format }

cli-inspect-about = Xem một tệp quyết định sẽ được đọc thế nào, không đụng đến danh mục.
cli-inspect-long-about =
    Bước kiểm tra trước khi nhập: định dạng của tệp (CSV, hoặc sổ tính và
    trang tính), bảng mã và dấu phân cách, dòng tiêu đề cột và cột mà mỗi ô
    tiêu đề ứng với, số dòng theo quyết định, hình thức và cấp, mọi lỗi kèm
    số dòng, và lệnh nhập cần chạy (với quyết định mà một dòng tiêu đề văn
    bản nêu, cho các tệp không có cột quyết định). Với quyết định nguyên bản
    như khi công bố (văn bản Word, hoặc phụ lục có hình thức và cấp nằm trong
    tên và tiêu đề mục): quyết định cùng nơi nêu từng thông tin, cách ánh xạ
    tiêu đề cột và các tiêu đề mục của từng bảng danh mục, mọi dòng cùng nguồn
    của hình thức, cấp và lĩnh vực của nó, các dòng bị bỏ qua, và các tùy chọn
    lệnh cần. Danh mục không được mở: việc kiểm tra với lịch sử đã lưu diễn ra
    khi nhập (hãy thử import --dry-run).

    Khi danh mục (--db) có danh sách TTHC quốc gia (xem tthc reference), các
    dòng được kiểm tra với danh sách mới nhất như khi nhập: mã TTHC danh sách
    không có, tên là tên của một mã khác trong danh sách.

    Mã thoát 0 khi tệp nhập được bằng lệnh được nêu, 3 khi tệp có lỗi.

    Ví dụ:
      tthc inspect annex.xlsx
      tthc inspect QĐ-2715.docx
      tthc inspect --levels province,commune national.csv
      tthc inspect --format json annex.csv | jq .columns

cli-inspect-arg-file = Tệp quyết định (CSV, xlsx, xls, ods, docx); `-` đọc từ đầu vào chuẩn
cli-inspect-arg-strict-reference = Coi các cảnh báo so với danh sách quốc gia đã lưu là lỗi (mã thoát 3), như import --strict-reference sẽ từ chối tệp
cli-inspect-arg-format = Định dạng của báo cáo

cli-export-about = Xuất danh mục có hiệu lực tại một ngày.
cli-export-long-about =
    Các dòng được xếp theo cấp (tỉnh, huyện, xã), rồi lĩnh vực, rồi mã TTHC;
    cùng một trạng thái luôn cho đầu ra giống hệt nhau từng byte.

    xlsx là sổ tính trình bày như phụ lục của một quyết định: tên danh mục,
    mỗi cấp một phần (A. cấp tỉnh, B. cấp huyện, C. cấp xã) với tiêu đề con
    cho từng lĩnh vực, dòng tổng cộng, và trang tính thứ hai ghi số lượng. Sổ
    tính được ghi vào -o FILE, hoặc ra đầu ra chuẩn khi đó là tệp hoặc ống dẫn,
    không bao giờ ra màn hình.

    Cho người dùng Excel, --headers vi đặt tên cột csv bằng tiếng Việt (các
    tên mà import đọc được) và --bom mở đầu csv bằng BOM UTF-8; với --bom,
    hoặc --excel, các ô mà Excel sẽ chạy như công thức (bắt đầu bằng = + - @,
    tab hoặc ký tự về đầu dòng) được thêm dấu nháy đơn ở đầu. --excel ghi tệp
    mà bảng tính đặt ngôn ngữ tiếng Việt mở đúng: các trường cách nhau bằng
    ";", cấp ghi là Cấp tỉnh, ngày dạng dd/mm/yyyy, mã ghi là ="2.000620" để
    giữ nguyên là văn bản với các chữ số 0. --delimiter đặt ký tự phân cách
    của mọi tệp csv (tab: --delimiter tab).

    Để lưu hồ sơ, --province (hoặc tthc config province), --attached-to và
    --title cho sổ tính phần đầu của phụ lục quyết định: "PHỤ LỤC", tên danh
    mục, và "(Kèm theo Quyết định số 2715/QĐ-UBND ngày 19/11/2025 của Chủ tịch
    UBND tỉnh Yên Bái)". Mỗi dòng cao vừa đủ phần chữ đã xuống dòng, và trang
    "Số lượng" in vừa một trang.

    Với --manifest, FILE.manifest.json được ghi cạnh FILE, sau FILE: phiên bản
    danh mục được xuất, quyết định cuối cùng được áp dụng, số lượng, SHA-256
    của tệp, phiên bản công cụ và thời điểm xuất.

    Ví dụ:
      tthc export --as-of 2025-07-01 --format csv -o catalog.csv
      tthc export --as-of 1580/QĐ-UBND@2025-06-20 --format csv
      tthc export --format xlsx -o danh-muc.xlsx --manifest
      tthc export -o phu-luc.xlsx --province "Tỉnh Yên Bái" --attached-to "2715/QĐ-UBND ngày 19/11/2025"
      tthc export --headers vi --bom -o danh-muc.csv
      tthc export --excel -o danh-muc.csv
      tthc export --format json | jq '.counts'
      tthc export --as-of 2025-07-01 --known-at 2026-03-01 -o as-published-then.csv
      tthc export

cli-export-arg-format = Định dạng đầu ra; mặc định: bảng khi in ra màn hình, csv trong các trường hợp khác (và khi có --headers, --bom, --excel hoặc --delimiter)
cli-arg-output = Ghi vào FILE một cách nguyên tử (tệp tạm, rồi đổi tên) thay vì ra đầu ra chuẩn
cli-export-arg-headers = Tên cột của csv: en (level, code, ...) hoặc vi (Cấp thực hiện, Mã số TTHC, ...)
cli-export-arg-headers-value-en = level, code, name, ... (mặc định)
cli-export-arg-headers-value-vi = Cấp thực hiện, Mã số TTHC, Tên thủ tục hành chính, ...
cli-export-arg-bom = Mở đầu csv bằng BOM UTF-8 để Excel đọc đúng tiếng Việt; các ô mà Excel sẽ chạy như công thức được vô hiệu hóa như với --excel
cli-export-arg-excel = csv cho bảng tính đặt ngôn ngữ tiếng Việt (Excel, LibreOffice): có BOM, các trường cách nhau bằng ";" (trừ khi --delimiter nói khác), tên cột tiếng Việt (trừ khi --headers nói khác) và cấp (Cấp tỉnh), ngày dạng dd/mm/yyyy, mã dạng ="2.000620" để giữ là văn bản với các chữ số 0, và mọi ô khác bắt đầu bằng = + - @, tab hoặc ký tự về đầu dòng được thêm dấu nháy đơn ở đầu, để hiện như văn bản và không bao giờ chạy như công thức
cli-export-arg-manifest = Ghi thêm FILE.manifest.json cạnh FILE của -o: đã xuất gì, từ trạng thái nào

cli-report-about = Viết báo cáo HTML về danh mục theo thời gian.
cli-report-long-about =
    Một trang tự chứa bằng tiếng Việt (CSS và SVG nằm ngay trong trang, không
    tải gì về, trình bày vừa khổ A4 khi in): số thủ tục có hiệu lực theo cấp
    vào ngày cuối, và theo lĩnh vực; biểu đồ số thủ tục có hiệu lực theo cấp
    từ --from đến --to, với các ngày quyết định có hiệu lực được đánh dấu trên
    trục thời gian và liệt kê bên dưới; những ngày danh mục thay đổi nhiều
    nhất (không tính lần nhập đầu tiên); số thủ tục có hiệu lực vào cuối mỗi
    năm; số quyết định ký mỗi năm; các quyết định gần nhất cùng các thay đổi
    của chúng; và các thay đổi đã công bố nhưng chưa có hiệu lực vào ngày
    cuối. Cùng cơ sở dữ liệu và cùng các ngày luôn cho cùng một tệp.

    Ví dụ:
      tthc report -o report.html
      tthc report --from 2020-01-01 --to 2025-12-31 -o report-2020-2025.html
      tthc report --known-at 2026-03-01 -o report-as-known-then.html

cli-report-arg-from = Ngày đầu của biểu đồ và của các quyết định được nêu; mặc định: ngày đầu tiên của lịch sử
cli-report-arg-to = Ngày cuối của biểu đồ, ngày tính số lượng; mặc định: hôm nay

cli-counts-about = Đếm số thủ tục có hiệu lực theo cấp tại một ngày.
cli-counts-long-about =
    total đếm số mục (mã TTHC, cấp); procedures đếm số mã TTHC khác nhau, nên
    một mã có hiệu lực ở hai cấp là một thủ tục và hai mục.

    Ví dụ:
      tthc counts
      tthc counts --as-of 2025-06-30 --format json
      tthc counts --as-of 1580/QĐ-UBND

cli-diff-about = Xem những gì thay đổi giữa hai phiên bản của danh mục.
cli-diff-long-about =
    FROM và TO là ngày (YYYY-MM-DD hoặc DD/MM/YYYY) hoặc quyết định: SỐ khi chỉ
    một quyết định đã lưu có số đó, nếu không thì SỐ@YYYY-MM-DD (ngày ký của
    nó). Phiên bản theo một quyết định là danh mục ngay sau khi quyết định đó
    được áp dụng. Các thay đổi được tính theo mục (mã TTHC, cấp) và xếp theo
    cấp, rồi mã; một mục có nội dung như nhau ở cả hai phiên bản thì không có
    thay đổi, dù ở giữa đã xảy ra những gì.

    Một mục bị thay thế trong khoảng đó, trực tiếp hoặc qua một chuỗi thay thế
    (A bởi B, rồi B bởi C), được tính một lần là thay thế (A -> C), không phải
    bãi bỏ cộng ban hành mới. Khi FROM sau TO, lịch sử được đọc ngược lại.

    Một mã bị bãi bỏ ở một cấp và ban hành mới ở cấp khác cùng ngày hiệu lực
    (từ cấp huyện xuống cấp xã ngày 2025-07-01) được tính một lần là chuyển cấp,
    từ cấp cũ sang cấp mới, kèm các nội dung khác nhau; --plain đọc nó là bãi
    bỏ cộng ban hành mới.

    Ví dụ:
      tthc diff 2021-01-01 2025-07-01
      tthc diff 1234/QĐ-UBND 1580/QĐ-UBND --format json
      tthc diff 2025-06-30 2025-07-01 --exit-code --format csv > changes.csv
      tthc diff 2025-06-30 2025-07-01 --plain
      tthc diff 2025-06-30 2025-07-01 --stat
      tthc diff 1234/QĐ-UBND 1580/QĐ-UBND --quiet || echo changed

cli-diff-arg-from = Phiên bản cũ hơn: một ngày hoặc một quyết định
cli-diff-arg-to = Phiên bản mới hơn: một ngày hoặc một quyết định
cli-diff-arg-exit-code = Thoát với mã 1 khi có thay đổi và 0 khi không có (các lỗi khác giữ mã của chúng)
cli-diff-arg-plain = Đọc việc chuyển cấp là bãi bỏ ở cấp cũ cộng ban hành mới ở cấp mới, như các dòng của quyết định ghi (ví dụ tthc diff 2025-06-30 2025-07-01 --plain)
cli-diff-arg-quiet = Không in gì; thoát với mã 1 khi có thay đổi và 0 khi không có (như --exit-code)
cli-diff-arg-stat = Chỉ in phần tóm tắt: bao nhiêu mục được ban hành mới, sửa đổi, bổ sung, thay thế, bãi bỏ, chuyển cấp (và được cấp mã)

cli-history-about = Xem mọi phiên bản của các mục của một thủ tục, theo từng cấp.
cli-history-long-about =
    Mỗi phiên bản: số thứ tự (1, 2, ... theo thứ tự các quy tắc áp dụng thay
    đổi), hình thức (một mục bị bãi bỏ do thay thế hiện "replaced" và mã mới),
    quyết định với ngày ký và ngày hiệu lực, các trường thay đổi so với phiên
    bản trước (với phiên bản đầu: các trường được cho), và nội dung chi tiết.
    Phiên bản bị một lần sửa đưa ra khỏi danh mục được liệt kê ở chỗ của nó,
    không đánh số, kèm lần sửa (tthc retract, tthc import --correct). Mã không
    có phiên bản nào được lưu là lỗi (mã thoát 1).

    Ví dụ:
      tthc history 1.001612
      tthc history 1.001612 --level commune --format json
      tthc history 1.001612 --known-at 2026-03-01T09:00:00+07:00

cli-history-arg-code = Mã TTHC (1.001612 hoặc dạng đầy đủ)
cli-history-arg-level = Chỉ cấp này (province, district, commune, hoặc tên tiếng Việt)

cli-show-about = Xem toàn bộ thông tin một thủ tục ở từng cấp tại một ngày hoặc sau một quyết định.
cli-show-long-about =
    Mỗi cấp mà thủ tục có hiệu lực một bản ghi, với quyết định và ngày hiệu
    lực của phiên bản đó. Không có hiệu lực ở cấp nào: mã thoát 1.

    Ví dụ:
      tthc show 1.001612
      tthc show 1.001612 --as-of 2020-01-01 --format json
      tthc show 1.001612 --as-of 1580/QĐ-UBND

cli-show-arg-code = Mã TTHC

cli-decisions-about = Liệt kê các quyết định đã nhập: sổ quyết định.
cli-decisions-long-about =
    Mỗi quyết định một dòng theo thứ tự nhập: số, ngày ký, ngày hiệu lực, số
    thay đổi theo hình thức (ban hành mới, sửa đổi, bổ sung, thay thế, bãi bỏ)
    và tổng cộng, tệp nguồn và SHA-256 của nó, thời điểm và người nhập, và mã
    băm chuỗi. Bảng được rút gọn (số, ngày, thay đổi, tệp; vừa 100 cột); json
    cho {"{"}"decisions": [...]{"}"} và csv có các khóa đó làm dòng tiêu đề,
    đầy đủ.

    Ví dụ:
      tthc decisions
      tthc decisions -n 5
      tthc decisions --since 2025-07-01 --until 2025-12-31
      tthc decisions --format json | jq '.decisions[-1].chain_sha256'
      tthc decisions --format csv > decisions.csv
      tthc decisions --known-at 2026-03-01T09:00:00+07:00

cli-decisions-arg-limit = Chỉ N quyết định cuối của sổ (sau --since và --until)
cli-decisions-arg-since = Chỉ các quyết định ký từ ngày này trở đi
cli-decisions-arg-until = Chỉ các quyết định ký đến hết ngày này

cli-upcoming-about = Liệt kê các thay đổi đã công bố mà ngày hiệu lực còn ở phía trước.
cli-upcoming-long-about =
    Các thay đổi đã lưu có hiệu lực sau hôm nay và không quá N ngày kể từ hôm
    nay, xếp theo ngày hiệu lực, rồi cấp, rồi mã TTHC.

    Ví dụ:
      tthc upcoming
      tthc upcoming --days 90 --format json
      tthc upcoming --known-at 2026-03-01

cli-upcoming-arg-days = Xem trước bao nhiêu ngày

cli-search-about = Tìm thủ tục theo tên, lĩnh vực hoặc cơ quan thực hiện, không phân biệt hoa thường và dấu tiếng Việt.
cli-search-long-about =
    "chung thuc" tìm ra "Chứng thực"; đ khớp với d.

    Ví dụ:
      tthc search "chung thuc"
      tthc search "hộ tịch" --as-of 2020-01-01 --format json

cli-search-arg-text = Các từ cần tìm; mọi từ đều phải khớp

cli-verify-about = Chứng minh cơ sở dữ liệu không bị sửa ngoài tthc.
cli-verify-long-about =
    Chạy các kiểm tra toàn vẹn và khóa ngoại của SQLite, so lược đồ với lược
    đồ của tthc, tính lại mã băm nội dung của mọi quyết định từ các dòng đã
    lưu và chuỗi băm qua mọi quyết định, chạy lại toàn bộ lịch sử để kiểm tra
    rằng mọi phiên bản đã lưu, nội dung và khoảng hiệu lực của nó đúng như các
    quy tắc tạo ra, và kiểm tra chỉ mục tìm kiếm với các phiên bản. Mọi chỗ
    sai lệch cho mã thoát 5, mỗi chỗ một dòng nêu quyết định hoặc mục. Khi
    thành công, lệnh in những gì đã kiểm tra và đầu chuỗi: hãy giữ mã băm đó ở
    nơi khác để phát hiện một lịch sử bị viết lại toàn bộ.

    Với --head HASH (một đầu chuỗi đã giữ trước đó) hoặc --manifest FILE (tệp
    manifest của một lần xuất trước), verify còn chứng minh rằng cơ sở dữ liệu
    vẫn giữ đầu chuỗi đó và mọi quyết định trước nó: việc xóa hoặc viết lại
    các quyết định mới nhất, có tính lại mã băm, chỉ phát hiện được theo cách này.

    Ví dụ:
      tthc verify
      tthc verify --head 7a41c4d4d977869f344516bcf961658b52464239f621b6f368e8347506739686
      tthc verify --manifest /srv/portal/danh-muc.xlsx.manifest.json
      tthc verify --format json | jq .verified

cli-verify-arg-head = Một đầu chuỗi đã giữ trước đó (từ tthc verify hoặc tthc decisions): cơ sở dữ liệu phải vẫn giữ nó và mọi quyết định trước nó
cli-verify-arg-manifest = Tệp manifest của một lần xuất trước (FILE.manifest.json): cơ sở dữ liệu phải vẫn giữ đầu chuỗi mà nó nêu, với đủ số quyết định trước đó
cli-verify-arg-format = Định dạng của báo cáo: text, hoặc json cho các script ({"{"}"verified", "database", "decisions", "versions", "entries", "spans", "indexed", "corrections", "chain_head", "anchors", "mismatches", "mismatches_total"{"}"}), được ghi cả khi có sai lệch (mã thoát 5)

cli-reference-about = Lưu các bản chụp của Cơ sở dữ liệu quốc gia về TTHC.
cli-reference-long-about =
    Bản chụp là danh sách thủ tục mà Cổng Dịch vụ công quốc gia xuất ra: mỗi
    thủ tục một dòng với mã, tên, cấp thực hiện ("Cấp tỉnh, Cấp xã", "Cấp
    bộ", ...), lĩnh vực, cơ quan thực hiện và quyết định công bố của bộ, với tiêu
    đề cột tiếng Anh hoặc tiếng Việt ("Mã thủ tục", "Tên thủ tục", "Cấp thực
    hiện", "Lĩnh vực", "Cơ quan thực hiện", "Quyết định công bố"), dạng CSV
    hoặc sổ tính. Các bản chụp được lưu cạnh danh mục và không bao giờ thay
    đổi nó; tthc reconcile so danh mục với chúng, còn import và inspect kiểm
    tra các quyết định mới với bản mới nhất.

    Ví dụ:
      tthc reference import --as-of 2025-11-20 dvcqg-procedures.csv
      tthc reference list

cli-reference-import-about = Lưu một bản chụp của danh sách TTHC quốc gia.
cli-reference-import-after-help = { -exit-codes }
cli-reference-import-long-about =
    Tệp được đọc toàn bộ và kiểm tra (mã, cấp, mỗi mã một tên); có lỗi nào thì
    tệp bị từ chối (mã thoát 3) và không lưu gì. Tệp được lưu cùng SHA-256 của
    nó và ngày mà nó đại diện. Tệp đã lưu rồi (cùng các byte) thì không lưu
    lại: lệnh báo điều đó và thoát với mã 0.

    Ví dụ:
      tthc reference import --as-of 2025-11-20 dvcqg-procedures.csv
      tthc reference import --sheet "TTHC" danh-sach-tthc.xlsx

cli-reference-import-arg-file = Danh sách quốc gia (CSV, xlsx, xls, ods); `-` đọc từ đầu vào chuẩn
cli-reference-import-arg-as-of = Ngày mà danh sách đại diện (ngày tải về); mặc định: hôm nay
cli-reference-import-arg-encoding = Bảng mã của tệp CSV không có BOM (byte-order mark): utf-8 (mặc định), utf-16le, utf-16be hoặc windows-1258
cli-reference-import-arg-format = { cli-import-arg-format }

cli-reference-list-about = Liệt kê các bản chụp đã lưu của danh sách quốc gia.
cli-reference-list-long-about =
    Theo ngày, rồi thứ tự nhập: ngày, số thủ tục, tệp, SHA-256 của tệp, thời
    điểm và người nhập.

    Ví dụ:
      tthc reference list
      tthc reference list --format json

cli-reconcile-about = So danh mục với Cơ sở dữ liệu quốc gia về TTHC.
cli-reconcile-long-about =
    Danh mục có hiệu lực tại một ngày hoặc ngay sau một quyết định (mặc định:
    hôm nay) so với bản chụp mới nhất của danh sách quốc gia có ngày không sau
    ngày đó (xem tthc reference). Mỗi phát hiện nêu mục, quyết định đặt nó
    lần cuối và các giá trị quốc gia:
      unknown_code        một mã đang có hiệu lực mà danh sách không có
      name_of_other_code  tên của mục là tên của một mã khác trong danh sách
      name_mismatch       hai tên khác nhau không chỉ ở hoa thường, khoảng
                          trắng, dấu câu và vị trí dấu thanh (kèm độ giống
                          nhau và các từ khác nhau)
      level_mismatch      một mục ở cấp mà danh sách không giao cho mã đó
      missing             một thủ tục danh sách giao cho cấp tỉnh hoặc cấp xã
                          (cấp huyện trước 2025-07-01) mà chưa có hiệu lực ở
                          cấp đó: phần còn phải công bố
      field_mismatch, agency_mismatch   chỉ để tham khảo, với --all
    Các phát hiện được xếp theo loại, rồi cấp, rồi mã TTHC. --level, --field và
    --agency giữ các phát hiện của những thủ tục chúng giữ, còn thủ tục còn
    thiếu thì theo cấp, lĩnh vực và cơ quan của danh sách quốc gia.

    Ví dụ:
      tthc reconcile
      tthc reconcile --as-of 1580/QĐ-UBND --format json
      tthc reconcile --level commune --format csv > missing.csv
      tthc reconcile --field "ho tich" --agency "UBND cấp xã"
      tthc reconcile --exit-code || echo "danh mục khác Cơ sở dữ liệu quốc gia"

cli-reconcile-arg-exit-code = Thoát với mã 1 khi có phát hiện thuộc các loại mặc định và 0 khi không có (các lỗi khác giữ mã của chúng)
cli-reconcile-arg-all = Cả các phát hiện chỉ để tham khảo: field_mismatch và agency_mismatch

cli-completions-about = In script tự hoàn thành lệnh cho shell.
cli-completions-long-about =
    Ví dụ:
      tthc completions bash > /etc/bash_completion.d/tthc

cli-completions-arg-shell = Shell

cli-man-about = In trang man (roff).
cli-man-long-about =
    Ví dụ:
      tthc man > tthc.1 && man ./tthc.1
cli-export-arg-province = xlsx: tỉnh mà phụ lục kèm theo quyết định của Chủ tịch UBND ("Tỉnh Yên Bái"); mặc định: tỉnh đã đặt bằng tthc config province. Khi có tùy chọn này, hoặc --attached-to, trang tính mở đầu bằng "PHỤ LỤC" và "(Kèm theo Quyết định số … của Chủ tịch UBND tỉnh …)"
cli-export-arg-title = xlsx: tên của phụ lục, thay cho "DANH MỤC THỦ TỤC HÀNH CHÍNH (tính đến …)"; ngày của danh mục chuyển xuống dòng tổng cộng
cli-export-arg-attached-to = xlsx: quyết định mà phụ lục kèm theo, ghi như phần đầu phụ lục: "2715/QĐ-UBND ngày 19/11/2025"
cli-arg-delimiter = Ký tự phân cách các trường của csv: một ký tự, như ";" hoặc "|", hoặc tab (cũng viết "\t"); mặc định "," (";" với export --excel). Khi không có --format thì đầu ra là csv
cli-config-about = Xem hoặc thay đổi một thiết lập lưu cùng danh mục.
cli-config-long-about =
    province  tỉnh công bố danh mục, ghi như phần đầu phụ lục ("Tỉnh Yên
              Bái", "Thành phố Hà Nội"): khi đó export --format xlsx ghi
              "PHỤ LỤC" và "(Kèm theo Quyết định số … của Chủ tịch UBND tỉnh
              …)" phía trên tên danh mục; tùy chọn --province của export thay
              thiết lập này cho một lần xuất.

    Không có VALUE thì in thiết lập ra (không in gì khi chưa đặt); VALUE rỗng
    ("") xóa thiết lập. Danh mục phải có sẵn (tthc import tạo ra danh mục).

    Ví dụ:
      tthc config province "Tỉnh Yên Bái"
      tthc config province
      tthc config province ""
cli-config-arg-name = Thiết lập
cli-config-arg-name-value-province = Tỉnh ghi ở phần đầu phụ lục được xuất
cli-config-arg-value = Giá trị mới; không có thì in giá trị hiện tại
