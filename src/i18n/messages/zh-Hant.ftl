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
snapshot-intact = 所有檔案與封存時一致
snapshot-problems = 快照共有 { $n } 處問題
warc-unreadable = { $folder } 無法寫成 WARC 檔案
warc-none-there = { $folder }/ 中沒有快照 { $name }（目前一個快照也沒有）
warc-others = { $folder }/ 中沒有快照 { $name }（現有快照：{ $names }）
warc-folder = { $path } 是資料夾；請寫明 WARC 檔案本身的名稱
warc-wrote = 已寫入 { $path }

## --help

help-usage = 用法：
help-commands = 命令
help-options = 選項
help-arguments = 參數
help-help = 顯示說明
help-version = 顯示版本
help-about = 將城市更新的計劃與進展報告產生為靜態網站。
help-long-about =
    將城市更新的計劃與進展報告產生為靜態網站。

    一個網站就是一個資料夾：其中有 site.yaml、content/（每篇報告一個 Markdown 檔案，指標寫在 YAML 檔頭裡），還可以有 themes/ 和 templates/。

    結束代碼：0 成功；1 網站檔案有錯誤（每處錯誤依「檔案:行:欄: 欄位: 說明」列出，不寫入任何檔案）；2 命令列有誤（不做任何變更）；3 無法寫入或提供檔案，或 renewal 拒絕寫入指定的位置（網站本身的資料夾或其原始檔，或不是由它寫入的資料夾），原有輸出維持不變。
help-root = 網站資料夾（存放 site.yaml 的那個）［預設：.］
help-deny-warnings = 將警告（可疑但仍可發布的情況，例如有報告檔案未被讀取）視為錯誤：供 CI 使用
help-lang = renewal 對你說話所用的語言：zh-Hans、zh-Hant 或 en。未指定時依序看 RENEWAL_LANG、系統地區設定（LC_ALL、LC_MESSAGES、LANG）、網站本身的語言，最後用英文
help-build = 將網站產生到輸出資料夾（只有產生成功才整體替換）
help-output = 網站寫到哪裡［預設：<root>/output］
help-check = 檢查內容、設定與範本，不寫入任何檔案
help-serve = 產生網站，再透過 HTTP 提供輸出資料夾以便預覽
help-bind = 監聽的位址［預設：127.0.0.1］
help-port = 監聽的連接埠（0 表示任選一個空閒連接埠）［預設：8000］
help-archive = 將網站關於 YEAR 年的內容凍結為 archive/YEAR/ 快照，此後永不改變
help-archive-year = 快照所收錄的報告與指標的年份
help-revision = 某年已有快照時，在旁邊另存一份（archive/YEAR-r2/）
help-warc = 將快照寫成 WARC/1.1 檔案（ISO 28500），供網頁典藏工具讀取
help-warc-snapshot = 快照名稱（即它在 archive/ 中的資料夾：2025、2025-r2）
help-warc-output = 寫到哪裡［預設：archive/<SNAPSHOT>.warc.gz］
help-verify = 依清單核對每個快照；列出每個變更過、缺少與多出的檔案
help-verify-output = 同時核對此輸出資料夾中已發布的快照
help-new = 從起始檔案新建內容
help-new-report = 在 content/<year>/<name>.md 新建一篇報告。選項未給出的內容留空（填好之前 check 不會通過）；範例寫成註解，填好後才會發布
help-report-name = 報告的檔名，也是它的網址，例如 qingdao-2025-plan
help-report-city = 城市的 id 或名稱，須是 site.yaml 中已宣告的
help-report-district = 該城市中的區縣 id 或名稱
help-report-kind = 報告的類型：plan（計劃）、progress（進展）或 review（總結）［預設：plan］
help-report-year = 報告所涉及的年份
help-report-title = 報告標題，照原文填寫
help-report-published = 原文的發布日期（YYYY-MM-DD）
help-init = 在 DIR 中新建一個網站（site.yaml 與第一篇報告）
help-init-dir = 新網站所在的資料夾

## 寫入輸出，以及 renewal 拒絕做的事

write-temporary = 無法在 { $dir } 中建立暫存檔：{ $error }
write-copy = 無法開啟 { $path } 的副本
write-make = 無法產生 { $path }：{ $error }
write-unmade = 無法讀取產生 { $path } 所需的內容：{ $error }
write-create = 無法建立 { $path }：{ $error }
write-file = 無法寫入 { $path }：{ $error }
write-link = 無法連結 { $path }
write-swap = 無法將新網站移入 { $path }：{ $error }
output-not-folder = { $path } 已存在，但不是資料夾
output-foreign = 拒絕取代 { $path }：其中有不是 renewal 寫入的檔案（裡面沒有 { $marker }）；請使用空的或新的 --output 資料夾
refused-site-folder = 拒絕寫入 { $path }：這是網站本身的資料夾；請換一個 --output
refused-config = 拒絕寫入 { $path }：這是網站的設定檔，renewal 只讀取、從不寫入；請將 --output 設在原始檔之外
refused-source = 拒絕寫入 { $path }：它位於網站原始檔 { $folder }/ 中，renewal 只讀取、從不寫入；請將 --output 設在原始檔之外
build-date-not-seconds = { $name } 的值是 { $value }：它必須是自 1970-01-01 00:00 UTC 起的整秒數（1767225600 即 2026-01-01），不設定則依今天產生
build-date-not-text = { $name } 的值不是文字：它必須是自 1970-01-01 00:00 UTC 起的整秒數，不設定則依今天產生
new-report-name = 報告名稱：{ $message }
new-report-title = 標題必須是一行文字，不能含控制字元
new-report-published = --published：{ $message }
new-report-no-site = 無法讀取 { $path }：{ $error }；請在網站資料夾中執行（或加上 --root）
new-report-city = 「{ $city }」不是 site.yaml 中的城市；已宣告的城市：{ $known }
new-report-district = 「{ $district }」不是 site.yaml 中 { $city } 的區縣
new-report-exists = { $path } 已存在；請換一個名稱
init-exists = { $path } 已存在；{ $dir } 已經是一個網站
archive-exists = { $year } 年已有快照，位於 { $dir }；快照從不取代。如需在旁邊另存一份，請執行 `renewal archive { $year } --revision`
archive-nothing = 沒有關於 { $year } 年的報告或指標：無可封存
snapshot-name = 「{ $name }」不是快照名稱：快照以年份命名，如 2025，或以年份加修訂號命名，如 2025-r2（即它在 { $folder }/ 中的資料夾名，不含斜線）
serve-listen = 無法監聽 { $address }：{ $error }
serve-watch = 無法監看 { $path }：{ $error }
preview-panel = renewal：最近一次修改有問題；本頁是上一次成功產生的版本。

## 系統無法讀寫檔案的原因（跟在檔案名稱後面）

io-not-found = 沒有這個檔案或資料夾
io-permission = 沒有權限（請找管理這台電腦的人開通讀寫權限）
io-exists = 它已經存在
io-full = 磁碟已滿（請騰出空間後再執行 renewal）
io-read-only = 磁碟是唯讀的
io-not-folder = 路徑中有一部分是檔案，不是資料夾
io-is-folder = 它是資料夾，不是檔案
io-address-in-use = 這個位址已被占用（可能另一個預覽正在執行；可以試試 --port 0）
io-address-unavailable = 這個位址不屬於這台電腦

## new report 與 init 寫入的註解和示例（示例文字未替換時 check 會報錯）

scaffold-site-header = renewal 的網站設定：各欄位的說明見使用指南（docs/guide.zh-Hans.md，簡體中文）。
scaffold-editions = 同時產生繁體版（/zh-hant/），由電腦自動轉換
scaffold-publisher = 頁尾：主辦單位
scaffold-contact = 頁尾：聯絡方式
scaffold-icp = 頁尾：ICP備案號
scaffold-site-id-code = 政府網站標識碼
scaffold-fictional = 虛構的示例城市，每頁都標明「虛構示例」；換成真實城市時刪去這一行
scaffold-title = 填寫報告標題，照原文
scaffold-published = 填寫原文的發布日期，如 { $today }
scaffold-unfilled = 以「# 」開頭的各項尚未填寫，不會發布。照報告原文改為真實內容後，去掉行首的「# 」即生效；用不到的刪掉。
scaffold-topics = 方括號中填 site.yaml 中 topics 的 id
scaffold-metrics = 每項任務一個指標；actual 等選填項同樣去掉「# 」即生效。
scaffold-body = 正文寫在下面一行 --- 之後：用自己的話概述報告內容，數字只寫在 metrics 中。
scaffold-example-summary = 用一句話說明這份報告的要點。
scaffold-example-publisher = 發布單位
scaffold-example-title = 原文標題
scaffold-example-label = 示例指標（請改為實際任務，例如「改造老舊小區」）

