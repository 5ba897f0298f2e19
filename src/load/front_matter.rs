//! Splitting a report file into its YAML front matter and Markdown body.
//!
//! This module only finds the fences; it never parses YAML. It accepts a UTF-8
//! byte-order mark and CRLF line endings, because files saved by Windows
//! editors carry both, and it reports where the YAML starts so that YAML
//! errors can point at the right line of the original file.

/// A report file cut at its fences.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    /// The YAML between the fences.
    pub yaml: &'a str,
    /// How many lines of the file come before the YAML (the opening fence).
    pub yaml_line_offset: usize,
    /// The Markdown after the closing fence.
    pub body: &'a str,
    /// 1-based line where the body starts.
    pub body_line: usize,
}

/// Why a file could not be split; `line` is 1-based.
#[derive(Debug, PartialEq, Eq)]
pub struct SplitError {
    pub line: usize,
    pub message: String,
}

/// Splits `text` into front matter and body.
pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(SplitError {
            line: 1,
            message: crate::say!("fm-empty-file"),
        });
    }
    let mut lines = line_spans(text);
    let (_, first_end, first) = lines.next().unwrap_or((0, 0, ""));
    let full_width_fence = |line: &str| {
        let line = line.trim();
        line.chars().count() == 3
            && line
                .chars()
                .all(|c| matches!(c, '－' | '—' | '–' | 'ー' | '―'))
    };
    if full_width_fence(first) {
        return Err(SplitError {
            line: 1,
            message: crate::say!("fm-full-width-open", line = first.trim()),
        });
    }
    if first.trim_end() != "---" {
        let message = if first.trim_start().starts_with("---") || first.starts_with('-') {
            crate::say!("fm-none-dashes")
        } else {
            crate::say!("fm-none")
        };
        return Err(SplitError { line: 1, message });
    }
    for (number, (start, end, line)) in lines.enumerate() {
        if full_width_fence(line) {
            return Err(SplitError {
                line: number + 2,
                message: crate::say!("fm-full-width-close", line = line.trim()),
            });
        }
        let fence = line.trim_end();
        if fence == "---" || fence == "..." {
            return Ok(Split {
                yaml: &text[first_end..start],
                yaml_line_offset: 1,
                body: &text[end..],
                body_line: number + 3,
            });
        }
    }
    Err(SplitError {
        line: 1,
        message: crate::say!("fm-unclosed"),
    })
}

/// Yields (start, end-including-newline, line-without-newline) for each line.
fn line_spans(text: &str) -> impl Iterator<Item = (usize, usize, &str)> {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let rest = &text[start..];
        let (line, len) = match rest.find('\n') {
            Some(i) => (&rest[..i], i + 1),
            None => (rest, rest.len()),
        };
        let line = line.strip_suffix('\r').unwrap_or(line);
        let span = (start, start + len, line);
        start += len;
        Some(span)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (yaml, body, body_line) on success, or a fragment of the error message.
    type Expected = Result<(&'static str, &'static str, usize), &'static str>;

    #[test]
    fn splits_the_cases_editors_produce() {
        let cases: &[(&str, &str, Expected)] = &[
            (
                "valid",
                "---\ntitle: a\n---\nbody\n",
                Ok(("title: a\n", "body\n", 4)),
            ),
            (
                "crlf",
                "---\r\ntitle: a\r\n---\r\nbody\r\n",
                Ok(("title: a\r\n", "body\r\n", 4)),
            ),
            (
                "bom",
                "\u{feff}---\ntitle: a\n---\n",
                Ok(("title: a\n", "", 4)),
            ),
            (
                "yaml end marker",
                "---\na: 1\n...\nbody",
                Ok(("a: 1\n", "body", 4)),
            ),
            ("empty front matter", "---\n---\nbody", Ok(("", "body", 3))),
            (
                "no trailing newline",
                "---\na: 1\n---",
                Ok(("a: 1\n", "", 4)),
            ),
            (
                "body keeps later fences",
                "---\na: 1\n---\nx\n---\ny",
                Ok(("a: 1\n", "x\n---\ny", 4)),
            ),
            ("empty file", "", Err("the file is empty")),
            ("only whitespace", " \n\n", Err("the file is empty")),
            ("no front matter", "# Title\n", Err("no front matter")),
            (
                "too many dashes",
                "----\na: 1\n----\n",
                Err("exactly `---`"),
            ),
            ("unclosed", "---\ntitle: a\nbody\n", Err("never closed")),
        ];
        for (name, input, expected) in cases {
            let got = split(input);
            match (expected, got) {
                (Ok((yaml, body, body_line)), Ok(split)) => {
                    assert_eq!(
                        (split.yaml, split.body, split.body_line),
                        (*yaml, *body, *body_line),
                        "{name}"
                    );
                    assert_eq!(split.yaml_line_offset, 1, "{name}");
                }
                (Err(fragment), Err(error)) => {
                    assert!(
                        error.message.contains(fragment),
                        "{name}: {}",
                        error.message
                    )
                }
                (expected, got) => panic!("{name}: expected {expected:?}, got {got:?}"),
            }
        }
    }
}
