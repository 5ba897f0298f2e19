# renewal 对使用者说的话（简体中文）。
# 每条一项：`id = 文字`，数值写在 `{ $name }` 处。en.ftl 和 zh-Hant.ftl
# 有同样的 id 和数值（有测试核对）。消息所指的位置（文件:行:列:）
# 印在消息前面，各语言相同，不属于消息本身。

## 命令行

error = 错误：{ $message }
unknown-language = { $from }：renewal 不支持“{ $value }”；请使用 zh-Hans、zh-Hant 或 en
problems-found = 错误：{ $files } 个文件中共有 { $errors } 处问题；未写入任何文件
problems-found-warnings = 错误：{ $files } 个文件中共有 { $errors } 处问题（另有 { $warnings } 条警告）；未写入任何文件
warnings-above = ；上面列出 { $n } 条警告（加 --deny-warnings 可把警告当作错误）
output-unchanged = { $message }；原有输出保持不变
progress-pages = { $bar } { $pos }/{ $len } 页，还需 { $eta }

## build 与 check

built-whole = 已生成 { $reports } 篇报告、{ $metrics } 项指标、{ $files } 个文件（{ $size } MiB），写入 { $output }，用时 { $ms } 毫秒（写入 { $written } 个，其余未变）{ $warnings }
built-changes = 已生成 { $reports } 篇报告、{ $metrics } 项指标、{ $files } 个文件，写入 { $output }，用时 { $ms } 毫秒（{ $changed } 个报告文件有改动：重新生成 { $remade } 个文件，写入 { $written } 个，其余未变）{ $warnings }
check-ok = 检查通过：将生成 { $reports } 篇报告、{ $metrics } 项指标、{ $files } 个文件（{ $size } MiB）{ $warnings }

## serve

serving = 正在预览 { $output }：http://{ $address }{ $path }（按 Ctrl-C 停止）；每次保存后自动重新生成
not-watching = 警告：{ $message }；保存后页面不会自动重新生成
changed-nothing = 无
changed-many = { $n } 个文件
rebuilt = 改动：{ $what }；重新生成用时 { $ms } 毫秒（生成 { $files } 个文件，写入 { $written } 个）
rebuild-problems = 改动：{ $what }；发现 { $n } 处问题，预览仍显示上一次成功生成的网站
rebuild-unwritable = 改动：{ $what }；{ $message }，预览仍显示上一次成功生成的网站

## new、init、archive

created-report = 已创建 { $path }
created-site = 已在 { $dir } 创建新网站；生成网站：renewal --root { $dir } build
archived = 已把 { $year } 年的快照存入 { $dir }；重新生成网站即可发布，并请把它和源文件一起提交

## verify 与 warc

no-snapshots = { $dir } 中没有快照
snapshot-withdrawn = 已发布，但 { $folder }/ 中没有快照 { $name }；重新生成网站即可撤下
snapshot-changed = 快照存档后被改动过
snapshot-missing = 缺失
snapshot-extra = 不在快照的清单中
snapshot-intact = 所有文件与存档时一致
snapshot-problems = 快照共有 { $n } 处问题
warc-unreadable = { $folder } 无法写成 WARC 文件
warc-none-there = { $folder }/ 中没有快照 { $name }（目前一个快照也没有）
warc-others = { $folder }/ 中没有快照 { $name }（现有快照：{ $names }）
warc-folder = { $path } 是文件夹；请写明 WARC 文件本身的名称
warc-wrote = 已写入 { $path }

## --help

help-usage = 用法：
help-commands = 命令
help-options = 选项
help-arguments = 参数
help-help = 显示帮助
help-version = 显示版本
help-about = 把城市更新的计划和进展报告生成为静态网站。
help-long-about =
    把城市更新的计划和进展报告生成为静态网站。

    一个网站就是一个文件夹：其中有 site.yaml、content/（每篇报告一个 Markdown 文件，指标写在 YAML 文件头里），还可以有 themes/ 和 templates/。

    退出码：0 成功；1 网站文件有错误（每处错误按“文件:行:列: 字段: 说明”列出，不写入任何文件）；2 命令行有误（不做任何改动）；3 无法写入或提供文件，或 renewal 拒绝写入指定的位置（网站自身的文件夹或其源文件，或不是由它写入的文件夹），原有输出保持不变。
help-root = 网站文件夹（存放 site.yaml 的那个）［默认：.］
help-deny-warnings = 把警告（可疑但仍可发布的情况，例如有报告文件未被读取）当作错误处理：供 CI 使用
help-lang = renewal 对你说话所用的语言：zh-Hans、zh-Hant 或 en。不指定时依次看 RENEWAL_LANG、系统区域设置（LC_ALL、LC_MESSAGES、LANG）、网站自身的语言，最后用英文
help-build = 把网站生成到输出文件夹（只有生成成功才整体替换）
help-output = 网站写到哪里［默认：<root>/output］
help-check = 检查内容、配置和模板，不写入任何文件
help-serve = 生成网站，再通过 HTTP 提供输出文件夹以便预览
help-bind = 监听的地址［默认：127.0.0.1］
help-port = 监听的端口（0 表示任选一个空闲端口）［默认：8000］
help-archive = 把网站关于 YEAR 年的内容冻结为 archive/YEAR/ 快照，此后永不改变
help-archive-year = 快照所收录的报告和指标的年份
help-revision = 某年已有快照时，在旁边另存一份（archive/YEAR-r2/）
help-warc = 把快照写成 WARC/1.1 文件（ISO 28500），供网页存档工具读取
help-warc-snapshot = 快照名称（即它在 archive/ 中的文件夹：2025、2025-r2）
help-warc-output = 写到哪里［默认：archive/<SNAPSHOT>.warc.gz］
help-verify = 按清单核对每个快照；列出每个改动过、缺失和多出的文件
help-verify-output = 同时核对此输出文件夹中已发布的快照
help-new = 从起始文件新建内容
help-new-report = 在 content/<year>/<name>.md 新建一篇报告。选项未给出的内容留空（填好之前 check 不会通过）；示例写成注释，填好后才会发布
help-report-name = 报告的文件名，也是它的网址，例如 qingdao-2025-plan
help-report-city = 城市的 id 或名称，须是 site.yaml 中已声明的
help-report-district = 该城市中的区县 id 或名称
help-report-kind = 报告的类型：plan（计划）、progress（进展）或 review（总结）［默认：plan］
help-report-year = 报告所涉及的年份
help-report-title = 报告标题，照原文填写
help-report-published = 原文的发布日期（YYYY-MM-DD）
help-init = 在 DIR 中新建一个网站（site.yaml 和第一篇报告）
help-init-dir = 新网站所在的文件夹

## 写入输出，以及 renewal 拒绝做的事

write-temporary = 无法在 { $dir } 中创建临时文件：{ $error }
write-copy = 无法打开 { $path } 的副本
write-make = 无法生成 { $path }：{ $error }
write-unmade = 无法读取生成 { $path } 所需的内容：{ $error }
write-create = 无法创建 { $path }：{ $error }
write-file = 无法写入 { $path }：{ $error }
write-link = 无法链接 { $path }
write-swap = 无法把新网站移入 { $path }：{ $error }
output-not-folder = { $path } 已存在，但不是文件夹
output-foreign = 拒绝替换 { $path }：其中有不是 renewal 写入的文件（里面没有 { $marker }）；请用空的或新的 --output 文件夹
refused-site-folder = 拒绝写入 { $path }：这是网站自身的文件夹；请换一个 --output
refused-config = 拒绝写入 { $path }：这是网站的配置文件，renewal 只读取、从不写入；请把 --output 设在源文件之外
refused-source = 拒绝写入 { $path }：它位于网站源文件 { $folder }/ 中，renewal 只读取、从不写入；请把 --output 设在源文件之外
build-date-not-seconds = { $name } 的值是 { $value }：它必须是自 1970-01-01 00:00 UTC 起的整秒数（1767225600 即 2026-01-01），不设则按今天生成
build-date-not-text = { $name } 的值不是文本：它必须是自 1970-01-01 00:00 UTC 起的整秒数，不设则按今天生成
new-report-name = 报告名称：{ $message }
new-report-title = 标题必须是一行文字，不能含控制字符
new-report-published = --published：{ $message }
new-report-no-site = 无法读取 { $path }：{ $error }；请在网站文件夹中运行（或加 --root）
new-report-city = “{ $city }”不是 site.yaml 中的城市；已声明的城市：{ $known }
new-report-district = “{ $district }”不是 site.yaml 中 { $city } 的区县
new-report-exists = { $path } 已存在；请换一个名称
init-exists = { $path } 已存在；{ $dir } 已经是一个网站
archive-exists = { $year } 年已有快照，在 { $dir }；快照从不替换。如需在旁边另存一份，请运行 `renewal archive { $year } --revision`
archive-nothing = 没有关于 { $year } 年的报告或指标：无可存档
snapshot-name = “{ $name }”不是快照名称：快照以年份命名，如 2025，或以年份加修订号命名，如 2025-r2（即它在 { $folder }/ 中的文件夹名，不带斜杠）
serve-listen = 无法监听 { $address }：{ $error }
serve-watch = 无法监视 { $path }：{ $error }
preview-panel = renewal：最近一次修改有问题；本页是上一次成功生成的版本。

