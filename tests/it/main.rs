//! The integration tests, in one binary (as ripgrep has them): each module
//! builds fixture sites with the real `renewal` binary or its library and
//! checks what a user would see. One binary links once, which keeps
//! `cargo test` quick on two cores.

mod common;

mod archive;
mod charts;
mod cli;
mod dates;
mod errors;
mod example_site;
mod figures;
mod golden;
mod guide;
mod join;
mod pages;
mod paging;
mod preview;
mod properties;
mod publish;
mod rebuild;
mod sheet;
mod themes;