## 報告檔頭中的問題
## 每則末尾是它的代碼；`renewal explain 代碼` 有詳細說明（explain-代碼）。

list-comma = 、
list-and = { $rest } 和 { $last }
required-missing = 缺少必填欄位 `{ $field }` [E0101]
required-missing-several = 缺少必填欄位 { $fields } [E0101]
front-matter-empty = 檔頭是空的：每篇報告至少要寫 { $fields } [E0102]
date-not-a-date = 「{ $text }」不是日期；請寫成 YYYY-MM-DD（如 2023-03-02），原文沒有確切日期時寫 YYYY-MM 或 YYYY [E0103]
date-year-range = 年份 { $year } 超出範圍（1900–2200） [E0104]
date-month = 「{ $text }」的月份是 { $month }；月份只能是 01 到 12 [E0105]
date-day = 「{ $text }」不是日期：{ $month } 只有 { $days } 天 [E0106]
full-width-date = 「{ $text }」用了全形數字或全形橫線；請改用半形字元：{ $fixed } [E0107]
full-width-year = 「{ $text }」用了全形數字；請改用半形數字：{ $fixed } [E0107]
year-not-a-year = 「{ $text }」不是年份；請寫四位數字的年份，如 2024 [E0108]
report-year-implausible = { $year } 不像是報告的年份 [E0109]
year-implausible = { $year } 不像是合理的年份 [E0109]
kind-unknown = 「{ $value }」不是報告類型；請寫 `plan`（計劃目標）、`progress`（年中進展）或 `review`（全年總結）{ $meant } [E0110]
kind-meant-plan = （計劃請寫 `plan`）
kind-meant-progress = （進展通報請寫 `progress`）
kind-meant-review = （全年總結請寫 `review`）
language-unknown = 「{ $value }」不是 renewal 認得的語言；請寫 `zh-Hans`（簡體中文）、`zh-Hant`（繁體中文）或 `en` [E0111]
title-empty = 標題是空的 [E0112]
city-unknown = 「{ $city }」不是 site.yaml 中宣告的城市；已宣告：{ $known } [E0113]
district-unknown = 「{ $district }」不是 site.yaml 中 { $city } 的區縣；已宣告的區縣：{ $known } [E0114]
district-none-declared = 「{ $district }」不是 { $city } 的區縣：site.yaml 沒有為它宣告任何區縣 [E0114]
source-url = 「{ $url }」必須是以 https:// 或 http:// 開頭的完整網址 [E0115]
label-empty = 指標 `{ $metric }` 的名稱（label）是空的；請寫明這項指標統計什麼，如 改造老舊小區 [E0116]
unit-missing = 指標 `{ $metric }` 寫了名稱（label）卻沒有單位（`unit`）；首次出現的指標兩者都要寫 [E0117]
unit-empty = 單位是空的；請照讀者看到的寫，如 個、公里、萬戶、億元 或 % [E0118]

## renewal explain

explain-unknown = `{ $code }` 不是 renewal 回報的任何問題的代碼；問題的代碼寫在該行末尾，如 [E0108]
explain-wrong = 錯誤寫法：
explain-right = 正確寫法：
explain-E0101 =
    E0101：缺少必填欄位
    每篇報告的檔頭都要寫五個欄位：title（標題）、kind（類型）、city（城市）、year（年份）和 published（發布日期）。提示指向檔頭的第一行，並列出缺少的欄位。
explain-E0102 =
    E0102：檔頭是空的
    兩行 --- 之間只有空行或註解。每篇報告至少要寫標題、類型、城市、年份和發布日期。
explain-E0103 =
    E0103：不是日期
    日期（published、deadline、as_of）寫成 YYYY-MM-DD。原文只給出月份或年份時，寫 YYYY-MM 或 YYYY：renewal 不會編造日子。
explain-E0104 =
    E0104：日期的年份超出範圍
    日期的年份須在 1900 到 2200 之間。超出這個範圍幾乎都是打錯了（把 2025 打成 2205）。
explain-E0105 =
    E0105：月份不對
    月份只能是 01 到 12，寫兩位數字。
explain-E0106 =
    E0106：這個月沒有這一天
    日子超出了這個月的天數（2 月有 28 天，閏年 29 天；4、6、9、11 月各 30 天）。
explain-E0107 =
    E0107：全形數字或全形橫線
    用中文輸入法打出的數字和橫線（２０２５－０３－０２）看上去沒錯，其實是別的字元。請改用半形（2025-03-02）；提示裡給出了改好的寫法。
explain-E0108 =
    E0108：不是年份
    報告的年份是四位數字：報告中計劃或數據所屬的年份。
explain-E0109 =
    E0109：不像是合理的年份
    這是一個數字，但不可能是報告所屬的年份（renewal 接受 1900 到 2200）。通常是打錯了一位。
explain-E0110 =
    E0110：不是報告類型
    `kind` 說明報告是什麼：`plan`（全年目標）、`progress`（年中進展）或 `review`（全年總結）。無論網站用什麼語言，這裡都寫英文；如果寫的是中文名稱，提示會給出對應的寫法。
explain-E0111 =
    E0111：renewal 不認得這種語言
    報告所用文字與網站不同時，用 `language` 寫明：`zh-Hans`（簡體中文）、`zh-Hant`（繁體中文）或 `en`。
explain-E0112 =
    E0112：標題是空的
    報告標題顯示在它的頁面、各個列表和訂閱源中。請照原文填寫。
explain-E0113 =
    E0113：site.yaml 沒有宣告這個城市
    `city` 填 site.yaml 中 `cities` 裡的一個城市，寫它的 id 或名稱。提示列出了已宣告的城市。新城市要先加進 site.yaml。
explain-E0114 =
    E0114：site.yaml 沒有為這個城市宣告這個區縣
    `district` 填報告所屬城市的一個區縣，寫它在 site.yaml 中的 id、名稱或別名。提示列出了已宣告的區縣。
explain-E0115 =
    E0115：來源網址不完整
    `source.url` 是數據來源網頁的位址，照瀏覽器網址列裡的寫，以 https:// 或 http:// 開頭。
explain-E0116 =
    E0116：指標的名稱是空的
    首次出現某項指標的報告要寫它的 `label`（統計什麼）和 `unit`（單位）。名稱為空，這項指標在各個頁面上就沒有名字。
explain-E0117 =
    E0117：指標有名稱但沒有單位
    首次出現的指標要同時寫名稱和單位；之後的報告只寫它的 id 和數據。
explain-E0118 =
    E0118：單位是空的
    照讀者在數字旁邊看到的寫單位：個、公里、萬戶、億元 或 %。
help-explain = 解釋問題的代碼（該行末尾的部分，如 E0108），附錯誤與正確的寫法；不給代碼時列出所有代碼
help-explain-code = 代碼，如 E0108

## 問題在其位置（檔案:行:欄:）之後的寫法

diagnostic-warning = 警告：{ $rest }
diagnostic-field = 欄位 { $field }：{ $rest }

## 欄位的中文名稱，寫在欄位名之後

field-gloss = （{ $name }）
field-name-title = 標題
field-name-kind = 類型
field-name-city = 城市
field-name-district = 區縣
field-name-districts = 各區縣
field-name-year = 年份
field-name-published = 發布日期
field-name-language = 語言
field-name-summary = 摘要
field-name-topics = 主題
field-name-topic = 主題
field-name-source = 來源
field-name-publisher = 主辦單位
field-name-outlet = 刊發媒體
field-name-reporter = 記者
field-name-editor = 編輯
field-name-url = 網址
field-name-slug = 網址名
field-name-metrics = 指標
field-name-id = 編號
field-name-label = 指標名稱
field-name-unit = 單位
field-name-target = 目標
field-name-actual = 完成數
field-name-baseline = 基數
field-name-deadline = 完成期限
field-name-as-of = 統計截至
field-name-note = 說明
field-name-metrics-id = 指標編號
field-name-cities-id = 城市編號
field-name-districts-id = 區縣編號
field-name-topics-id = 主題編號
field-name-name = 名稱
field-name-source-publisher = 發布單位
field-name-source-title = 原文標題
field-name-source-published = 原文發布日期
field-name-description = 簡介
field-name-base-url = 網站位址
field-name-editions = 其他版本
field-name-contact = 聯絡方式
field-name-copyright = 版權資訊
field-name-icp = ICP備案號
field-name-site-id-code = 政府網站標識碼
field-name-theme = 佈景主題
field-name-charts = 圖表
field-name-page-size = 每頁數量
field-name-cities = 城市
field-name-province = 省份
field-name-fictional = 虛構示例
field-name-other-names = 別名
field-name-districts-add-up = 區縣數據相加

