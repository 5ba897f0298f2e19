//! renewal turns a folder of Markdown reports, whose YAML front matter
//! carries plan targets and progress figures, into a static website.
//!
//! One folder per stage, in the order a report travels:
//! [`load`] reads `site.yaml` and `content/` into the [`model`] →
//! [`join`] joins metrics across reports and builds the index every page
//! reads → [`pages`] decides which pages exist and what each shows, drawing
//! [`charts`] → [`render`] runs the theme's Tera templates, and [`publish`]
//! makes the open data, feeds, sitemap and search index beside them →
//! [`output`] writes the files and swaps the new site in. [`site`] is the only module
//! that knows this order. [`serve`] previews the output and [`scaffold`]
//! starts new reports and sites. [`i18n`] (languages, interface strings,
//! number formats) and [`diagnostic`] (errors with their place) serve every
//! stage.

pub mod archive;
pub mod charts;
pub mod diagnostic;
pub mod fingerprint;
pub mod i18n;
pub mod join;
pub mod load;
pub mod markup;
pub mod model;
pub mod output;
pub mod pages;
pub mod publish;
pub mod render;
pub mod scaffold;
pub mod serve;
pub mod sheet;
pub mod site;
pub mod snapshot;
