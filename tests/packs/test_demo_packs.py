"""Each kind of pack made for the demo trust and read back from its PDF (the real WeasyPrint path)."""

import hashlib
import re
import subprocess
from datetime import datetime
from importlib import import_module
from zoneinfo import ZoneInfo

import pytest
import time_machine

from audits.models import AuditType
from categorisation.models import Categorisation
from packs.document import pack_pdf_render
from packs.models import Pack, PackKind
from schools.management.commands.load_demo import DEMO_STEPS
from trust_portal.pdf_records import RenderStatus

pytestmark = pytest.mark.django_db

# The demo's calendar runs 2024-25 to 2026-27 with Aut 2, 2026 current and not yet categorised.
DEMO_DAY = datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Europe/London"))


def pdf_text(pack):
    data = pack.file.read()
    pack.file.seek(0)
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True
    ).stdout
    return re.sub(r"\s+", " ", text.decode())


@pytest.fixture
def demo_packs(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with time_machine.travel(DEMO_DAY, tick=False):
        # Letters render a PDF for every school; the packs do not read them, so that step is left out.
        for step in DEMO_STEPS:
            if step != "letters.demo":
                import_module(step).load()
        yield {pack.kind: pack for pack in Pack.objects.all()}


def test_the_demo_trusts_packs_read_back_with_their_moves_kpi_rows_and_reserves(demo_packs):
    """One demo load (about a minute) for every check: each kind's reading is a function below."""
    demo_has_one_ready_pack_of_each_kind_made_by_the_governance_professional(demo_packs)
    trust_board_pack_holds_the_grid_the_moves_with_rationale_interventions_and_audits(demo_packs)
    es_pack_holds_kpi_rows_against_comparators_with_ppg_gaps(demo_packs)
    fr_pack_holds_reserves_against_the_thresholds_and_carry_forward_against_target(demo_packs)
    pack_is_frozen_its_checksum_is_its_files_and_it_is_never_made_again(demo_packs)


def demo_has_one_ready_pack_of_each_kind_made_by_the_governance_professional(demo_packs):
    assert set(demo_packs) == set(PackKind.values)
    for pack in demo_packs.values():
        assert pack.status == RenderStatus.READY, pack.last_error
        assert pack.made_by.email == "governance@riverside.example"
        assert pack.half_term.label == "Aut 1, 2026"  # the latest categorised half-term


def trust_board_pack_holds_the_grid_the_moves_with_rationale_interventions_and_audits(demo_packs):
    text = pdf_text(demo_packs[PackKind.TRUST_BOARD])
    assert "Trust Board pack: meeting of 16 December 2026" in text
    for dimension in ("Education", "Finance", "Site & H&S"):
        assert f"{dimension} categories by school and half-term" in text
    assert "Aut 2, 2025" in text and "Aut 1, 2026" in text  # six half-terms, ending at the reported one
    move = Categorisation.objects.current().get(
        half_term__number=1,
        half_term__starts_on__year=2026,
        dimension="site_hs",
        school__name="Greenway Academy",
    )
    assert f"Greenway Academy Site & H&S Universal Concerning (down) {move.get_route_display()}" in text
    assert move.rationale in text
    assert "Open interventions" in text and "Finance REP" in text and "Education warning notice" in text
    assert "Slipping deadlines" in text and "REP action overdue" in text
    # Every active audit type is on each school's schedule (peer reviews have their own app, not a type).
    audit_types = AuditType.objects.filter(is_active=True).count()
    assert "Audit compliance by school" in text and f"Larkrise Learning Centre {audit_types}" in text


def es_pack_holds_kpi_rows_against_comparators_with_ppg_gaps(demo_packs):
    pack = demo_packs[PackKind.EDUCATION_STANDARDS]
    text = pdf_text(pack)
    assert "Education & Standards Committee pack" in text
    assert "Finance categories" not in text
    rows = pack.content["kpis"]["rows"]
    ks2 = next(r for r in rows if r["school"] == "Ashdown Primary Academy" and r["measure"].startswith("KS2"))
    assert ks2["gap"] == pytest.approx(ks2["disadvantaged"] - ks2["all_pupils"])
    assert "KS2 reading, writing and maths combined" in text and "PPG gap" in text
    assert f"{ks2['all_pupils']} {ks2['disadvantaged']} {round(ks2['gap'], 1)} {ks2['comparator']}" in text
    assert "REP" in text


def fr_pack_holds_reserves_against_the_thresholds_and_carry_forward_against_target(demo_packs):
    pack = demo_packs[PackKind.FINANCE_RISK]
    text = pdf_text(pack)
    assert "Finance & Risk Committee pack" in text and "Education categories" not in text
    assert "3% (below: Poor)" in text and "5% (Universal)" in text
    # Elmstead's reserves are below 3% of its GAG in the demo, with a carry-forward short of its target.
    assert "Elmstead Primary £23,020 £1,096,200 2.1%" in text
    assert "Elmstead Primary 2.1% -£18,000 £5,020 £54,810 -£49,790" in text
    assert "Finance REP" in text


def pack_is_frozen_its_checksum_is_its_files_and_it_is_never_made_again(demo_packs):
    pack = demo_packs[PackKind.TRUST_BOARD]
    data = pack.file.read()
    assert hashlib.sha256(data).hexdigest() == pack.sha256 and pack.size == len(data)
    content = dict(pack.content)
    Categorisation.objects.filter(school__name="Greenway Academy").update(rationale="Changed afterwards.")
    again = pack_pdf_render(pack_id=pack.pk)
    assert (again.sha256, again.attempts, again.made_at, again.content) == (
        pack.sha256,
        1,
        pack.made_at,
        content,
    )
    assert "Changed afterwards." not in pdf_text(again)
