//! Reading the national public service portal's dossier records (`HoSoDongBoDVC`) as JSON:
//! an array of records, or one record per line (JSON Lines; any white space between
//! records will do).
//!
//! The reader streams: it holds a block of about a megabyte (more only for a larger single
//! record), parses each record straight from it with `serde_json`, borrowing its strings, and
//! forgets it. Records are numbered from 1; a [`RowError`]'s `line` is the record number.
//!
//! Every contract column is read from the field of the same name (`MaHoSo`, `DonViXuLy`,
//! `KenhThucHien`, `MucDo`, `NgayTiepNhan`, `ThoiHanGiaiQuyet`, `DanhGia`, …), as a string or
//! a number (`"2"` and `2` are the same code; dates are usually `yyyyMMddHHmmss`). When
//! `SoLanBoSung` is absent, it is the length of the array `DanhSachHoSoBoSung`. Other fields
//! are ignored. A record that is not an object, or a field of the wrong type (an array for a
//! code, say), is a bad row, listed like any other; a file cut in the middle or invalid JSON
//! stops the reading with the record number and line.

use std::borrow::Cow;
use std::fmt;
use std::io::Read;

use motcua_core::calendar::Calendar;
use motcua_core::dossier::Dossier;
use motcua_core::record::{Column, ErrorKind, FieldError, Ingest, ParsedRow, RowError};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::dossiers::Ingested;
use crate::error::ReadError;
use crate::input::{InputError, Place, prefer_earlier};

/// Size of a block read at a time.
const BLOCK: usize = 1 << 20;

/// Streams the dossiers of a JSON array or JSON Lines input to `visit`, in input order.
pub fn read_dossiers<R: Read>(
    input: R,
    calendar: &Calendar,
    read: &crate::dossiers::ReadOptions,
    progress: &(dyn Fn(u64) + Sync),
    mut visit: impl FnMut(&Dossier),
) -> Result<Ingested, InputError> {
    let cx = read.row_context(calendar);
    let mut src = Source {
        input,
        buf: Vec::with_capacity(BLOCK),
        pos: 0,
        eof: false,
        line: 1,
        consumed: 0,
    };
    let mut ingest = read.ingest();
    src.skip_ws()?;
    if src.buf.starts_with(b"\xEF\xBB\xBF") {
        src.pos += 3;
        src.skip_ws()?;
    }
    let given = crate::profile::chosen(read.profile.as_ref());
    let under = enter_record_path(&mut src, &given)?;
    let profile = if given.auto {
        let keys = first_keys(&src.buf[src.pos..]);
        let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
        crate::profile::detect(&crate::profile::Signature {
            names: &refs,
            has_null_tokens: false,
            under_data: under,
        })
        .0
    } else {
        (*given).clone()
    };
    let _keys = KeyScope::set(KeyMap::new(&profile));
    let array = match src.peek() {
        None => return Err(InputError::File(
            "the input is empty: expected a JSON array of dossier records, or one record per line"
                .into(),
        )),
        Some(b'[') => {
            src.pos += 1;
            true
        }
        Some(_) => false,
    };
    let mut number = 0u64;
    loop {
        src.skip_ws()?;
        if array {
            match (src.peek(), number) {
                (Some(b']'), _) if under => break,
                (Some(b']'), _) => {
                    src.pos += 1;
                    src.skip_ws()?;
                    if src.peek().is_some() {
                        return Err(src.fault(
                            number + 1,
                            "unexpected data after the end of the array".into(),
                        ));
                    }
                    break;
                }
                (Some(b','), n) if n > 0 => {
                    src.pos += 1;
                    src.skip_ws()?;
                }
                (None, _) => {
                    return Err(src.fault(
                        number + 1,
                        "the file ends before the array is closed with ']': is it cut?".into(),
                    ));
                }
                (Some(_), 0) => {}
                (Some(c), _) => {
                    return Err(src.fault(
                        number + 1,
                        format!(
                            "expected ',' or ']' after record {number}, found '{}'",
                            char::from(c)
                        ),
                    ));
                }
            }
        } else if src.peek().is_none() {
            break;
        }
        number += 1;
        let line = src.line;
        let used = loop {
            let slice = &src.buf[src.pos..];
            let mut stream = serde_json::Deserializer::from_slice(slice).into_iter::<Raw<'_>>();
            match stream.next() {
                Some(Ok(raw)) => {
                    let end = stream.byte_offset();
                    if end == slice.len() && !src.eof {
                        // a number at the end of the block may go on in the next one
                    } else {
                        let place = Place::Record { number, line };
                        take(raw, number, &cx, &mut ingest, &mut visit).map_err(|mut error| {
                            error.record = Some(error.line);
                            InputError::Row { place, error }
                        })?;
                        break end;
                    }
                }
                Some(Err(e)) if e.is_eof() && !src.eof => {}
                Some(Err(e)) if e.is_eof() => {
                    return Err(src.fault(
                        number,
                        "the file ends in the middle of this record: is it cut?".into(),
                    ));
                }
                Some(Err(e)) => {
                    let at = format!("line {}, column {}", line + e.line() as u64 - 1, e.column());
                    let msg = e.to_string();
                    let msg = msg
                        .rsplit_once(" at line ")
                        .map_or(msg.as_str(), |(m, _)| m);
                    return Err(src.fault(number, format!("invalid JSON at {at}: {msg}")));
                }
                None => return Err(src.fault(number, "expected a record".into())),
            }
            src.fill()?;
        };
        src.advance(used);
        progress(src.consumed);
    }
    let mut ing: Ingested = read.finished(ingest);
    ing.input.profile = Some(profile.name.clone());
    for e in &mut ing.input.errors {
        e.record = Some(e.line);
    }
    Ok(ing)
}

