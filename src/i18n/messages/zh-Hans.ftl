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