## 系统无法读写文件的原因（跟在文件名后面）

io-not-found = 没有这个文件或文件夹
io-permission = 没有权限（请找管理这台电脑的人开通读写权限）
io-exists = 它已经存在
io-full = 磁盘已满（请腾出空间后再运行 renewal）
io-read-only = 磁盘是只读的
io-not-folder = 路径中有一部分是文件，不是文件夹
io-is-folder = 它是文件夹，不是文件
io-address-in-use = 这个地址已被占用（可能另一个预览正在运行；可以试试 --port 0）
io-address-unavailable = 这个地址不属于这台电脑

## new report 与 init 写入的注释和示例（示例文字未替换时 check 会报错）

scaffold-site-header = renewal 的网站配置：各字段的说明见使用指南（docs/guide.zh-Hans.md）。
scaffold-editions = 同时生成繁体版（/zh-hant/），由计算机自动转换
scaffold-publisher = 页脚：主办单位
scaffold-contact = 页脚：联系方式
scaffold-icp = 页脚：ICP备案号
scaffold-site-id-code = 政府网站标识码
scaffold-fictional = 虚构的示例城市，每页都标明“虚构示例”；换成真实城市时删去这一行
scaffold-title = 填写报告标题，照原文
scaffold-published = 填写原文的发布日期，如 { $today }
scaffold-unfilled = 以“# ”开头的各项尚未填写，不会发布。照报告原文改为真实内容后，去掉行首的“# ”即生效；用不到的删掉。
scaffold-topics = 方括号中填 site.yaml 中 topics 的 id
scaffold-metrics = 每项任务一个指标；actual 等可选项同样去掉“# ”即生效。
scaffold-body = 正文写在下面一行 --- 之后：用自己的话概述报告内容，数字只写在 metrics 中。
scaffold-example-summary = 用一句话说明这份报告的要点。
scaffold-example-publisher = 发布单位
scaffold-example-title = 原文标题
scaffold-example-label = 示例指标（请改为实际任务，例如“改造老旧小区”）

## 报告文件头中的问题
## 每条末尾是它的代码；`renewal explain 代码` 有详细说明（explain-代码）。

list-comma = 、
list-and = { $rest } 和 { $last }
required-missing = 缺少必填字段 `{ $field }` [E0101]
required-missing-several = 缺少必填字段 { $fields } [E0101]
front-matter-empty = 文件头是空的：每篇报告至少要写 { $fields } [E0102]
date-not-a-date = “{ $text }”不是日期；请写成 YYYY-MM-DD（如 2023-03-02），原文没有具体日子时写 YYYY-MM 或 YYYY [E0103]
date-year-range = 年份 { $year } 超出范围（1900–2200） [E0104]
date-month = “{ $text }”的月份是 { $month }；月份只能是 01 到 12 [E0105]
date-day = “{ $text }”不是日期：{ $month } 只有 { $days } 天 [E0106]
full-width-date = “{ $text }”用了全角数字或全角横线；请改用半角字符：{ $fixed } [E0107]
full-width-year = “{ $text }”用了全角数字；请改用半角数字：{ $fixed } [E0107]
year-not-a-year = “{ $text }”不是年份；请写四位数字的年份，如 2024 [E0108]
report-year-implausible = { $year } 不像是报告的年份 [E0109]
year-implausible = { $year } 不像是合理的年份 [E0109]
kind-unknown = “{ $value }”不是报告类型；请写 `plan`（计划目标）、`progress`（年中进展）或 `review`（全年总结）{ $meant } [E0110]
kind-meant-plan = （计划请写 `plan`）
kind-meant-progress = （进展通报请写 `progress`）
kind-meant-review = （全年总结请写 `review`）
language-unknown = “{ $value }”不是 renewal 认识的语言；请写 `zh-Hans`（简体中文）、`zh-Hant`（繁体中文）或 `en` [E0111]
title-empty = 标题是空的 [E0112]
city-unknown = “{ $city }”不是 site.yaml 中声明的城市；已声明：{ $known } [E0113]
district-unknown = “{ $district }”不是 site.yaml 中 { $city } 的区县；已声明的区县：{ $known } [E0114]
district-none-declared = “{ $district }”不是 { $city } 的区县：site.yaml 没有为它声明任何区县 [E0114]
source-url = “{ $url }”必须是以 https:// 或 http:// 开头的完整网址 [E0115]
label-empty = 指标 `{ $metric }` 的名称（label）是空的；请写明这项指标统计什么，如 改造老旧小区 [E0116]
unit-missing = 指标 `{ $metric }` 写了名称（label）却没有单位（`unit`）；首次出现的指标两者都要写 [E0117]
unit-empty = 单位是空的；请照读者看到的写，如 个、公里、万户、亿元 或 % [E0118]

## renewal explain

explain-unknown = `{ $code }` 不是 renewal 报告的任何问题的代码；问题的代码写在该行末尾，如 [E0108]
explain-wrong = 错误写法：
explain-right = 正确写法：
explain-E0101 =
    E0101：缺少必填字段
    每篇报告的文件头都要写五个字段：title（标题）、kind（类型）、city（城市）、year（年份）和 published（发布日期）。提示指向文件头的第一行，并列出缺少的字段。
explain-E0102 =
    E0102：文件头是空的
    两行 --- 之间只有空行或注释。每篇报告至少要写标题、类型、城市、年份和发布日期。
explain-E0103 =
    E0103：不是日期
    日期（published、deadline、as_of）写成 YYYY-MM-DD。原文只给出月份或年份时，写 YYYY-MM 或 YYYY：renewal 不会编造日子。
explain-E0104 =
    E0104：日期的年份超出范围
    日期的年份须在 1900 到 2200 之间。超出这个范围几乎都是打错了（把 2025 打成 2205）。
explain-E0105 =
    E0105：月份不对
    月份只能是 01 到 12，写两位数字。
explain-E0106 =
    E0106：这个月没有这一天
    日子超出了这个月的天数（2 月有 28 天，闰年 29 天；4、6、9、11 月各 30 天）。
explain-E0107 =
    E0107：全角数字或全角横线
    用中文输入法打出的数字和横线（２０２５－０３－０２）看上去没错，其实是别的字符。请改用半角（2025-03-02）；提示里给出了改好的写法。
explain-E0108 =
    E0108：不是年份
    报告的年份是四位数字：报告中计划或数据所属的年份。
explain-E0109 =
    E0109：不像是合理的年份
    这是一个数字，但不可能是报告所属的年份（renewal 接受 1900 到 2200）。通常是打错了一位。
explain-E0110 =
    E0110：不是报告类型
    `kind` 说明报告是什么：`plan`（全年目标）、`progress`（年中进展）或 `review`（全年总结）。无论网站用什么语言，这里都写英文；如果写的是中文名称，提示会给出对应的写法。
explain-E0111 =
    E0111：renewal 不认识这种语言
    报告所用文字与网站不同时，用 `language` 写明：`zh-Hans`（简体中文）、`zh-Hant`（繁体中文）或 `en`。
explain-E0112 =
    E0112：标题是空的
    报告标题显示在它的页面、各个列表和订阅源中。请照原文填写。
explain-E0113 =
    E0113：site.yaml 没有声明这个城市
    `city` 填 site.yaml 中 `cities` 里的一个城市，写它的 id 或名称。提示列出了已声明的城市。新城市要先加进 site.yaml。
explain-E0114 =
    E0114：site.yaml 没有为这个城市声明这个区县
    `district` 填报告所属城市的一个区县，写它在 site.yaml 中的 id、名称或别名。提示列出了已声明的区县。
explain-E0115 =
    E0115：来源网址不完整
    `source.url` 是数据来源网页的地址，照浏览器地址栏里的写，以 https:// 或 http:// 开头。
explain-E0116 =
    E0116：指标的名称是空的
    首次出现某项指标的报告要写它的 `label`（统计什么）和 `unit`（单位）。名称为空，这项指标在各个页面上就没有名字。
