# annex: phụ lục xuất ra Excel, tthc config, và csv cho bảng tính.

config-not-set = { $name } chưa được đặt: tthc config { $name } "Tỉnh …" đặt giá trị cho nó
config-read-only = không đổi được thiết lập: danh mục { $path } chỉ đọc được
config-control-character = giá trị của { $name } chứa ký tự điều khiển (xuống dòng, tab): { $value }; hãy viết trên một dòng
export-heading-xlsx-only = { $option } đặt phần đầu của phụ lục Excel: chỉ dùng với --format xlsx (hoặc -o TỆP.xlsx), không dùng với --format { $format }
export-heading-control-character = { $option } chứa ký tự điều khiển (xuống dòng, tab): hãy viết trên một dòng
delimiter-one-character = ký tự phân cách phải là một ký tự (hoặc tab), không phải "{ $value }"
delimiter-quote-or-line-break = ký tự phân cách không được là dấu nháy kép hay ký tự xuống dòng: csv đã dùng chúng
delimiter-not-ascii = ký tự phân cách phải là ký tự ASCII như ; | hoặc tab, không phải "{ $value }"
delimiter-not-csv = --delimiter chỉ dùng cho đầu ra csv, không dùng với --format { $format }
