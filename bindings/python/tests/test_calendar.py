"""motcua.Calendar: the built-in Vietnamese calendar, TOML calendars, due dates."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Callable

import pytest

import motcua


def test_vn_working_days() -> None:
    cal = motcua.Calendar.vn()
    assert cal.name == "vn" and cal.weekend == ["Sat", "Sun"] and cal.receipt_cutoff == dt.time(17, 0)
    assert not cal.is_working_day(dt.date(2021, 9, 2))  # Quốc khánh
    assert not cal.is_working_day("2021-09-04")  # Saturday
    assert cal.is_working_day("06/09/2021")
    assert cal.holiday_name(dt.date(2024, 2, 8)) == "Tết Nguyên đán"
    assert cal.holiday_name(dt.date(2024, 3, 5)) is None
    assert cal.add_working_days(dt.date(2021, 9, 1), 1) == dt.date(2021, 9, 6)
    assert cal.add_working_days("2021-09-01", 0) == dt.date(2021, 9, 1)
    assert cal.working_days_between("2021-09-01", "2021-09-10") == 5
    assert cal.working_days_between(dt.date(2021, 9, 10), dt.date(2021, 9, 1)) == -5


def test_due_dates() -> None:
    cal = motcua.Calendar.vn()
    assert cal.due_date("2021-09-01 09:00", 1) == dt.date(2021, 9, 6)
    assert cal.due_date(dt.datetime(2021, 9, 1, 16, 59), 1) == dt.date(2021, 9, 6)
    assert cal.due_date(dt.datetime(2021, 9, 1, 17, 0), 1) == dt.date(2021, 9, 7)  # at the cutoff
    assert cal.due_date(dt.date(2021, 9, 1), 1) == dt.date(2021, 9, 6)  # a date alone: office hours
    assert cal.due_date("20210901170000", 0) == dt.date(2021, 9, 6)
    utc = dt.timezone.utc
    assert cal.due_date(dt.datetime(2021, 9, 1, 10, 0, tzinfo=utc), 1) == dt.date(2021, 9, 7)  # 17:00 in UTC+7
    assert cal.due_date(dt.datetime(2021, 9, 1, 9, 59, tzinfo=utc), 1) == dt.date(2021, 9, 6)
    assert cal.effective_receipt_date("2021-09-04 10:00") == dt.date(2021, 9, 6)
    with pytest.raises(motcua.MotcuaError):
        cal.due_date("yesterday", 1)
    with pytest.raises(TypeError):
        cal.due_date(12345, 1)
    with pytest.raises(motcua.ArgumentError, match="from 0 to 4294967295"):
        cal.add_working_days("2021-09-01", -1)  # a count of working days is never negative
    with pytest.raises(TypeError):
        cal.add_working_days("2021-09-01", 1.5)


def test_year_equals_cli(cli: Callable[..., str]) -> None:
    cal = motcua.Calendar.vn()
    assert cal.year(2024) == json.loads(cli("calendar", "--year", "2024", "--format", "json"))
    assert cal.holidays(2024)[1] == (dt.date(2024, 2, 8), "Tết Nguyên đán")
    assert isinstance(cal.make_up_working_days(2024), list)
    assert not cal.is_projected(2021)
    with pytest.raises(motcua.CalendarError):
        cal.year(0)


def test_toml_calendars(tmp_path: Path, cli: Callable[..., str]) -> None:
    text = 'name = "Sóc Trăng 2021"\nextends = "vn"\nreceipt_cutoff = "16:30"\nholidays = [2021-09-06]\nworking_days = [2021-09-11]\n'
    cal = motcua.Calendar.from_toml(text)
    assert cal.name == "Sóc Trăng 2021" and cal.receipt_cutoff == dt.time(16, 30)
    assert not cal.is_working_day("2021-09-06") and cal.is_working_day("2021-09-11")
    f = tmp_path / "st.toml"
    f.write_text(text, encoding="utf-8")
    for source in (f, str(f)):
        assert motcua.Calendar.from_toml(source).year(2021) == cal.year(2021)
    assert cal.year(2021) == json.loads(cli("calendar", "--year", "2021", "--calendar", str(f), "--format", "json"))
    blank = motcua.Calendar.blank()
    assert blank.is_working_day("2021-09-02")
    assert motcua.Calendar.builtin("vn").year(2022) == motcua.Calendar.vn().year(2022)


def test_calendar_errors(tmp_path: Path) -> None:
    with pytest.raises(motcua.CalendarError) as ei:
        motcua.Calendar.from_toml('name = "x"\nholidays = [2021-13-01]\n')
    assert ei.value.line == 2
    with pytest.raises(motcua.CalendarError) as ei2:
        motcua.Calendar.from_toml('name = "x"\nweekends = ["Sat"]\n')
    assert (ei2.value.line, ei2.value.column) == (2, 1)
    assert "weekend" in str(ei2.value)
    with pytest.raises(motcua.CalendarError):
        motcua.Calendar.from_toml('extends = "mars"\n')
    with pytest.raises(FileNotFoundError):
        motcua.Calendar.from_toml(tmp_path / "missing.toml")
    with pytest.raises(motcua.CalendarError):
        motcua.Calendar.builtin("mars")


def test_calendar_argument_of_readers(sample_files: dict, tmp_path: Path) -> None:
    blank = motcua.read(sample_files["csv"], calendar="blank")
    vn = motcua.read(sample_files["csv"], calendar=motcua.Calendar.vn())
    default = motcua.read(sample_files["csv"])
    assert motcua.report(vn, "2021-Q3").to_dict() == motcua.report(default, "2021-Q3").to_dict()
    assert blank.calendar.name == "blank"
    f = tmp_path / "c.toml"
    f.write_text('extends = "vn"\nreceipt_cutoff = "12:00"\n', encoding="utf-8")
    noon = motcua.read(sample_files["csv"], calendar=f)
    assert noon.calendar.receipt_cutoff == dt.time(12, 0)
    with pytest.raises(FileNotFoundError):
        motcua.read(sample_files["csv"], calendar="no-such-calendar")
