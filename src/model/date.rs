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
        let expected = || crate::say!("date-not-a-date", text = text);
        // Year, month, day, and anything after (no allocation: dates are
        // read by the hundred thousand).
        let mut split = text.splitn(4, '-');
        let parts: [Option<&str>; 4] = std::array::from_fn(|_| split.next());
        let number = |s: &str, len: usize| -> Option<u32> {
            if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
                s.parse().ok()
            } else {
                None
            }
        };
        let year = parts[0].and_then(|s| number(s, 4)).ok_or_else(expected)?;
        if !(1900..=2200).contains(&year) {
            return Err(crate::say!("date-year-range", year = year.to_string()));
        }
        let month = match parts[1] {
            None => None,
            Some(s) => Some(number(s, 2).ok_or_else(expected)?),
        };
        if let Some(m) = month
            && !(1..=12).contains(&m)
        {
            return Err(crate::say!(
                "date-month",
                text = text,
                month = m.to_string()
            ));
        }
        let day = match parts[2] {
            None => None,
            Some(s) => Some(number(s, 2).ok_or_else(expected)?),
        };
        if parts[3].is_some() {
            return Err(expected());
        }
        if let (Some(m), Some(d)) = (month, day) {
            let last = days_in_month(year, m);
            if d == 0 || d > last {
                let month = format!("{year}-{m:02}");
                return Err(crate::say!(
                    "date-day",
                    text = text,
                    month = month,
                    days = last as usize
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

impl Date {
    /// The first day the date covers, as days since 1970-01-01: `2025` is
    /// 1 January 2025, `2025-06` is 1 June.
    pub fn first_day(self) -> i64 {
        days_from_civil(
            self.year.into(),
            self.month.unwrap_or(1).into(),
            self.day.unwrap_or(1).into(),
        )
    }

    /// The last day the date covers: a figure "as of 2025" or "as of
    /// 2025-06" stands for the end of that year or month.
    pub fn last_day(self) -> i64 {
        let year = u32::from(self.year);
        let month = u32::from(self.month.unwrap_or(12));
        let day = self
            .day
            .map(u32::from)
            .unwrap_or_else(|| days_in_month(year, month));
        days_from_civil(year, month, day)
    }

    /// The calendar day `days` after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date {
            year: year.clamp(0, 9999) as u16,
            month: Some(month as u8),
            day: Some(day as u8),
        }
    }
}

/// The environment variable that fixes the build date: seconds since
/// 1970-01-01 00:00 UTC, the reproducible-builds convention.
pub const SOURCE_DATE_EPOCH: &str = "SOURCE_DATE_EPOCH";

/// The day a build is made for: the date at which a target whose deadline
/// has passed unmet is overdue, and the day every page says it was built.
/// Taken from [`SOURCE_DATE_EPOCH`] when it is set (and not empty), so
/// that the same sources and the same date give the same bytes; otherwise
/// today, in UTC. Read once per process: a preview keeps the day it
/// started. The error names a value that is not a date.
pub fn build_date() -> Result<Date, String> {
    static DATE: std::sync::OnceLock<Result<Date, String>> = std::sync::OnceLock::new();
    DATE.get_or_init(|| {
        let seconds = match std::env::var(SOURCE_DATE_EPOCH) {
            Ok(text) if !text.trim().is_empty() => text
                .trim()
                .parse::<i64>()
                .ok()
                // Up to the last second of 9999, the last year a date holds.
                .filter(|s| (0..=253_402_300_799).contains(s))
                .ok_or_else(|| {
                    let value = format!("{text:?}");
                    crate::say!(
                        "build-date-not-seconds",
                        name = SOURCE_DATE_EPOCH,
                        value = value
                    )
                })?,
            Err(std::env::VarError::NotUnicode(_)) => {
                return Err(crate::say!("build-date-not-text", name = SOURCE_DATE_EPOCH));
            }
            _ => return Ok(utc_today()),
        };
        Ok(Date::from_days(seconds.div_euclid(86_400)))
    })
    .clone()
}

/// [`build_date`], or today when [`SOURCE_DATE_EPOCH`] is not a date (the
/// command line refuses that before any build starts).
pub fn today() -> Date {
    build_date().unwrap_or_else(|_| utc_today())
}

/// Today's date in UTC, by the system clock.
fn utc_today() -> Date {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
    Date::from_days(seconds.div_euclid(86_400))
}

/// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
fn days_from_civil(year: u32, month: u32, day: u32) -> i64 {
    let (year, month, day) = (i64::from(year), i64::from(month), i64::from(day));
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
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
    /// As written (`2022`, `2022-06`, `2022-06-10`); built without `fmt`,
    /// because every list of reports and table of figures prints dates.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // A binary form (what a build keeps) has the parts as numbers.
        if !serializer.is_human_readable() {
            return (self.year, self.month, self.day).serialize(serializer);
        }
        let mut text = [0u8; 10];
        let year = self.year.min(9999);
        for (i, unit) in [1000, 100, 10, 1].into_iter().enumerate() {
            text[i] = b'0' + (year / unit % 10) as u8;
        }
        let mut len = 4;
        for part in [self.month, self.month.and(self.day)].into_iter().flatten() {
            text[len] = b'-';
            text[len + 1] = b'0' + part / 10 % 10;
            text[len + 2] = b'0' + part % 10;
            len += 3;
        }
        serializer.serialize_str(std::str::from_utf8(&text[..len]).unwrap_or_default())
    }
}

/// Read back from either form, and refused if no report could have
/// written it.
impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if deserializer.is_human_readable() {
            let text = <std::borrow::Cow<str>>::deserialize(deserializer)?;
            return Date::parse(&text).map_err(serde::de::Error::custom);
        }
        let (year, month, day) = <(u16, Option<u8>, Option<u8>)>::deserialize(deserializer)?;
        let valid = (1900..=2200).contains(&year)
            && month.is_none_or(|m| (1..=12).contains(&m))
            && match (month, day) {
                (_, None) => true,
                (Some(m), Some(d)) => {
                    d >= 1 && u32::from(d) <= days_in_month(year.into(), m.into())
                }
                (None, Some(_)) => false,
            };
        if !valid {
            return Err(serde::de::Error::custom("not a date a report can give"));
        }
        Ok(Date { year, month, day })
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
            if let Ok(date) = Date::parse(input) {
                // Templates receive the same text as the Display form.
                let served = tera::Value::from_serializable(&date);
                assert_eq!(served.as_str(), Some(date.to_string().as_str()));
            }
            match (expected, &got) {
                (Ok(want), Ok(have)) => assert_eq!(want, have, "{input}"),
                (Err(want), Err(have)) => assert!(have.contains(want), "{input}: {have}"),
                _ => panic!("{input}: expected {expected:?}, got {got:?}"),
            }
        }
    }

    #[test]
    fn periods_map_to_their_first_and_last_days() {
        let day = |s: &str| Date::parse(s).unwrap();
        assert_eq!(day("1970-01-01").first_day(), 0);
        assert_eq!(day("2000-03-01").first_day(), 11_017);
        assert_eq!(day("2024").last_day(), day("2024-12-31").first_day());
        assert_eq!(day("2024-02").last_day(), day("2024-02-29").first_day());
        assert_eq!(day("2023-02").last_day() - day("2023-02").first_day(), 27);
        assert_eq!(Date::from_days(20_778).to_string(), "2026-11-21");
        for s in ["1900-01-01", "1969-12-31", "2024-02-29", "2200-12-31"] {
            assert_eq!(Date::from_days(day(s).first_day()).to_string(), s);
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

    #[test]
    fn the_binary_form_reads_back_only_dates_a_report_can_give() {
        for s in ["2023", "2023-03", "2024-02-29", "1900-01-01", "2200-12-31"] {
            let date = Date::parse(s).unwrap();
            let bytes = postcard::to_stdvec(&date).unwrap();
            assert_eq!(postcard::from_bytes::<Date>(&bytes).unwrap(), date);
        }
        for (year, month, day) in [
            (1899u16, None, None),
            (2023, Some(13u8), None),
            (2023, Some(2), Some(29u8)),
            (2023, Some(4), Some(0)),
            (2023, None, Some(1)),
        ] {
            let bytes = postcard::to_stdvec(&(year, month, day)).unwrap();
            assert!(
                postcard::from_bytes::<Date>(&bytes).is_err(),
                "{year} {month:?} {day:?}"
            );
        }
        // JSON keeps the text.
        let date = Date::parse("2023-03").unwrap();
        assert_eq!(serde_json::to_string(&date).unwrap(), "\"2023-03\"");
        assert_eq!(serde_json::from_str::<Date>("\"2023-03\"").unwrap(), date);
    }
}
