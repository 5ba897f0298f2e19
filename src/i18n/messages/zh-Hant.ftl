# renewal 對使用者說的話（繁體中文）。
# 每則一項：`id = 文字`，數值寫在 `{ $name }` 處。en.ftl 和 zh-Hans.ftl
# 有同樣的 id 和數值（有測試核對）。訊息所指的位置（檔案:行:欄:）
# 印在訊息前面，各語言相同，不屬於訊息本身。

## 命令列

error = 錯誤：{ $message }
unknown-language = { $from }：renewal 不支援「{ $value }」；請使用 zh-Hans、zh-Hant 或 en
problems-found = 錯誤：{ $files } 個檔案中共有 { $errors } 處問題；未寫入任何檔案
problems-found-warnings = 錯誤：{ $files } 個檔案中共有 { $errors } 處問題（另有 { $warnings } 則警告）；未寫入任何檔案
warnings-above = ；上面列出 { $n } 則警告（加上 --deny-warnings 可將警告視為錯誤）
output-unchanged = { $message }；原有輸出維持不變
progress-pages = { $bar } { $pos }/{ $len } 頁，尚需 { $eta }

## build 與 check

built-whole = 已產生 { $reports } 篇報告、{ $metrics } 項指標、{ $files } 個檔案（{ $size } MiB），寫入 { $output }，耗時 { $ms } 毫秒（寫入 { $written } 個，其餘未變）{ $warnings }
built-changes = 已產生 { $reports } 篇報告、{ $metrics } 項指標、{ $files } 個檔案，寫入 { $output }，耗時 { $ms } 毫秒（{ $changed } 個報告檔案有變更：重新產生 { $remade } 個檔案，寫入 { $written } 個，其餘未變）{ $warnings }
check-ok = 檢查通過：將產生 { $reports } 篇報告、{ $metrics } 項指標、{ $files } 個檔案（{ $size } MiB）{ $warnings }

## serve

serving = 正在預覽 { $output }：http://{ $address }{ $path }（按 Ctrl-C 停止）；每次儲存後自動重新產生
not-watching = 警告：{ $message }；儲存後頁面不會自動重新產生
changed-nothing = 無
changed-many = { $n } 個檔案
rebuilt = 變更：{ $what }；重新產生耗時 { $ms } 毫秒（產生 { $files } 個檔案，寫入 { $written } 個）
rebuild-problems = 變更：{ $what }；發現 { $n } 處問題，預覽仍顯示上一次成功產生的網站
rebuild-unwritable = 變更：{ $what }；{ $message }，預覽仍顯示上一次成功產生的網站

## new、init、archive

created-report = 已建立 { $path }
created-site = 已在 { $dir } 建立新網站；產生網站：renewal --root { $dir } build
archived = 已將 { $year } 年的快照存入 { $dir }；重新產生網站即可發布，並請將它與原始檔一起提交

## verify 與 warc

no-snapshots = { $dir } 中沒有快照
snapshot-withdrawn = 已發布，但 { $folder }/ 中沒有快照 { $name }；重新產生網站即可撤下
snapshot-changed = 快照封存後遭到變更
snapshot-missing = 缺少
snapshot-extra = 不在快照的清單中
snapshot-special = 是{ $what }；快照只能包含封存時的檔案
snapshot-intact = 所有檔案與封存時一致
snapshot-problems = 快照共有 { $n } 處問題
warc-unreadable = { $folder } 無法寫成 WARC 檔案
warc-none-there = { $folder }/ 中沒有快照 { $name }（目前一個快照也沒有）
warc-others = { $folder }/ 中沒有快照 { $name }（現有快照：{ $names }）
warc-folder = { $path } 是資料夾；請寫明 WARC 檔案本身的名稱
warc-wrote = 已寫入 { $path }
