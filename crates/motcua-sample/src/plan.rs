//! [`Plan`]: the decided facts of one dossier, and [`Emitter`], which writes a plan as a
//! row in the contract's text forms.

use super::Timestamps;
use super::catalog::{AGENCIES, Catalog, PROC_LEVELS, SPECS, Spec};
use super::days::{Day, Days};
use super::record::{SampleRecord, push_num, push2};
use super::rng::Rng;

/// One dossier, decided: dates as table indices, times as seconds after midnight.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Plan {
    /// Index into `AGENCIES`.
    pub agency: u8,
    /// Procedure 0..6 of the agency.
    pub proc_: u8,
    /// 1 in person, 2 online, 3 postal.
    pub channel: u8,
    /// Portal status 1..=10.
    pub status: u8,
    /// Receipt date and time.
    pub recv: Day,
    pub recv_secs: u32,
    /// Due date (what `NgayHenTra` says, or what the limit gives).
    pub due: Day,
    /// Closing (`NgayKetThucXuLy`, or `NgayTra` when `ret_only`).
    pub close: Option<(Day, u32)>,
    /// Return of the result (`NgayTra`), for status 10.
    pub ret: Option<(Day, u32)>,
    /// The closing is written as `NgayTra` alone.
    pub ret_only: bool,
    pub supplements: u8,
    /// `DanhGia`, 0 for none.
    pub rating: u8,
    /// `SoCoQuanLienHe`, `None` for empty (the channel's default).
    pub contacts: Option<u8>,
    pub complaint: bool,
    /// Index into the agency's officials.
    pub official: Option<u8>,
    /// Random bits choosing the written forms.
    pub style: u32,
}

/// The written form of a timestamp.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// `yyyy-MM-dd HH:mm:ss`
    Iso,
    /// `yyyyMMddHHmmss`
    Portal,
    /// `yyyy-MM-ddTHH:mm:ss`
    IsoT,
    /// `dd/MM/yyyy HH:mm:ss`
    Dmy,
    /// `yyyy-MM-dd`
    Date,
    /// `dd/MM/yyyy`
    DmyDate,
}

/// Writes plans as rows, numbering dossier codes per agency and day.
pub(crate) struct Emitter<'a> {
    cat: &'a Catalog,
    days: &'a Days,
    seq: Vec<u32>,
    rec: SampleRecord,
    /// Every timestamp in the portal's form instead of the mixed forms.
    portal: bool,
}

impl<'a> Emitter<'a> {
    pub(crate) fn new(cat: &'a Catalog, days: &'a Days, timestamps: Timestamps) -> Self {
        let n = AGENCIES.len() * (days.last() as usize + 1);
        Self {
            cat,
            days,
            seq: vec![0; n],
            rec: SampleRecord::new(),
            portal: timestamps == Timestamps::Portal,
        }
    }

