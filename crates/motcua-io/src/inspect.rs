//! `motcua inspect` (contract section 14): what a source is and how it would be read — its
//! format, separator, header row, profile and column mapping, the first rows as mapped, the
//! rows a report would reject (by kind, with counts and first lines) and suggestions for
//! near misses — before any report is made of it.
//!
//! ```
//! use motcua_core::{calendar::Calendar, profile::Profile};
//! use motcua_io::inspect::inspect_bytes;
//! let csv = "maHoSo,donViXuLy,kenhThucHien,ngayTiepNhan,thoiHanGiaiQuyet,trangThaiHoSo\n\
//!            H1,STP,2,2021-07-01 09:00,3,4\n";
//! let i = inspect_bytes(csv.as_bytes(), &Profile::auto(), &Calendar::vn(), 5);
//! assert_eq!(i.profile.as_deref(), Some("rest-camel"));
//! assert_eq!(i.used, 1);
//! assert!(i.mapping.iter().any(|m| m.contract == "MaHoSo" && m.source == "maHoSo"));
//! ```

use std::collections::BTreeMap;
use std::path::Path;

use motcua_core::calendar::Calendar;
use motcua_core::format::Lang;
use motcua_core::profile::{MappedValues, Profile};
use motcua_core::record::Column;
use serde::Serialize;

use crate::dossiers::ReadOptions;
use crate::input::{InputFormat, InputOptions, format_of, read_bytes, read_path};

/// One contract column and the source column it is read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MappedColumn {
    /// The contract's name.
    pub contract: String,
    /// The source's name.
    pub source: String,
}

/// The rows rejected for one kind of fault.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rejections {
    /// The kind (contract section 6a).
    pub kind: String,
    /// How many rows.
    pub count: u64,
    /// The lines (rows, records) of the first of them.
    pub first_lines: Vec<u64>,
    /// The message of the first.
    pub example: String,
}

/// What `inspect` finds.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Inspection {
    /// The format read: `csv`, `xlsx`, `json`, `arrow` or `parquet`.
    pub format: String,
    /// The profile used (named in the input summary), when the header could be read.
    pub profile: Option<String>,
    /// Why that profile was picked, when it was detected.
    pub detected: Option<String>,
    /// The encoding the profile reads.
    pub encoding: String,
    /// The CSV separator.
    pub separator: Option<String>,
    /// The line of the CSV header row.
    pub header_line: Option<u64>,
    /// Contract column ← source column, for every column found.
    pub mapping: Vec<MappedColumn>,
    /// The first rows as mapped onto the contract's columns (CSV), non-empty values only.
    pub first_rows: Vec<BTreeMap<String, String>>,
    /// Rows read.
    pub rows: u64,
    /// Rows a report would count.
    pub used: u64,
    /// Rows a report would reject.
    pub rejected: u64,
    /// Rows of dossiers never received (statuses 1 and 3).
    pub not_received: u64,
    /// The rejections by kind, most frequent first.
    pub rejections: Vec<Rejections>,
    /// Why the source cannot be read at all, if it cannot.
    pub error: Option<String>,
    /// Suggestions: near-miss column names and the profile that maps them.
    pub hints: Vec<String>,
    /// Every column name of the source's header (or first record).
    pub source_columns: Vec<String>,
}

/// Inspects a file (any format [`crate::input`] reads), showing `rows` mapped rows.
#[must_use]
pub fn inspect_path(
    path: &Path,
    profile: &Profile,
    calendar: &Calendar,
    rows: usize,
) -> Inspection {
    let opts = options(profile);
    let format = format_of(path, &opts);
    let mut out = Inspection {
        format: format.name().to_owned(),
        encoding: profile.encoding.name().to_owned(),
        ..Inspection::default()
    };
    if !compressed(path) {
        if let Ok(head) = read_head(path) {
            match format {
                InputFormat::Csv => csv_layout(&head, profile, rows, &mut out),
                InputFormat::Json => json_layout(&head, profile, &mut out),
                _ => {}
            }
        }
    }
    let res = read_path(path, calendar, &opts, &|_| {}, |_| {});
    finish(res.map(|ing| ing.input), profile, &mut out);
    out
}

/// Inspects a CSV table held in memory.
#[must_use]
pub fn inspect_bytes(
    bytes: &[u8],
    profile: &Profile,
    calendar: &Calendar,
    rows: usize,
) -> Inspection {
    let opts = options(profile);
    let mut out = Inspection {
        format: "csv".to_owned(),
        encoding: profile.encoding.name().to_owned(),
        ..Inspection::default()
    };
    csv_layout(&bytes[..bytes.len().min(1 << 20)], profile, rows, &mut out);
    let res = read_bytes(InputFormat::Csv, bytes, calendar, &opts, |_| {});
    finish(res.map(|ing| ing.input), profile, &mut out);
    out
}