explain-E0117 =
    E0117：指标有名称但没有单位
    首次出现的指标要同时写名称和单位；之后的报告只写它的 id 和数据。
explain-E0118 =
    E0118：单位是空的
    照读者在数字旁边看到的写单位：个、公里、万户、亿元 或 %。
help-explain = 解释问题的代码（该行末尾的部分，如 E0108），附错误和正确的写法；不给代码时列出所有代码
help-explain-code = 代码，如 E0108

## 问题在其位置（文件:行:列:）之后的写法

diagnostic-warning = 警告：{ $rest }
diagnostic-field = 字段 { $field }：{ $rest }

## 字段的中文名称，写在字段名之后

field-gloss = （{ $name }）
field-name-title = 标题
field-name-kind = 类型
field-name-city = 城市
field-name-district = 区县
field-name-districts = 各区县
field-name-year = 年份
field-name-published = 发布日期
field-name-language = 语言
field-name-summary = 摘要
field-name-topics = 主题
field-name-topic = 主题
field-name-source = 来源
field-name-publisher = 主办单位
field-name-outlet = 刊发媒体
field-name-reporter = 记者
field-name-editor = 编辑
field-name-url = 网址
field-name-slug = 网址名
field-name-metrics = 指标
field-name-id = 编号
field-name-label = 指标名称
field-name-unit = 单位
field-name-target = 目标
field-name-actual = 完成数
field-name-baseline = 基数
field-name-deadline = 完成期限
field-name-as-of = 统计截至
field-name-note = 说明
field-name-metrics-id = 指标编号
field-name-cities-id = 城市编号
field-name-districts-id = 区县编号
field-name-topics-id = 主题编号
field-name-name = 名称
field-name-source-publisher = 发布单位
field-name-source-title = 原文标题
field-name-source-published = 原文发布日期
field-name-description = 简介
field-name-base-url = 网站地址
field-name-editions = 其他版本
field-name-contact = 联系方式
field-name-copyright = 版权信息
field-name-icp = ICP备案号
field-name-site-id-code = 政府网站标识码
field-name-theme = 外观主题
field-name-charts = 图表
field-name-page-size = 每页数量
field-name-cities = 城市
field-name-province = 省份
field-name-fictional = 虚构示例
field-name-other-names = 别名
field-name-districts-add-up = 区县数据相加

## 报告中的其他问题

topic-unknown = “{ $topic }”不是 site.yaml 中声明的主题；已声明的主题：{ $known } [E0119]
topics-joined = “{ $topic }”像是用全角逗号连在一起的几个主题；请用半角逗号分开：{ $fixed } [E0120]
example-text = “{ $text }”是 `renewal new report` 写入的示例文字；请换成报告原文的内容，或删掉这一行 [E0121]
metric-no-figures = 指标 `{ $metric }` 既没有 `target`（目标）也没有 `actual`（完成数） [E0122]
district-and-districts = `district` 和 `districts` 列表只能写一个 [E0123]
district-twice = 区县 `{ $district }` 在这项指标中出现了两次 [E0124]
district-no-figures = 这个区县没有写 `target`（目标）、`actual`（完成数）或 `note`（说明） [E0125]
body-control = 正文此处有一个看不见的控制字符（{ $character }），通常是从别的程序粘贴进来的；请删除 [E0318]
no-metrics = 这篇报告没有写指标，页面上不会显示任何数据；报告中如有数据，请加上 `metrics:` 列表 [W0101]
figure-after-published = 这个数据的统计日期是 { $date }，晚于报告发布日期（{ $published }）；请核对日期 [W0102]
explain-E0119 =
    E0119：site.yaml 没有声明这个主题
    `topics` 里写 site.yaml 中 `topics` 的 id；提示列出了已声明的主题。新主题要先加进 site.yaml。
explain-E0120 =
    E0120：主题用全角逗号连在了一起
    在 [a, b] 这样的列表里，各项之间用半角逗号分隔。用全角逗号（，）或顿号（、）会让整段文字变成一个主题。
explain-E0121 =
    E0121：示例文字没有替换
    `renewal new report` 把示例文字写成注释。去掉注释却没有替换，就会当作报告原文发布出去；请换成报告原文的内容，或删掉这一行。
explain-E0122 =
    E0122：指标没有数据
    报告列出的每项指标都要写 `target`（目标）、`actual`（完成数），或两者都写（全市的，或在 `districts` 下按区县写）。
explain-E0123 =
    E0123：同时写了 `district` 和 `districts`
    指标只给一个区县的数据时用 `district`，给几个区县的数据时用 `districts` 列表，两者不能同时写。
explain-E0124 =
    E0124：区县重复
    每个区县在指标的 `districts` 列表中只能出现一次；同一区县的两个数字不可能都对。
explain-E0125 =
    E0125：区县没有数据
    `districts` 中的每一项都要为该区县写 `target`（目标）、`actual`（完成数）或 `note`（说明）。
explain-W0101 =
    W0101：报告没有指标（警告）
    报告可以生成，但页面上没有任何数据。报告中如有数据，请加上 `metrics:` 列表；加 `--deny-warnings` 时这会作为错误处理。
explain-W0102 =
    W0102：数据的日期晚于报告（警告）
    数据的 `as_of`（统计截至）晚于报告的发布日期，通常是日期写错了；加 `--deny-warnings` 时这会作为错误处理。
warning-denied = （已用 --deny-warnings 禁止警告，此处作为错误）

## 数据（target、actual、baseline）

figure-not-a-number = 这里应是一个纯数字，如 12.8（数字里不写单位，也不写“万”；单位写在 `unit` 中） [E0201]
figure-empty = 数据是空的；请写一个数字，或删掉这个字段 [E0202]
figure-sign = `{ $written }` 请去掉正负号：{ $fixed } [E0203]
figure-negative = { $written } 是负数；目标、完成数和基数统计的是计划或已完成的量，不能小于零 [E0204]
full-width-figure = “{ $text }”用了全角数字；请改用半角数字：{ $fixed } [E0107]
figure-decimal-comma = “{ $written }”在应写小数点的地方写了逗号；请写 { $fixed }（如果逗号是千位分隔符，就只写数字） [E0205]
figure-separators = “{ $written }”的数字之间有分隔符；请只写数字：{ $fixed } [E0206]
figure-point-first = `{ $written }` 的小数点前请补 0：{ $fixed } [E0207]
figure-point-last = “{ $written }”以小数点结尾；请写 { $fixed } [E0207]
figure-exponent = “{ $written }”用了科学计数法；请照报告原文写出完整数字 [E0208]
figure-leading-zero = “{ $written }”以 0 开头；请去掉前面的 0：{ $fixed } [E0209]
figure-too-long = “{ $written }”的位数超过了能精确保存的上限（最多 { $most } 位）；请核对数字，或改用更大的单位 [E0210]
explain-E0201 =
    E0201：不是纯数字
    数据只写数字，报告有小数时带小数点：12.8、44、5.70。单位写在 `unit` 里，“万”“亿”属于单位（万户、亿元），不写进数字。
explain-E0202 =
    E0202：数据是空的
    像 `target: ""` 这样写成了空文字。请写上数字；报告没有给出这项数据时，就删掉这个字段。
explain-E0203 =
    E0203：数据带了正负号
    数据统计的是计划或已完成的量，不写 + 或 -。
explain-E0204 =
    E0204：数据是负数
    目标、完成数和基数统计的是计划或已完成的量，不能小于零。减少了就写减少后的数字，不写负数。
explain-E0205 =
    E0205：用逗号当小数点
    数据用小数点（12.5）。逗号后面只有一两位数字时，会被当作小数逗号；如果它其实是千位分隔符，就只写数字。
explain-E0206 =
    E0206：数字之间有分隔符
    千位不加分隔：写 12000，不写 12,000 或 12 000。renewal 会按读者的语言习惯显示数字。
explain-E0207 =
    E0207：小数点在开头或末尾
    写 0.5，不写 .5；写 12，不写 12.。
explain-E0208 =
    E0208：科学计数法
    报告的数据要写完整：写 1000，不写 1e3，这样数据才与报告原文完全一致。
explain-E0209 =
    E0209：数字前面有多余的 0
    写 7，不写 007：数字前面不加 0（0.5 保留它的一个 0）。
explain-E0210 =
    E0210：位数太多
    一个数据最多能精确保存 18 位数字。这么长的数字几乎都是写错了；如果没错，请改用更大的单位（如把“元”改成“亿元”）。

## YAML 读取前找出的编辑笔误