    /// Writes `p` into the reused record.
    pub(crate) fn emit(&mut self, p: &Plan) -> &SampleRecord {
        let a = p.agency as usize;
        let days = self.days;
        let style = p.style;
        // The form drawn, or the portal's for every timestamp.
        let portal = self.portal;
        let pick = |drawn: Form| if portal { Form::Portal } else { drawn };
        let mut rec = self.rec.builder();
        // MaHoSo: 000.00.AA.H53-yymmdd-NNNN, numbered per agency and day.
        let slot = a * (days.last() as usize + 1) + p.recv as usize;
        self.seq[slot] += 1;
        let (year, month, day) = days.parts(p.recv);
        rec.push("000.00.");
        push2(rec.buf(), a as u8 + 1);
        rec.push(".H53-");
        push2(rec.buf(), (year % 100) as u8);
        push2(rec.buf(), month);
        push2(rec.buf(), day);
        rec.push("-");
        push_num(rec.buf(), self.seq[slot], 4);
        rec.end_field();
        rec.push(&self.cat.procedures[a][p.proc_ as usize]);
        rec.end_field();
        rec.push(AGENCIES[a].0);
        rec.end_field();
        push_num(rec.buf(), u32::from(p.channel), 1);
        rec.end_field();
        let words = (style >> 21) % 8 == 0;
        rec.push(match PROC_LEVELS[p.proc_ as usize] {
            4 if words => "toan_trinh",
            4 => "4",
            3 if words => "mot_phan",
            3 => "3",
            2 => "2",
            _ if (style >> 29) % 2 == 0 => "",
            _ => "1",
        });
        rec.end_field();
        let recv_form = match style % 100 {
            0..55 => Form::Iso,
            55..94 => Form::Portal,
            94..97 => Form::IsoT,
            _ => Form::Dmy,
        };
        let recv_form = pick(recv_form);
        push_ts(rec.buf(), days, p.recv, p.recv_secs, recv_form);
        rec.end_field();
        // Deadline: NgayHenTra only, ThoiHanGiaiQuyet only, or both (NgayHenTra wins).
        let deadline = (style >> 7) % 10;
        if !(4..8).contains(&deadline) {
            let form =
                [Form::Date, Form::Iso, Form::Portal, Form::DmyDate][((style >> 11) % 4) as usize];
            let form = pick(form);
            push_ts(rec.buf(), days, p.due, 17 * 3600, form);
        }
        rec.end_field();
        if deadline >= 4 {
            push_num(rec.buf(), u32::from(SPECS[a].limits[p.proc_ as usize]), 1);
        }
        rec.end_field();
        let close_form = pick(if (style >> 13) % 10 < 6 {
            Form::Iso
        } else {
            Form::Portal
        });
        if let (Some((day, secs)), false) = (p.close, p.ret_only) {
            push_ts(rec.buf(), days, day, secs, close_form);
        }
        rec.end_field();
        let ret = if p.ret_only { p.close } else { p.ret };
        if let Some((day, secs)) = ret {
            let form = pick(if (style >> 15) % 10 < 7 {
                close_form
            } else {
                Form::Dmy
            });
            push_ts(rec.buf(), days, day, secs, form);
        }
        rec.end_field();
        push_num(rec.buf(), u32::from(p.status), 1);
        rec.end_field();
        if p.supplements > 0 || (style >> 25) % 8 != 0 {
            push_num(rec.buf(), u32::from(p.supplements), 1);
        }
        rec.end_field();
        if p.rating > 0 {
            push_num(rec.buf(), u32::from(p.rating), 1);
        }
        rec.end_field();
        if let Some(o) = p.official {
            rec.push(&self.cat.officials[a][o as usize]);
        }
        rec.end_field();
        if let Some(contacts) = p.contacts {
            push_num(rec.buf(), u32::from(contacts), 1);
        }
        rec.end_field();
        if p.complaint {
            rec.push("1");
        } else if (style >> 18) % 64 == 0 {
            rec.push("0");
        }
        rec.end_field();
        rec.finish();
        &self.rec
    }
}

/// A receipt time (seconds after midnight) for a channel: online at any hour (a quarter
/// outside office hours), in person in office hours (a few just after 17:00; Saturday
/// mornings), postal during the day.
#[inline]
pub(crate) fn receipt_time(rng: &mut Rng, channel: u8, working_day: bool) -> u32 {
    const H: u32 = 3600;
    match channel {
        2 if rng.per_mille(250) => {
            if rng.per_mille(700) {
                rng.between(17 * H, 24 * H - 1)
            } else {
                rng.between(5 * H, 7 * H - 1)
            }
        }
        2 => rng.between(7 * H, 17 * H - 1),
        1 if !working_day => rng.between(7 * H + 1800, 11 * H),
        1 if rng.per_mille(30) => rng.between(17 * H, 17 * H + 20 * 60),
        1 if rng.per_mille(550) => rng.between(7 * H, 11 * H + 1800),
        1 => rng.between(13 * H + 1800, 17 * H - 1),
        _ => rng.between(7 * H + 1800, 16 * H + 1800),
    }
}

