//! `sitemap.xml` (sitemaps.org 0.9) listing every page of every edition,
//! cut into files of at most 50,000 addresses under a sitemap index when
//! the site has more, and `robots.txt` naming it.

use crate::markup::escape;
use std::fmt::Write as _;

/// The most addresses one sitemap file may list.
pub const LIMIT: usize = 50_000;

/// The sitemap files for `urls` (full addresses, in a stable order), by
/// path below the base path: `sitemap.xml` alone, or an index of that
/// name with `sitemap-1.xml`, `sitemap-2.xml`, … beside it.
pub fn files(base_url: &str, urls: &[String]) -> Vec<(String, Vec<u8>)> {
    let urlset = |urls: &[String]| {
        let mut xml = String::with_capacity(urls.len() * 80 + 200);
        xml.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for url in urls {
            let _ = writeln!(xml, "<url><loc>{}</loc></url>", escape(url));
        }
        xml.push_str("</urlset>\n");
        xml.into_bytes()
    };
    if urls.len() <= LIMIT {
        return vec![("sitemap.xml".into(), urlset(urls))];
    }
    let mut files = Vec::new();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (i, chunk) in urls.chunks(LIMIT).enumerate() {
        let name = format!("sitemap-{}.xml", i + 1);
        let _ = writeln!(
            index,
            "<sitemap><loc>{}</loc></sitemap>",
            escape(&format!("{base_url}{name}"))
        );
        files.push((name, urlset(chunk)));
    }
    index.push_str("</sitemapindex>\n");
    files.insert(0, ("sitemap.xml".into(), index.into_bytes()));
    files
}

/// `robots.txt`: everything may be crawled; the sitemap is named.
pub fn robots(base_url: &str) -> Vec<u8> {
    format!("User-agent: *\nAllow: /\n\nSitemap: {base_url}sitemap.xml\n").into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn past_fifty_thousand_addresses_the_sitemap_becomes_an_index() {
        let urls: Vec<String> = (0..LIMIT + 1)
            .map(|i| format!("https://x.example/p/{i}/"))
            .collect();
        let made = files("https://x.example/", &urls);
        let names: Vec<&str> = made.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml"]);
        let index = String::from_utf8(made[0].1.clone()).unwrap();
        assert!(index.contains("<sitemapindex"));
        assert!(index.contains("<loc>https://x.example/sitemap-2.xml</loc>"));
        let last = String::from_utf8(made[2].1.clone()).unwrap();
        assert_eq!(last.matches("<url>").count(), 1);
        assert_eq!(files("https://x.example/", &urls[..3]).len(), 1);
    }
}
