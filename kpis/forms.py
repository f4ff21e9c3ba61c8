from django import forms
from django.core.exceptions import ValidationError

from kpis.services import MAX_FILE_BYTES
from schools.models import AcademicYear
from trust_portal.uploads import validate_upload


class ImportFileForm(forms.Form):
    file = forms.FileField(
        label="The completed template",
        help_text="A .csv or .xlsx file, smaller than 5 MB. Nothing is saved until you check the preview "
        "and confirm.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            validate_upload(upload, allowed=(".csv", ".xlsx"), max_bytes=MAX_FILE_BYTES)
        except ValidationError as error:
            raise forms.ValidationError(error.messages) from None
        return upload


class YearForm(forms.Form):
    year = forms.ChoiceField(label="Academic year")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(y.name, y.name) for y in AcademicYear.objects.order_by("-starts_on")]