fn compressed(path: &Path) -> bool {
    #[cfg(feature = "compress")]
    {
        crate::compress::Compression::from_path(path).is_some()
    }
    #[cfg(not(feature = "compress"))]
    {
        let _ = path;
        false
    }
}

fn options(profile: &Profile) -> InputOptions {
    InputOptions {
        read: ReadOptions {
            profile: Some(std::sync::Arc::new(profile.clone())),
            ..ReadOptions::parallel()
        },
        ..InputOptions::default()
    }
}

fn read_head(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut head = Vec::new();
    std::fs::File::open(path)?
        .take(1 << 20)
        .read_to_end(&mut head)?;
    Ok(head)
}

/// The separator, header row, mapping and first rows of a CSV head.
fn csv_layout(head: &[u8], profile: &Profile, rows: usize, out: &mut Inspection) {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let eof = head.len() < 1 << 20;
    let Ok(layout) = crate::profile::sniff_csv(head, profile, eof) else {
        return;
    };
    out.separator = Some(match layout.separator {
        b'\t' => "\\t".to_owned(),
        b => char::from(b).to_string(),
    });
    out.header_line = Some(layout.header_line);
    let mut hr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(layout.separator)
        .from_reader(&head[..layout.header_end.min(head.len())]);
    if let Some(Ok(last)) = hr.records().last() {
        out.source_columns = last.iter().map(str::to_owned).collect();
    }
    out.detected = layout.detected.map(str::to_owned);
    out.mapping = layout
        .mapped
        .mapping()
        .iter()
        .map(|(c, s)| MappedColumn {
            contract: c.name().to_owned(),
            source: s.clone(),
        })
        .collect();
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(layout.separator)
        .from_reader(&head[layout.header_end.min(head.len())..]);
    let mut rec = csv::StringRecord::new();
    while out.first_rows.len() < rows && rdr.read_record(&mut rec).unwrap_or(false) {
        if rec.iter().all(str::is_empty) {
            continue;
        }
        let mut vals = MappedValues::default();
        layout.mapped.apply(|i| rec.get(i).unwrap_or(""), &mut vals);
        let row: BTreeMap<String, String> = Column::ALL
            .into_iter()
            .filter(|c| !vals.get(*c).is_empty())
            .map(|c| (c.name().to_owned(), vals.get(c).to_owned()))
            .collect();
        out.first_rows.push(row);
    }
}

/// The keys of the first JSON record of a head (an array, JSON Lines, or records under a
/// key such as `data`), and the key the records sit under.
fn first_record_keys(head: &[u8]) -> (Vec<String>, Option<String>) {
    use serde_json::Value;
    let mut it = serde_json::Deserializer::from_slice(head).into_iter::<Value>();
    let first = if let Some(Ok(v)) = it.next() {
        v
    } else {
        // a head cut inside the first value: read the first line alone (JSON Lines)
        let line = head.split(|b| *b == b'\n').next().unwrap_or_default();
        match serde_json::from_slice::<Value>(line) {
            Ok(v) => v,
            Err(_) => return (Vec::new(), None),
        }
    };
    let keys = |v: &Value| -> Vec<String> {
        v.as_object()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default()
    };
    match &first {
        Value::Array(a) => (a.first().map(keys).unwrap_or_default(), None),
        Value::Object(o) => {
            let under = o.iter().find(|(_, v)| {
                v.as_array()
                    .is_some_and(|a| a.first().is_some_and(Value::is_object))
            });
            match under {
                Some((k, Value::Array(a))) if !o.contains_key("MaHoSo") => {
                    (a.first().map(keys).unwrap_or_default(), Some(k.clone()))
                }
                _ => (keys(&first), None),
            }
        }
        _ => (Vec::new(), None),
    }
}

/// The mapping of the first JSON record's keys, and the hints when records sit under a key
/// the profile does not read.
fn json_layout(head: &[u8], profile: &Profile, out: &mut Inspection) {
    let (keys, under) = first_record_keys(head);
    let names: Vec<&str> = keys.iter().map(String::as_str).collect();
    out.source_columns.clone_from(&keys);
    if let Some(k) = &under {
        if profile.record_path.as_deref() != Some(k.as_str()) && !profile.auto {
            out.hints.push(format!(
                "the records sit under `{k}`: --profile rest-camel (or a profile with record_path = \"{k}\") reads them"
            ));
        }
    }
    let p = if profile.auto {
        crate::profile::detect(&crate::profile::Signature {
            names: &names,
            has_null_tokens: false,
            under_data: under.as_deref() == Some("data"),
        })
        .0
    } else {
        profile.clone()
    };
    if let Ok(m) = p.map_header(names.iter().copied()) {
        out.mapping = m
            .mapping()
            .iter()
            .map(|(c, s)| MappedColumn {
                contract: c.name().to_owned(),
                source: s.clone(),
            })
            .collect();
    } else {
        out.hints.extend(near_miss_hints(&p, &names));
    }
}