/// The input, a block of it in memory.
struct Source<R> {
    input: R,
    buf: Vec<u8>,
    pos: usize,
    eof: bool,
    /// Line of `buf[pos]`.
    line: u64,
    /// Bytes consumed before `buf[pos]`, for progress.
    consumed: u64,
}

impl<R: Read> Source<R> {
    /// Reads another block, keeping the unconsumed bytes.
    fn fill(&mut self) -> Result<(), InputError> {
        if self.pos > 0 {
            self.buf.drain(..self.pos);
            self.pos = 0;
        }
        let start = self.buf.len();
        self.buf.resize(start + BLOCK, 0);
        let mut filled = start;
        while filled < self.buf.len() {
            match self.input.read(&mut self.buf[filled..]) {
                Ok(0) => {
                    self.eof = true;
                    break;
                }
                Ok(n) => filled += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => {
                    self.buf.truncate(filled);
                    return Err(ReadError::Stream(e).into());
                }
            }
        }
        self.buf.truncate(filled);
        Ok(())
    }

    fn peek(&self) -> Option<u8> {
        self.buf.get(self.pos).copied()
    }

    fn advance(&mut self, n: usize) {
        self.line += memchr::memchr_iter(b'\n', &self.buf[self.pos..self.pos + n]).count() as u64;
        self.pos += n;
        self.consumed += n as u64;
    }

