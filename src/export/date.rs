//! Dates as people read them ("14 March 2024"), for the plain-text export and citations.

/// English month names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "2024-03-14" → "14 March 2024"; anything else as it is.
pub fn format_date(iso: &str) -> String {
    let mut parts = iso.trim().splitn(3, '-');
    let parsed = (|| {
        let y: u32 = parts.next()?.parse().ok()?;
        let m: usize = parts.next()?.parse().ok()?;
        let d: u32 = parts.next()?.parse().ok()?;
        let month = MONTHS.get(m.checked_sub(1)?)?;
        (1..=31).contains(&d).then(|| format!("{d} {month} {y}"))
    })();
    parsed.unwrap_or_else(|| iso.trim().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_read_as_day_month_year_and_anything_else_stays() {
        assert_eq!(format_date("2024-03-14"), "14 March 2024");
        assert_eq!(format_date(" 2031-12-01 "), "1 December 2031");
        assert_eq!(format_date("2024-13-01"), "2024-13-01");
        assert_eq!(format_date("2024-02-32"), "2024-02-32");
        assert_eq!(format_date("soon"), "soon");
    }
}
