//! Rendering pages through the theme's templates, in memory.
//!
//! Nothing is written here: the whole site is rendered first, so a template
//! error on the last page still leaves the published output untouched.
//! Tera escapes every value in `.html` templates; only the report body,
//! which `markdown` has already made safe, is marked `safe` by the theme.

use crate::diagnostic::Diagnostic;
use crate::model::Site;
use crate::pages::Page;
use crate::theme::{Theme, template_error};
use serde::Serialize;
use std::collections::BTreeSet;

/// A file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Path relative to the output folder, `/`-separated.
    pub path: String,
    pub bytes: Vec<u8>,
}

#[derive(Serialize)]
struct SiteInfo<'a> {
    title: &'a str,
    description: Option<&'a str>,
    base_url: &'a str,
    base_path: &'a str,
    language: &'static str,
}

/// Renders `pages` and adds the theme's static files.
pub fn render(
    theme: &mut Theme,
    site: &Site,
    pages: &[Page],
) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    let config = &site.config;
    let globals = theme.tera.global_context();
    globals.insert(
        "site",
        &SiteInfo {
            title: &config.title,
            description: config.description.as_deref(),
            base_url: &config.base_url,
            base_path: &config.base_path,
            language: config.language.tag(),
        },
    );
    globals.insert("t", &theme.strings);

    let mut files = Vec::with_capacity(pages.len() + theme.statics.len());
    // The same template fault usually breaks many pages; report it once.
    let mut errors: BTreeSet<Diagnostic> = BTreeSet::new();
    for page in pages {
        match theme.tera.render(page.template, &page.context) {
            Ok(html) => files.push(OutputFile {
                path: page.path.clone(),
                bytes: html.into_bytes(),
            }),
            Err(error) => {
                let mut d = template_error(&error, &theme.origins);
                d.message = format!("{} (while rendering {})", d.message, page.path);
                if !errors
                    .iter()
                    .any(|e| (e.file.as_str(), e.line) == (d.file.as_str(), d.line))
                {
                    errors.insert(d);
                }
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors.into_iter().collect());
    }
    for (path, bytes) in &theme.statics {
        files.push(OutputFile {
            path: path.clone(),
            bytes: bytes.clone(),
        });
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}
