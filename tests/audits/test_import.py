import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from audits.models import Audit, AuditAction
from audits.selectors import outstanding_actions_count

HEADER = "URN,Audit type,Audit date,Auditor,Action,Priority,Due date,Owner email\n"


def _upload(client, text, name="actions.csv"):
    return client.post(reverse("audits:import"), {"file": SimpleUploadedFile(name, text.encode())})


def test_an_import_is_previewed_then_saved_all_at_once(world, client_as):
    client = client_as(world.compliance_manager)
    text = HEADER + (
        f"{world.school_a.urn},Fire safety,10/09/2026,Firesafe Ltd,Fit a closer,High,30/12/2026,\n"
        f"{world.school_a.urn},fire safety,10/09/2026,Firesafe Ltd,Replace signage,Low,30/01/2027,\n"
        f"{world.school_b.urn},GDPR,12/09/2026,,Update the privacy notice,Medium,01/12/2026,"
        "head.b@trust.example\n"
    )
    preview = _upload(client, text)
    assert "3 new actions will be recorded" in preview.content.decode()
    assert AuditAction.objects.count() == 0
    done = client.post(reverse("audits:import"), {"confirm": "1"})
    assert done.status_code == 302
    assert AuditAction.objects.count() == 3
    assert Audit.objects.count() == 2  # the two fire safety rows are one audit
    assert AuditAction.objects.get(description="Fit a closer").owner == world.head_a
    assert outstanding_actions_count(school=world.school_a) == 2


def test_an_import_with_any_bad_row_saves_nothing_and_names_each_row_and_column(world, client_as):
    client = client_as(world.compliance_manager)
    text = HEADER + (
        f"{world.school_a.urn},Fire safety,10/09/2026,,Fit a closer,High,30/12/2026,\n"
        "999999,Fire safety,10/09/2026,,Something,High,30/12/2026,\n"
        f"{world.school_a.urn},Astrology,10/09/2026,,Something,Urgent,next week,\n"
    )
    page = _upload(client, text).content.decode()
    assert "Row 3, column &#x27;URN&#x27;: no school in the trust has URN 999999." in page
    assert "Row 4, column &#x27;Audit type&#x27;: &#x27;Astrology&#x27; is not an audit type." in page
    assert "Row 4, column &#x27;Priority&#x27;" in page
    assert "Row 4, column &#x27;Due date&#x27;" in page
    assert "Nothing has been saved" in page
    assert client.post(reverse("audits:import"), {"confirm": "1"}).status_code == 302
    assert AuditAction.objects.count() == 0


def test_the_template_downloads_with_every_column(world, client_as):
    from openpyxl import load_workbook

    response = client_as(world.compliance_manager).get(reverse("audits:import_template") + "?format=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[1]] == HEADER.strip().split(",")


def test_the_filled_in_xlsx_template_imports(world, client_as):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER.strip().split(","))
    sheet.append(
        [world.school_b.urn, "Tree surveys", "2026-09-01", "", "Fell the ash", "Medium", "2026-12-01", ""]
    )
    data = io.BytesIO()
    workbook.save(data)
    client = client_as(world.compliance_manager)
    client.post(reverse("audits:import"), {"file": SimpleUploadedFile("a.xlsx", data.getvalue())})
    client.post(reverse("audits:import"), {"confirm": "1"})
    assert AuditAction.objects.get().owner == world.head_b


def test_reimporting_the_same_file_adds_nothing_and_the_preview_says_so(world, client_as):
    client = client_as(world.compliance_manager)
    text = HEADER + (
        f"{world.school_a.urn},Fire safety,10/09/2026,Firesafe Ltd,Fit a closer,High,30/12/2026,\n"
        f"{world.school_a.urn},Fire safety,10/09/2026,Firesafe Ltd,Replace signage,Low,30/01/2027,\n"
    )
    _upload(client, text)
    client.post(reverse("audits:import"), {"confirm": "1"})
    assert AuditAction.objects.count() == 2

    again = text + f"{world.school_a.urn},Fire safety,10/09/2026,,Test the alarm  weekly,Low,30/01/2027,\n"
    again += f"{world.school_a.urn},Fire safety,10/09/2026,,Test the alarm weekly,Low,30/01/2027,\n"
    preview = _upload(client, again).content.decode()
    assert "1 new action will be recorded" in preview
    assert preview.count("Already recorded: skipped") == 2
    assert "Repeats row 4: skipped" in preview
    done = client.post(reverse("audits:import"), {"confirm": "1"}, follow=True).content.decode()
    assert "Imported 1 audit action. 3 rows matched actions already recorded: skipped." in done
    assert AuditAction.objects.count() == 3
    assert Audit.objects.count() == 1

    _upload(client, again)
    client.post(reverse("audits:import"), {"confirm": "1"})
    assert AuditAction.objects.count() == 3