## 報告中的其他問題

topic-unknown = 「{ $topic }」不是 site.yaml 中宣告的主題；已宣告的主題：{ $known } [E0119]
topics-joined = 「{ $topic }」像是用全形逗號連在一起的幾個主題；請用半形逗號分開：{ $fixed } [E0120]
example-text = 「{ $text }」是 `renewal new report` 寫入的範例文字；請換成報告原文的內容，或刪掉這一行 [E0121]
metric-no-figures = 指標 `{ $metric }` 既沒有 `target`（目標）也沒有 `actual`（完成數） [E0122]
district-and-districts = `district` 和 `districts` 列表只能寫一個 [E0123]
district-twice = 區縣 `{ $district }` 在這項指標中出現了兩次 [E0124]
district-no-figures = 這個區縣沒有寫 `target`（目標）、`actual`（完成數）或 `note`（說明） [E0125]
body-control = 正文此處有一個看不見的控制字元（{ $character }），通常是從別的程式貼上的；請刪除 [E0318]
no-metrics = 這篇報告沒有寫指標，頁面上不會顯示任何數據；報告中如有數據，請加上 `metrics:` 列表 [W0101]
figure-after-published = 這個數據的統計日期是 { $date }，晚於報告發布日期（{ $published }）；請核對日期 [W0102]
explain-E0119 =
    E0119：site.yaml 沒有宣告這個主題
    `topics` 裡寫 site.yaml 中 `topics` 的 id；提示列出了已宣告的主題。新主題要先加進 site.yaml。
explain-E0120 =
    E0120：主題用全形逗號連在了一起
    在 [a, b] 這樣的列表裡，各項之間用半形逗號分隔。用全形逗號（，）或頓號（、）會讓整段文字變成一個主題。
explain-E0121 =
    E0121：範例文字沒有替換
    `renewal new report` 把範例文字寫成註解。去掉註解卻沒有替換，就會當作報告原文發布出去；請換成報告原文的內容，或刪掉這一行。
explain-E0122 =
    E0122：指標沒有數據
    報告列出的每項指標都要寫 `target`（目標）、`actual`（完成數），或兩者都寫（全市的，或在 `districts` 下按區縣寫）。
explain-E0123 =
    E0123：同時寫了 `district` 和 `districts`
    指標只給一個區縣的數據時用 `district`，給幾個區縣的數據時用 `districts` 列表，兩者不能同時寫。
explain-E0124 =
    E0124：區縣重複
    每個區縣在指標的 `districts` 列表中只能出現一次；同一區縣的兩個數字不可能都對。
explain-E0125 =
    E0125：區縣沒有數據
    `districts` 中的每一項都要為該區縣寫 `target`（目標）、`actual`（完成數）或 `note`（說明）。
explain-W0101 =
    W0101：報告沒有指標（警告）
    報告可以產生，但頁面上沒有任何數據。報告中如有數據，請加上 `metrics:` 列表；加上 `--deny-warnings` 時這會視為錯誤。
explain-W0102 =
    W0102：數據的日期晚於報告（警告）
    數據的 `as_of`（統計截至）晚於報告的發布日期，通常是日期寫錯了；加上 `--deny-warnings` 時這會視為錯誤。
warning-denied = （已用 --deny-warnings 禁止警告，此處視為錯誤）

## 數據（target、actual、baseline）

figure-not-a-number = 這裡應是一個純數字，如 12.8（數字裡不寫單位，也不寫「萬」；單位寫在 `unit` 中） [E0201]
figure-empty = 數據是空的；請寫一個數字，或刪掉這個欄位 [E0202]
figure-sign = `{ $written }` 請去掉正負號：{ $fixed } [E0203]
figure-negative = { $written } 是負數；目標、完成數和基數統計的是計劃或已完成的量，不能小於零 [E0204]
full-width-figure = 「{ $text }」用了全形數字；請改用半形數字：{ $fixed } [E0107]
figure-decimal-comma = 「{ $written }」在應寫小數點的地方寫了逗號；請寫 { $fixed }（如果逗號是千位分隔符號，就只寫數字） [E0205]
figure-separators = 「{ $written }」的數字之間有分隔符號；請只寫數字：{ $fixed } [E0206]
figure-point-first = `{ $written }` 的小數點前請補 0：{ $fixed } [E0207]
figure-point-last = 「{ $written }」以小數點結尾；請寫 { $fixed } [E0207]
figure-exponent = 「{ $written }」用了科學記號；請照報告原文寫出完整數字 [E0208]
figure-leading-zero = 「{ $written }」以 0 開頭；請去掉前面的 0：{ $fixed } [E0209]
figure-too-long = 「{ $written }」的位數超過了能精確保存的上限（最多 { $most } 位）；請核對數字，或改用更大的單位 [E0210]
explain-E0201 =
    E0201：不是純數字
    數據只寫數字，報告有小數時帶小數點：12.8、44、5.70。單位寫在 `unit` 裡，「萬」「億」屬於單位（萬戶、億元），不寫進數字。
explain-E0202 =
    E0202：數據是空的
    像 `target: ""` 這樣寫成了空文字。請寫上數字；報告沒有給出這項數據時，就刪掉這個欄位。
explain-E0203 =
    E0203：數據帶了正負號
    數據統計的是計劃或已完成的量，不寫 + 或 -。
explain-E0204 =
    E0204：數據是負數
    目標、完成數和基數統計的是計劃或已完成的量，不能小於零。減少了就寫減少後的數字，不寫負數。
explain-E0205 =
    E0205：用逗號當小數點
    數據用小數點（12.5）。逗號後面只有一兩位數字時，會被當作小數逗號；如果它其實是千位分隔符號，就只寫數字。
explain-E0206 =
    E0206：數字之間有分隔符號
    千位不加分隔：寫 12000，不寫 12,000 或 12 000。renewal 會依讀者的語言習慣顯示數字。
explain-E0207 =
    E0207：小數點在開頭或末尾
    寫 0.5，不寫 .5；寫 12，不寫 12.。
explain-E0208 =
    E0208：科學記號
    報告的數據要寫完整：寫 1000，不寫 1e3，這樣數據才與報告原文完全一致。
explain-E0209 =
    E0209：數字前面有多餘的 0
    寫 7，不寫 007：數字前面不加 0（0.5 保留它的一個 0）。
explain-E0210 =
    E0210：位數太多
    一個數據最多能精確保存 18 位數字。這麼長的數字幾乎都是寫錯了；如果沒錯，請改用更大的單位（如把「元」改成「億元」）。

## YAML 讀取前找出的編輯筆誤

slip-invisible = 此處有一個看不見的字元（{ $character }），通常是從別的程式貼上的；請刪除 [E0301]
slip-tab = 縮排用了定位字元（Tab）；YAML 只能用空格縮排：請將 Tab 換成空格 [E0302]
slip-indent-look-alike = 縮排中有{ $what }，看上去像空格，但 YAML 不把它當空格；請用一般空格重新縮排 [E0303]
slip-dash-look-alike-space = 列表的短橫後面是{ $what }；YAML 要求 `-` 後面是一般空格 [E0304]
slip-dash-no-space = `-{ $name }` 的短橫後面要有空格才是列表項：`- { $name }` [E0305]
slip-look-alike-dash = 這個列表項以 `{ $dash }` 開頭，它看上去像短橫，但 YAML 不認；請輸入半形連字號 `-` [E0306]
slip-look-alike-colon = `{ $key }` 後面是{ $what }「{ $colon }」；YAML 要求用半形冒號 ':' 再加一個空格：`{ $key }: ` [E0307]
slip-space-before-colon = `{ $key }` 和冒號之間有空格；請寫成 `{ $key }:`，冒號緊跟在欄位名後面 [E0308]
slip-colon-look-alike-space = `{ $key }` 後的冒號後面是{ $what }；YAML 要求 ':' 後面是一般空格 [E0309]
slip-colon-no-space = `{ $key }:` 的冒號後面要有空格：`{ $key }: { $start }` [E0310]
slip-no-colon = `{ $key }` 後面沒有冒號：請寫 `{ $key }: { $start }` [E0311]
slip-empty-required = `{ $key }` 是空的：請在 `{ $key }: ` 後面寫上它的值 [E0312]
slip-empty = `{ $key }` 是空的：請在 `{ $key }: ` 後面寫上它的值，或刪掉這一行 [E0312]
slip-full-width-brackets = `{ $key }` 用了全形括號 { $first }……；YAML 要求用半形方括號 [ ] 和半形逗號 [E0313]
slip-bracket-and-list = `{ $key }:` 後面的 `{ $first }` 沒有閉合，而下面幾行已經構成了列表：請刪掉 `{ $first }` [E0314]
slip-unclosed = 這個值開頭的{ $what }沒有閉合；請在值的末尾補上（`{ $close }`），或刪掉開頭的那個 [E0315]
slip-anchor = YAML 把 `{ $value }` 讀作錨點名稱，`{ $key }` 因此成了空值；請給這個值加上引號：{ $fixed } [E0316]
slip-reads-as = YAML 會把以 `{ $first }` 開頭的值讀作{ $what }；請給整個值加上引號：{ $fixed } [E0317]
slips-more = 從這裡往下還有與上面 { $most } 處類似的筆誤；請先改正上面這些
opener-quote = 引號
opener-bracket = 方括號 `[`
opener-brace = 大括號 `{"{"}`
syntax-block = 文字區塊的開頭
syntax-reserved = 保留字元
syntax-directive = 指令
syntax-list-item = 列表項
char-non-breaking-space = 不換行空格（U+00A0）
char-full-width-space = 全形空格（U+3000）
char-typographic-space = 排版用空格
char-full-width-colon = 全形冒號
char-small-colon = 小型全形冒號
char-full-width-semicolon = 全形分號
explain-E0301 =
    E0301：看不見的字元
    顯示為空白的字元（零寬空格、文字方向標記），通常是從文書處理軟體或網頁貼上的。請刪除它：提示給出了它所在的欄。
