//! Rows parsed in blocks, on any thread, then merged in input order.
//!
//! Every reader that splits its input (CSV blocks, Arrow record batches) validates the rows
//! of a block with a [`BlockBuilder`] — where the work is — and hands the [`Block`] to one
//! [`Merger`], which takes the blocks in input order: it rejects repeated dossier codes (the
//! later row), gives agencies and officials their final ids, keeps the input summary and
//! passes every used dossier on.
//!
//! ```
//! use motcua_core::calendar::Calendar;
//! use motcua_core::record::{Header, Ingest, parse_row};
//! use motcua_io::blocks::{BlockBuilder, Merger};
//!
//! let header = Header::new(["MaHoSo", "DonViXuLy", "KenhThucHien", "NgayTiepNhan",
//!                           "ThoiHanGiaiQuyet", "TrangThaiHoSo"]).unwrap();
//! let rows = [["H1", "STP", "2", "2021-07-01 09:00", "3", "4"],
//!             ["H1", "STP", "1", "2021-07-02 09:00", "3", "4"]];
//! let cal = Calendar::vn();
//! let mut block = BlockBuilder::default();
//! for (i, row) in rows.iter().enumerate() {
//!     let field = |c| header.index(c).map_or("", |j| row[j]);
//!     block.record(i as u64 + 2, row.len(), &header, &cal, field);
//! }
//! let mut merger = Merger::new(Ingest::new(false));
//! let mut used = 0;
//! merger.merge(block.finish(), &mut |_| used += 1).unwrap();
//! let ingested = merger.finish();
//! assert_eq!((used, ingested.input.rejected), (1, 1)); // the repeated H1 is rejected
//! ```

use std::collections::HashMap;

use motcua_core::calendar::Calendar;
use motcua_core::dossier::{
    AgencyId, Dossier, FieldId, InputSummary, Interner, OfficialId, ProcedureId,
};
use motcua_core::record::{
    Column, FieldError, Header, Ingest, ParsedRow, RowContext, fingerprint, parse_row_with,
};

use crate::error::ReadError;

/// What a streaming read leaves besides the dossiers: agencies and officials (the ids of
/// the dossiers index these) and the input summary.
#[derive(Debug, Clone, Default)]
pub struct Ingested {
    /// Agencies with at least one used row, in order of first use.
    pub agencies: Interner,
    /// Officials met in used rows.
    pub officials: Interner,
    /// Procedures met in used rows.
    pub procedures: Interner,
    /// Fields of used rows (from the rows or the catalog).
    pub fields: Interner,
    /// Dossiers kept with their codes ([`Ingest::keep`]).
    pub kept: Vec<motcua_core::record::Kept>,
    /// Rows read, used, rejected, not received; the errors.
    pub input: InputSummary,
}

enum Kind {
    Received {
        dossier: Dossier,
        agency: u32,
        official: Option<u32>,
        procedure: Option<u32>,
        field: Option<u32>,
    },
    NotReceived,
    Bad(FieldError),
}

struct RowOut {
    line: u64,
    code: Option<(u32, u32, u64)>,
    kind: Kind,
}

/// A fast hasher for the few short codes of one block (not for untrusted keys at scale).
#[derive(Default)]
struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut w = [0u8; 8];
            w[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(w))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
}

/// Agency, official, procedure or field codes of one block, by first appearance.
///
/// A block holds few distinct names and each row looks up four, so a name of up to 16
/// bytes is first looked for in a small direct-mapped table keyed by its bytes, read as
/// two words (one comparison, no hashing of a string); the map holds every name.
#[derive(Default)]
struct LocalNames {
    map: HashMap<Box<str>, u32, std::hash::BuildHasherDefault<FxHasher>>,
    names: Vec<Box<str>>,
    recent: Recent,
}

/// Slots of the direct-mapped table of [`LocalNames`].
const RECENT: usize = 256;

/// A short name as two words and its length; equal keys are equal names.
#[derive(Clone, Copy, PartialEq, Eq, Default)]
struct Key(u64, u64, u32);

/// Short names and their ids; a key of length 0 is an empty slot.
struct Recent(Box<[(Key, u32)]>);

impl Default for Recent {
    fn default() -> Self {
        Self(vec![(Key::default(), 0); RECENT].into_boxed_slice())
    }
}

fn word(b: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(b);
    u64::from_le_bytes(w)
}

fn half(b: &[u8]) -> u64 {
    let mut w = [0u8; 4];
    w.copy_from_slice(b);
    u64::from(u32::from_le_bytes(w))
}

impl Key {
    /// The key of a name of 1 to 16 bytes: its bytes read from both ends (the two reads
    /// overlap for shorter names, and together with the length they give every byte).
    fn of(name: &str) -> Option<Self> {
        let b = name.as_bytes();
        let n = b.len();
        let (lo, hi) = match n {
            1..=3 => (
                u64::from(b[0]) | u64::from(b[n / 2]) << 8 | u64::from(b[n - 1]) << 16,
                0,
            ),
            4..=7 => (half(&b[..4]), half(&b[n - 4..])),
            8..=16 => (word(&b[..8]), word(&b[n - 8..])),
            _ => return None,
        };
        Some(Self(lo, hi, n as u32))
    }