slip-invisible = 此处有一个看不见的字符（{ $character }），通常是从别的程序粘贴进来的；请删除 [E0301]
slip-tab = 缩进用了制表符（Tab）；YAML 只能用空格缩进：请把 Tab 换成空格 [E0302]
slip-indent-look-alike = 缩进中有{ $what }，看上去像空格，但 YAML 不把它当空格；请用普通空格重新缩进 [E0303]
slip-dash-look-alike-space = 列表的短横后面是{ $what }；YAML 要求 `-` 后面是普通空格 [E0304]
slip-dash-no-space = `-{ $name }` 的短横后面要有空格才是列表项：`- { $name }` [E0305]
slip-look-alike-dash = 这个列表项以 `{ $dash }` 开头，它看上去像短横，但 YAML 不认；请输入半角连字符 `-` [E0306]
slip-look-alike-colon = `{ $key }` 后面是{ $what }“{ $colon }”；YAML 要求用半角冒号 ':' 再加一个空格：`{ $key }: ` [E0307]
slip-space-before-colon = `{ $key }` 和冒号之间有空格；请写成 `{ $key }:`，冒号紧跟在字段名后面 [E0308]
slip-colon-look-alike-space = `{ $key }` 后的冒号后面是{ $what }；YAML 要求 ':' 后面是普通空格 [E0309]
slip-colon-no-space = `{ $key }:` 的冒号后面要有空格：`{ $key }: { $start }` [E0310]
slip-no-colon = `{ $key }` 后面没有冒号：请写 `{ $key }: { $start }` [E0311]
slip-empty-required = `{ $key }` 是空的：请在 `{ $key }: ` 后面写上它的值 [E0312]
slip-empty = `{ $key }` 是空的：请在 `{ $key }: ` 后面写上它的值，或删掉这一行 [E0312]
slip-full-width-brackets = `{ $key }` 用了全角括号 { $first }……；YAML 要求用半角方括号 [ ] 和半角逗号 [E0313]
slip-bracket-and-list = `{ $key }:` 后面的 `{ $first }` 没有闭合，而下面几行已经构成了列表：请删掉 `{ $first }` [E0314]
slip-unclosed = 这个值开头的{ $what }没有闭合；请在值的末尾补上（`{ $close }`），或删掉开头的那个 [E0315]
slip-anchor = YAML 把 `{ $value }` 读作锚点名称，`{ $key }` 因此成了空值；请给这个值加上引号：{ $fixed } [E0316]
slip-reads-as = YAML 会把以 `{ $first }` 开头的值读作{ $what }；请给整个值加上引号：{ $fixed } [E0317]
slips-more = 从这里往下还有与上面 { $most } 处类似的笔误；请先改正上面这些
opener-quote = 引号
opener-bracket = 方括号 `[`
opener-brace = 花括号 `{"{"}`
syntax-block = 文本块的开头
syntax-reserved = 保留字符
syntax-directive = 指令
syntax-list-item = 列表项
char-non-breaking-space = 不换行空格（U+00A0）
char-full-width-space = 全角空格（U+3000）
char-typographic-space = 排版用空格
char-full-width-colon = 全角冒号
char-small-colon = 小号全角冒号
char-full-width-semicolon = 全角分号
explain-E0301 =
    E0301：看不见的字符
    显示为空白的字符（零宽空格、文字方向标记），通常是从文字处理软件或网页粘贴进来的。请删除它：提示给出了它所在的列。
explain-E0302 =
    E0302：缩进用了制表符
    YAML 只能用空格缩进。请把 Tab 换成空格（每一级两个）。
explain-E0303 =
    E0303：缩进中有“假空格”
    全角空格（U+3000）和不换行空格看上去像空格，但 YAML 不把它们当空格。请用普通空格重新缩进。
explain-E0304 =
    E0304：列表短横后面是“假空格”
    列表项是一个短横加一个普通空格。请重新输入短横后面的空格。
explain-E0305 =
    E0305：列表短横后面没有空格
    `-id: x` 是一个名叫 `-id` 的字段，不是列表项。请写 `- id: x`。
explain-E0306 =
    E0306：不是短横的“短横”
    列表项以半角连字符开头。全角横线（－）、破折号（—）和减号（−）看上去相似，其实是别的字符。
explain-E0307 =
    E0307：全角冒号
    字段的写法是名称、半角冒号、空格：`kind: plan`。用中文输入法打出的全角冒号（：）是另一个字符。
explain-E0308 =
    E0308：冒号前有空格
    冒号紧跟在字段名后面：写 `kind: plan`，不写 `kind : plan`。
explain-E0309 =
    E0309：冒号后面是“假空格”
    冒号后面是普通空格。全角空格或不换行空格看起来一样，其实是别的字符。
explain-E0310 =
    E0310：冒号后面没有空格
    YAML 要求冒号和值之间有一个空格：写 `kind: plan`，不写 `kind:plan`。
explain-E0311 =
    E0311：字段名后面没有冒号
    字段的写法是名称、冒号和值：`kind: plan`。
explain-E0312 =
    E0312：字段是空的
    字段的冒号后面什么也没有，或者只有一对空引号、几个空格，读者看到的会是一片空白。请写上它的值；不是必填的字段也可以整行删掉。
explain-E0313 =
    E0313：全角括号
    写在一行里的列表用半角方括号和半角逗号：[old-compounds, gas]。全角括号（［］）和全角逗号（，）是别的字符。
explain-E0314 =
    E0314：方括号加下面的列表
    列表要么写在一行的方括号里，要么在字段下面逐行以 `- ` 开头，不能两者都用。
explain-E0315 =
    E0315：引号或括号没有闭合
    以引号或括号开头的值要在末尾闭合。请补上闭合的符号；如果这个值不需要，就删掉开头的那个。
explain-E0316 =
    E0316：值被读作锚点
    YAML 把以 & 开头的值读作锚点名称，字段因此成了空值。请给这个值加上引号。
