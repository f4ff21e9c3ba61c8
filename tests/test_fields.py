import datetime

from django import forms

from trust_portal.fields import date_field


class ClosureForm(forms.Form):
    closed_on = date_field("Closure date")


def test_the_date_picker_shows_a_default_date_in_the_form_the_browser_reads():
    html = str(ClosureForm(initial={"closed_on": datetime.date(2026, 3, 27)})["closed_on"])
    assert 'type="date"' in html and 'value="2026-03-27"' in html


def test_a_date_typed_the_british_way_is_accepted_and_a_wrong_one_explained():
    assert ClosureForm({"closed_on": "27/03/2026"}).is_valid()
    form = ClosureForm({"closed_on": "31/02/2026"})
    assert form.errors["closed_on"] == ["Enter the closure date as a real date, like 27/3/2026."]
