//! Chinese text in the other script: simplified to traditional and back,
//! phrase by phrase with OpenCC's dictionaries (干部 → 幹部, 头发 → 頭髮,
//! 面积 → 面積), through `opencc-fmmseg`. Used to make a site's edition in
//! the other script from the same sources.

use super::Language;
use opencc_fmmseg::OpenCC;
use std::sync::OnceLock;

/// The converter, with its dictionaries loaded once per process.
fn opencc() -> &'static OpenCC {
    static OPENCC: OnceLock<OpenCC> = OnceLock::new();
    OPENCC.get_or_init(OpenCC::new)
}

/// Loads the dictionaries on a thread of their own, for a build that will
/// convert text later and can do something else meanwhile.
pub fn load_soon() {
    let _ = std::thread::Builder::new().spawn(|| {
        opencc();
    });
}

/// Whether text in `from` can be converted to `to`: between the two
/// Chinese scripts, and not to the script it is already in.
pub fn converts(from: Language, to: Language) -> bool {
    from != to && from != Language::En && to != Language::En
}

/// `text` written in script `to`. Text in neither Chinese script (English,
/// digits) comes back as it was. Quotation marks follow the script's
/// custom: “” in simplified text, 「」 in traditional.
pub fn convert(text: &str, to: Language) -> String {
    if text.is_ascii() {
        return text.to_string();
    }
    match to {
        Language::ZhHant => opencc().s2t(text, true),
        Language::ZhHans => opencc().t2s(text, true),
        Language::En => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_convert_by_meaning_not_character_by_character() {
        let to_hant = |s| convert(s, Language::ZhHant);
        assert_eq!(to_hant("干部的头发"), "幹部的頭髮");
        assert_eq!(to_hant("改造面积"), "改造面積");
        assert_eq!(to_hant("崂山区动员大会"), "嶗山區動員大會");
        assert_eq!(
            to_hant("老旧燃气管网改造42.0公里"),
            "老舊燃氣管網改造42.0公里"
        );
        let to_hans = |s| convert(s, Language::ZhHans);
        assert_eq!(to_hans("重點推進項目194個"), "重点推进项目194个");
        assert_eq!(to_hans("嶗山區"), "崂山区");
        assert_eq!(
            convert("Donghu District", Language::ZhHant),
            "Donghu District"
        );
    }
}
