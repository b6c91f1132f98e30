# Thông báo chung của mọi lệnh: lỗi và mã thoát.

rejected = dữ liệu bị từ chối, chưa ghi gì vào danh mục ({ $count } lỗi)
verify-failed = kiểm tra không khớp ({ $count } chỗ sai lệch)
and-more = ... và { $count } mục khác
cannot-read = không đọc được { $path }
cannot-write = không ghi được { $path }
cannot-write-output = không ghi được dữ liệu ra
conflict = trùng với quyết định đã nhập, chưa ghi gì vào danh mục
conflict-advice = Mỗi quyết định (số và ngày ký) chỉ nhập một lần; muốn thay đổi danh mục thì nhập quyết định mới sửa đổi nó. Muốn sửa một lần nhập sai: tthc import --correct SỐ@NGÀY_KÝ TỆP thay các dòng của quyết định, còn tthc retract SỐ@NGÀY_KÝ --reason LÝ_DO rút các dòng đó ra.
