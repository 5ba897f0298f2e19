//! renewal turns a folder of Markdown reports, whose YAML front matter
//! carries plan targets and progress figures, into a static website.
//!
//! The modules follow a report through the build:
//! [`source`] reads `content/` → [`front_matter`] splits each file →
//! [`report`] validates it against [`config`] → [`join`] joins metrics across
//! reports into the [`model`] → [`pages`] decides what each page shows →
//! [`theme`] and [`render`] run the Tera templates → [`output`] swaps the new
//! site in. [`site`] is the only module that knows this order.

pub mod charts;
pub mod config;
pub mod dates;
pub mod diagnostic;
pub mod front_matter;
pub mod join;
pub mod markdown;
pub mod model;
pub mod output;
pub mod pages;
pub mod render;
pub mod report;
pub mod scaffold;
pub mod serve;
pub mod site;
pub mod source;
pub mod theme;
pub mod yaml;