explain-E0317 =
    E0317：值以 YAML 语法符号开头
    以 |、>、@、`、% 或“- ”开头的值会被 YAML 读成别的东西。请给整个值加上引号。
explain-E0318 =
    E0318：正文里的控制字符
    文件头下面的正文里粘贴进了一个控制字符（例如 U+001B，终端会把它当作颜色的开始），通常来自别的程序。它显示为空白，网页、订阅和下载文件都不能包含它。请删除它：提示给出了它所在的行和列。

## 报告文件整体的问题，以及 content 文件夹

fm-empty-file = 文件是空的；报告以两行 `---` 之间的文件头开始 [E0401]
fm-full-width-open = 第一行“{ $line }”用了全角横线；请输入三个半角连字符：--- [E0402]
fm-full-width-close = 这一行“{ $line }”用了全角横线；请输入三个半角连字符来结束文件头：--- [E0402]
fm-none-dashes = 没有文件头：第一行必须正好是 `---` [E0403]
fm-none = 没有文件头：第一行必须是 `---`，接着写报告的各个字段，再以一行 `---` 结束 [E0403]
fm-unclosed = 第 1 行开始的文件头没有结束：请在最后一个字段后面加一行 `---` [E0404]
no-content = { $dir } 处没有 content 文件夹；网站的报告放在 content/ 中 [E0405]
unreadable = 无法读取：{ $error } [E0406]
not-regular = 不是普通文件（而是文件夹、管道或设备），无法读取 [E0407]
too-big = 有 { $size } MiB；一篇报告最多 { $most } MiB（这真的是报告吗？） [E0408]
utf-16 = 保存成了 UTF-16 编码：请另存为 UTF-8（多数编辑器中为“另存为”→ 编码选 UTF-8） [E0409]
not-utf-8 = 不是有效的 UTF-8 文本（可能保存成了 GBK 或 GB2312）：请另存为 UTF-8 [E0409]
hidden-folder = 是隐藏文件夹（名称以点开头），其中的 { $reports } 个报告文件不会发布；如要发布，请给它改名 [W0401]
link-inside = 是指向 { $target } 的符号链接，不会读取：renewal 只读取真正放在 content/ 中的文件，这样网站复制到哪里都一样；请把文件本身放在这里 [W0402]
link-outside = 是指向 { $target } 的符号链接，不会读取：它指向网站之外（或不存在的位置），只有 content/ 中的文件才会发布 [W0402]
not-regular-report = 不是普通文件（而是管道、套接字或设备），不会读取；请把报告本身放在这里 [W0403]
not-a-report = 不是报告（只有以 `.md` 结尾的文件才是），不会发布；其他文件请放在 content/ 之外 [W0404]
hidden-file = 是隐藏文件（名称以点开头），不会发布；如要发布，请给它改名 [W0405]
not-lowercase-md = 看上去是报告，但不会读取：只有以小写 `.md` 结尾的文件才是报告；请改名 [W0406]
explain-E0401 =
    E0401：文件是空的
    报告文件先写文件头（两行 --- 之间的字段），再写正文。
explain-E0402 =
    E0402：文件头的横线是全角的
    文件头以一行三个半角连字符（---）开始和结束。用中文输入法打出的横线（－－－ 或 ———）是别的字符。
explain-E0403 =
    E0403：没有文件头
    报告先写一行 ---，接着是各个字段，再写一行 ---。文件的第一行必须正好是 ---。
explain-E0404 =
    E0404：文件头没有结束
    最后一个字段后面要有一行 --- 结束文件头，报告正文写在它后面。
explain-E0405 =
    E0405：没有 content 文件夹
    网站的报告放在 site.yaml 旁边名为 content/ 的文件夹里。请检查 --root，或者建立这个文件夹。
explain-E0406 =
    E0406：文件无法读取
    系统不让 renewal 读取这个文件或文件夹（权限问题或磁盘错误）；提示中给出了系统给的原因。
explain-E0407 =
    E0407：不是普通文件
    报告是一个普通文件，不是文件夹、管道或设备。
explain-E0408 =
    E0408：文件太大，不像是报告
    一篇报告只有几页文字；几十兆的文件多半是别的东西被存成了 .md 文件名。
explain-E0409 =
    E0409：没有保存为 UTF-8
    报告要保存为 UTF-8 文本。保存为 GBK、GB2312 或 UTF-16（Windows 上一些编辑器的默认编码）的文件会读成乱码；请另存为 UTF-8（多数编辑器中：另存为 → 编码选 UTF-8）。
explain-W0401 =
    W0401：隐藏的报告文件夹（警告）
    名称以点开头的文件夹是隐藏的，其中的报告不会发布。如要发布，请给它改名；想留作草稿就保持原样。
explain-W0402 =
    W0402：符号链接（警告）
    renewal 只读取真正放在 content/ 中的文件，这样网站复制到哪里生成结果都一样。请把报告本身放进 content/。
explain-W0403 =
    W0403：用报告名称命名的不是文件（警告）
    以报告名称命名的管道、套接字或设备不会读取。请把报告本身放在这里。
explain-W0404 =
    W0404：不是报告的文件（警告）
    只有以 .md 结尾的文件才是报告；content/ 中的其他文件不会发布。图片和表格请放在 content/ 之外。
explain-W0405 =
    W0405：隐藏的报告文件（警告）
    名称以点开头的文件是隐藏的，不会发布。如要发布，请给它改名。
explain-W0406 =
    W0406：报告以 .MD 结尾（警告）
    报告以小写的 .md 结尾；以 .MD 或 .markdown 结尾的文件不会读取。请改名。

## YAML 报告的错误，按错误的种类

unknown-field-number = （`{ $name }` 像是带千位分隔符的数字的后半截，如 1,{ $name }：数字请只写数字本身）
unknown-field = 未知字段 `{ $name }`{ $hint }；这里可以写的字段有：{ $allowed } [E0501]
field-twice = `{ $key }` 在同一块里写了两次；请保留一个 [E0502]
field-twice-unnamed = 有一个字段在同一块里写了两次；请保留一个 [E0502]
not-allowed = 这里不能写 `{ $word }`；请写以下之一：{ $allowed } [E0503]
yaml-empty = 这个字段是空的：请写上它的值，或删掉这一行 [E0312]
expected-list = 这里应是一个列表：每项一行，以 `- ` 开头，或全部写在一行里，如 [a, b] [E0504]
expected-block = 这里应是若干行 `字段: 值`（一块有名称的字段，不是列表或普通文字） [E0505]
expected-text = 这里应是文字，不是列表或一块字段；文字以 [ 或 {"{"} 开头时，请加上引号 [E0506]
expected-whole = 这里应是一个整数，如 2024 [E0507]
expected-true-or-false = 这里应写 `true`（是）或 `false`（否） [E0519]
expected-figure = 这里应是一个纯数字，如 12.8，不是列表或一块字段 [E0201]
yaml-alias = 以 `*` 开头的值会被 YAML 读作对另一个值的引用；请给整个值加上引号："…" [E0508]
yaml-tag = 这里不需要 `!!int` 之类的 YAML 标签：只写值本身 [E0509]
too-large = 文件头太大，无法读取（有几十万个值）；请把报告拆开 [E0510]
colon-in-value = 这个值里有“: ”，YAML 会把它读作另一个字段的开头；请给整个值加上引号："…" [E0511]
indented-under-value = 这一行比上面的 `{ $key }` 缩进得更深，而 `{ $key }` 已经有值了，YAML 因此把这一行读作那个值的一部分；请让它与 `{ $key }` 对齐 [E0512]
single-quote-inside = 这个值用单引号括起来，里面又有单引号；请把里面的单引号写两次（''），或改用双引号 [E0513]
after-closing-quote = 这个值以一段引号内的文字开头，闭合引号后面还有内容；请给整个值加上引号，里面的引号写成「」 [E0514]
indentation = 这一行的缩进与上下文不符：同一块的字段从同一列开始，列表项的各个字段与它的第一个字段对齐 [E0515]
neither-field-nor-item = 这里有一行既不是 `字段: 值` 也不是列表项；请检查每个字段是否都有冒号 [E0516]
yaml-block-start = YAML 会把以 `|` 或 `>` 开头的值读作一段文本块的开头；请给整个值加上引号："…" [E0317]
yaml-unexpected-character = YAML 不允许值以 `{ $character }` 开头；请给整个值加上引号："…" [E0317]
yaml-unclosed-quote = 这个值开头的引号没有闭合；请在值的末尾补上，或删掉开头的引号 [E0315]
yaml-unclosed-flow = 这个值开头的 `{ $open }` 没有正确闭合；请补上闭合符号，或给整个值加上引号："…" [E0315]
document-end = YAML 把一行 `...` 读作文件头的结束，后面的行都不会读取；请删掉它，或给它所属的值加上引号 [E0517]
another-document = 这里的一行 `---` 或 `...` 开始了另一个 YAML 文档，而文件头（或 site.yaml）只能有一个：请删掉这一行，或给它所属的值加上引号 [E0518]
escape-invisible = 转义符 `{ $escape }` 写出的是一个看不见的字符（{ $character }），页面、订阅源和下载文件都无法容纳；请删除 [E0301]
text-invisible = 这段文字里有一个看不见的字符（{ $character }），通常是从别的程序粘贴进来的；请删除 [E0301]
explain-E0501 =
    E0501：renewal 不认识的字段
    提示列出了此处可以写的字段。通常是打错了字（把 title 打成 tittle），或者字段多缩进或少缩进了一级。
explain-E0502 =
    E0502：字段写了两次
    同一块里每个字段只写一次；一个字段的两个值不可能都对。请保留一个。
explain-E0503 =
    E0503：这里不能写这个词
    site.yaml 中某个只能取几个固定词的字段（提示中已列出）写了别的词。
explain-E0504 =
    E0504：这里应是列表
    这个字段的值是一个列表：在它下面每项一行，以“- ”开头，或全部写在一行的方括号里，如 [a, b]。
explain-E0505 =
    E0505：这里应是一块字段
    这个字段下面要缩进写它自己的字段（如 `source:` 下面写 `publisher:` 和 `url:`）。
explain-E0506 =
    E0506：这里应是文字
    这个字段的值是文字，不是列表，也不是它自己的字段。以 [ 或花括号开头的文字要加引号。
explain-E0507 =
    E0507：这里应是整数
    这个字段的值是一个整数，例如年份：2024。
explain-E0508 =
    E0508：值被读作引用
    YAML 把以 * 开头的值读作对另一个值的引用。请给这个值加上引号。
explain-E0509 =
    E0509：YAML 标签
    !!int、!!str 之类的标签告诉 YAML 值的类型；renewal 知道每个字段的类型，不需要标签。只写值本身。
explain-E0510 =
    E0510：文件头太大，无法读取
    文件头里有几十万个值，远远超过一篇报告应有的数量。请把报告拆开。
explain-E0511 =
    E0511：值里有“: ”
    YAML 把冒号加空格读作另一个字段的开头。含有它的值（时间、带冒号的标题）要加引号。
explain-E0512 =
    E0512：在已有值的字段下面缩进了一行
    这一行比上面的字段缩进得更深，而那个字段同一行已经写了值，YAML 因此把这一行读作那个值的延续。请让它与上面的字段对齐。
explain-E0513 =
    E0513：单引号里又有单引号
    用单引号括起来的值里，单引号要写两次（''）。也可以改用双引号。
explain-E0514 =
    E0514：闭合引号后面还有文字
    这个值以引号内的一段开头，后面还有内容。请给整个值加上引号，里面的引号写成「」。
explain-E0515 =
    E0515：缩进不对
    同一块的字段从同一列开始，列表项的各个字段与它的第一个字段对齐。
explain-E0516 =
    E0516：既不是字段也不是列表项的一行
    文件头的每一行都是 `字段: 值`、以“- ”开头的列表项或注释。最常见的原因是某个字段漏了冒号。
explain-E0517 =
    E0517：文件头里有一行 `...`
    在 site.yaml 中，YAML 把一行三个点读作文件的结束，后面的行都不会读取。（在报告里，一行 --- 或 ... 表示文件头结束。）
explain-E0518 =
    E0518：文件头中间有一行 `---`
    在 site.yaml 中，一行 --- 会开始另一个 YAML 文档，而这个文件只能有一个。请删掉这一行，或给它所属的值加上引号。（在报告里，一行 --- 表示文件头结束。）
explain-E0519 =
    E0519：这里应写 true 或 false
    这个字段是一个开关：写 true 表示“是”，写 false 表示“否”，不加引号，也不写中文。

## 跨报告的指标、网址、报告正文中的链接

metric-not-introduced = 没有报告首次写出指标 `{ $id }`：请检查 id 是否打错，或者在这里写上 `label`（名称）和 `unit`（单位）来首次写出它 [E0601]
metric-other-city = 指标 `{ $id }` 属于{ $city }（{ $place }）；{ $other }的报告不能更新它：请换一个 id [E0602]
metric-unit-changes = 指标 `{ $id }` 的单位从 { $unit } 变成了 { $other }；它在 { $place } 首次写出时的单位是 { $unit }，指标的单位不能改变（请换算数字，或另设一项新指标） [E0603]
slug-invalid = `{ $id }` 不能用在网址里：请用小写字母 a-z、数字和 `-`（如 `dongying-2022-gas-lines`）；中文名称写在 `name`/`label` 里 [E0701]
slug-page = `page` 不能作为报告的网址：/reports/page/ 用于报告列表的后续各页 [E0702]
slug-from-file = 报告的网址取自文件名，但{ $message }；请给文件改名，或加一个 `slug:` 字段 [E0703]
link-outside-site = 链接指向 { $link }，它在网站的地址 { $base } 之外 [W0601]
link-nowhere = 链接指向 { $link }，它不是本网站的页面或文件 [W0602]
link-no-anchor = 链接指向 { $link }，但 { $page } 没有标题或章节 `#{ $anchor }` [W0603]
explain-E0601 =
    E0601：没有报告首次写出的指标
    第一篇同时写出某项指标的 id、`label`（名称）和 `unit`（单位）的报告，就是首次写出它的报告；之后的报告只写 id 和数据。请检查 id 是否打错，或者在这里首次写出这项指标。