    fn slot(self) -> usize {
        let folded = self.0 ^ self.1.rotate_left(29) ^ u64::from(self.2);
        (folded.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 56) as usize
    }
}

impl LocalNames {
    fn id(&mut self, name: &str) -> u32 {
        let key = Key::of(name);
        if let Some(k) = key {
            let (held, id) = self.recent.0[k.slot()];
            if held == k {
                return id;
            }
        }
        let id = self.id_in_map(name);
        if let Some(k) = key {
            self.recent.0[k.slot()] = (k, id);
        }
        id
    }

    fn id_in_map(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.map.get(name) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(name.into());
        self.map.insert(name.into(), id);
        id
    }

    fn clear(&mut self) {
        self.map.clear();
        self.names.clear();
        self.recent.0.fill((Key::default(), 0));
    }
}

/// The validated rows of one block, ready for the [`Merger`]. Its buffers are reused when
/// a merged block is given back to [`BlockBuilder::reuse`].
#[derive(Default)]
pub struct Block {
    rows: Vec<RowOut>,
    codes: String,
    agencies: LocalNames,
    officials: LocalNames,
    procedures: LocalNames,
    fields: LocalNames,
    fatal: Option<ReadError>,
}

/// Maps the ids of one block's [`LocalNames`] to the ids of the whole input's interner.
struct IdMap(Vec<Option<u32>>);

impl IdMap {
    fn new(local: &LocalNames) -> Self {
        Self(vec![None; local.names.len()])
    }

    fn get(
        &mut self,
        local: &LocalNames,
        id: u32,
        global: &mut motcua_core::dossier::Interner,
    ) -> u32 {
        *self.0[id as usize].get_or_insert_with(|| global.intern(&local.names[id as usize]))
    }
}

impl Block {
    /// Rows in the block.
    #[must_use]
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether the block has no row.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// Validates the rows of one block (any thread).
#[derive(Default)]
pub struct BlockBuilder {
    block: Block,
}

impl BlockBuilder {
    /// A builder that reuses the buffers of a merged block.
    #[must_use]
    pub fn reuse(mut block: Block) -> Self {
        block.rows.clear();
        block.codes.clear();
        block.agencies.clear();
        block.officials.clear();
        block.procedures.clear();
        block.fields.clear();
        block.fatal = None;
        Self { block }
    }

    /// Validates one record starting at `line`; `len` is its number of fields, `field`
    /// returns a column's text (`""` when absent). A record whose field count differs from
    /// the header's is a bad row.
    pub fn record<'a>(
        &mut self,
        line: u64,
        len: usize,
        header: &Header,
        calendar: &Calendar,
        field: impl Fn(Column) -> &'a str,
    ) {
        self.record_with(line, len, header, &RowContext::new(calendar), field);
    }

    /// As [`BlockBuilder::record`], with the options of a [`RowContext`].
    pub fn record_with<'a>(
        &mut self,
        line: u64,
        len: usize,
        header: &Header,
        cx: &RowContext<'_>,
        field: impl Fn(Column) -> &'a str,
    ) {
        let width = header.width();
        if len != width {
            let code = field(Column::MaHoSo);
            let message = format!(
                "the row has {len} fields but the header has {width}: check the commas and quotes"
            );
            self.row(
                line,
                ParsedRow::Bad {
                    code: Some(code),
                    error: FieldError::record(message),
                },
            );
            return;
        }
        self.row(line, parse_row_with(field, cx));
    }

    /// Adds a row already parsed with [`parse_row`].
    pub fn row(&mut self, line: u64, parsed: ParsedRow<'_>) {
        let b = &mut self.block;
        let (code, kind) = match parsed {
            ParsedRow::Received {
                code,
                agency,
                official,
                procedure,
                field,
                dossier,
            } => {
                let agency = b.agencies.id(agency);
                let official = official.map(|o| b.officials.id(o));
                let procedure = procedure.map(|p| b.procedures.id(p));
                let field = field.map(|f| b.fields.id(f));
                (
                    Some(code),
                    Kind::Received {
                        dossier,
                        agency,
                        official,
                        procedure,
                        field,
                    },
                )
            }
            ParsedRow::NotReceived { code } => (Some(code), Kind::NotReceived),
            ParsedRow::Bad { code, error } => (code, Kind::Bad(error)),
        };
        let code = code.and_then(|c| code_of(c, &mut b.codes));
        b.rows.push(RowOut { line, code, kind });
    }

    /// Stops the block with an error that ends the whole read (after its earlier rows).
    pub fn fail(&mut self, error: ReadError) {
        self.block.fatal = Some(error);
    }

    /// The block, for the merger.
    #[must_use]
    pub fn finish(self) -> Block {
        self.block
    }
}

fn code_of(code: &str, codes: &mut String) -> Option<(u32, u32, u64)> {
    let code = motcua_core::text::trim(code);
    if code.is_empty() {
        return None;
    }
    let start = codes.len() as u32;
    codes.push_str(code);
    Some((start, codes.len() as u32, fingerprint(code)))
}