    /// Skips white space, reading more as needed; at the end, `peek` is `None` only at the
    /// end of the input.
    fn skip_ws(&mut self) -> Result<(), InputError> {
        loop {
            let rest = &self.buf[self.pos..];
            let n = rest
                .iter()
                .position(|b| !matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
                .unwrap_or(rest.len());
            self.advance(n);
            if self.pos < self.buf.len() || self.eof {
                return Ok(());
            }
            self.fill()?;
        }
    }

    fn fault(&self, number: u64, message: String) -> InputError {
        InputError::At {
            place: Place::Record {
                number,
                line: self.line,
            },
            message,
        }
    }
}

/// Hands one record to the ingest.
fn take(
    raw: Raw<'_>,
    number: u64,
    cx: &motcua_core::record::RowContext<'_>,
    ingest: &mut Ingest,
    visit: &mut impl FnMut(&Dossier),
) -> Result<(), RowError> {
    let mut fields = match raw {
        Raw::Object(f) => f,
        Raw::Other(kind) => {
            let message = format!("the record is {kind}, not an object of dossier fields");
            return ingest.reject_unparsed(RowError::new(
                number,
                None,
                ErrorKind::Unparseable,
                message,
            ));
        }
    };
    if let Some(message) = fields.duplicate.take() {
        let code = fields
            .text(Column::MaHoSo)
            .map(str::trim)
            .filter(|c| !c.is_empty());
        let row = ParsedRow::Bad {
            code,
            error: FieldError::record(message),
        };
        return ingest.accept(number, row).map(|_| ());
    }
    if fields.get(Column::SoLanBoSung).is_none() {
        if let Some(Ok(n)) = &fields.supplements {
            fields.values[Column::SoLanBoSung as usize] =
                Some(Value::Text(Cow::Owned(n.to_string())));
        }
    }
    let fault = Column::ALL.into_iter().find_map(|c| fields.type_fault(c));
    let profile = KeyScope::profile();
    let mut vals = motcua_core::profile::MappedValues::default();
    for c in Column::ALL {
        let v = match (fields.text(c), fields.derived_text(c)) {
            (Some(t), _) => motcua_core::profile::map_value(&profile, c, t),
            (None, Some(t)) => {
                Cow::Owned(motcua_core::profile::derive(&profile, c, t).into_owned())
            }
            (None, None) if profile.derived.contains_key(&c) && !fields.has_derived(c) => {
                Cow::Borrowed("")
            }
            (None, None) => motcua_core::profile::map_value(&profile, c, ""),
        };
        vals.set(c, v);
    }
    let parsed = motcua_core::record::parse_row_with(|c| vals.get(c), cx);
    let parsed = prefer_earlier(parsed, fault);
    if let Some(d) = ingest.accept(number, parsed)? {
        visit(&d);
    }
    Ok(())
}

/// One field's value.
enum Value<'a> {
    Text(Cow<'a, str>),
    /// A whole number, its digits kept inline (no allocation).
    Int(Digits),
    Bool(bool),
    Null,
    Wrong(&'static str),
}

/// A record: the contract fields it has.
struct Fields<'a> {
    values: [Option<Value<'a>>; Column::COUNT],
    /// Length of `DanhSachHoSoBoSung`, or the kind of value it wrongly is.
    supplements: Option<Result<usize, &'static str>>,
    duplicate: Option<String>,
    /// Values of the fields that derived columns come from.
    derived: Vec<(Column, Value<'a>)>,
}

impl Fields<'_> {
    fn derived_text(&self, c: Column) -> Option<&str> {
        self.derived
            .iter()
            .find(|(d, _)| *d == c)
            .and_then(|(_, v)| match v {
                Value::Text(t) => Some(&**t),
                Value::Int(d) => Some(d.as_str()),
                _ => None,
            })
    }

    fn has_derived(&self, c: Column) -> bool {
        self.derived.iter().any(|(d, _)| *d == c)
    }

    fn get(&self, c: Column) -> Option<&Value<'_>> {
        self.values[c as usize]
            .as_ref()
            .filter(|v| !matches!(v, Value::Null))
    }

    fn text(&self, c: Column) -> Option<&str> {
        match self.get(c)? {
            Value::Text(t) => Some(t),
            Value::Int(d) => Some(d.as_str()),
            Value::Bool(true) if c == Column::PhanAnh => Some("1"),
            Value::Bool(false) if c == Column::PhanAnh => Some("0"),
            _ => None,
        }
    }

    fn type_fault(&self, c: Column) -> Option<FieldError> {
        let kind = match self.get(c) {
            Some(Value::Wrong(kind)) => *kind,
            Some(Value::Bool(_)) if c != Column::PhanAnh => "a boolean",
            None if c == Column::SoLanBoSung => match self.supplements {
                Some(Err(kind)) => {
                    let message = format!(
                        "DanhSachHoSoBoSung must be an array of supplement requests, not {kind}"
                    );
                    return Some(FieldError::new(c, ErrorKind::Unparseable, message));
                }
                _ => return None,
            },
            _ => return None,
        };
        Some(FieldError::new(
            c,
            ErrorKind::Unparseable,
            format!("{c} must be a string or a number, not {kind}"),
        ))
    }
}

/// A record as read: an object's fields, or the kind of the value that is not an object.
/// One lives at a time, on the stack: boxing the large variant would cost an allocation
/// per record.
#[allow(clippy::large_enum_variant)]
enum Raw<'a> {
    Object(Fields<'a>),
    Other(&'static str),
}

#[derive(Clone, Copy)]
enum Key {
    Col(Column),
    Derived(Column),
    Supplements,
    Other,
}

/// Source key → what it stands for, through the profile of the read.
struct KeyMap {
    keys: std::collections::HashMap<String, Key>,
    case_insensitive: bool,
    profile: std::sync::Arc<motcua_core::profile::Profile>,
}

impl KeyMap {
    fn new(p: &motcua_core::profile::Profile) -> Self {
        let norm = |s: &str| {
            if p.case_insensitive {
                s.to_lowercase()
            } else {
                s.to_owned()
            }
        };
        let mut keys = std::collections::HashMap::new();
        for c in Column::ALL {
            for n in p.names_of(c) {
                keys.entry(norm(n)).or_insert(Key::Col(c));
            }
        }
        for (c, d) in &p.derived {
            keys.entry(norm(&d.from)).or_insert(Key::Derived(*c));
        }
        keys.entry(norm("DanhSachHoSoBoSung"))
            .or_insert(Key::Supplements);
        Self {
            keys,
            case_insensitive: p.case_insensitive,
            profile: std::sync::Arc::new(p.clone()),
        }
    }

    fn key(&self, s: &str) -> Key {
        let k = if self.case_insensitive {
            self.keys.get(&s.to_lowercase())
        } else {
            self.keys.get(s)
        };
        k.copied().unwrap_or(Key::Other)
    }
}

thread_local! {
    static KEYS: std::cell::RefCell<Option<KeyMap>> = const { std::cell::RefCell::new(None) };
}

/// The key map of the read on this thread (records are deserialised without a seed).
struct KeyScope;

impl KeyScope {
    fn set(map: KeyMap) -> Self {
        KEYS.with(|k| *k.borrow_mut() = Some(map));
        Self
    }

    fn key(s: &str) -> Key {
        KEYS.with(|k| k.borrow().as_ref().map_or(Key::Other, |m| m.key(s)))
    }

    fn profile() -> std::sync::Arc<motcua_core::profile::Profile> {
        KEYS.with(|k| {
            k.borrow().as_ref().map_or_else(
                || std::sync::Arc::new(motcua_core::profile::Profile::contract()),
                |m| m.profile.clone(),
            )
        })
    }
}

impl Drop for KeyScope {
    fn drop(&mut self) {
        KEYS.with(|k| *k.borrow_mut() = None);
    }
}

/// With a `record_path` (or `auto`), steps into `{"data": [` and says whether it did.
fn enter_record_path<R: Read>(
    src: &mut Source<R>,
    profile: &motcua_core::profile::Profile,
) -> Result<bool, InputError> {
    if src.peek() != Some(b'{') {
        return Ok(false);
    }
    let path = match (&profile.record_path, profile.auto) {
        (Some(p), _) => p.clone(),
        (None, true) => "data".to_owned(),
        (None, false) => return Ok(false),
    };
    // a page is small: hold it whole to find the key
    while !src.eof {
        let before = src.buf.len() - src.pos;
        src.fill()?;
        if src.buf.len() - src.pos == before {
            break;
        }
    }
    let slice = &src.buf[src.pos..];
    let Some(at) = find_key_array(slice, &path) else {
        return Ok(false);
    };
    src.advance(at);
    Ok(true)
}

/// Offset of the `[` of `"key": [` at the top level of an object.
fn find_key_array(slice: &[u8], key: &str) -> Option<usize> {
    let mut depth = 0i32;
    let mut i = 0;
    while i < slice.len() {
        match slice[i] {
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < slice.len() && slice[i] != b'"' {
                    if slice[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                let text = &slice[start..i.min(slice.len())];
                if depth == 1 && text == key.as_bytes() {
                    let mut j = i + 1;
                    while j < slice.len() && slice[j].is_ascii_whitespace() {
                        j += 1;
                    }
                    if slice.get(j) == Some(&b':') {
                        j += 1;
                        while j < slice.len() && slice[j].is_ascii_whitespace() {
                            j += 1;
                        }
                        if slice.get(j) == Some(&b'[') {
                            return Some(j);
                        }
                    }
                }
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => depth -= 1,
            _ => {}
        }
        i += 1;
    }
    None
}

/// The keys of the first record (of an array or lines) in `slice`.
#[allow(clippy::zero_sized_map_values)] // only the keys are wanted: the values are skipped
fn first_keys(slice: &[u8]) -> Vec<String> {
    let s = slice.trim_ascii_start();
    let s = s.strip_prefix(b"[").unwrap_or(s);
    let mut it = serde_json::Deserializer::from_slice(s)
        .into_iter::<std::collections::BTreeMap<String, IgnoredAny>>();
    match it.next() {
        Some(Ok(m)) => m.into_keys().collect(),
        _ => Vec::new(),
    }
}

impl<'de> serde::Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Key;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a field name")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Key, E> {
                use Column as C;
                if KEYS.with(|k| k.borrow().is_some()) {
                    return Ok(KeyScope::key(s));
                }
                Ok(Key::Col(match s {
                    "MaHoSo" => C::MaHoSo,
                    "MaTTHC" => C::MaTTHC,
                    "DonViXuLy" => C::DonViXuLy,
                    "KenhThucHien" => C::KenhThucHien,
                    "MucDo" => C::MucDo,
                    "NgayTiepNhan" => C::NgayTiepNhan,
                    "NgayHenTra" => C::NgayHenTra,
                    "ThoiHanGiaiQuyet" => C::ThoiHanGiaiQuyet,
                    "NgayKetThucXuLy" => C::NgayKetThucXuLy,
                    "NgayTra" => C::NgayTra,
                    "TrangThaiHoSo" => C::TrangThaiHoSo,
                    "SoLanBoSung" => C::SoLanBoSung,
                    "DanhGia" => C::DanhGia,
                    "CanBoTiepNhan" => C::CanBoTiepNhan,
                    "SoCoQuanLienHe" => C::SoCoQuanLienHe,
                    "PhanAnh" => C::PhanAnh,
                    "DanhSachHoSoBoSung" => return Ok(Key::Supplements),
                    _ => return Ok(Key::Other),
                }))
            }
        }
        d.deserialize_str(V)
    }
}