explain-E0602 =
    E0602：别的城市的指标
    指标属于首次写出它的报告所在的城市。另一个城市的报告要用另一个 id 写出自己的指标。
explain-E0603 =
    E0603：指标的单位变了
    一项指标的所有数据都用它首次写出时的单位，这样才能相加和比较。请换算数字，或为新单位另设一项指标。
explain-E0701 =
    E0701：不能用在网址里的 id
    id 和 slug 会成为页面网址的一部分：只能用小写字母 a-z、数字和 -。中文名称写在 `name` 或 `label` 里。
explain-E0702 =
    E0702：报告的网址是 `page`
    /reports/page/ 用于报告列表的后续各页，所以任何报告都不能用这个网址。
explain-E0703 =
    E0703：不能作为网址的文件名
    没有写 `slug:` 时，报告的文件名（去掉 .md）就是它的网址。请用小写字母、数字和 - 给文件改名，或给报告写一个 `slug:`。
explain-W0601 =
    W0601：链接到网站之外（警告）
    以 / 开头的链接指向了网站自身地址（base_url 的路径）之外。链接别处的页面请写完整网址，否则请链接到网站之内。
explain-W0602 =
    W0602：链接不到任何页面（警告）
    报告正文中的链接指向了网站没有的地址；它要链接的页面可能是另一个地址。
explain-W0603 =
    W0603：链接到页面没有的章节（警告）
    # 后面的部分是页面中某个标题或章节的名称，而那个页面没有它。

## site.yaml 自身的值

id-twice = id `{ $id }` 声明了两次 [E0801]
district-names-collide = “{ $name }”既是这个区县的名称，又是 `{ $other }` 的名称；报告写“{ $name }”时可能指其中任何一个：请让每个区县的名称各不相同 [E0802]
district-id-reserved = `{ $id }` 不能作为区县 id：/cities/{ $city }/{ $id }/ 用于该城市列表的后续各页；请换一个 id [E0803]
theme-name = `{ $theme }` 不是主题名称：主题是 themes/ 下的一个文件夹，名称只用字母、数字、`-` 和 `_` [E0804]
page-size = { $size } 不能作为每页数量：列表每页至少 1 项（默认 { $default } 项） [E0805]
base-url-relative = `{ $url }` 必须是以 https:// 或 http:// 开头的完整网址 [E0806]
base-url-invalid = `{ $url }` 不是网站地址，应像 https://example.gov.cn/renewal/ 这样 [E0806]
edition-english = 另一版本由简体（zh-Hans）与繁体（zh-Hant）中文互相转换而成；无法从中文报告生成英文版 [E0807]
edition-own-language = `{ $tag }` 就是网站自身的 `language`；这里只列另一种文字 [E0807]
edition-twice = `{ $tag }` 列了两次 [E0807]
explain-E0801 =
    E0801：site.yaml 中的 id 声明了两次
    每个城市、区县和主题都有自己的 id：两个用同一 id 的项目，在网址和报告里无法区分。
explain-E0802 =
    E0802：两个区县用了同一个名称
    报告用 id、名称或别名写明区县；同一城市两个区县共用的名称可能指其中任何一个。请让每个区县的名称各不相同。
explain-E0803 =
    E0803：区县 id 与网站使用的网址冲突
    /cities/城市/reports/ 和 /cities/城市/metrics/ 用于城市报告列表和指标列表的后续各页，所以区县的 id 不能是 `reports` 或 `metrics`。
explain-E0804 =
    E0804：不是主题名称
    `theme` 写 themes/ 下一个文件夹的名称，只用字母、数字、- 和 _。
explain-E0805 =
    E0805：不能作为每页数量
    `page_size` 是列表每页显示的报告或行数：至少为 1。
explain-E0806 =
    E0806：不是网站地址
    `base_url` 是读者输入的网站地址，带 https:// 或 http://，以及发布所在的路径：https://example.gov.cn/renewal/。
explain-E0807 =
    E0807：renewal 无法生成的版本
    `editions` 列出另一种中文文字：简体网站可以有繁体版，反之亦然。每种只列一次；无法通过转换生成英文版。

## 报告和 site.yaml 的整体问题

no-site-yaml = 在 { $dir } 中找不到；每个网站都有这个文件（见 `renewal init`） [E0808]
data-license-unknown = renewal 不认识许可协议“{ $written }”：请写开放许可协议的 SPDX 编号（{ $known }），或协议文本的完整网址（https://…） [E0809]
address-by-slug = { $place } 把它写作 `slug`
address-by-file = { $file } 的文件名给出了它
address-taken = 网址 { $address } 已被占用（{ $how }）；请换一个 slug [E0704]
address-taken-by-file = 文件名给这篇报告的网址是 { $address }，而它已被占用（{ $how }）；请给其中一个文件改名，或给其中一篇写 `slug:` [E0704]
changed-during-build = { $message }（文件在生成过程中被改动了）
explain-E0704 =
    E0704：两篇报告用了同一个网址
    每篇报告都有自己的网址 /reports/名称/，取自它的 `slug:` 或文件名。不同文件夹中文件名相同的两篇报告网址也相同：请给其中一个改名，或给其中一篇写 `slug:`。
explain-E0808 =
    E0808：没有 site.yaml
    网站是一个文件夹，里面 site.yaml 和 content/ 放在一起。请在这个文件夹中运行 renewal，或用 --root 指定它，或用 `renewal init` 新建一个网站。
explain-E0809 =
    E0809：renewal 不认识的数据许可协议
    site.yaml 里的 `data_license` 说明开放数据可以按什么许可协议再利用：写 renewal 认识的 SPDX 编号（CC-BY-4.0 为默认，另有 CC0-1.0、CC-BY-SA-4.0、ODC-By-1.0、ODbL-1.0、PDDL-1.0），或协议文本的网址。

## archive/ 中的快照

