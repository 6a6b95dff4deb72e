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

/// The dossier codes seen so far, as fingerprints in open-addressing tables (one cache line
/// touched per look-up, 8 bytes a code).
///
/// The fingerprints are spread by their top bits over [`CodeSet::SHARDS`] tables, and each
/// table grows alone, by an eighth, when it is nine tenths full: a set that grows as a
/// stream is read holds 8,9 to 10 bytes a code at any size, and growing copies one table,
/// never the whole set (a single table that grows by half holds up to 13 bytes a code, and
/// 22 while it copies itself). Within a table a fingerprint's first slot is its fraction of
/// the length (`fp × len / 2⁶⁴`), so that a table may have any length; a set reserved for a
/// known number of codes is sized for [`CodeSet::RESERVED_LOAD`] (9 bytes a code and the
/// margin for the tables' unequal shares, 2 % at 10 M codes).
/// Linear probing stays short at these loads: filling a table to a load α costs
/// ½(1 + 1/(1 − α)) probes on average, under 6 at 0,9 and mostly within one cache line.
#[derive(Default, Clone)]
pub struct CodeSet {
    shards: Vec<Shard>,
    len: usize,
}

/// One table of a [`CodeSet`]. A table that grows past [`Slots::CONTIGUOUS`] slots is held
/// in pages of [`Slots::PAGE`]: the allocator reuses the pages a grown table frees for the
/// next table that grows, where tables of ever larger sizes would leave holes that it
/// cannot reuse (about 50 MB of them at 30 M codes).
#[derive(Default, Clone)]
struct Shard {
    slots: Slots,
    len: usize,
}

/// Slots in pages of [`Slots::PAGE`], or in one run for a table of at most
/// [`Slots::CONTIGUOUS`] (where an eighth more is less than a page) and for a table reserved
/// for a known number of codes (which does not grow unless the guess was short).
#[derive(Default, Clone)]
struct Slots {
    pages: Vec<Box<[u64]>>,
    len: usize,
}

impl Slots {
    const PAGE_BITS: u32 = 10;
    /// Slots in a page: 8 KiB.
    const PAGE: usize = 1 << Self::PAGE_BITS;
    /// The largest table held in one run: 64 KiB.
    const CONTIGUOUS: usize = 8 * Self::PAGE;

    /// `n` empty slots in one run.
    fn run(n: usize) -> Self {
        Self {
            pages: vec![vec![0; n].into_boxed_slice()],
            len: n,
        }
    }

    /// At least `n` empty slots: a table of more than [`Slots::CONTIGUOUS`] is rounded up
    /// to whole pages.
    fn new(n: usize) -> Self {
        if n <= Self::CONTIGUOUS {
            return Self::run(n);
        }
        let pages = n.div_ceil(Self::PAGE);
        Self {
            pages: (0..pages)
                .map(|_| vec![0; Self::PAGE].into_boxed_slice())
                .collect(),
            len: pages * Self::PAGE,
        }
    }

    fn len(&self) -> usize {
        self.len
    }

    #[inline]
    fn get(&self, i: usize) -> u64 {
        match &self.pages[..] {
            [run] => run[i],
            pages => pages[i >> Self::PAGE_BITS][i & (Self::PAGE - 1)],
        }
    }

    #[inline]
    fn set(&mut self, i: usize, v: u64) {
        match &mut self.pages[..] {
            [run] => run[i] = v,
            pages => pages[i >> Self::PAGE_BITS][i & (Self::PAGE - 1)] = v,
        }
    }

    /// The size a full table grows to: an eighth more, in whole pages past one run.
    fn grown(n: usize) -> usize {
        let want = (n + n / 8).max(Shard::MIN_SLOTS);
        if want <= Self::CONTIGUOUS {
            return want;
        }
        // whole pages, the nearest to an eighth more and at least one more
        let pages = n.div_ceil(Self::PAGE);
        (pages + ((pages + 4) / 8).max(1)) * Self::PAGE
    }

    fn iter(&self) -> impl Iterator<Item = u64> + '_ {
        self.pages.iter().flat_map(|p| p.iter().copied())
    }
}

impl fmt::Debug for CodeSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CodeSet({} codes)", self.len)
    }
}

/// The top bits of a fingerprint that choose its table.
const SHARD_BITS: u32 = 8;

impl Shard {
    /// The smallest table.
    const MIN_SLOTS: usize = 64;

    /// The first slot of a fingerprint: the fraction of the length that its bits below the
    /// table's own give.
    #[inline]
    fn home(&self, fp: u64) -> usize {
        // the product's high half is below the length, which is a usize
        #[allow(clippy::cast_possible_truncation)]
        let i = ((u128::from(fp << SHARD_BITS) * self.slots.len() as u128) >> 64) as usize;
        i
    }

    fn rehash(&mut self, slots: Slots) {
        let old = std::mem::replace(&mut self.slots, slots);
        self.len = 0;
        for fp in old.iter().filter(|&f| f != 0) {
            self.insert_unchecked(fp);
        }
    }

    fn insert(&mut self, fp: u64) -> bool {
        if (self.len + 1) * 10 > self.slots.len() * CodeSet::MAX_LOAD_TENTHS {
            self.rehash(Slots::new(Slots::grown(self.slots.len())));
        }
        self.insert_unchecked(fp)
    }

