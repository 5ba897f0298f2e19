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
snapshot-special = 是{ $what }；快照只能包含存档时的文件
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
help-root = 网站文件夹（存放 site.yaml 的那个）
help-deny-warnings = 把警告（可疑但仍可发布的情况，例如有报告文件未被读取）当作错误处理：供 CI 使用
help-lang = renewal 对你说话所用的语言：zh-Hans、zh-Hant 或 en。不指定时依次看 RENEWAL_LANG、系统区域设置（LC_ALL、LC_MESSAGES、LANG）、网站自身的语言，最后用英文
help-build = 把网站生成到输出文件夹（只有生成成功才整体替换）
help-output = 网站写到哪里［默认：<root>/output］
help-check = 检查内容、配置和模板，不写入任何文件
help-serve = 生成网站，再通过 HTTP 提供输出文件夹以便预览
help-bind = 监听的地址
help-port = 监听的端口（0 表示任选一个空闲端口）
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
help-report-kind = 报告的类型
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