snap-what-link = 指向 { $target } 的符号链接
snap-what-special = 不是普通文件（而是管道、套接字或设备）
snap-not-folder = 不是文件夹：快照存放在以此命名的文件夹中 [E0901]
snap-unreadable = 无法读取 [E0406]
snap-special-entry = 是符号链接或其他特殊文件，不是快照文件夹：快照以其文件本身保存，这样网站复制到哪里都一样 [E0902]
snap-bad-name = { $message }；请给文件夹改名，或把它移出 { $folder }/ [E0903]
snap-no-manifest = 没有 { $manifest }：没有它，快照既无法核对也无法发布；请从版本管理中恢复 { $manifest }，或删掉这个文件夹 [E0904]
snap-extra = 是{ $what }；快照只能包含存档时的文件 [E0906]
manifest-not-json = 不是清单文件：{ $error } [E0905]
manifest-no-files = 不是清单文件：其中没有列出 `files` [E0905]
manifest-bad-path = 列出了 `{ $path }`，它不是快照内带 sha256 的文件位置 [E0905]
explain-E0901 =
    E0901：archive 不是文件夹
    网站的快照存放在 site.yaml 旁边名为 archive/ 的文件夹中；这里却是别的东西用了这个名字。
explain-E0902 =
    E0902：archive/ 中有链接
    快照以其文件本身保存，这样网站复制到哪里都一样；符号链接或其他特殊文件不能作为快照。
explain-E0903 =
    E0903：不是快照名称
    archive/ 中的文件夹以年份（2025）或年份加修订号（2025-r2）命名，与 `renewal archive` 的命名一致。
explain-E0904 =
    E0904：快照缺少清单
    manifest.json 列出了快照的每个文件及其校验值；没有它，快照既无法核对也无法发布。请从版本管理中恢复它。
explain-E0905 =
    E0905：清单文件无法读取
    manifest.json 由 `renewal archive` 写出，从不手工修改：请从版本管理中恢复它。
explain-E0906 =
    E0906：快照存档时没有的文件
    快照只包含清单列出的文件；其中的链接或特殊文件会被拒绝，`renewal verify` 会列出每个新增、改动或缺失的文件。

## 主题与模板

theme-not-found = 找不到主题 `{ $name }`：没有 themes/{ $name }/ 文件夹（现有主题：{ $available }） [E1002]
theme-link = 是指向 { $target } 的符号链接，不会使用：主题只使用真正放在它文件夹中的文件；请把文件本身放在这里 [W1001]
theme-strings-none = 没有语言 `{ $tag }` 的界面文字，内置的默认主题也没有：请加上一节 `{ $tag }:` [E1003]
theme-strings-missing = 没有语言 `{ $tag }` 的界面文字：请在 themes/{ $theme }/strings.yaml 中加上一节 `{ $tag }:` [E1003]
template-error = 模板错误：{ $message } [E1001]
template-unexpected-end = 意外的 `{ $word }`：它前面打开的标签（如 `if` 或 `for`）没有关闭
template-unknown-tag = 未知标签 `{ $word }`
template-extends-missing = 继承了 `{ $parent }`，而它不存在
template-extends-circle = `extends` 绕成了一个圈：{ $chain }
template-include-circle = `include` 绕成了一个圈：{ $chain }
template-missing = 需要这个模板，但它不存在
while-rendering = （生成 { $path } 时）
template-in-builtin = （在内置主题中）
template-place-builtin = 内置主题的 { $place }
theme-builtin = default（内置）
also = ；另有 { $more }
explain-E1001 =
    E1001：模板错误
    网站主题（themes/名称/templates/）或网站自己（templates/）的某个模板无法读取或生成。提示写明了模板的路径和出错位置、模板引擎 Tera 发现的问题，生成时出错的还写明了正在生成哪个页面。模板由网站的技术人员编写，不归编辑处理。
explain-E1002 =
    E1002：主题不存在
    site.yaml 中的 `theme` 写 themes/ 下一个文件夹的名称。提示列出了那里的主题和内置的默认主题。
explain-E1003 =
    E1003：主题没有网站语言的界面文字
    主题的 strings.yaml 按语言代码（zh-Hans:、zh-Hant:、en:）分节保存它支持的每种语言的界面文字。请加上网站所用语言的那一节。
explain-W1001 =
    W1001：主题中有链接（警告）
    主题只使用真正放在它文件夹中的文件，这样网站复制到哪里生成结果都一样。请把文件本身放进主题。
metric-twice = 指标 `{ $metric }` 在这篇报告中出现了两次（第一次在第 { $line } 行）；每项指标只写一次，各区县的数据写在它的 `districts` 列表里 [E0126]
explain-E0126 =
    E0126：一篇报告中同一指标写了两次
    报告中每项指标只写一次。几个区县的数据写在同一项的 `districts` 列表里。

## 电子表格：`renewal sheet export` 与 `renewal sheet import`

help-sheet = 把报告的数字写入工作簿，或从工作簿取回
help-sheet-export = 写出一个工作簿（.xlsx），列出报告的数字，供编辑填写
help-sheet-report = 报告：它的文件（content/2025/x.md）或它的 slug
help-sheet-progress = 报告是一份计划：为它写一份新进展报告的工作簿，目标和最新数字已填好
help-sheet-output = 要写的工作簿；不给出时，写到当前文件夹，以报告的文件名加 .xlsx 命名
help-sheet-import = 检查填好的工作簿（.xlsx、.xls、.ods 或 .csv），把数字写入它所指的报告
help-sheet-file = 要读的工作簿
help-dry-run = 逐行显示报告会有哪些改动，什么都不写
sheet-exported = 已写出 { $path }（{ $rows } 行），对应 { $report }；填好后运行：renewal sheet import { $path }
sheet-imported = 已把工作簿中的数字写入 { $report }；构建或检查网站即可看到
sheet-created = 已根据工作簿新建 { $report }；构建或检查网站即可看到
sheet-unchanged = { $report } 与工作簿所填一致，未写入任何内容
sheet-would-change = { $report } 将有如下改动（尚未写入）：
sheet-write-failed = 无法写入 { $path }：{ $error }
sheet-output-exists = { $path } 已经存在，可能是正在填写的工作簿；请用 --output 换一个文件名，或先把它移走
sheet-no-report = 本网站没有报告 `{ $report }`；请给出它的文件（content/2025/x.md）或 slug
sheet-not-plan = { $report } 不是计划；--progress 为一份计划的新进展报告写工作簿
sheet-export-too-long = { $report } 中 { $id } 的“{ $column }”超过了表格单元格能容纳的长度（32,767 个字符）；请在报告中缩短后再导出

# 编辑填写的工作簿，表头用网站的语言。
sheet-title = 报告数字填报
sheet-name-data = 填报
sheet-name-guide = 填写说明
sheet-name-lists = 选项
sheet-field-file = 报告文件
sheet-field-plan = 依据计划
sheet-field-title = 标题
sheet-field-published = 发布日期
sheet-field-note-file = 本工作簿写入的报告，路径从网站文件夹算起。请勿修改。
sheet-field-note-plan = 这份进展报告所依据的计划。请勿修改。
sheet-field-note-title = 报告的标题，按发布时的样子填写。
sheet-field-note-published = 报告发布的日期，如 2025-10-15。
sheet-heading-id = 指标编号
sheet-heading-label = 指标名称
sheet-heading-unit = 单位
sheet-heading-topic = 主题
sheet-heading-district = 区县
sheet-heading-target = 目标值
sheet-heading-last-actual = 上次数值
sheet-heading-last-as-of = 上次截至日期
sheet-heading-actual = 本次数值
sheet-heading-as-of = 截至日期
sheet-heading-note = 备注
sheet-note-id = 这一行是哪个指标。请勿修改。
sheet-note-label = 指标统计的内容。
sheet-note-unit = 数字的单位，从列表中选。万、亿属于单位（万户、亿元），不写进数字。
sheet-note-topic = 指标所属主题，从列表中选。
sheet-note-district = 这一行是哪个地方。请勿修改；全市的一行写“全市”。
sheet-note-target = 计划给这个地方的目标。
sheet-note-last-actual = 网站上这个地方的最新数字，仅供参考，导入时不读。
sheet-note-last-as-of = 上次数字的截至日期，仅供参考，导入时不读。
sheet-note-actual = 按报告原样填写数字：数字和小数点（12.8、5.70）。不带单位，不加千位分隔符。
sheet-note-as-of = 数字的截至日期，如 2025-09-30。留空则用报告的发布日期。
sheet-note-note = 对这个数字的说明，如“至少”“数据待核对”。
sheet-whole-place = 全市
sheet-list-error = 请从列表中选择。列表在“选项”工作表中，来自网站的 site.yaml。
sheet-guide =
    填写说明
    1. “填报”工作表的每一行是一个指标在一个地方的数字。在“本次数值”填新的数字，在“截至日期”填统计截至的日期（如 2025-09-30）。
    2. 不要改动“指标编号”和“区县”：它们标明每一行是哪个指标、哪个地方。“上次数值”和“上次截至日期”仅供参考，导入时不读。
    3. 按报告原样填写数字：12.8、5.70、164000。不带单位，不加千位分隔符，数字里不写“万”“亿”。
    4. 数字单元格设为文本格式，5.70 会保持为 5.70。不要输入公式，不要合并单元格。
    5. 某个地方没有新数字时，这一行留空即可。
    6. 保存工作簿（.xlsx、.xls、.ods 或 .csv 均可），运行：renewal sheet import 文件名。所有问题会连同单元格位置一起列出，全部改正之前不会写入任何内容。