    fn insert_unchecked(&mut self, fp: u64) -> bool {
        let n = self.slots.len();
        let mut i = self.home(fp);
        loop {
            match self.slots.get(i) {
                0 => {
                    self.slots.set(i, fp);
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
}

impl CodeSet {
    /// The load a table reserved for a known number of codes is sized for (its share and
    /// four standard deviations more fill it to this load at most).
    pub const RESERVED_LOAD: f64 = 0.9;
    /// Past this load (in tenths) an insert grows its table by an eighth.
    const MAX_LOAD_TENTHS: usize = 9;
    /// Number of tables.
    pub const SHARDS: usize = 1 << SHARD_BITS;

    /// The table of a fingerprint (its top bits).
    #[inline]
    fn shard_of(fp: u64) -> usize {
        // 8 bits: below SHARDS
        #[allow(clippy::cast_possible_truncation)]
        let s = (fp >> (64 - SHARD_BITS)) as usize;
        s
    }

    /// Makes room for `n` more codes, so that a large input does not rehash as it grows:
    /// each table is sized for its share and four standard deviations more.
    pub fn reserve(&mut self, n: usize) {
        self.make_shards();
        #[allow(
            clippy::cast_precision_loss,
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss
        )]
        let share = {
            let e = (self.len + n) as f64 / Self::SHARDS as f64;
            (e + 4.0 * e.sqrt()) as usize + 1
        };
        for shard in &mut self.shards {
            let want = shard.len.max(share);
            #[allow(
                clippy::cast_precision_loss,
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss
            )]
            let size = ((want as f64 / Self::RESERVED_LOAD) as usize + 2).max(Shard::MIN_SLOTS);
            if size > shard.slots.len() {
                // reserved once, so in one run: a look-up then skips the page
                shard.rehash(Slots::run(size));
            }
        }
    }

    /// The tables, made empty on first use (an unused set allocates nothing).
    fn make_shards(&mut self) {
        if self.shards.is_empty() {
            self.shards = vec![Shard::default(); Self::SHARDS];
        }
    }

    /// Bytes the tables hold (their slots), for the memory budget.
    #[must_use]
    pub fn bytes(&self) -> usize {
        self.shards.iter().map(|s| s.slots.len()).sum::<usize>() * std::mem::size_of::<u64>()
    }

    /// Records a fingerprint; `false` when it was seen before.
    pub fn insert(&mut self, fp: u64) -> bool {
        // 0 marks an empty slot
        let fp = if fp == 0 { 1 } else { fp };
        self.make_shards();
        let new = self.shards[Self::shard_of(fp)].insert(fp);
        self.len += usize::from(new);
        new
    }

    /// Reads the slots where these fingerprints' look-ups start, all at once, so that the
    /// [`CodeSet::insert`]s that follow find them in cache: the reads are independent, so
    /// the processor waits for their cache misses together instead of one after the other.
    /// Changes nothing in the set.
    pub fn warm(&self, fps: &[u64]) {
        if self.shards.is_empty() {
            return;
        }
        let mut acc = 0u64;
        for &fp in fps {
            let fp = if fp == 0 { 1 } else { fp };
            let shard = &self.shards[Self::shard_of(fp)];
            if shard.slots.len() > 0 {
                acc ^= shard.slots.get(shard.home(fp));
            }
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
    fn a_reserved_code_set_holds_its_codes_without_growing() {
        let n = 200_000;
        let mut set = CodeSet::default();
        set.reserve(n);
        let reserved = set.bytes();
        // 781 codes a table expected, 893 with four standard deviations, at load 0,9
        assert!(reserved <= n * 21 / 2, "{reserved} bytes for {n} codes");
        // the margin shrinks with the share: at 10 M codes it is 2 % over 8 / 0,9 (four
        // standard deviations and the rounding to whole pages)
        let mut big = CodeSet::default();
        big.reserve(10_000_000);
        assert!(
            big.bytes() <= 92_500_000,
            "{} bytes for 10 M codes",
            big.bytes()
        );
        for i in 0..n {
            assert!(set.insert(fingerprint(&format!("H53-{i:07}"))));
        }
        // filled within the reserved size
        assert_eq!(set.bytes(), reserved);
        for i in (0..n).step_by(11) {
            assert!(!set.insert(fingerprint(&format!("H53-{i:07}"))));
        }
        assert_eq!(set.len(), n);
    }

    #[test]
    fn a_growing_code_set_stays_within_ten_bytes_a_code() {
        // each table grows by an eighth past 0,9: its load stays above 0,8 once it holds
        // more than its smallest size
        let mut set = CodeSet::default();
        let mut worst = 0.0f64;
        for i in 0..400_000u32 {
            assert!(set.insert(fingerprint(&format!("H53-{i:07}"))));
            if i >= 100_000 && i % 1000 == 0 {
                #[allow(clippy::cast_precision_loss)]
                let per_code = set.bytes() as f64 / set.len() as f64;
                worst = worst.max(per_code);
            }
        }
        assert!(worst <= 10.2, "{worst:.2} bytes a code");
        assert_eq!(set.len(), 400_000);
    }

    #[test]
    fn a_table_in_pages_grows_and_remembers() {
        // fingerprints whose top bits are 0 all fall in the first table, which passes the
        // size of one run and grows in pages
        let fp = |i: u64| (i.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> SHARD_BITS) | 1;
        let mut set = CodeSet::default();
        let n = 100_000u64;
        for i in 0..n {
            assert!(set.insert(fp(i)), "{i}");
        }
        let first = &set.shards[0];
        assert_eq!(first.len, 100_000);
        assert!(first.slots.pages.len() > 1);
        assert_eq!(first.slots.len() % Slots::PAGE, 0);
        for i in 0..n {
            assert!(!set.insert(fp(i)), "{i}");
        }
        assert!(set.insert(fp(n)));
        // its load after the last growth: above 0,75
        let first = &set.shards[0];
        #[allow(clippy::cast_precision_loss)]
        let load = first.len as f64 / first.slots.len() as f64;
        assert!(load > 0.75, "{load}");
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