explain-E0302 =
    E0302：縮排用了定位字元
    YAML 只能用空格縮排。請將 Tab 換成空格（每一層兩個）。
explain-E0303 =
    E0303：縮排中有「假空格」
    全形空格（U+3000）和不換行空格看上去像空格，但 YAML 不把它們當空格。請用一般空格重新縮排。
explain-E0304 =
    E0304：列表短橫後面是「假空格」
    列表項是一個短橫加一個一般空格。請重新輸入短橫後面的空格。
explain-E0305 =
    E0305：列表短橫後面沒有空格
    `-id: x` 是一個名叫 `-id` 的欄位，不是列表項。請寫 `- id: x`。
explain-E0306 =
    E0306：不是短橫的「短橫」
    列表項以半形連字號開頭。全形橫線（－）、破折號（—）和減號（−）看上去相似，其實是別的字元。
explain-E0307 =
    E0307：全形冒號
    欄位的寫法是名稱、半形冒號、空格：`kind: plan`。用中文輸入法打出的全形冒號（：）是另一個字元。
explain-E0308 =
    E0308：冒號前有空格
    冒號緊跟在欄位名後面：寫 `kind: plan`，不寫 `kind : plan`。
explain-E0309 =
    E0309：冒號後面是「假空格」
    冒號後面是一般空格。全形空格或不換行空格看起來一樣，其實是別的字元。
explain-E0310 =
    E0310：冒號後面沒有空格
    YAML 要求冒號和值之間有一個空格：寫 `kind: plan`，不寫 `kind:plan`。
explain-E0311 =
    E0311：欄位名後面沒有冒號
    欄位的寫法是名稱、冒號和值：`kind: plan`。
explain-E0312 =
    E0312：欄位是空的
    欄位的冒號後面什麼也沒有，或者只有一對空引號、幾個空格，讀者看到的會是一片空白。請寫上它的值；不是必填的欄位也可以整行刪掉。
explain-E0313 =
    E0313：全形括號
    寫在一行裡的列表用半形方括號和半形逗號：[old-compounds, gas]。全形括號（［］）和全形逗號（，）是別的字元。
explain-E0314 =
    E0314：方括號加下面的列表
    列表要麼寫在一行的方括號裡，要麼在欄位下面逐行以 `- ` 開頭，不能兩者都用。
explain-E0315 =
    E0315：引號或括號沒有閉合
    以引號或括號開頭的值要在末尾閉合。請補上閉合的符號；如果這個值不需要，就刪掉開頭的那個。
explain-E0316 =
    E0316：值被讀作錨點
    YAML 把以 & 開頭的值讀作錨點名稱，欄位因此成了空值。請給這個值加上引號。