# 工作簿中的问题，各自标明单元格（`q3.xlsx:填报!I7`）。
sheet-not-workbook = 这不是 renewal 能读取的工作簿（{ $reason }）；请另存为 .xlsx、.xls、.ods 或 .csv [E1101]
sheet-csv-encoding = 文本既不是 UTF-8 也不是 GB18030
sheet-no-sheets = 其中没有工作表
sheet-too-large-file = 文件有 { $size } MiB，超过一份报告的工作簿应有的大小（{ $most } MiB）；只保留这份报告的行 [E1102]
sheet-too-many-rows = 工作表有 { $rows } 行，超过一份报告的数字所需（{ $most } 行）；只保留这份报告的行 [E1102]
sheet-no-heading = 工作表 { $sheet } 中没有含“指标编号”一列的表头行；请用 renewal sheet export 重新导出工作簿 [E1103]
sheet-no-column = 表头中没有“{ $column }”一列；请保留导出时的表头 [E1103]
sheet-no-file = 工作簿没有写明对应哪篇报告：“报告文件”一格是空的 [E1104]
sheet-bad-file = `{ $file }` 不是工作簿可以写入的报告文件：它必须是 content/ 下的 .md 文件 [E1104]
sheet-no-plan = `{ $plan }` 不是本网站的计划；新的进展报告要写明它依据的计划 [E1104]
sheet-no-report-file = 没有报告 { $file }，工作簿也没有写明新报告依据的计划 [E1104]
sheet-formula = 这一格是公式（{ $formula }）；请直接填写数字，或复制后“粘贴为数值” [E1105]
sheet-merged = 单元格 { $range } 被合并了；请取消合并，让每一行都有自己的指标、地方和数字 [E1106]
sheet-inexact = 这一格存的是 { $held }，表格显示为 { $shown }；数字必须与显示的完全一致：请以文本重新输入（把单元格设为文本格式，或在数字前加 '） [E1107]
sheet-number-unshown = 这一格存的是数值 { $held }，而 .ods 或 .xls 文件没有记下表格显示几位小数；请把单元格设为文本格式，重新输入数字，或把工作簿另存为 .xlsx [E1107]
sheet-number-format = 这一格存的是数值 { $held }，按格式 { $format } 显示，无法按显示的样子读回数字；请把单元格设为文本格式，按要发布的样子输入数字 [E1107]
sheet-date-figure = 表格把这个数字变成了日期（{ $date }）；请把单元格设为文本格式，重新输入数字 [E1108]
sheet-no-id = 这一行有数字，但没有指标编号；请从它所属的行复制编号，或删除这一行 [E1109]
sheet-no-place = 这一行没有写地方；请从列表中选择区县，或选“全市” [E1109]
sheet-row-twice = { $id } 在 { $place } 的数字重复出现；第一次在第 { $row } 行 [E1110]
sheet-metric-differs = { $id } 的各行在这里写法不同；同一指标的每一行应写得一样（见第 { $row } 行） [E1111]
sheet-words-elsewhere = { $id } 的名称、单位和主题以引入它的 { $report } 为准；请在那里修改，这里保持原样 [E1111]
sheet-report-has-problems = 这篇报告本身有问题；请先改正（renewal check 会列出），再导入数字 [E1112]
sheet-cannot-edit = 这个数字无法原地修改：{ $why }；请直接在报告中修改 [E1113]
sheet-field-fixed = { $file } 的标题和日期请在报告中修改；这里保持导出时的样子 [E1113]
sheet-file-taken = 已有文件 { $file }，但它不是本网站能读取的报告；请先改正它，或为新报告另取文件名 [E1104]
sheet-address-taken = 报告 { $file } 的网址会与 { $other } 相同；请为新报告另取文件名 [E1104]
sheet-unknown-column = `{ $heading }` 不是工作簿的表头，这一列不会被读取；请保留导出时的表头 [E1103]
sheet-refused-block = 报告把它写成了多行
sheet-refused-flow = 报告把这个地方写在一行的花括号里
sheet-refused-shared-line = 报告把它和另一个字段写在同一行
sheet-not-in-place = 这一行的数字无法在不改动其他内容的情况下写入 { $file }；请直接在报告中修改 [E1113]
sheet-no-place-list = 报告中 { $id } 没有区县列表，无法加入 { $place }；请直接在报告中添加这个区县 [E1113]
sheet-no-metric-list = 报告没有指标列表，无法加入 { $id }；请直接在报告中添加这个指标 [E1113]
explain-E1101 =
    E1101：不是工作簿
    renewal sheet import 读取 .xlsx、.xls、.ods 工作簿，以及 Excel、WPS、LibreOffice 保存的 UTF-8 或 GB18030 编码的 .csv 文件。请用表格软件打开文件，另存为其中一种。
explain-E1102 =
    E1102：工作簿太大
    一份报告的工作簿列出它的指标在各地的数字：几百行，而不是几十万行。只保留这份报告的行，或重新导出工作簿。
explain-E1103 =
    E1103：没有表头
    导入按表头（指标编号、区县、本次数值……，renewal 的任一语言均可）找到表格。请保留 renewal sheet export 写出的表头。
explain-E1104 =
    E1104：对应哪篇报告？
    表格上方的几格写明工作簿写入的报告（报告文件，content/ 下的 .md 文件），新进展报告还写明依据的计划。请保留导出时的内容。
explain-E1105 =
    E1105：公式
    报告公布的是数字，不是计算：公式的结果会随别的单元格改变。请复制后“粘贴为数值”，或直接填写数字。
explain-E1106 =
    E1106：合并的单元格
    合并单元格会让人分不清数字属于哪一行。请取消合并，让每一行都有自己的指标、地方和数字。
explain-E1107 =
    E1107：显示时被四舍五入的数字
    表格以二进制保存数字，一格可能存着 12.799999999，却显示为 12.8。renewal 从不悄悄取舍数字：请按报告原样以文本输入（把单元格设为文本格式，或在数字前加 '）。
explain-E1108 =
    E1108：数字变成了日期
    表格可能把输入的内容变成日期（3.5 变成 3月5日）。请把单元格设为文本格式，重新输入数字。
explain-E1109 =
    E1109：没有指标编号或地方的行
    每一行在“指标编号”中写明它是哪个指标，在“区县”中写明是哪个地方（全市的一行写“全市”）。请从数字所属的行复制，或删除这一行。
explain-E1110 =
    E1110：重复的行
    一个指标在一个地方只有一行；两个数字不可能都对。
explain-E1111 =
    E1111：同一指标两种写法
    指标的名称、单位和主题属于指标本身，不属于某个地方：同一指标的每一行写法相同。它们写在引入这个指标的报告（通常是计划）里，也在那里修改：其他报告的工作簿里保持导出时的样子。
explain-E1112 =
    E1112：报告本身有问题
    导入只改动报告中的数字，并检查改好的报告；已有问题的报告要先改正。renewal check 会列出问题。
explain-E1113 =
    E1113：无法原地修改
    导入只替换数字本身的文字，报告的其余部分保持原样。写成多行的数字、写在一行花括号里的地方、与另一个字段同一行的字段，请直接在报告中修改。

## renewal 读不懂的命令行

wrong-command = `{ $word }` 不是 renewal 的命令；`renewal --help` 列出了全部命令
wrong-flag = `{ $word }` 不是这个命令的选项；`renewal 命令 --help` 列出了全部选项
wrong-missing = 这个命令还需要 { $what }；`renewal 命令 --help` 说明了它需要什么
wrong-value = { $flag } 不接受 `{ $value }` 这个值；`renewal 命令 --help` 说明了可以写什么
wrong-no-command = 请写明要做什么：build、check、serve、new、sheet、init、archive、verify、warc 或 explain（见 `renewal --help`）
