import csv
import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from schools.gias import GiasImportError, decode, import_gias
from schools.models import Phase, School
from tests.factories import SchoolFactory

# The real header row of the GIAS "all establishment data" export (from shared/data), in file order.
HEADER_FILE = Path(__file__).resolve().parents[1] / "data" / "gias-header.csv"


def gias_header():
    return next(csv.reader(HEADER_FILE.open()))


def gias_csv(rows, header=None):
    header = header or gias_header()
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({column: "" for column in header} | row)
    return out.getvalue()


def row(urn, name, **extra):
    return {
        "URN": urn,
        "EstablishmentName": name,
        "LA (code)": "881",
        "LA (name)": "Essex",
        "TypeOfEstablishment (name)": "Academy converter",
        "EstablishmentStatus (name)": "Open",
        "PhaseOfEducation (name)": "Primary",
        "OpenDate": "01-09-2021",
        "NumberOfPupils": "201",
        "SchoolCapacity": "210",
        "Trusts (code)": "4321",
        "TypeOfResourcedProvision (name)": "Resourced provision",
        "Postcode": "CM1 1AA",
    } | extra


def test_the_header_file_is_the_real_gias_header():
    header = gias_header()
    assert header[0] == "URN" and "Trusts (code)" in header and len(header) > 100


@pytest.mark.django_db
def test_adds_the_trusts_schools_and_skips_the_rest():
    text = gias_csv(
        [
            row("140001", "Elmstead Primary"),
            row("140002", "Other Trust School", **{"Trusts (code)": "9999"}),
            row(
                "140003",
                "Harbour View",
                **{
                    "PhaseOfEducation (name)": "Not applicable",
                    "TypeOfEstablishment (name)": "Academy special converter",
                },
            ),
        ]  # fmt: skip
    )
    report = import_gias(text, trust_code="4321")
    assert [s.urn for s in report.added] == ["140001", "140003"]
    assert report.skipped == 1
    school = School.objects.get(urn="140001")
    assert (school.pupils_on_roll, school.capacity, school.has_resourced_provision) == (201, 210, True)
    assert school.joined_on.isoformat() == "2021-09-01"
    assert School.objects.get(urn="140003").phase == Phase.SPECIAL


@pytest.mark.django_db
def test_a_reimport_reports_what_changed_and_keeps_hand_edits():
    school = SchoolFactory(
        urn="140001", name="Elmstead Primary", pupils_on_roll=180, capacity=210, postcode="CM1 1AA"
    )
    school.joined_on = school.joined_on.replace(year=2015)
    school.save()
    report = import_gias(gias_csv([row("140001", "Elmstead Primary")]), urns=["140001"])
    assert [(s.urn, fields) for s, fields in report.changed] == [("140001", ["pupils_on_roll"])]
    school.refresh_from_db()
    assert school.pupils_on_roll == 201 and school.joined_on.year == 2015


@pytest.mark.django_db
def test_one_bad_row_saves_nothing_and_names_the_row_and_column():
    text = gias_csv(
        [
            row("140001", "Good School"),
            row("14000X", "Bad URN"),
            row("140003", "Bad roll", NumberOfPupils="lots"),
        ]
    )
    with pytest.raises(GiasImportError) as raised:
        import_gias(text, urns=["140001", "14000X", "140003"])
    assert "Row 3, column 'URN': '14000X' is not a six-digit URN." in raised.value.errors
    assert "Row 4, column 'NumberOfPupils': 'lots' is not a whole number." in raised.value.errors
    assert not School.objects.exists()


@pytest.mark.django_db
def test_a_file_that_is_not_the_gias_export_is_refused():
    with pytest.raises(GiasImportError, match="no column 'EstablishmentName'"):
        import_gias("URN,Name\n140001,A school\n", urns=["140001"])


def test_cp1252_files_are_read():
    assert decode("St Mary’s".encode("cp1252")) == "St Mary’s"


@pytest.mark.django_db
def test_management_command_imports_and_dry_run_saves_nothing(tmp_path):
    path = tmp_path / "gias.csv"
    path.write_bytes(gias_csv([row("140001", "St Mary’s Primary")]).encode("cp1252"))
    out = io.StringIO()
    call_command("import_gias", str(path), "--trust-code", "4321", "--dry-run", stdout=out)
    assert "Dry run, nothing saved: 1 added" in out.getvalue() and not School.objects.exists()
    call_command("import_gias", str(path), "--trust-code", "4321", stdout=out)
    assert School.objects.get().name == "St Mary’s Primary"


@pytest.mark.django_db
def test_management_command_fails_loudly_on_bad_rows(tmp_path):
    path = tmp_path / "gias.csv"
    path.write_text(gias_csv([row("140001", "")]))
    with pytest.raises(CommandError, match="Row 2, column 'EstablishmentName'"):
        call_command("import_gias", str(path), "--urn", "140001")