/// Fills the facts that do not decide counts: supplements, agencies contacted, the
/// receiving official, a rare complaint.
pub(crate) fn finish(rng: &mut Rng, p: &mut Plan, spec: &Spec) {
    let u = rng.below(1000);
    p.supplements = if u < spec.sup2 {
        2 + u8::from(rng.per_mille(150))
    } else {
        u8::from(u < spec.sup1 + spec.sup2 || p.status == 5)
    };
    let u = rng.below(1000);
    p.contacts = match p.channel {
        1 if u < spec.contact2 => Some(2),
        1 if u < spec.contact2 + 120 => Some(1),
        2 if u < 150 => Some(0),
        2 if u < 150 + spec.contact2 / 10 => Some(1),
        3 if u < 100 => Some(0),
        _ => None,
    };
    p.official = if p.channel == 2 && rng.per_mille(40) {
        None
    } else {
        Some(rng.below(u32::from(spec.officials)) as u8)
    };
    p.complaint = matches!(p.status, 9 | 10) && rng.below(10_000) < 3;
}

fn push_ts(out: &mut Vec<u8>, days: &Days, day: Day, secs: u32, form: Form) {
    let (y, m, dd) = days.parts(day);
    let (h, mi, sec) = (
        (secs / 3600) as u8,
        (secs / 60 % 60) as u8,
        (secs % 60) as u8,
    );
    let two = |v: u8| [b'0' + v / 10, b'0' + v % 10];
    let (y1, y2) = two((y / 100) as u8).into();
    let (y3, y4) = two((y % 100) as u8).into();
    let (m, dd, h, mi, sec) = (two(m), two(dd), two(h), two(mi), two(sec));
    let mut b = [0u8; 19];
    let len = match form {
        Form::Iso | Form::IsoT | Form::Date => {
            b[..10].copy_from_slice(&[y1, y2, y3, y4, b'-', m[0], m[1], b'-', dd[0], dd[1]]);
            b[10] = if form == Form::Iso { b' ' } else { b'T' };
            b[11..].copy_from_slice(&[h[0], h[1], b':', mi[0], mi[1], b':', sec[0], sec[1]]);
            if form == Form::Date { 10 } else { 19 }
        }
        Form::Portal => {
            b[..14].copy_from_slice(&[
                y1, y2, y3, y4, m[0], m[1], dd[0], dd[1], h[0], h[1], mi[0], mi[1], sec[0], sec[1],
            ]);
            14
        }
        Form::Dmy | Form::DmyDate => {
            b[..10].copy_from_slice(&[dd[0], dd[1], b'/', m[0], m[1], b'/', y1, y2, y3, y4]);
            b[10] = b' ';
            b[11..].copy_from_slice(&[h[0], h[1], b':', mi[0], mi[1], b':', sec[0], sec[1]]);
            if form == Form::Dmy { 19 } else { 10 }
        }
    };
    out.extend_from_slice(&b[..len]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use motcua_core::calendar::Calendar;
    use motcua_core::timestamp::Timestamp;

    #[test]
    fn every_form_reads_back() {
        let days = Days::new(&Calendar::vn());
        let d = days.ymd(2021, 7, 5);
        let secs = 17 * 3600 + 5 * 60 + 9;
        for form in [
            Form::Iso,
            Form::Portal,
            Form::IsoT,
            Form::Dmy,
            Form::Date,
            Form::DmyDate,
        ] {
            let mut s = Vec::new();
            push_ts(&mut s, &days, d, secs, form);
            let s = String::from_utf8(s).unwrap();
            let t = Timestamp::parse(&s).unwrap();
            assert_eq!(t.date, days.date(d), "{s}");
            if !matches!(form, Form::Date | Form::DmyDate) {
                assert_eq!(t, days.timestamp(d, secs), "{s}");
            }
        }
    }
}
