from django.forms.renderers import TemplatesSetting


class PortalFormRenderer(TemplatesSetting):
    """Renders every form field with its label, hint and error together, in the GOV.UK manner."""

    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"
