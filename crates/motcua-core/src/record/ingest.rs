//! [`Ingest`]: parsed rows, in input order, become dossiers; repeated codes are rejected and
//! the input summary is kept.

use std::fmt;

use chrono::NaiveDate;

use super::{Column, ErrorKind, FieldError, ParsedRow, RowError};
use crate::catalog::Catalog;
use crate::codes::OnlineLevel;
use crate::dossier::{AgencyId, Dossier, FieldId, InputSummary, Interner, OfficialId, ProcedureId};
use crate::timestamp::Timestamp;

/// A 64-bit fingerprint of a dossier code, for duplicate detection in bounded memory.
///
/// Every 8 bytes of the code go through a full 64-bit mix, so two different codes share a
/// fingerprint with probability about 2⁻⁶⁴ per pair (about 3 in a million over a
/// 10-million-row file).
///
/// Codes are compared after Unicode NFC normalisation (contract v2 preamble): a code written
/// decomposed has the fingerprint of its composed form.
#[must_use]
pub fn fingerprint(code: &str) -> u64 {
    if code.is_ascii() {
        fingerprint_raw(code)
    } else {
        fingerprint_raw(&crate::profile::nfc(code))
    }
}

fn fingerprint_raw(code: &str) -> u64 {
    let bytes = code.as_bytes();
    let mut h =
        0x243f_6a88_85a3_08d3_u64 ^ (bytes.len() as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    for chunk in bytes.chunks(8) {
        let mut w = [0u8; 8];
        w[..chunk.len()].copy_from_slice(chunk);
        h = mix(h ^ u64::from_le_bytes(w));
    }
    mix(h)
}

/// The finaliser of `MurmurHash3` (`fmix64`): every input bit affects every output bit.
const fn mix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// The dossier codes seen so far, as fingerprints in an open-addressing table (one cache
/// line touched per look-up, 8 bytes a code).
///
/// The table may have any length: a fingerprint's first slot is its fraction of the length
/// (`fp × len / 2⁶⁴`), so that a table reserved for a known number of codes is filled to
/// [`CodeSet::RESERVED_LOAD`] (about 9,4 bytes a code) instead of a power of two's 0,35 to
/// 0,7. Linear probing stays short at that load because the table only grows: filling it
/// to a load α costs ½(1 + 1/(1 − α)) probes on average, under 4 at 0,85 and mostly within
/// one cache line.
#[derive(Default, Clone)]
pub struct CodeSet {
    slots: Vec<u64>,
    len: usize,
}

impl fmt::Debug for CodeSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CodeSet({} codes)", self.len)
    }
}

impl CodeSet {
    /// The load a table reserved for a known number of codes is sized for.
    pub const RESERVED_LOAD: f64 = 0.85;
    /// Past this load (in tenths) an insert grows the table by half.
    const MAX_LOAD_TENTHS: usize = 9;

