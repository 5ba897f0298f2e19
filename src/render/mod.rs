//! Rendering one page through the theme's Tera templates.
//!
//! A page's typed values become a Tera context only here, at render time,
//! and the context is dropped with the page. Tera escapes every value in
//! `.html` templates; only the report body, which `pages::markdown` has
//! already made safe, and chart markup are marked `safe` by the theme.
//! Nothing here writes files.

pub mod theme;

use crate::diagnostic::Diagnostic;
use crate::model::config::Config;
use crate::pages::View;
use serde::Serialize;
pub use theme::Theme;

#[derive(Serialize)]
struct SiteInfo<'a> {
    title: &'a str,
    description: Option<&'a str>,
    base_url: &'a str,
    base_path: &'a str,
    language: &'static str,
}

/// Gives every template the site's facts (`site`) and the theme's
/// interface strings (`t`).
pub fn prepare(theme: &mut Theme, config: &Config) {
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
}

/// Renders `view` with its template, as the bytes of an HTML file.
pub fn page(theme: &Theme, view: &View) -> Result<Vec<u8>, Diagnostic> {
    let mut context = tera::Context::from_serialize(&view.values).map_err(|error| {
        let mut d = theme::template_error(&error, &theme.origins, view.template);
        d.message = format!("{} (while rendering {})", d.message, view.path);
        d
    })?;
    context.insert("page_url", &view.url);
    context.insert("page_title", &view.title);
    context.insert("breadcrumbs", &view.crumbs);
    context.insert("canonical", &view.canonical);
    context.insert("page_fictional", &view.fictional);
    let mut html = Vec::with_capacity(16 * 1024);
    theme
        .tera
        .render_to(view.template, &context, &mut html)
        .map_err(|error| {
            let mut d = theme::template_error(&error, &theme.origins, view.template);
            d.message = format!("{} (while rendering {})", d.message, view.path);
            d
        })?;
    Ok(html)
}
