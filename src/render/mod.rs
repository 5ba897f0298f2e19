//! Rendering one page through the theme's Tera templates.
//!
//! A page's typed values become a Tera context only here, at render time,
//! and the context is dropped with the page. Tera escapes every value in
//! `.html` templates; only the report body, which `pages::markdown` has
//! already made safe, and chart markup are marked `safe` by the theme.
//! Nothing here writes files.

pub mod theme;

use crate::diagnostic::Diagnostic;
use crate::i18n::Strings;
use crate::model::config::Config;
use crate::pages::View;
use crate::pages::edition::Edition;
use serde::Serialize;
pub use theme::Theme;

#[derive(Serialize)]
struct SiteInfo<'a> {
    title: &'a str,
    description: Option<&'a str>,
    base_url: &'a str,
    base_path: &'a str,
    /// Where the theme's static files are: the main edition's base path.
    root_path: &'a str,
    language: &'static str,
    /// Whether this edition's text was converted by machine from the
    /// main edition's script.
    converted: bool,
    /// The host of `base_url` (SiteDomain).
    domain: &'a str,
    /// Who runs the site (see [`crate::model::config::About`]).
    about: &'a crate::model::config::About,
    /// The day the site is built for.
    built: crate::model::date::Date,
    /// The snapshots the site publishes, oldest first.
    archive: &'a [crate::snapshot::Listed],
    /// The Open Graph locale of the edition (`zh_CN`, `zh_TW`, `en_US`).
    locale: &'static str,
}

/// Gives every template the site's facts (`site`) and the theme's
/// interface strings (`t`).
pub fn prepare(theme: &mut Theme, config: &Config) {
    let strings = theme.strings.clone();
    let editions = crate::pages::edition::all(config);
    globals(theme, config, &strings, &config.base_path, &editions);
}

/// The theme for edition `edition` (a position in `editions`) of a site
/// whose main edition has `main`: its templates see that edition's
/// `config` and interface strings, and the list of `editions` for the
/// switch between them.
pub fn for_edition(
    theme: &Theme,
    main: &Config,
    config: &Config,
    edition: usize,
    editions: &[Edition],
) -> Theme {
    let mut copy = theme.clone();
    let strings = match edition {
        0 => theme.strings.clone(),
        n => theme.edition_strings[n - 1].clone(),
    };
    globals(&mut copy, config, &strings, &main.base_path, editions);
    copy.strings = strings;
    copy
}

fn globals(
    theme: &mut Theme,
    config: &Config,
    strings: &Strings,
    root: &str,
    editions: &[Edition],
) {
    let globals = theme.tera.global_context();
    globals.insert(
        "site",
        &SiteInfo {
            title: &config.title,
            description: config.description.as_deref(),
            base_url: &config.base_url,
            base_path: &config.base_path,
            root_path: root,
            language: config.language.tag(),
            converted: config.base_path != root,
            domain: config
                .base_url
                .split("://")
                .nth(1)
                .and_then(|rest| rest.split('/').next())
                .unwrap_or_default(),
            about: &config.about,
            built: config.built,
            archive: &config.archive,
            locale: match config.language {
                crate::i18n::Language::ZhHans => "zh_CN",
                crate::i18n::Language::ZhHant => "zh_TW",
                crate::i18n::Language::En => "en_US",
            },
        },
    );
    globals.insert("t", strings);
    // The interface strings that name each status, in the order of every
    // count by status (`counts` of the pace summary's rows).
    globals.insert("pace_keys", &crate::model::Pace::KEYS);
    globals.insert("editions", &if editions.len() > 1 { editions } else { &[] });
}

/// Renders `view` with its template, as the bytes of an HTML file.
pub fn page(theme: &Theme, view: &View) -> Result<Vec<u8>, Diagnostic> {
    let mut context = tera::Context::from_serialize(&view.values).map_err(|error| {
        let mut d = theme::template_error(&error, &theme.origins, view.template);
        d.add(&crate::say!("while-rendering", path = view.path.as_str()));
        d
    })?;
    context.insert("page_url", &view.url);
    context.insert("page_path", &view.path_below_base);
    context.insert("page_title", &view.title);
    context.insert("breadcrumbs", &view.crumbs);
    context.insert("canonical", &view.canonical);
    context.insert("page_fictional", &view.fictional);
    context.insert("page_converted", &view.converted);
    context.insert("meta", &view.meta);
    context.insert("qr", &view.qr);
    // Templates read `data.csv`, `data.json` and `data.xlsx`.
    context.insert("data", &view.data);
    context.insert("page_feed", &view.feed);
    context.insert("jsonld", &view.jsonld);
    let mut html = Vec::with_capacity(16 * 1024);
    theme
        .tera
        .render_to(view.template, &context, &mut html)
        .map_err(|error| {
            let mut d = theme::template_error(&error, &theme.origins, view.template);
            d.add(&crate::say!("while-rendering", path = view.path.as_str()));
            d
        })?;
    Ok(html)
}