impl<'de> serde::Deserialize<'de> for Raw<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

macro_rules! other {
    ($($name:ident: $t:ty => $kind:expr),* $(,)?) => {
        $(fn $name<E: de::Error>(self, _: $t) -> Result<Self::Value, E> { Ok(Raw::Other($kind)) })*
    };
}

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Raw<'de>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a dossier record")
    }
    other! { visit_bool: bool => "a boolean", visit_i64: i64 => "a number", visit_u64: u64 => "a number",
    visit_f64: f64 => "a number", visit_str: &str => "a string" }
    fn visit_unit<E: de::Error>(self) -> Result<Raw<'de>, E> {
        Ok(Raw::Other("null"))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw<'de>, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Raw::Other("an array"))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw<'de>, A::Error> {
        let mut f = Fields {
            values: Default::default(),
            supplements: None,
            duplicate: None,
            derived: Vec::new(),
        };
        while let Some(key) = map.next_key::<Key>()? {
            match key {
                Key::Col(c) => {
                    let v = map.next_value_seed(ValueSeed)?;
                    if f.values[c as usize].replace(v).is_some() && f.duplicate.is_none() {
                        f.duplicate =
                            Some(format!("field {c} appears more than once in the record"));
                    }
                }
                Key::Supplements => f.supplements = Some(map.next_value_seed(CountSeed)?),
                Key::Derived(c) => {
                    let v = map.next_value_seed(ValueSeed)?;
                    f.derived.push((c, v));
                }
                Key::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(Raw::Object(f))
    }
}

struct ValueSeed;

impl<'de> DeserializeSeed<'de> for ValueSeed {
    type Value = Value<'de>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value<'de>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed {
    type Value = Value<'de>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string or a number")
    }
    fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Value<'de>, E> {
        Ok(Value::Text(Cow::Borrowed(s)))
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<Value<'de>, E> {
        Ok(Value::Text(Cow::Owned(s.to_owned())))
    }
    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Value<'de>, E> {
        Ok(Value::Int(Digits::new(n, false)))
    }
    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Value<'de>, E> {
        Ok(Value::Int(Digits::new(n.unsigned_abs(), n < 0)))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value<'de>, E> {
        Ok(Value::Text(Cow::Owned(number_text(v))))
    }
    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Value<'de>, E> {
        Ok(Value::Bool(b))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Value<'de>, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value<'de>, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Value::Wrong("an array"))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value<'de>, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Value::Wrong("an object"))
    }
}

