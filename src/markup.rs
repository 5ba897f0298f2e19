//! Text made safe inside HTML, SVG and XML, as element content or as a
//! double-quoted attribute value.

/// `text` with `&`, `<`, `>` and `"` written as entities.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