explain-E0317 =
    E0317：值以 YAML 語法符號開頭
    以 |、>、@、`、% 或「- 」開頭的值會被 YAML 讀成別的東西。請給整個值加上引號。
explain-E0318 =
    E0318：正文裡的控制字元
    檔頭下面的正文裡貼上了一個控制字元（例如 U+001B，終端機會把它當作顏色的開始），通常來自別的程式。它顯示為空白，網頁、訂閱和下載檔案都不能包含它。請刪除它：提示給出了它所在的行和欄。

## 報告檔案整體的問題，以及 content 資料夾

fm-empty-file = 檔案是空的；報告以兩行 `---` 之間的檔頭開始 [E0401]
fm-full-width-open = 第一行「{ $line }」用了全形橫線；請輸入三個半形連字號：--- [E0402]
fm-full-width-close = 這一行「{ $line }」用了全形橫線；請輸入三個半形連字號來結束檔頭：--- [E0402]
fm-none-dashes = 沒有檔頭：第一行必須正好是 `---` [E0403]
fm-none = 沒有檔頭：第一行必須是 `---`，接著寫報告的各個欄位，再以一行 `---` 結束 [E0403]
fm-unclosed = 第 1 行開始的檔頭沒有結束：請在最後一個欄位後面加一行 `---` [E0404]
no-content = { $dir } 處沒有 content 資料夾；網站的報告放在 content/ 中 [E0405]
unreadable = 無法讀取：{ $error } [E0406]
not-regular = 不是一般檔案（而是資料夾、管道或裝置），無法讀取 [E0407]
too-big = 有 { $size } MiB；一篇報告最多 { $most } MiB（這真的是報告嗎？） [E0408]
utf-16 = 儲存成了 UTF-16 編碼：請另存為 UTF-8（多數編輯器中為「另存新檔」→ 編碼選 UTF-8） [E0409]
not-utf-8 = 不是有效的 UTF-8 文字（可能儲存成了 GBK 或 GB2312）：請另存為 UTF-8 [E0409]
hidden-folder = 是隱藏資料夾（名稱以點開頭），其中的 { $reports } 個報告檔案不會發布；如要發布，請將它改名 [W0401]
link-inside = 是指向 { $target } 的符號連結，不會讀取：renewal 只讀取真正放在 content/ 中的檔案，這樣網站複製到哪裡都一樣；請將檔案本身放在這裡 [W0402]
link-outside = 是指向 { $target } 的符號連結，不會讀取：它指向網站之外（或不存在的位置），只有 content/ 中的檔案才會發布 [W0402]
not-regular-report = 不是一般檔案（而是管道、通訊端或裝置），不會讀取；請將報告本身放在這裡 [W0403]
not-a-report = 不是報告（只有以 `.md` 結尾的檔案才是），不會發布；其他檔案請放在 content/ 之外 [W0404]
hidden-file = 是隱藏檔案（名稱以點開頭），不會發布；如要發布，請將它改名 [W0405]
not-lowercase-md = 看上去是報告，但不會讀取：只有以小寫 `.md` 結尾的檔案才是報告；請改名 [W0406]
explain-E0401 =
    E0401：檔案是空的
    報告檔案先寫檔頭（兩行 --- 之間的欄位），再寫正文。
explain-E0402 =
    E0402：檔頭的橫線是全形的
    檔頭以一行三個半形連字號（---）開始和結束。用中文輸入法打出的橫線（－－－ 或 ———）是別的字元。
explain-E0403 =
    E0403：沒有檔頭
    報告先寫一行 ---，接著是各個欄位，再寫一行 ---。檔案的第一行必須正好是 ---。
explain-E0404 =
    E0404：檔頭沒有結束
    最後一個欄位後面要有一行 --- 結束檔頭，報告正文寫在它後面。
explain-E0405 =
    E0405：沒有 content 資料夾
    網站的報告放在 site.yaml 旁邊名為 content/ 的資料夾裡。請檢查 --root，或者建立這個資料夾。
explain-E0406 =
    E0406：檔案無法讀取
    系統不讓 renewal 讀取這個檔案或資料夾（權限問題或磁碟錯誤）；提示中給出了系統給的原因。
explain-E0407 =
    E0407：不是一般檔案
    報告是一個一般檔案，不是資料夾、管道或裝置。
explain-E0408 =
    E0408：檔案太大，不像是報告
    一篇報告只有幾頁文字；幾十 MB 的檔案多半是別的東西被存成了 .md 檔名。
explain-E0409 =
    E0409：沒有儲存為 UTF-8
    報告要儲存為 UTF-8 文字。儲存為 GBK、GB2312 或 UTF-16（Windows 上一些編輯器的預設編碼）的檔案會讀成亂碼；請另存為 UTF-8（多數編輯器中：另存新檔 → 編碼選 UTF-8）。
explain-W0401 =
    W0401：隱藏的報告資料夾（警告）
    名稱以點開頭的資料夾是隱藏的，其中的報告不會發布。如要發布，請將它改名；想留作草稿就保持原樣。
explain-W0402 =
    W0402：符號連結（警告）
    renewal 只讀取真正放在 content/ 中的檔案，這樣網站複製到哪裡產生結果都一樣。請將報告本身放進 content/。
explain-W0403 =
    W0403：用報告名稱命名的不是檔案（警告）
    以報告名稱命名的管道、通訊端或裝置不會讀取。請將報告本身放在這裡。
explain-W0404 =
    W0404：不是報告的檔案（警告）
    只有以 .md 結尾的檔案才是報告；content/ 中的其他檔案不會發布。圖片和表格請放在 content/ 之外。
explain-W0405 =
    W0405：隱藏的報告檔案（警告）
    名稱以點開頭的檔案是隱藏的，不會發布。如要發布，請將它改名。
explain-W0406 =
    W0406：報告以 .MD 結尾（警告）
    報告以小寫的 .md 結尾；以 .MD 或 .markdown 結尾的檔案不會讀取。請改名。

## YAML 回報的錯誤，依錯誤的種類

unknown-field-number = （`{ $name }` 像是帶千位分隔符號的數字的後半截，如 1,{ $name }：數字請只寫數字本身）
unknown-field = 未知欄位 `{ $name }`{ $hint }；這裡可以寫的欄位有：{ $allowed } [E0501]
field-twice = `{ $key }` 在同一區塊裡寫了兩次；請保留一個 [E0502]
field-twice-unnamed = 有一個欄位在同一區塊裡寫了兩次；請保留一個 [E0502]
not-allowed = 這裡不能寫 `{ $word }`；請寫以下之一：{ $allowed } [E0503]
yaml-empty = 這個欄位是空的：請寫上它的值，或刪掉這一行 [E0312]
expected-list = 這裡應是一個列表：每項一行，以 `- ` 開頭，或全部寫在一行裡，如 [a, b] [E0504]
expected-block = 這裡應是若干行 `欄位: 值`（一個區塊的具名欄位，不是列表或一般文字） [E0505]
expected-text = 這裡應是文字，不是列表或一個區塊的欄位；文字以 [ 或 {"{"} 開頭時，請加上引號 [E0506]
expected-whole = 這裡應是一個整數，如 2024 [E0507]
expected-true-or-false = 這裡應寫 `true`（是）或 `false`（否） [E0519]
expected-figure = 這裡應是一個純數字，如 12.8，不是列表或一個區塊的欄位 [E0201]
yaml-alias = 以 `*` 開頭的值會被 YAML 讀作對另一個值的參照；請給整個值加上引號："…" [E0508]
yaml-tag = 這裡不需要 `!!int` 之類的 YAML 標籤：只寫值本身 [E0509]
too-large = 檔頭太大，無法讀取（有幾十萬個值）；請將報告拆開 [E0510]
colon-in-value = 這個值裡有「: 」，YAML 會把它讀作另一個欄位的開頭；請給整個值加上引號："…" [E0511]
indented-under-value = 這一行比上面的 `{ $key }` 縮排得更深，而 `{ $key }` 已經有值了，YAML 因此把這一行讀作那個值的一部分；請讓它與 `{ $key }` 對齊 [E0512]
single-quote-inside = 這個值用單引號括起來，裡面又有單引號；請將裡面的單引號寫兩次（''），或改用雙引號 [E0513]
after-closing-quote = 這個值以一段引號內的文字開頭，閉合引號後面還有內容；請給整個值加上引號，裡面的引號寫成「」 [E0514]
indentation = 這一行的縮排與上下文不符：同一區塊的欄位從同一欄開始，列表項的各個欄位與它的第一個欄位對齊 [E0515]
neither-field-nor-item = 這裡有一行既不是 `欄位: 值` 也不是列表項；請檢查每個欄位是否都有冒號 [E0516]
yaml-block-start = YAML 會把以 `|` 或 `>` 開頭的值讀作一段文字區塊的開頭；請給整個值加上引號："…" [E0317]
yaml-unexpected-character = YAML 不允許值以 `{ $character }` 開頭；請給整個值加上引號："…" [E0317]
yaml-unclosed-quote = 這個值開頭的引號沒有閉合；請在值的末尾補上，或刪掉開頭的引號 [E0315]
yaml-unclosed-flow = 這個值開頭的 `{ $open }` 沒有正確閉合；請補上閉合符號，或給整個值加上引號："…" [E0315]
document-end = YAML 把一行 `...` 讀作檔頭的結束，後面的行都不會讀取；請刪掉它，或給它所屬的值加上引號 [E0517]
another-document = 這裡的一行 `---` 或 `...` 開始了另一個 YAML 文件，而檔頭（或 site.yaml）只能有一個：請刪掉這一行，或給它所屬的值加上引號 [E0518]
escape-invisible = 跳脫序列 `{ $escape }` 寫出的是一個看不見的字元（{ $character }），頁面、訂閱源和下載檔案都無法容納；請刪除 [E0301]
text-invisible = 這段文字裡有一個看不見的字元（{ $character }），通常是從別的程式貼上的；請刪除 [E0301]
explain-E0501 =
    E0501：renewal 不認得的欄位
    提示列出了此處可以寫的欄位。通常是打錯了字（把 title 打成 tittle），或者欄位多縮排或少縮排了一層。
explain-E0502 =
    E0502：欄位寫了兩次
    同一區塊裡每個欄位只寫一次；一個欄位的兩個值不可能都對。請保留一個。
explain-E0503 =
    E0503：這裡不能寫這個詞
    site.yaml 中某個只能取幾個固定詞的欄位（提示中已列出）寫了別的詞。
explain-E0504 =
    E0504：這裡應是列表
    這個欄位的值是一個列表：在它下面每項一行，以「- 」開頭，或全部寫在一行的方括號裡，如 [a, b]。
explain-E0505 =
    E0505：這裡應是一個區塊的欄位
    這個欄位下面要縮排寫它自己的欄位（如 `source:` 下面寫 `publisher:` 和 `url:`）。
explain-E0506 =
    E0506：這裡應是文字
    這個欄位的值是文字，不是列表，也不是它自己的欄位。以 [ 或大括號開頭的文字要加引號。
explain-E0507 =
    E0507：這裡應是整數
    這個欄位的值是一個整數，例如年份：2024。
explain-E0508 =
    E0508：值被讀作參照
    YAML 把以 * 開頭的值讀作對另一個值的參照。請給這個值加上引號。
explain-E0509 =
    E0509：YAML 標籤
    !!int、!!str 之類的標籤告訴 YAML 值的類型；renewal 知道每個欄位的類型，不需要標籤。只寫值本身。
explain-E0510 =
    E0510：檔頭太大，無法讀取
    檔頭裡有幾十萬個值，遠遠超過一篇報告應有的數量。請將報告拆開。
explain-E0511 =
    E0511：值裡有「: 」
    YAML 把冒號加空格讀作另一個欄位的開頭。含有它的值（時間、帶冒號的標題）要加引號。
explain-E0512 =
    E0512：在已有值的欄位下面縮排了一行
    這一行比上面的欄位縮排得更深，而那個欄位同一行已經寫了值，YAML 因此把這一行讀作那個值的延續。請讓它與上面的欄位對齊。
explain-E0513 =
    E0513：單引號裡又有單引號
    用單引號括起來的值裡，單引號要寫兩次（''）。也可以改用雙引號。
explain-E0514 =
    E0514：閉合引號後面還有文字
    這個值以引號內的一段開頭，後面還有內容。請給整個值加上引號，裡面的引號寫成「」。
explain-E0515 =
    E0515：縮排不對
    同一區塊的欄位從同一欄開始，列表項的各個欄位與它的第一個欄位對齊。
explain-E0516 =
    E0516：既不是欄位也不是列表項的一行
    檔頭的每一行都是 `欄位: 值`、以「- 」開頭的列表項或註解。最常見的原因是某個欄位漏了冒號。
explain-E0517 =
    E0517：檔頭裡有一行 `...`
    在 site.yaml 中，YAML 把一行三個點讀作檔案的結束，後面的行都不會讀取。（在報告裡，一行 --- 或 ... 表示檔頭結束。）
explain-E0518 =
    E0518：檔頭中間有一行 `---`
    在 site.yaml 中，一行 --- 會開始另一個 YAML 文件，而這個檔案只能有一個。請刪掉這一行，或給它所屬的值加上引號。（在報告裡，一行 --- 表示檔頭結束。）
explain-E0519 =
    E0519：這裡應寫 true 或 false
    這個欄位是一個開關：寫 true 表示「是」，寫 false 表示「否」，不加引號，也不寫中文。

## 跨報告的指標、網址、報告正文中的連結

metric-not-introduced = 沒有報告首次寫出指標 `{ $id }`：請檢查 id 是否打錯，或者在這裡寫上 `label`（名稱）和 `unit`（單位）來首次寫出它 [E0601]
metric-other-city = 指標 `{ $id }` 屬於{ $city }（{ $place }）；{ $other }的報告不能更新它：請換一個 id [E0602]
metric-unit-changes = 指標 `{ $id }` 的單位從 { $unit } 變成了 { $other }；它在 { $place } 首次寫出時的單位是 { $unit }，指標的單位不能改變（請換算數字，或另設一項新指標） [E0603]
slug-invalid = `{ $id }` 不能用在網址裡：請用小寫字母 a-z、數字和 `-`（如 `dongying-2022-gas-lines`）；中文名稱寫在 `name`/`label` 裡 [E0701]
slug-page = `page` 不能作為報告的網址：/reports/page/ 用於報告列表的後續各頁 [E0702]
slug-from-file = 報告的網址取自檔名，但{ $message }；請將檔案改名，或加一個 `slug:` 欄位 [E0703]
link-outside-site = 連結指向 { $link }，它在網站的位址 { $base } 之外 [W0601]
link-nowhere = 連結指向 { $link }，它不是本網站的頁面或檔案 [W0602]
link-no-anchor = 連結指向 { $link }，但 { $page } 沒有標題或章節 `#{ $anchor }` [W0603]
explain-E0601 =
    E0601：沒有報告首次寫出的指標
    第一篇同時寫出某項指標的 id、`label`（名稱）和 `unit`（單位）的報告，就是首次寫出它的報告；之後的報告只寫 id 和數據。請檢查 id 是否打錯，或者在這裡首次寫出這項指標。
