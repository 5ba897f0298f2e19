//! Block-style YAML read by its lines, as editors write it: which field a
//! line holds (`metrics[2].target`) and the key of a `key: value` line.
//! Both the slips pre-pass ([`super::slips`]) and the reading of the
//! parser's errors ([`super::yaml`]) name fields so.

#[derive(Debug)]
enum Frame {
    Key { indent: usize, name: String },
    Item { indent: usize, index: usize },
}

impl Frame {
    fn indent(&self) -> usize {
        match self {
            Frame::Key { indent, .. } | Frame::Item { indent, .. } => *indent,
        }
    }
}

/// The field path (`metrics[2].target`) of what stands on 1-based `line` of
/// a block-style YAML document, or `None` if the line holds no key.
pub fn field_path_at(yaml: &str, line: usize) -> Option<String> {
    let mut stack: Vec<Frame> = Vec::new();
    for text in yaml.lines().take(line) {
        let trimmed = text.trim_start_matches(' ');
        if trimmed.trim().is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let mut column = text.len() - trimmed.len();
        let mut rest = trimmed;
        while rest == "-" || rest.starts_with("- ") {
            stack.retain(|f| f.indent() <= column);
            let index = match stack.last() {
                Some(Frame::Item { indent, index }) if *indent == column => {
                    let next = index + 1;
                    stack.pop();
                    next
                }
                _ => 0,
            };
            stack.push(Frame::Item {
                indent: column,
                index,
            });
            let after = rest.get(1..).unwrap_or("");
            let inner = after.trim_start_matches(' ');
            column += 1 + after.len() - inner.len();
            rest = inner;
        }
        if let Some(name) = key_of(rest) {
            stack.retain(|f| f.indent() < column);
            stack.push(Frame::Key {
                indent: column,
                name,
            });
        }
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Key { name, .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(name);
            }
            Frame::Item { index, .. } => path.push_str(&format!("[{index}]")),
        }
    }
    (!path.is_empty()).then_some(path)
}

/// The key of a `key: value` or `key:` line, if it is one.
pub fn key_of(text: &str) -> Option<String> {
    let end = text
        .char_indices()
        .find(|&(i, c)| c == ':' && matches!(text[i + 1..].chars().next(), None | Some(' ')))
        .map(|(i, _)| i)?;
    let key = text[..end].trim().trim_matches(['"', '\'']);
    let plain = !key.is_empty() && !key.starts_with(['{', '[', '"', '\'', '&', '*', '!', '|', '>']);
    plain.then(|| key.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "title: 东营\nmetrics:\n  - id: a\n    target: 1\n  - id: b\n    districts:\n      - district: 东营区\n        target: 2\n      - district: 垦利区\n        target: x\nsource:\n  reporter: 宋东\n";

    #[test]
    fn field_paths_follow_the_block_structure() {
        let cases = [
            (1, Some("title")),
            (3, Some("metrics[0].id")),
            (4, Some("metrics[0].target")),
            (5, Some("metrics[1].id")),
            (8, Some("metrics[1].districts[0].target")),
            (10, Some("metrics[1].districts[1].target")),
            (12, Some("source.reporter")),
        ];
        for (line, expected) in cases {
            assert_eq!(
                field_path_at(REPORT, line).as_deref(),
                expected,
                "line {line}"
            );
        }
    }

    #[test]
    fn items_at_the_parent_indent_are_counted() {
        let yaml = "metrics:\n- id: a\n- id: b\n  unit: 条\ntitle: x\n";
        assert_eq!(field_path_at(yaml, 4).as_deref(), Some("metrics[1].unit"));
        assert_eq!(field_path_at(yaml, 5).as_deref(), Some("title"));
    }

    #[test]
    fn key_detection_ignores_colons_inside_values() {
        assert_eq!(key_of("url: https://x.cn/a"), Some("url".into()));
        assert_eq!(key_of("https://x.cn"), None);
        assert_eq!(key_of("\"a b\": 1"), Some("a b".into()));
    }
}
