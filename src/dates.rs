//! Calendar dates as reports write them: `2022`, `2022-06` or `2022-06-10`.
//!
//! Sources often say only "2022" or "March 2023", and the content model must
//! not force an editor to invent a day. A [`Date`] keeps the precision it was
//! given; ordering puts a less precise date before a more precise one in the
//! same period, so sorting is total and stable.

use serde::{Serialize, Serializer};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl Date {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; the error says what was expected.
    pub fn parse(text: &str) -> Result<Date, String> {
        let text = text.trim();
        let expected = || {
            format!(
                "`{text}` is not a date; write it as YYYY-MM-DD (e.g. 2023-03-02), or YYYY-MM or YYYY when the source gives no day"
            )
        };
        let parts: Vec<&str> = text.split('-').collect();
        let number = |s: &str, len: usize| -> Option<u32> {
            if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
                s.parse().ok()
            } else {
                None
            }
        };
        let year = parts
            .first()
            .and_then(|s| number(s, 4))
            .ok_or_else(expected)?;
        if !(1900..=2200).contains(&year) {
            return Err(format!("year {year} is out of range (1900–2200)"));
        }
        let month = match parts.get(1) {
            None => None,
            Some(s) => Some(number(s, 2).ok_or_else(expected)?),
        };
        if let Some(m) = month
            && !(1..=12).contains(&m)
        {
            return Err(format!("`{text}` has month {m}; months run from 01 to 12"));
        }
        let day = match parts.get(2) {
            None => None,
            Some(s) => Some(number(s, 2).ok_or_else(expected)?),
        };
        if parts.len() > 3 {
            return Err(expected());
        }
        if let (Some(m), Some(d)) = (month, day) {
            let last = days_in_month(year, m);
            if d == 0 || d > last {
                return Err(format!(
                    "`{text}` is not a date: {year}-{m:02} has {last} days"
                ));
            }
        }
        Ok(Date {
            year: year as u16,
            month: month.map(|m| m as u8),
            day: day.map(|d| d as u8),
        })
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        _ => 28,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision_and_rejects_non_dates() {
        let cases: &[(&str, Result<&str, &str>)] = &[
            ("2022", Ok("2022")),
            ("2023-03", Ok("2023-03")),
            ("2023-03-02", Ok("2023-03-02")),
            ("2024-02-29", Ok("2024-02-29")),
            ("2023-02-29", Err("has 28 days")),
            ("2023-13-01", Err("month 13")),
            ("2023-3-2", Err("is not a date")),
            ("yesterday", Err("is not a date")),
            ("2023-03-02-01", Err("is not a date")),
            ("0999", Err("out of range")),
            ("", Err("is not a date")),
        ];
        for (input, expected) in cases {
            let got = Date::parse(input).map(|d| d.to_string());
            match (expected, &got) {
                (Ok(want), Ok(have)) => assert_eq!(want, have, "{input}"),
                (Err(want), Err(have)) => assert!(have.contains(want), "{input}: {have}"),
                _ => panic!("{input}: expected {expected:?}, got {got:?}"),
            }
        }
    }

    #[test]
    fn less_precise_dates_sort_first() {
        let mut dates: Vec<Date> = ["2023-03-02", "2023", "2022-12", "2023-03"]
            .iter()
            .map(|s| Date::parse(s).unwrap())
            .collect();
        dates.sort();
        let shown: Vec<String> = dates.iter().map(Date::to_string).collect();
        assert_eq!(shown, ["2022-12", "2023", "2023-03", "2023-03-02"]);
    }
}