explain-E0602 =
    E0602：別的城市的指標
    指標屬於首次寫出它的報告所在的城市。另一個城市的報告要用另一個 id 寫出自己的指標。
explain-E0603 =
    E0603：指標的單位變了
    一項指標的所有數據都用它首次寫出時的單位，這樣才能相加和比較。請換算數字，或為新單位另設一項指標。
explain-E0701 =
    E0701：不能用在網址裡的 id
    id 和 slug 會成為頁面網址的一部分：只能用小寫字母 a-z、數字和 -。中文名稱寫在 `name` 或 `label` 裡。
explain-E0702 =
    E0702：報告的網址是 `page`
    /reports/page/ 用於報告列表的後續各頁，所以任何報告都不能用這個網址。
explain-E0703 =
    E0703：不能作為網址的檔名
    沒有寫 `slug:` 時，報告的檔名（去掉 .md）就是它的網址。請用小寫字母、數字和 - 將檔案改名，或給報告寫一個 `slug:`。
explain-W0601 =
    W0601：連結到網站之外（警告）
    以 / 開頭的連結指向了網站本身位址（base_url 的路徑）之外。連結別處的頁面請寫完整網址，否則請連結到網站之內。
explain-W0602 =
    W0602：連結不到任何頁面（警告）
    報告正文中的連結指向了網站沒有的位址；它要連結的頁面可能是另一個位址。
explain-W0603 =
    W0603：連結到頁面沒有的章節（警告）
    # 後面的部分是頁面中某個標題或章節的名稱，而那個頁面沒有它。

## site.yaml 本身的值

id-twice = id `{ $id }` 宣告了兩次 [E0801]
district-names-collide = 「{ $name }」既是這個區縣的名稱，又是 `{ $other }` 的名稱；報告寫「{ $name }」時可能指其中任何一個：請讓每個區縣的名稱各不相同 [E0802]
district-id-reserved = `{ $id }` 不能作為區縣 id：/cities/{ $city }/{ $id }/ 用於該城市列表的後續各頁；請換一個 id [E0803]
theme-name = `{ $theme }` 不是佈景主題名稱：佈景主題是 themes/ 下的一個資料夾，名稱只用字母、數字、`-` 和 `_` [E0804]
page-size = { $size } 不能作為每頁數量：列表每頁至少 1 項（預設 { $default } 項） [E0805]
base-url-relative = `{ $url }` 必須是以 https:// 或 http:// 開頭的完整網址 [E0806]
base-url-invalid = `{ $url }` 不是網站位址，應像 https://example.gov.cn/renewal/ 這樣 [E0806]
edition-english = 另一版本由簡體（zh-Hans）與繁體（zh-Hant）中文互相轉換而成；無法從中文報告產生英文版 [E0807]
edition-own-language = `{ $tag }` 就是網站本身的 `language`；這裡只列另一種文字 [E0807]
edition-twice = `{ $tag }` 列了兩次 [E0807]
explain-E0801 =
    E0801：site.yaml 中的 id 宣告了兩次
    每個城市、區縣和主題都有自己的 id：兩個用同一 id 的項目，在網址和報告裡無法區分。
explain-E0802 =
    E0802：兩個區縣用了同一個名稱
    報告用 id、名稱或別名寫明區縣；同一城市兩個區縣共用的名稱可能指其中任何一個。請讓每個區縣的名稱各不相同。
explain-E0803 =
    E0803：區縣 id 與網站使用的網址衝突
    /cities/城市/reports/ 和 /cities/城市/metrics/ 用於城市報告列表和指標列表的後續各頁，所以區縣的 id 不能是 `reports` 或 `metrics`。
explain-E0804 =
    E0804：不是佈景主題名稱
    `theme` 寫 themes/ 下一個資料夾的名稱，只用字母、數字、- 和 _。
explain-E0805 =
    E0805：不能作為每頁數量
    `page_size` 是列表每頁顯示的報告或行數：至少為 1。
explain-E0806 =
    E0806：不是網站位址
    `base_url` 是讀者輸入的網站位址，帶 https:// 或 http://，以及發布所在的路徑：https://example.gov.cn/renewal/。
explain-E0807 =
    E0807：renewal 無法產生的版本
    `editions` 列出另一種中文文字：簡體網站可以有繁體版，反之亦然。每種只列一次；無法透過轉換產生英文版。

## 報告和 site.yaml 的整體問題

no-site-yaml = 在 { $dir } 中找不到；每個網站都有這個檔案（見 `renewal init`） [E0808]
data-license-unknown = renewal 不認識授權條款「{ $written }」：請寫開放授權條款的 SPDX 編號（{ $known }），或條款全文的完整網址（https://…） [E0809]
address-by-slug = { $place } 把它寫作 `slug`
address-by-file = { $file } 的檔名給出了它
address-taken = 網址 { $address } 已被佔用（{ $how }）；請換一個 slug [E0704]
address-taken-by-file = 檔名給這篇報告的網址是 { $address }，而它已被佔用（{ $how }）；請將其中一個檔案改名，或給其中一篇寫 `slug:` [E0704]
changed-during-build = { $message }（檔案在產生過程中被變更了）
explain-E0704 =
    E0704：兩篇報告用了同一個網址
    每篇報告都有自己的網址 /reports/名稱/，取自它的 `slug:` 或檔名。不同資料夾中檔名相同的兩篇報告網址也相同：請將其中一個改名，或給其中一篇寫 `slug:`。
explain-E0808 =
    E0808：沒有 site.yaml
    網站是一個資料夾，裡面 site.yaml 和 content/ 放在一起。請在這個資料夾中執行 renewal，或用 --root 指定它，或用 `renewal init` 新建一個網站。
explain-E0809 =
    E0809：renewal 不認識的資料授權條款
    site.yaml 裡的 `data_license` 說明開放資料可以依什麼授權條款再利用：寫 renewal 認識的 SPDX 編號（CC-BY-4.0 為預設，另有 CC0-1.0、CC-BY-SA-4.0、ODC-By-1.0、ODbL-1.0、PDDL-1.0），或條款全文的網址。

## archive/ 中的快照

snap-what-link = 指向 { $target } 的符號連結
snap-what-special = 不是一般檔案（而是管道、通訊端或裝置）
snap-not-folder = 不是資料夾：快照存放在以此命名的資料夾中 [E0901]
snap-unreadable = 無法讀取 [E0406]
snap-special-entry = 是符號連結或其他特殊檔案，不是快照資料夾：快照以其檔案本身保存，這樣網站複製到哪裡都一樣 [E0902]
snap-bad-name = { $message }；請將資料夾改名，或把它移出 { $folder }/ [E0903]
snap-no-manifest = 沒有 { $manifest }：沒有它，快照既無法核對也無法發布；請從版本控制中還原 { $manifest }，或刪掉這個資料夾 [E0904]
snap-extra = 是{ $what }；快照只能包含封存時的檔案 [E0906]
manifest-not-json = 不是清單檔案：{ $error } [E0905]
manifest-no-files = 不是清單檔案：其中沒有列出 `files` [E0905]
manifest-bad-path = 列出了 `{ $path }`，它不是快照內帶 sha256 的檔案位置 [E0905]
explain-E0901 =
    E0901：archive 不是資料夾
    網站的快照存放在 site.yaml 旁邊名為 archive/ 的資料夾中；這裡卻是別的東西用了這個名字。
