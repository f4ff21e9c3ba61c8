"""A pack as printed: its frozen content laid out, with its charts, and made into a PDF record through the
shared PDF path (trust_portal.pdf_records)."""

from django.template.loader import render_to_string

from categorisation.money import money
from charts import figures
from trust_portal.pdf_records import pdf_record_render

from .models import Pack
from .services import pack_content_freeze


def _percent(value):
    return "\u2013" if value is None else f"{value:.1f}%"


def _money(value):
    return "\u2013" if value is None else money(value)


def _reserves_rows(reserves: dict) -> list[dict]:
    rows = []
    for r in reserves["schools"]:
        against = None
        if r["carry_forward"] is not None and r["carry_forward_target"] is not None:
            against = r["carry_forward"] - r["carry_forward_target"]
        rows.append(
            {
                "school": r["school"],
                "percent": _percent(r["percent"]),
                "outturn": _money(r["outturn"]),
                "carry_forward": _money(r["carry_forward"]),
                "target": _money(r["carry_forward_target"]),
                "against": "\u2013" if against is None else ("+" if against > 0 else "") + money(against),
            }
        )
    return rows


def pack_charts(content: dict) -> dict:
    """The pack's charts, drawn from its frozen figures."""
    charts = {
        "levels": [
            figures.levels_chart(data, key=f"pack-levels-{n}") for n, data in enumerate(content["levels"])
        ]
    }
    if content.get("reserves"):
        charts["reserves"] = figures.reserves_chart(content["reserves"], key="pack-reserves")
    return charts


def pack_document_html(content: dict, *, for_pdf: bool = True) -> str:
    return render_to_string(
        "packs/pack_document.html",
        {
            "c": content,
            "charts": pack_charts(content),
            "reserves_rows": _reserves_rows(content["reserves"]) if content.get("reserves") else [],
            "for_pdf": for_pdf,
        },
    )


def pack_pdf_render(*, pack_id: int) -> Pack | None:
    """Claim the pack, read and freeze what it says (the first time), lay it out and store the PDF."""
    return pdf_record_render(
        model=Pack,
        pk=pack_id,
        html=lambda pack: pack_document_html(pack_content_freeze(pack)),
        related=("half_term",),
        file_name=lambda pack: (
            f"packs/{pack.kind}-{pack.meeting_on:%Y-%m-%d}-{pack.pk}-{pack.content_hash[:12]}.pdf"
        ),
    )