fn near_miss_hints(profile: &Profile, names: &[&str]) -> Vec<String> {
    crate::profile::near_misses(profile, names)
        .into_iter()
        .map(|m| match m.profile {
            Some(p) => format!(
                "`{}` found for {}: --profile {p} maps it",
                m.found, m.column
            ),
            None => format!(
                "`{}` found for {}: the names differ by {}",
                m.found, m.column, m.how
            ),
        })
        .collect()
}

fn finish(
    res: Result<motcua_core::dossier::InputSummary, crate::input::InputError>,
    profile: &Profile,
    out: &mut Inspection,
) {
    let input = match res {
        Ok(i) => i,
        Err(e) => {
            out.error = Some(e.to_string());
            if let crate::input::InputError::Read(crate::ReadError::HeaderHint { hint, .. }) = &e {
                out.hints.push(hint.clone());
            }
            return;
        }
    };
    out.profile.clone_from(&input.profile);
    (out.rows, out.used, out.rejected, out.not_received) =
        (input.rows, input.used, input.rejected, input.not_received);
    let mut by: BTreeMap<String, Rejections> = BTreeMap::new();
    for e in &input.errors {
        let r = by.entry(e.kind.to_string()).or_insert_with(|| Rejections {
            kind: e.kind.to_string(),
            count: 0,
            first_lines: Vec::new(),
            example: e.message.clone(),
        });
        r.count += 1;
        if r.first_lines.len() < 5 {
            r.first_lines.push(e.line);
        }
    }
    out.rejections = by.into_values().collect();
    out.rejections
        .sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.kind.cmp(&b.kind)));
    let names: Vec<&str> = out.mapping.iter().map(|m| m.source.as_str()).collect();
    for m in crate::profile::near_misses(profile, &names) {
        out.hints.push(match m.profile {
            Some(p) => format!(
                "`{}` found for {}: --profile {p} maps it",
                m.found, m.column
            ),
            None => format!(
                "`{}` found for {}: the names differ by {}",
                m.found, m.column, m.how
            ),
        });
    }
}

impl Inspection {
    /// The inspection as text, Vietnamese or English.
    #[must_use]
    pub fn to_text(&self, lang: Lang) -> String {
        use std::fmt::Write as _;
        let vi = lang == Lang::Vi;
        let t = |v: &'static str, e: &'static str| if vi { v } else { e };
        let mut s = String::new();
        let _ = writeln!(s, "{}: {}", t("Định dạng", "Format"), self.format);
        if let Some(p) = &self.profile {
            let how = self
                .detected
                .as_deref()
                .map(|d| format!(" ({d})"))
                .unwrap_or_default();
            let _ = writeln!(s, "{}: {p}{how}", t("Hồ sơ nguồn", "Source profile"));
        }
        let _ = writeln!(s, "{}: {}", t("Mã hóa", "Encoding"), self.encoding);
        if let Some(sep) = &self.separator {
            let _ = writeln!(s, "{}: {sep}", t("Dấu phân cách", "Separator"));
        }
        if let Some(l) = self.header_line {
            let _ = writeln!(s, "{}: {l}", t("Dòng tiêu đề", "Header line"));
        }
        if !self.mapping.is_empty() {
            let _ = writeln!(
                s,
                "{}:",
                t(
                    "Ánh xạ cột (hợp đồng ← nguồn)",
                    "Column mapping (contract ← source)"
                )
            );
            for m in &self.mapping {
                let _ = writeln!(s, "  {} ← {}", m.contract, m.source);
            }
        }
        for (i, r) in self.first_rows.iter().enumerate() {
            let cells: Vec<String> = r.iter().map(|(k, v)| format!("{k}={v}")).collect();
            let _ = writeln!(
                s,
                "{} {}: {}",
                t("Dòng dữ liệu", "Data row"),
                i + 1,
                cells.join(", ")
            );
        }
        if let Some(e) = &self.error {
            let _ = writeln!(s, "{}: {e}", t("Không đọc được", "Cannot be read"));
        } else {
            let _ = writeln!(
                s,
                "{}: {} · {}: {} · {}: {} · {}: {}",
                t("Số dòng", "Rows"),
                motcua_core::format::int(self.rows, lang),
                t("dùng", "used"),
                motcua_core::format::int(self.used, lang),
                t("bị loại", "rejected"),
                motcua_core::format::int(self.rejected, lang),
                t("chưa tiếp nhận", "not received"),
                motcua_core::format::int(self.not_received, lang)
            );
            for r in &self.rejections {
                let lines: Vec<String> = r.first_lines.iter().map(u64::to_string).collect();
                let _ = writeln!(
                    s,
                    "  {}: {} {} ({}: {}) — {}",
                    r.kind,
                    motcua_core::format::int(r.count, lang),
                    t("dòng", "rows"),
                    t("đầu tiên ở dòng", "first at lines"),
                    lines.join(", "),
                    r.example
                );
            }
        }
        for h in &self.hints {
            let _ = writeln!(s, "{}: {h}", t("Gợi ý", "Hint"));
        }
        s
    }
}