explain-E0902 =
    E0902：archive/ 中有連結
    快照以其檔案本身保存，這樣網站複製到哪裡都一樣；符號連結或其他特殊檔案不能作為快照。
explain-E0903 =
    E0903：不是快照名稱
    archive/ 中的資料夾以年份（2025）或年份加修訂號（2025-r2）命名，與 `renewal archive` 的命名一致。
explain-E0904 =
    E0904：快照缺少清單
    manifest.json 列出了快照的每個檔案及其校驗值；沒有它，快照既無法核對也無法發布。請從版本控制中還原它。
explain-E0905 =
    E0905：清單檔案無法讀取
    manifest.json 由 `renewal archive` 寫出，從不手動修改：請從版本控制中還原它。
explain-E0906 =
    E0906：快照封存時沒有的檔案
    快照只包含清單列出的檔案；其中的連結或特殊檔案會被拒絕，`renewal verify` 會列出每個新增、變更或缺少的檔案。

## 佈景主題與範本

theme-not-found = 找不到佈景主題 `{ $name }`：沒有 themes/{ $name }/ 資料夾（現有佈景主題：{ $available }） [E1002]
theme-link = 是指向 { $target } 的符號連結，不會使用：佈景主題只使用真正放在它資料夾中的檔案；請將檔案本身放在這裡 [W1001]
theme-strings-none = 沒有語言 `{ $tag }` 的介面文字，內建的預設佈景主題也沒有：請加上一節 `{ $tag }:` [E1003]
theme-strings-missing = 沒有語言 `{ $tag }` 的介面文字：請在 themes/{ $theme }/strings.yaml 中加上一節 `{ $tag }:` [E1003]
template-error = 範本錯誤：{ $message } [E1001]
template-unexpected-end = 意外的 `{ $word }`：它前面開啟的標籤（如 `if` 或 `for`）沒有關閉
template-unknown-tag = 未知標籤 `{ $word }`
template-extends-missing = 繼承了 `{ $parent }`，而它不存在
template-extends-circle = `extends` 繞成了一個圈：{ $chain }
template-include-circle = `include` 繞成了一個圈：{ $chain }
template-missing = 需要這個範本，但它不存在
while-rendering = （產生 { $path } 時）
template-in-builtin = （在內建佈景主題中）
template-place-builtin = 內建佈景主題的 { $place }
theme-builtin = default（內建）
also = ；另有 { $more }
explain-E1001 =
    E1001：範本錯誤
    網站佈景主題（themes/名稱/templates/）或網站自己（templates/）的某個範本無法讀取或產生。提示寫明了範本的路徑和出錯位置、範本引擎 Tera 發現的問題，產生時出錯的還寫明了正在產生哪個頁面。範本由網站的技術人員撰寫，不歸編輯處理。
explain-E1002 =
    E1002：佈景主題不存在
    site.yaml 中的 `theme` 寫 themes/ 下一個資料夾的名稱。提示列出了那裡的佈景主題和內建的預設佈景主題。
explain-E1003 =
    E1003：佈景主題沒有網站語言的介面文字
    佈景主題的 strings.yaml 依語言代碼（zh-Hans:、zh-Hant:、en:）分節儲存它支援的每種語言的介面文字。請加上網站所用語言的那一節。
explain-W1001 =
    W1001：佈景主題中有連結（警告）
    佈景主題只使用真正放在它資料夾中的檔案，這樣網站複製到哪裡產生結果都一樣。請將檔案本身放進佈景主題。
metric-twice = 指標 `{ $metric }` 在這篇報告中出現了兩次（第一次在第 { $line } 行）；每項指標只寫一次，各區縣的數據寫在它的 `districts` 列表裡 [E0126]
explain-E0126 =
    E0126：一篇報告中同一指標寫了兩次
    報告中每項指標只寫一次。幾個區縣的數據寫在同一項的 `districts` 列表裡。

## 電子表格：`renewal sheet export` 與 `renewal sheet import`

help-sheet = 把報告的數字寫入工作簿，或從工作簿取回
help-sheet-export = 寫出一個工作簿（.xlsx），列出報告的數字，供編輯填寫
help-sheet-report = 報告：它的檔案（content/2025/x.md）或它的 slug
help-sheet-progress = 報告是一份計劃：為它寫一份新進展報告的工作簿，目標和最新數字已填好
help-sheet-output = 要寫的工作簿；不給出時，寫到目前資料夾，以報告的檔名加 .xlsx 命名
help-sheet-import = 檢查填好的工作簿（.xlsx、.xls、.ods 或 .csv），把數字寫入它所指的報告
help-sheet-file = 要讀的工作簿
help-dry-run = 逐行顯示報告會有哪些改動，什麼都不寫
sheet-exported = 已寫出 { $path }（{ $rows } 行），對應 { $report }；填好後執行：renewal sheet import { $path }
sheet-imported = 已把工作簿中的數字寫入 { $report }；構建或檢查網站即可看到
sheet-created = 已根據工作簿新建 { $report }；構建或檢查網站即可看到
sheet-unchanged = { $report } 與工作簿所填一致，未寫入任何內容
sheet-would-change = { $report } 將有如下改動（尚未寫入）：
sheet-write-failed = 無法寫入 { $path }：{ $error }
sheet-output-exists = { $path } 已經存在，可能是正在填寫的工作簿；請用 --output 換一個檔名，或先把它移走
sheet-no-report = 本網站沒有報告 `{ $report }`；請給出它的檔案（content/2025/x.md）或 slug
sheet-not-plan = { $report } 不是計劃；--progress 為一份計劃的新進展報告寫工作簿
sheet-export-too-long = { $report } 中 { $id } 的“{ $column }”超過了表格單元格能容納的長度（32,767 個字元）；請在報告中縮短後再匯出

# 編輯填寫的工作簿，表頭用網站的語言。
sheet-title = 報告數字填報
sheet-name-data = 填報
sheet-name-guide = 填寫說明
sheet-name-lists = 選項
sheet-field-file = 報告檔案
sheet-field-plan = 依據計劃
sheet-field-title = 標題
sheet-field-published = 發布日期
sheet-field-note-file = 本工作簿寫入的報告，路徑從網站資料夾算起。請勿修改。
sheet-field-note-plan = 這份進展報告所依據的計劃。請勿修改。
sheet-field-note-title = 報告的標題，按發布時的樣子填寫。
sheet-field-note-published = 報告發布的日期，如 2025-10-15。
sheet-heading-id = 指標編號
sheet-heading-label = 指標名稱
sheet-heading-unit = 單位
sheet-heading-topic = 主題
sheet-heading-district = 區縣
sheet-heading-target = 目標值
sheet-heading-last-actual = 上次數值
sheet-heading-last-as-of = 上次截至日期
sheet-heading-actual = 本次數值
sheet-heading-as-of = 截至日期
sheet-heading-note = 備註
sheet-note-id = 這一行是哪個指標。請勿修改。
sheet-note-label = 指標統計的內容。
sheet-note-unit = 數字的單位，從列表中選。萬、億屬於單位（萬戶、億元），不寫進數字。
sheet-note-topic = 指標所屬主題，從列表中選。
sheet-note-district = 這一行是哪個地方。請勿修改；全市的一行寫“全市”。
sheet-note-target = 計劃給這個地方的目標。
sheet-note-last-actual = 網站上這個地方的最新數字，僅供參考，匯入時不讀。
sheet-note-last-as-of = 上次數字的截至日期，僅供參考，匯入時不讀。
sheet-note-actual = 按報告原樣填寫數字：數字和小數點（12.8、5.70）。不帶單位，不加千位分隔符。
sheet-note-as-of = 數字的截至日期，如 2025-09-30。留空則用報告的發布日期。
sheet-note-note = 對這個數字的說明，如“至少”“資料待核對”。
sheet-whole-place = 全市
sheet-list-error = 請從列表中選擇。列表在“選項”工作表中，來自網站的 site.yaml。
sheet-guide =
    填寫說明
    1. “填報”工作表的每一行是一個指標在一個地方的數字。在“本次數值”填新的數字，在“截至日期”填統計截至的日期（如 2025-09-30）。
    2. 不要改動“指標編號”和“區縣”：它們標明每一行是哪個指標、哪個地方。“上次數值”和“上次截至日期”僅供參考，匯入時不讀。
    3. 按報告原樣填寫數字：12.8、5.70、164000。不帶單位，不加千位分隔符，數字裡不寫“萬”“億”。
    4. 數字單元格設為文字格式，5.70 會保持為 5.70。不要輸入公式，不要合併單元格。
    5. 某個地方沒有新數字時，這一行留空即可。
    6. 儲存工作簿（.xlsx、.xls、.ods 或 .csv 均可），執行：renewal sheet import 檔名。所有問題會連同單元格位置一起列出，全部改正之前不會寫入任何內容。

