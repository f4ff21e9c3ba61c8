"""This app's own evidence: what the finance figures say against the trust's reserves thresholds."""

from schools.models import Trust

from .evidence import Evidence
from .models import Dimension
from .money import money, percent
from .selectors import finance_figures_for


def finance_figures_evidence(*, school_ids, half_term):
    trust = Trust.objects.get_current()
    floor, target = trust.reserves_floor_percent, trust.reserves_target_percent
    for school_id, figures in finance_figures_for(school_ids=school_ids, half_term=half_term).items():

        def said(code, holds, text, school_id=school_id):
            return Evidence(
                school_id=school_id, dimension=Dimension.FINANCE, code=code, holds=holds, text=text
            )

        share = figures.reserves_percent_of_gag
        if share is not None:
            reserves = f"Reserves {money(figures.reserves)} are {percent(share)} of GAG"
            if share < floor:
                yield said("fin.reserves_below_floor", True, f"{reserves}, below the {percent(floor)} floor.")
                yield said(
                    "fin.reserves_at_target", False, f"{reserves}, below the {percent(target)} target."
                )
            elif share < target:
                yield said(
                    "fin.reserves_below_floor", False, f"{reserves}, at or above the {percent(floor)} floor."
                )
                yield said(
                    "fin.reserves_at_target", False, f"{reserves}, below the {percent(target)} target."
                )
            else:
                yield said(
                    "fin.reserves_at_target", True, f"{reserves}, at or above the {percent(target)} target."
                )
        outturn = figures.predicted_in_year_outturn
        if outturn < 0:
            text = f"Predicted in-year outturn is a deficit of {money(-outturn)}."
            yield said("fin.in_year_balanced", False, text)
            yield said("fin.in_year_deficit_possible", True, text)
        else:
            yield said("fin.in_year_balanced", True, f"Predicted in-year outturn is {money(outturn)}.")
        if not figures.budget_balanced_3_years:
            yield said("fin.clear_plans", False, "The working budget does not balance over 3 years.")
