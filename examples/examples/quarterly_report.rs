//! Count a quarter from a CSV dossier table and print the report in Vietnamese and as JSON.
//!
//! ```sh
//! cargo run -p motcua-examples --example quarterly_report [FILE.csv] [PERIOD]
//! ```

use motcua_core::calendar::Calendar;
use motcua_core::format::{Lang, report_text};
use motcua_core::period::Period;
use motcua_io::dossiers::{ReadOptions, read_dataset};

const SAMPLE: &str = "\
MaHoSo,DonViXuLy,KenhThucHien,MucDo,NgayTiepNhan,NgayHenTra,ThoiHanGiaiQuyet,NgayKetThucXuLy,TrangThaiHoSo,DanhGia
H1,STP,2,4,2021-07-01 09:00,,5,2021-07-06,10,3
H2,STP,1,2,2021-07-02 16:30,2021-07-09,,2021-07-09,9,2
H3,SYT,2,3,2021-09-28 10:00,,3,,4,
H4,SYT,3,2,2021-06-30 08:00,2021-07-02,,2021-07-05,10,1
";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let text = match args.first() {
        Some(path) => std::fs::read_to_string(path)?,
        None => SAMPLE.to_owned(),
    };
    let period: Period = args.get(1).map_or("2021-Q3", String::as_str).parse()?;
    let calendar = Calendar::vn();
    let dataset = read_dataset(text.as_bytes(), &calendar, &ReadOptions::default())?;
    let report = motcua_io::report::build(&dataset, period);
    println!("{}", report_text(&report, Lang::Vi));
    println!("{}", motcua_io::report::to_json(&report));
    Ok(())
}