    /// Makes room for `n` more codes, so that a large input does not rehash as it grows.
    pub fn reserve(&mut self, n: usize) {
        #[allow(
            clippy::cast_precision_loss,
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss
        )]
        let want = (((self.len + n) as f64 / Self::RESERVED_LOAD) as usize + 1).max(1024);
        if want > self.slots.len() {
            self.rehash(want);
        }
    }

    /// Bytes the table holds (its slots), for the memory budget.
    #[must_use]
    pub fn bytes(&self) -> usize {
        self.slots.len() * std::mem::size_of::<u64>()
    }

    fn rehash(&mut self, size: usize) {
        let old = std::mem::replace(&mut self.slots, vec![0; size]);
        self.len = 0;
        for fp in old.into_iter().filter(|&f| f != 0) {
            self.insert_unchecked(fp);
        }
    }

    /// The first slot of a fingerprint: its fraction of the table's length.
    #[inline]
    fn home(&self, fp: u64) -> usize {
        // the product's high half is below the length, which is a usize
        #[allow(clippy::cast_possible_truncation)]
        let i = ((u128::from(fp) * self.slots.len() as u128) >> 64) as usize;
        i
    }

    fn insert_unchecked(&mut self, fp: u64) -> bool {
        let n = self.slots.len();
        let mut i = self.home(fp);
        loop {
            match self.slots[i] {
                0 => {
                    self.slots[i] = fp;
                    self.len += 1;
                    return true;
                }
                f if f == fp => return false,
                _ => {
                    i += 1;
                    if i == n {
                        i = 0;
                    }
                }
            }
        }
    }

    /// Records a fingerprint; `false` when it was seen before.
    pub fn insert(&mut self, fp: u64) -> bool {
        // 0 marks an empty slot
        let fp = if fp == 0 { 1 } else { fp };
        if (self.len + 1) * 10 > self.slots.len() * Self::MAX_LOAD_TENTHS {
            self.rehash((self.slots.len() + self.slots.len() / 2).max(1024));
        }
        self.insert_unchecked(fp)
    }

    /// Reads the slots where these fingerprints' look-ups start, all at once, so that the
    /// [`CodeSet::insert`]s that follow find them in cache: the reads are independent, so
    /// the processor waits for their cache misses together instead of one after the other.
    /// Changes nothing in the set.
    pub fn warm(&self, fps: &[u64]) {
        if self.slots.is_empty() {
            return;
        }
        let mut acc = 0u64;
        for &fp in fps {
            let fp = if fp == 0 { 1 } else { fp };
            acc ^= self.slots[self.home(fp)];
        }
        std::hint::black_box(acc);
    }

    /// Number of codes seen.
    #[must_use]
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether no code was seen.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// Which used dossiers to keep with their codes (for dossier lists, contract section 12).
pub type KeepFilter = Box<dyn Fn(&Dossier) -> bool + Send + Sync>;

/// A used dossier kept with its code by [`Ingest::keep`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    /// The dossier, with its final ids.
    pub dossier: Dossier,
    /// Its `MaHoSo`.
    pub code: Box<str>,
}

/// Turns parsed rows, in input order, into dossiers: rejects repeated codes (the later row),
/// interns agencies, officials, procedures and fields, fills the level and field of a
/// dossier from the procedure catalog, and keeps the [`InputSummary`].
#[derive(Default)]
pub struct Ingest {
    strict: bool,
    seen: CodeSet,
    catalog: Option<std::sync::Arc<Catalog>>,
    /// Per procedure id: the catalog's level and field id, once looked up.
    from_catalog: Vec<Option<(Option<OnlineLevel>, Option<u32>)>>,
    keep: Option<KeepFilter>,
    /// Agencies met so far.
    pub agencies: Interner,
    /// Officials met so far.
    pub officials: Interner,
    /// Procedures met so far.
    pub procedures: Interner,
    /// Fields met so far (from rows or the catalog).
    pub fields: Interner,
    /// Rows read, used, rejected, not received, and the errors.
    pub input: InputSummary,
    /// The dossiers kept by [`Ingest::keep`], in input order.
    pub kept: Vec<Kept>,
}

impl fmt::Debug for Ingest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Ingest")
            .field("strict", &self.strict)
            .field("seen", &self.seen)
            .field("agencies", &self.agencies.len())
            .field("input", &self.input)
            .field("kept", &self.kept.len())
            .finish_non_exhaustive()
    }
}

// A row error is returned once per read (strict mode), never per row: its size costs nothing.
#[allow(clippy::result_large_err)]
impl Ingest {
    /// A new ingest; in `strict` mode the first bad row is returned as an error.
    #[must_use]
    pub fn new(strict: bool) -> Self {
        Self {
            strict,
            ..Self::default()
        }
    }

    /// Joins a procedure catalog (contract section 13): a dossier without a level or a
    /// field takes its procedure's.
    #[must_use]
    pub fn with_catalog(mut self, catalog: Option<std::sync::Arc<Catalog>>) -> Self {
        self.catalog = catalog;
        self
    }