# 工作簿中的問題，各自標明單元格（`q3.xlsx:填報!I7`）。
sheet-not-workbook = 這不是 renewal 能讀取的工作簿（{ $reason }）；請另存為 .xlsx、.xls、.ods 或 .csv [E1101]
sheet-csv-encoding = 文字既不是 UTF-8 也不是 GB18030
sheet-no-sheets = 其中沒有工作表
sheet-too-large-file = 檔案有 { $size } MiB，超過一份報告的工作簿應有的大小（{ $most } MiB）；只保留這份報告的行 [E1102]
sheet-too-many-rows = 工作表有 { $rows } 行，超過一份報告的數字所需（{ $most } 行）；只保留這份報告的行 [E1102]
sheet-no-heading = 工作表 { $sheet } 中沒有含“指標編號”一列的表頭行；請用 renewal sheet export 重新匯出工作簿 [E1103]
sheet-no-column = 表頭中沒有“{ $column }”一列；請保留匯出時的表頭 [E1103]
sheet-no-file = 工作簿沒有寫明對應哪篇報告：“報告檔案”一格是空的 [E1104]
sheet-bad-file = `{ $file }` 不是工作簿可以寫入的報告檔案：它必須是 content/ 下的 .md 檔案 [E1104]
sheet-no-plan = `{ $plan }` 不是本網站的計劃；新的進展報告要寫明它依據的計劃 [E1104]
sheet-no-report-file = 沒有報告 { $file }，工作簿也沒有寫明新報告依據的計劃 [E1104]
sheet-formula = 這一格是公式（{ $formula }）；請直接填寫數字，或複製後“貼上為數值” [E1105]
sheet-merged = 單元格 { $range } 被合併了；請取消合併，讓每一行都有自己的指標、地方和數字 [E1106]
sheet-inexact = 這一格存的是 { $held }，表格顯示為 { $shown }；數字必須與顯示的完全一致：請以文字重新輸入（把單元格設為文字格式，或在數字前加 '） [E1107]
sheet-number-unshown = 這一格存的是數值 { $held }，而 .ods 或 .xls 檔案沒有記下表格顯示幾位小數；請把單元格設為文字格式，重新輸入數字，或把工作簿另存為 .xlsx [E1107]
sheet-number-format = 這一格存的是數值 { $held }，按格式 { $format } 顯示，無法按顯示的樣子讀回數字；請把單元格設為文字格式，按要發布的樣子輸入數字 [E1107]
sheet-date-figure = 表格把這個數字變成了日期（{ $date }）；請把單元格設為文字格式，重新輸入數字 [E1108]
sheet-no-id = 這一行有數字，但沒有指標編號；請從它所屬的行複製編號，或刪除這一行 [E1109]
sheet-no-place = 這一行沒有寫地方；請從列表中選擇區縣，或選“全市” [E1109]
sheet-row-twice = { $id } 在 { $place } 的數字重複出現；第一次在第 { $row } 行 [E1110]
sheet-metric-differs = { $id } 的各行在這裡寫法不同；同一指標的每一行應寫得一樣（見第 { $row } 行） [E1111]
sheet-words-elsewhere = { $id } 的名稱、單位和主題以引入它的 { $report } 為準；請在那裡修改，這裡保持原樣 [E1111]
sheet-report-has-problems = 這篇報告本身有問題；請先改正（renewal check 會列出），再匯入數字 [E1112]
sheet-cannot-edit = 這個數字無法原地修改：{ $why }；請直接在報告中修改 [E1113]
sheet-field-fixed = { $file } 的標題和日期請在報告中修改；這裡保持匯出時的樣子 [E1113]
sheet-file-taken = 已有檔案 { $file }，但它不是本網站能讀取的報告；請先改正它，或為新報告另取檔名 [E1104]
sheet-address-taken = 報告 { $file } 的網址會與 { $other } 相同；請為新報告另取檔名 [E1104]
sheet-unknown-column = `{ $heading }` 不是工作簿的表頭，這一列不會被讀取；請保留匯出時的表頭 [E1103]
sheet-refused-block = 報告把它寫成了多行
sheet-refused-flow = 報告把這個地方寫在一行的花括號裡
sheet-refused-shared-line = 報告把它和另一個欄位寫在同一行
sheet-not-in-place = 這一行的數字無法在不改動其他內容的情況下寫入 { $file }；請直接在報告中修改 [E1113]
sheet-no-place-list = 報告中 { $id } 沒有區縣列表，無法加入 { $place }；請直接在報告中新增這個區縣 [E1113]
sheet-no-metric-list = 報告沒有指標列表，無法加入 { $id }；請直接在報告中新增這個指標 [E1113]
explain-E1101 =
    E1101：不是工作簿
    renewal sheet import 讀取 .xlsx、.xls、.ods 工作簿，以及 Excel、WPS、LibreOffice 儲存的 UTF-8 或 GB18030 編碼的 .csv 檔案。請用表格軟體開啟檔案，另存為其中一種。
explain-E1102 =
    E1102：工作簿太大
    一份報告的工作簿列出它的指標在各地的數字：幾百行，而不是幾十萬行。只保留這份報告的行，或重新匯出工作簿。
explain-E1103 =
    E1103：沒有表頭
    匯入按表頭（指標編號、區縣、本次數值……，renewal 的任一語言均可）找到表格。請保留 renewal sheet export 寫出的表頭。
explain-E1104 =
    E1104：對應哪篇報告？
    表格上方的幾格寫明工作簿寫入的報告（報告檔案，content/ 下的 .md 檔案），新進展報告還寫明依據的計劃。請保留匯出時的內容。
explain-E1105 =
    E1105：公式
    報告公佈的是數字，不是計算：公式的結果會隨別的單元格改變。請複製後“貼上為數值”，或直接填寫數字。
explain-E1106 =
    E1106：合併的單元格
    合併單元格會讓人分不清數字屬於哪一行。請取消合併，讓每一行都有自己的指標、地方和數字。
explain-E1107 =
    E1107：顯示時被四捨五入的數字
    表格以二進位儲存數字，一格可能存著 12.799999999，卻顯示為 12.8。renewal 從不悄悄取捨數字：請按報告原樣以文字輸入（把單元格設為文字格式，或在數字前加 '）。
explain-E1108 =
    E1108：數字變成了日期
    表格可能把輸入的內容變成日期（3.5 變成 3月5日）。請把單元格設為文字格式，重新輸入數字。
explain-E1109 =
    E1109：沒有指標編號或地方的行
    每一行在“指標編號”中寫明它是哪個指標，在“區縣”中寫明是哪個地方（全市的一行寫“全市”）。請從數字所屬的行複製，或刪除這一行。
explain-E1110 =
    E1110：重複的行
    一個指標在一個地方只有一行；兩個數字不可能都對。
explain-E1111 =
    E1111：同一指標兩種寫法
    指標的名稱、單位和主題屬於指標本身，不屬於某個地方：同一指標的每一行寫法相同。它們寫在引入這個指標的報告（通常是計劃）裡，也在那裡修改：其他報告的工作簿裡保持匯出時的樣子。
explain-E1112 =
    E1112：報告本身有問題
    匯入只改動報告中的數字，並檢查改好的報告；已有問題的報告要先改正。renewal check 會列出問題。
explain-E1113 =
    E1113：無法原地修改
    匯入只替換數字本身的文字，報告的其餘部分保持原樣。寫成多行的數字、寫在一行花括號裡的地方、與另一個欄位同一行的欄位，請直接在報告中修改。

## renewal 讀不懂的命令列

wrong-command = `{ $word }` 不是 renewal 的命令；`renewal --help` 列出了全部命令
wrong-flag = `{ $word }` 不是這個命令的選項；`renewal 命令 --help` 列出了全部選項
wrong-missing = 這個命令還需要 { $what }；`renewal 命令 --help` 說明了它需要什麼
wrong-value = { $flag } 不接受 `{ $value }` 這個值；`renewal 命令 --help` 說明了可以寫什麼
wrong-no-command = 請寫明要做什麼：build、check、serve、new、sheet、init、archive、verify、warc 或 explain（見 `renewal --help`）