macro_rules! other_count {
    () => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok(Err("a boolean"))
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Ok(Err("a number"))
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Ok(Err("a number"))
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok(Err("a number"))
        }
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Ok(Err("a string"))
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            Ok(Err("an object"))
        }
    };
}

/// Counts the elements of `DanhSachHoSoBoSung`.
struct CountSeed;

impl<'de> DeserializeSeed<'de> for CountSeed {
    type Value = Result<usize, &'static str>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for CountSeed {
    type Value = Result<usize, &'static str>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut n = 0;
        while seq.next_element::<IgnoredAny>()?.is_some() {
            n += 1;
        }
        Ok(Ok(n))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Ok(0))
    }
    other_count! {}
}

/// The decimal digits of a whole number, held inline.
#[derive(Clone, Copy)]
struct Digits {
    buf: [u8; 21],
    start: u8,
}

impl Digits {
    fn new(mut n: u64, negative: bool) -> Self {
        let mut buf = [0u8; 21];
        let mut i = buf.len();
        loop {
            i -= 1;
            buf[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        if negative {
            i -= 1;
            buf[i] = b'-';
        }
        Self {
            buf,
            start: i as u8,
        }
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[usize::from(self.start)..]).unwrap_or("")
    }
}

/// A number as a code or count reads it: `1.0` is `1`.
#[must_use]
pub fn number_text(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}