/// Takes blocks in input order (one thread).
#[derive(Debug)]
pub struct Merger {
    ingest: Ingest,
}

/// Rows whose duplicate-check slots are read ahead at once (see `Ingest::warm_codes`).
const WARM_AHEAD: usize = 16;

impl Merger {
    /// A merger feeding `ingest` (lenient or strict, possibly presized).
    #[must_use]
    pub fn new(ingest: Ingest) -> Self {
        Self { ingest }
    }

    /// Merges the next block: `visit` sees each used dossier with its final ids. Returns the
    /// emptied block, to reuse; a fatal error of the block comes after its earlier rows.
    pub fn merge(
        &mut self,
        mut block: Block,
        visit: &mut impl FnMut(&Dossier),
    ) -> Result<Block, ReadError> {
        let ing = &mut self.ingest;
        let mut amap = IdMap::new(&block.agencies);
        let mut omap = IdMap::new(&block.officials);
        let mut pmap = IdMap::new(&block.procedures);
        let mut fmap = IdMap::new(&block.fields);
        // The code set is far larger than the cache: its slots are read a group of rows
        // ahead, so that the misses overlap (the inserts stay in input order).
        let fps: Vec<u64> = block
            .rows
            .iter()
            .map(|r| r.code.map_or(0, |c| c.2))
            .collect();
        for (i, row) in block.rows.drain(..).enumerate() {
            if i % WARM_AHEAD == 0 {
                ing.warm_codes(&fps[i..(i + WARM_AHEAD).min(fps.len())]);
            }
            let code = row
                .code
                .map(|(s, e, fp)| (&block.codes[s as usize..e as usize], fp));
            if !ing.begin_row(row.line, code).map_err(ReadError::Row)? {
                continue;
            }
            match row.kind {
                Kind::Received {
                    mut dossier,
                    agency,
                    official,
                    procedure,
                    field,
                } => {
                    dossier.agency = AgencyId(amap.get(&block.agencies, agency, &mut ing.agencies));
                    dossier.official = official
                        .map(|o| OfficialId(omap.get(&block.officials, o, &mut ing.officials)));
                    let procedure = procedure
                        .map(|p| ProcedureId(pmap.get(&block.procedures, p, &mut ing.procedures)));
                    let field = field.map(|f| FieldId(fmap.get(&block.fields, f, &mut ing.fields)));
                    ing.complete(
                        row.line,
                        code.map_or("", |c| c.0),
                        &mut dossier,
                        procedure,
                        field,
                    );
                    visit(&dossier);
                }
                Kind::NotReceived => ing.not_received(),
                Kind::Bad(e) => {
                    ing.reject(e.at(row.line)).map_err(ReadError::Row)?;
                }
            }
        }
        match block.fatal.take() {
            Some(e) => Err(e),
            None => Ok(block),
        }
    }

    /// Agencies, officials and the input summary.
    #[must_use]
    pub fn finish(self) -> Ingested {
        self.ingest.into()
    }

    /// The ingest itself, to finish through [`crate::dossiers::ReadOptions`].
    pub(crate) fn into_ingest(self) -> Ingest {
        self.ingest
    }
}

impl From<Ingest> for Ingested {
    /// What an ingest leaves once the rows are read: agencies, officials, the summary.
    fn from(ingest: Ingest) -> Self {
        let Ingest {
            agencies,
            officials,
            procedures,
            fields,
            input,
            kept,
            ..
        } = ingest;
        Self {
            agencies,
            officials,
            procedures,
            fields,
            kept,
            input,
        }
    }
}

impl Ingested {
    /// The dataset of these rows, with `dossiers` read from them in input order.
    #[must_use]
    pub fn into_dataset(self, dossiers: Vec<Dossier>) -> motcua_core::dossier::Dataset {
        let Self {
            agencies,
            officials,
            procedures,
            fields,
            input,
            ..
        } = self;
        motcua_core::dossier::Dataset {
            agencies,
            officials,
            procedures,
            fields,
            dossiers,
            input,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::LocalNames;

    #[test]
    fn names_of_every_length_keep_their_own_ids() {
        // names that share their first and last bytes, of lengths 1 to 20 (the short-name
        // table reads words from both ends; past 16 bytes only the map is used)
        let names: Vec<String> = (1..=20)
            .flat_map(|n| {
                (0..4u8).map(move |k| {
                    let mut b = vec![b'a'; n];
                    b[n / 2] = b'a' + k;
                    String::from_utf8(b).unwrap()
                })
            })
            .collect();
        let mut local = LocalNames::default();
        for round in 0..3 {
            for (i, name) in names.iter().enumerate() {
                let id = local.id(name) as usize;
                assert_eq!(
                    local.names[id].as_ref(),
                    name.as_str(),
                    "round {round}, {i}"
                );
            }
        }
        let mut distinct = names.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(local.names.len(), distinct.len());
        local.clear();
        assert_eq!(local.id("b"), 0);
        assert_eq!(local.id("aaaa"), 1, "a cleared table forgets its old ids");
    }
}