    /// Keeps every used dossier that `filter` accepts, with its code, in [`Ingest::kept`].
    #[must_use]
    pub fn keep(mut self, filter: KeepFilter) -> Self {
        self.keep = Some(filter);
        self
    }

    /// The catalog's level and field id of procedure `p`, looked up once per procedure.
    fn catalog_entry(&mut self, p: ProcedureId) -> Option<(Option<OnlineLevel>, Option<u32>)> {
        let cat = self.catalog.as_ref()?;
        let i = p.0 as usize;
        if self.from_catalog.len() <= i {
            self.from_catalog.resize(i + 1, None);
        }
        if self.from_catalog[i].is_none() {
            let hit = match cat.get(self.procedures.name(p.0)) {
                Some(e) => (e.level, e.field.as_deref().map(|f| self.fields.intern(f))),
                None => (None, None),
            };
            self.from_catalog[i] = Some(hit);
        }
        self.from_catalog[i]
    }

    /// Gives a used dossier its line and its procedure and field ids, applies the catalog,
    /// and counts it as used. `procedure` and `field` are the row's own (already interned here).
    pub fn complete(
        &mut self,
        line: u64,
        code: &str,
        dossier: &mut Dossier,
        procedure: Option<ProcedureId>,
        field: Option<FieldId>,
    ) {
        dossier.line = line;
        dossier.procedure = procedure;
        dossier.field = field;
        if let Some(p) = procedure {
            if let Some((level, field)) = self.catalog_entry(p) {
                if dossier.level.is_none() {
                    dossier.level = level;
                }
                if dossier.field.is_none() {
                    dossier.field = field.map(FieldId);
                }
            }
        }
        if dossier.level.is_none() {
            self.input.without_level += 1;
        }
        self.input.used += 1;
        if let Some(keep) = &self.keep {
            if keep(dossier) {
                self.kept.push(Kept {
                    dossier: *dossier,
                    code: code.into(),
                });
            }
        }
    }

    /// Brings the duplicate check's slots for these code fingerprints into cache before the
    /// rows are taken in order (see [`CodeSet::warm`]); which row is "the later one" does
    /// not change.
    pub fn warm_codes(&self, fps: &[u64]) {
        self.seen.warm(fps);
    }

    /// Makes room for about `rows` more distinct dossier codes.
    pub fn reserve(&mut self, rows: usize) {
        self.seen.reserve(rows);
    }

    /// Takes the row that starts at `line`. `Ok(Some(d))` for a received dossier, `Ok(None)`
    /// for a row that is not received or (lenient mode) rejected and listed.
    pub fn accept(&mut self, line: u64, row: ParsedRow<'_>) -> Result<Option<Dossier>, RowError> {
        let code = match &row {
            ParsedRow::Received { code, .. } | ParsedRow::NotReceived { code } => Some(*code),
            ParsedRow::Bad { code, .. } => *code,
        };
        self.accept_fingerprinted(line, code.map(|c| (c, fingerprint(c))), row)
    }

    /// As [`Ingest::accept`], with the code's fingerprint already computed (by a worker
    /// thread, say).
    pub fn accept_fingerprinted(
        &mut self,
        line: u64,
        code: Option<(&str, u64)>,
        row: ParsedRow<'_>,
    ) -> Result<Option<Dossier>, RowError> {
        if !self.begin_row(line, code)? {
            return Ok(None);
        }
        match row {
            ParsedRow::Received {
                code,
                agency,
                official,
                procedure,
                field,
                mut dossier,
            } => {
                dossier.agency = AgencyId(self.agencies.intern(agency));
                dossier.official = official.map(|o| OfficialId(self.officials.intern(o)));
                let procedure = procedure.map(|p| ProcedureId(self.procedures.intern(p)));
                let field = field.map(|f| FieldId(self.fields.intern(f)));
                self.complete(line, code, &mut dossier, procedure, field);
                Ok(Some(dossier))
            }
            ParsedRow::NotReceived { .. } => {
                self.input.not_received += 1;
                Ok(None)
            }
            ParsedRow::Bad { error, .. } => self.reject(error.at(line)),
        }
    }

    /// Starts a row: counts it and checks its code against the codes seen before.
    /// `Ok(false)` when the row was rejected as a duplicate (lenient mode); the caller
    /// must then drop it. Otherwise the caller records the row's fate with
    /// [`Ingest::used`], [`Ingest::not_received`] or [`Ingest::reject`].
    pub fn begin_row(&mut self, line: u64, code: Option<(&str, u64)>) -> Result<bool, RowError> {
        self.input.rows += 1;
        if let Some((c, fp)) = code {
            if !self.seen.insert(fp) {
                self.reject(
                    FieldError::new(
                        Column::MaHoSo,
                        ErrorKind::Duplicate,
                        format!("duplicate dossier code '{c}'"),
                    )
                    .at(line),
                )?;
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// The dataset of the rows taken, with `dossiers` (the used ones, in input order).
    #[must_use]
    pub fn into_dataset(self, dossiers: Vec<Dossier>) -> crate::dossier::Dataset {
        let Self {
            agencies,
            officials,
            procedures,
            fields,
            input,
            ..
        } = self;
        crate::dossier::Dataset {
            agencies,
            officials,
            procedures,
            fields,
            dossiers,
            input,
        }
    }

    /// Records a valid row with status 1 or 3 (after [`Ingest::begin_row`]).
    pub fn not_received(&mut self) {
        self.input.not_received += 1;
    }

    /// Records a row rejected before it could be parsed (bad encoding, wrong field count).
    pub fn reject(&mut self, error: RowError) -> Result<Option<Dossier>, RowError> {
        if self.strict {
            return Err(error);
        }
        self.input.rejected += 1;
        self.input.errors.push(error);
        Ok(None)
    }

    /// Records a row that could not even be split into fields; it counts as read.
    pub fn reject_unparsed(&mut self, error: RowError) -> Result<(), RowError> {
        self.input.rows += 1;
        self.reject(error).map(|_| ())
    }
}

/// Parses a date the way [`parse_row`] does, for callers that need one (e.g. CLI options).
pub fn parse_date(text: &str) -> Result<NaiveDate, crate::timestamp::TimestampError> {
    Timestamp::parse(text).map(|t| t.date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_set_grows_and_remembers() {
        let mut set = CodeSet::default();
        for i in 0..100_000u32 {
            assert!(set.insert(fingerprint(&format!("H53-{i:06}"))));
        }
        assert_eq!(set.len(), 100_000);
        for i in (0..100_000u32).step_by(7) {
            assert!(!set.insert(fingerprint(&format!("H53-{i:06}"))));
        }
        // 0 is the empty-slot marker: a zero fingerprint is still remembered
        assert!(set.insert(0));
        assert!(!set.insert(0));
        let mut reserved = CodeSet::default();
        reserved.reserve(10);
        assert!(reserved.is_empty());
    }

    #[test]
    fn a_reserved_code_set_holds_its_codes_in_under_ten_bytes_each() {
        let n = 200_000;
        let mut set = CodeSet::default();
        set.reserve(n);
        let reserved = set.bytes();
        assert!(reserved <= n * 19 / 2, "{reserved} bytes for {n} codes");
        for i in 0..n {
            assert!(set.insert(fingerprint(&format!("H53-{i:07}"))));
        }
        // filled to the reserved load without growing
        assert_eq!(set.bytes(), reserved);
        for i in (0..n).step_by(11) {
            assert!(!set.insert(fingerprint(&format!("H53-{i:07}"))));
        }
        assert_eq!(set.len(), n);
    }

    #[test]
    fn fingerprints_differ_for_near_codes() {
        let a = fingerprint("000.00.09.H53-220121-0001");
        let b = fingerprint("000.00.09.H53-220121-0002");
        let c = fingerprint("000.00.09.H53-220121-00010");
        assert_ne!(a, b);
        assert_ne!(a, c);
        assert_eq!(a, fingerprint("000.00.09.H53-220121-0001"));
    }
}
